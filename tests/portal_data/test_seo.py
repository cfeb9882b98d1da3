import xml.etree.ElementTree as ET

from app.extensions import db
from blueprints.programmes.models import Project
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


def project(tenant, name):
    with tenant_scope(tenant):
        item = Project(kind="project", name=name)
        db.session.add(item)
        db.session.flush()
        return item.id


def locs(client, tenant, path="/sitemap.xml") -> list[str]:
    response = client.get(path, base_url=base_url(tenant))
    assert response.status_code == 200 and response.mimetype == "application/xml"
    root = ET.fromstring(response.data)
    return [loc.text for loc in root.findall("s:url/s:loc", NS)]


def test_sitemap_lists_this_portals_public_urls_in_both_languages(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    own = project(ward_a, "Dự án A")
    other = project(ward_b, "Dự án B")
    urls = locs(client, ward_a)
    base = base_url(ward_a)
    assert all(url.startswith(base + "/") for url in urls)
    for path in ("/", "/dich-vu-cong", "/du-an", "/du-lich", "/lien-ket", "/so-do-trang", f"/du-an/{own}"):
        assert base + path in urls and base + "/en" + path.rstrip("/") + ("/" if path == "/" else "") in urls
    assert f"{base}/du-an/{other}" not in urls
    assert not any("/admin" in url or "/login" in url for url in urls)
    assert f"{base_url(ward_b)}/du-an/{other}" in locs(client, ward_b)


def test_sitemap_entries_carry_language_alternates(client):
    ward = make_tenant()
    root = ET.fromstring(client.get("/en/sitemap.xml", base_url=base_url(ward)).data)
    first = root.find("s:url", NS)
    hreflangs = {link.get("hreflang"): link.get("href") for link in first.findall("x:link", NS)}
    assert hreflangs == {"vi": base_url(ward) + "/", "en": base_url(ward) + "/en/"}


def test_robots_points_at_the_portals_own_sitemap(client):
    ward = make_tenant()
    robots = client.get("/robots.txt", base_url=base_url(ward))
    assert robots.status_code == 200 and robots.mimetype == "text/plain"
    assert f"Sitemap: {base_url(ward)}/sitemap.xml" in robots.text
    assert "Disallow: /admin/" in robots.text


def test_unknown_host_has_no_sitemap(client):
    assert client.get("/sitemap.xml", base_url="http://nobody.test.localhost").status_code == 404
