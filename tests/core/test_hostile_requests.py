"""Requests an attacker (or a broken client) sends: oversized bodies, hostile URLs and fields.

Each gets a clear 4xx on the portal's themed, translated error page, never a 500.
"""

import pytest

from tests.factories import base_url, make_tenant, make_user
from tests.support import post_form, sign_in


@pytest.fixture
def ward():
    return make_tenant(name_vi="Phường Thắng Tam")


def test_a_body_over_the_limit_is_refused_with_a_themed_413(client, app, ward):
    oversized = b"x" * (app.config["MAX_CONTENT_LENGTH"] + 1)
    page = client.post(
        "/login", base_url=base_url(ward), data=oversized, content_type="application/x-www-form-urlencoded"
    )
    assert page.status_code == 413
    assert "Tệp quá lớn" in page.text and "Phường Thắng Tam" in page.text
    english = client.post(
        "/en/login", base_url=base_url(ward), data=oversized, content_type="application/x-www-form-urlencoded"
    )
    assert english.status_code == 413 and "File too large" in english.text


def test_back_office_pages_and_exports_are_never_cached(client, ward):
    editor = make_user(roles={ward: ["editor"]})
    url = base_url(ward)
    assert "no-store" not in client.get("/", base_url=url).headers.get("Cache-Control", "")
    assert client.get("/admin/", base_url=url).headers["Cache-Control"] == "no-store"  # the redirect too
    sign_in(client, ward, editor)
    for path in ("/admin/", "/en/admin/", "/admin/royalties/export.csv", "/admin/royalties/export.xlsx"):
        response = client.get(path, base_url=url)
        assert response.status_code == 200, path
        assert response.headers["Cache-Control"] == "no-store", path


def test_hsts_only_over_https(client, ward):
    host = base_url(ward).removeprefix("http://")
    assert "Strict-Transport-Security" not in client.get("/", base_url=f"http://{host}").headers
    secure = client.get("/", base_url=f"https://{host}")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"


BIG = "99999999999999999999"  # beyond a PostgreSQL bigint
HOSTILE_URLS = [
    f"/tin-tuc/{BIG}-x",
    f"/tin-tuc/{BIG}",
    f"/van-ban/{BIG}",
    f"/van-ban/1/tep/{BIG}",
    f"/hoi-dap/{BIG}",
    f"/lay-y-kien/{BIG}",
    f"/api/v1/articles/{BIG}",
    f"/en/tin-tuc/{BIG}-x",
    "/tin-tuc/1-%00",
    "/chuyen-muc/%00",
    "/tim-kiem?q=%00",
    "/tim-kiem?q=a&page=%00",
    f"/tim-kiem?q=a&page={BIG}",
    "/tin-tuc?page=%00",
    f"/tin-tuc?page={BIG}",
    f"/van-ban?page={BIG}",
    "/van-ban?q=%00",
    f"/hoi-dap?page={BIG}",
    f"/lay-y-kien?page={BIG}",
    f"/lien-he?page={BIG}",
    f"/lien-he?unit_id={BIG}",
    "/lien-he?q=%00",
    f"/lich-lam-viec?year={BIG}",
    f"/api/v1/articles?page={BIG}",
    "/api/v1/articles?q=%00",
    "/api/v1/documents?q=%00",
    f"/tin-tuc?page={2**63 - 1}",
    f"/van-ban?page={2**63 - 1}",
    f"/hoi-dap?page={2**63 - 1}",
    f"/api/v1/articles?page={2**63 - 1}",
    f"/tim-kiem?q=a&page={2**63 - 1}",
]


@pytest.mark.usefixtures("demo")
def test_hostile_urls_get_a_clear_4xx_never_a_500(client):
    from app.demo import WARDS
    from tenants.resolver import tenant_by_slug

    url = base_url(tenant_by_slug(WARDS[0][0]))
    answers = {path: client.get(path, base_url=url).status_code for path in HOSTILE_URLS}
    assert {path: code for path, code in answers.items() if code not in (400, 404)} == {}
    assert client.get(f"/tin-tuc/{BIG}-x", base_url=url).status_code == 404
    assert client.get("/tim-kiem?q=%00", base_url=url).status_code == 400
    assert "Yêu cầu không hợp lệ" in client.get("/tim-kiem?q=%00", base_url=url).text


def test_nul_in_a_form_field_is_a_400(client, ward):
    page = post_form(client, ward, "/login", {"email": "a\x00@example.org", "password": "x\x00"})
    assert page.status_code == 400 and "Yêu cầu không hợp lệ" in page.text


@pytest.mark.parametrize(
    "host",
    [
        "bad host",
        "a/b.vn",
        "x" * 300,
        "a..b",
        "-a." + "b" * 64 + ".vn",
        "example.org:http",
        "[::1]x",
        "a:99999",
    ],
)
def test_a_malformed_host_gets_a_clear_400(client, host):
    page = client.get("/", headers={"Host": host})
    assert page.status_code == 400
    assert "Yêu cầu không hợp lệ" in page.text and '<html lang="vi"' in page.text
