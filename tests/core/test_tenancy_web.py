"""Host → tenant: normalisation, unknown hosts, aliases, suspension, proxies, cache invalidation."""

import pytest

from app.extensions import db
from tenants import provisioning
from tenants.resolver import InvalidHost, normalise_host, resolve_host, split_host_port
from tests.conftest import make_app
from tests.factories import base_url, make_tenant


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Phuong-1.VungTau.localhost", "phuong-1.vungtau.localhost"),
        ("phuong-1.vungtau.localhost:5000", "phuong-1.vungtau.localhost"),
        ("phuong-1.vungtau.localhost.", "phuong-1.vungtau.localhost"),
        ("phuong-1.vungtau.localhost.:8080", "phuong-1.vungtau.localhost"),
        ("thắngtam.vn", "xn--" + "thắngtam".encode("punycode").decode() + ".vn"),
        ("th\u0103\u0301ngtam.vn", "xn--thngtam-iq4c.vn"),  # decomposed input, same host
        ("[::1]:5000", "[::1]"),
    ],
)
def test_hosts_are_normalised(raw, expected):
    assert normalise_host(raw) == expected


@pytest.mark.parametrize("raw", ["", "bad host", "a/b.vn", "x" * 300, "example.org:http", "[::1]x"])
def test_malformed_hosts_are_refused(raw):
    with pytest.raises(InvalidHost):
        normalise_host(raw)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("example.org", ("example.org", None)),
        ("example.org:5000", ("example.org", 5000)),
        ("example.org:", ("example.org", None)),
        ("[::1]", ("[::1]", None)),
        ("[::1]:5000", ("[::1]", 5000)),
        ("[2001:db8::7]:443", ("[2001:db8::7]", 443)),
        ("127.0.0.1:8080", ("127.0.0.1", 8080)),
    ],
)
def test_split_host_port(raw, expected):
    assert split_host_port(raw) == expected


@pytest.mark.parametrize(
    "raw", ["::1", "[::1", "[::1]5000", "[::1]:x", "example.org:99999", "example.org:５"]
)
def test_split_host_port_refuses_what_is_no_host_and_port(raw):
    with pytest.raises(InvalidHost):
        split_host_port(raw)


@pytest.mark.parametrize(("host", "suffix"), [("[::1]", ""), ("[::1]:5000", ":5000")])
def test_links_to_other_portals_keep_the_port_of_an_ipv6_host(client, host, suffix):
    city = make_tenant(kind="city")
    ward = make_tenant(parent=city)
    provisioning.add_domain(ward.slug, "[::1]", primary=True)
    db.session.commit()
    page = client.get("/", base_url=f"http://{host}")
    assert page.status_code == 200
    assert f'href="http://{city.primary_host}{suffix}/"' in page.text


@pytest.mark.parametrize(("host", "suffix"), [("[::1]", ""), ("[::1]:5000", ":5000")])
def test_an_ipv6_alias_redirects_keeping_its_port(client, host, suffix):
    ward = make_tenant()
    provisioning.add_domain(ward.slug, "[::1]")
    db.session.commit()
    response = client.get("/projects", base_url=f"http://{host}")
    assert response.status_code == 301
    assert response.headers["Location"] == f"http://{ward.primary_host}{suffix}/projects"


def test_a_domain_is_given_without_a_port(client):
    ward = make_tenant()
    for hostname in ("example.test.localhost:5000", "[::1]:5000"):
        with pytest.raises(provisioning.ProvisioningError):
            provisioning.add_domain(ward.slug, hostname)


def test_host_header_variants_reach_the_same_portal(client):
    ward = make_tenant(name_vi="Phường Rạch Dừa")
    for host in (ward.primary_host.upper(), ward.primary_host + ".", ward.primary_host + ":5000"):
        page = client.get("/", base_url=f"http://{host}")
        assert page.status_code == 200, host
        assert "Phường Rạch Dừa" in page.text


def test_unknown_host_gets_a_themed_translated_404_without_tenant_data(client):
    ward = make_tenant(name_vi="Phường Bí Mật")
    page = client.get("/", base_url="http://nowhere.test.localhost")
    assert page.status_code == 404
    assert "Không có cổng thông tin" in page.text
    assert '<html lang="vi">' in page.text
    assert "Phường Bí Mật" not in page.text and ward.slug not in page.text
    english = client.get("/en/anything", base_url="http://nowhere.test.localhost")
    assert english.status_code == 404
    assert "No portal at this address" in english.text and '<html lang="en">' in english.text


def test_alias_redirects_permanently_to_the_primary_domain_keeping_path_and_query(client):
    ward = make_tenant()
    provisioning.add_domain(ward.slug, "old-name.test.localhost")
    db.session.commit()
    response = client.get("/en/tim-kiem?q=th%E1%BA%AFng+tam", base_url="http://old-name.test.localhost:5000")
    assert response.status_code == 301
    assert response.headers["Location"] == (
        f"http://{ward.primary_host}:5000/en/tim-kiem?q=th%E1%BA%AFng+tam"
    )


def test_suspended_portal_answers_503(client):
    ward = make_tenant(name_vi="Phường Tạm Ngừng")
    provisioning.set_status(ward.slug, "suspended")
    db.session.commit()
    page = client.get("/", base_url=base_url(ward))
    assert page.status_code == 503
    assert "tạm ngừng hoạt động" in page.text
    assert page.headers["Retry-After"]


def test_the_tenant_is_never_taken_from_a_forwarded_header_by_default(client):
    a, b = make_tenant(name_vi="Phường An"), make_tenant(name_vi="Phường Bình")
    page = client.get("/", base_url=base_url(a), headers={"X-Forwarded-Host": b.primary_host})
    assert "Phường An" in page.text and "Phường Bình" not in page.text
    unknown = client.get(
        "/", base_url="http://nowhere.test.localhost", headers={"X-Forwarded-Host": b.primary_host}
    )
    assert unknown.status_code == 404


def test_a_trusted_proxy_may_name_the_host(app):
    proxied = make_app(PORTAL_TRUSTED_PROXIES=1)
    from tests.conftest import PortalClient

    proxied.test_client_class = PortalClient
    ward = make_tenant(name_vi="Phường Sau Proxy")
    page = proxied.test_client().get(
        "/", base_url="http://10.0.0.5", headers={"X-Forwarded-Host": ward.primary_host}
    )
    assert page.status_code == 200 and "Phường Sau Proxy" in page.text


def test_a_change_of_domains_invalidates_the_cache(client):
    ward = make_tenant()
    assert resolve_host("new-alias.test.localhost") is None  # now cached as unknown
    provisioning.add_domain(ward.slug, "new-alias.test.localhost")
    db.session.commit()  # announces the change to every process
    resolution = resolve_host("new-alias.test.localhost")
    assert resolution is not None and resolution.tenant.id == ward.id and not resolution.is_primary


def test_a_change_not_committed_is_not_announced(client):
    ward = make_tenant()
    db.session.commit()
    resolve_host("uncommitted.test.localhost")
    provisioning.add_domain(ward.slug, "uncommitted.test.localhost")
    db.session.rollback()
    assert resolve_host("uncommitted.test.localhost") is None


def test_probes_answer_on_any_host(client):
    assert client.get("/healthz", base_url="http://10.1.2.3").json == {"status": "ok"}
    ready = client.get("/readyz", base_url="http://nowhere.test.localhost")
    assert ready.status_code == 200
    assert ready.json["checks"]["database"]["ok"] and ready.json["checks"]["redis"]["ok"]


def test_responses_carry_a_request_id(client):
    ward = make_tenant()
    response = client.get("/", base_url=base_url(ward), headers={"X-Request-ID": "abc123def456"})
    assert response.headers["X-Request-ID"] == "abc123def456"
    generated = client.get("/", base_url=base_url(ward), headers={"X-Request-ID": "bad id!"})
    assert len(generated.headers["X-Request-ID"]) == 32
