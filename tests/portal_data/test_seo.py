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


def lastmods(client, tenant) -> dict[str, str | None]:
    root = ET.fromstring(client.get("/sitemap.xml", base_url=base_url(tenant)).data)
    return {
        url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS)
        for url in root.findall("s:url", NS)
    }


def test_items_with_a_known_date_carry_lastmod(client):
    from datetime import UTC, datetime

    from blueprints.newsroom.models import Article
    from tests.news.helpers import publish
    from tests.newsroom.helpers import make_board

    board = make_board()
    article = publish(board, title="Tin có ngày sửa")
    own = project(board.tenant, "Dự án có ngày")
    with tenant_scope(board.tenant):
        row = db.session.get(Article, (board.tenant.id, article))
        row.published_at = datetime(2025, 3, 1, 8, 30, tzinfo=UTC)
        row.updated_at = datetime(2025, 3, 2, 15, 45, 10, 123, tzinfo=UTC)
        row.title_en = "A dated story"  # only articles with an English version have an English URL
        db.session.get(Project, (board.tenant.id, own)).updated_at = datetime(2025, 1, 5, tzinfo=UTC)
        db.session.flush()
    base = base_url(board.tenant)
    dates = lastmods(client, board.tenant)
    article_url = f"{base}/tin-tuc/{article}-tin-co-ngay-sua"
    assert (
        dates[article_url]
        == dates[f"{base}/en/tin-tuc/{article}-tin-co-ngay-sua"]
        == "2025-03-02T15:45:10+00:00"
    )
    assert dates[f"{base}/du-an/{own}"] == "2025-01-05T00:00:00+00:00"
    assert dates[f"{base}/du-an"] is None  # a listing page has no date of its own


def test_past_the_limit_the_sitemap_is_an_index_of_pages(client, monkeypatch):
    from blueprints.seo import services

    ward, other = make_tenant(), make_tenant()
    for name in ("Dự án một", "Dự án hai"):
        project(ward, name)
    project(other, "Dự án phường khác")
    everything = locs(client, ward)
    monkeypatch.setattr(services, "URLS_PER_SITEMAP", 2)
    # The limit changes with no content change, which the page cache would not see.
    monkeypatch.setitem(client.application.config, "PAGE_CACHE_SECONDS", 0)
    base = base_url(ward)
    response = client.get("/sitemap.xml", base_url=base)
    root = ET.fromstring(response.data)
    assert response.status_code == 200 and root.tag == f"{{{NS['s']}}}sitemapindex"
    pages = [loc.text for loc in root.findall("s:sitemap/s:loc", NS)]
    assert pages == [f"{base}/sitemap-{n}.xml" for n in range(1, len(pages) + 1)]
    assert len(pages) == (len(everything) + 1) // 2
    listed = []
    for page in pages:
        urls = locs(client, ward, page.removeprefix(base))
        assert 1 <= len(urls) <= 2
        listed += urls
    assert listed == everything
    assert client.get(f"/sitemap-{len(pages) + 1}.xml", base_url=base).status_code == 404
    assert client.get("/sitemap-0.xml", base_url=base).status_code == 404
    assert f"Sitemap: {base}/sitemap.xml\n" in client.get("/robots.txt", base_url=base).text
    # another portal's pages list only its own URLs
    other_base = base_url(other)
    other_index = ET.fromstring(client.get("/sitemap.xml", base_url=other_base).data)
    other_urls = [
        url
        for page in other_index.findall("s:sitemap/s:loc", NS)
        for url in locs(client, other, page.text.removeprefix(other_base))
    ]
    assert other_urls and all(url.startswith(other_base + "/") for url in other_urls)


def test_a_sitemap_within_the_limit_has_no_pages(client):
    ward = make_tenant()
    assert locs(client, ward)
    assert client.get("/sitemap-1.xml", base_url=base_url(ward)).status_code == 404
