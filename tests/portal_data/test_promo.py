import io
from datetime import timedelta

import pytest
import sqlalchemy as sa
from PIL import Image

from app.extensions import db
from app.uploads import store_bytes
from blueprints.promo.models import Banner, Link, TourismPlace
from tenants.context import require_tenant, tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import post_form, sign_in

TOUR = "https://vr360.example.org/tour/bach-dinh"


@pytest.fixture
def embed_hosts(app, monkeypatch):
    monkeypatch.setitem(app.config, "PORTAL_EMBED_HOSTS", "vr360.example.org, maps.example.net")


def png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 10), (200, 0, 0)).save(buffer, "PNG")
    return buffer.getvalue()


def add_banner(tenant, alt: str, start_offset: int, end_offset: int) -> int:
    with tenant_scope(tenant):
        today = require_tenant().today()
        stored = store_bytes(png(), "image/png", "png", "b.png")
        banner = Banner(
            alt_vi=alt,
            alt_en=f"{alt} EN",
            starts_on=today + timedelta(days=start_offset),
            ends_on=today + timedelta(days=end_offset),
            image_key=stored.key,
            image_type="image/png",
        )
        db.session.add(banner)
        db.session.flush()
        return banner.id


def test_home_shows_only_active_banners_of_this_portal_with_alt_text(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    current = add_banner(ward_b, "Mừng Quốc khánh", -1, 1)
    add_banner(ward_b, "Hết hạn hôm qua", -10, -1)
    add_banner(ward_b, "Chưa tới ngày", 1, 5)
    home = client.get("/", base_url=base_url(ward_b))
    assert 'alt="Mừng Quốc khánh"' in home.text
    assert "Hết hạn hôm qua" not in home.text and "Chưa tới ngày" not in home.text
    assert 'alt="Mừng Quốc khánh EN"' in client.get("/en/", base_url=base_url(ward_b)).text
    image = client.get(f"/bang-ron/{current}/anh", base_url=base_url(ward_b))
    assert image.status_code == 200 and image.mimetype == "image/png"
    assert client.get(f"/bang-ron/{current}/anh", base_url=base_url(ward_a)).status_code == 404
    assert "Mừng Quốc khánh" not in client.get("/", base_url=base_url(ward_a)).text


def test_banner_form_checks_dates_links_and_image(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    data = {
        "alt_vi": "Băng-rôn Tết",
        "starts_on": "2025-01-20",
        "ends_on": "2025-01-10",
        "link_url": "javascript:alert(1)",
        "position": "0",
    }
    response = post_form(
        client,
        ward,
        "/admin/banners/new",
        data | {"image": (io.BytesIO(png()), "b.png")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422 and "Băng-rôn Tết" in response.text
    fixed = data | {"ends_on": "2025-02-10", "link_url": "https://example.org/tet"}
    no_image = post_form(client, ward, "/admin/banners/new", fixed)
    assert no_image.status_code == 422 and "Hãy chọn ảnh băng-rôn." in no_image.text
    ok = post_form(
        client,
        ward,
        "/admin/banners/new",
        fixed | {"image": (io.BytesIO(png()), "b.png")},
        content_type="multipart/form-data",
    )
    assert ok.status_code == 302
    with tenant_scope(ward):
        banner = db.session.scalars(sa.select(Banner)).one()
        assert banner.link_url == "https://example.org/tet" and banner.image_key.startswith(f"{ward.id}/")


def test_embed_from_a_host_not_on_the_allow_list_is_refused_with_a_clear_message(client, embed_hosts):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    base = {"title_vi": "Bạch Dinh", "embed_title_vi": "Tham quan 360° Bạch Dinh", "position": "0"}
    for url in (
        "https://evil.example.com/tour",
        "http://vr360.example.org/tour",
        "https://vr360.example.org.evil.com/x",
    ):
        response = post_form(client, ward, "/admin/tourism/new", base | {"embed_url": url})
        assert response.status_code == 422, url
        assert "https://" in response.text and 'id="embed_url-error"' in response.text
    refused = post_form(
        client, ward, "/admin/tourism/new", base | {"embed_url": "https://evil.example.com/t"}
    )
    assert "evil.example.com" in refused.text and "vr360.example.org" in refused.text
    untitled = post_form(client, ward, "/admin/tourism/new", base | {"embed_url": TOUR, "embed_title_vi": ""})
    assert untitled.status_code == 422 and 'id="embed_title_vi-error"' in untitled.text
    with tenant_scope(ward):
        assert db.session.scalars(sa.select(TourismPlace)).all() == []


def test_allowed_embed_is_shown_with_its_title_and_body_is_sanitised(client, embed_hosts):
    ward_a, ward_b = make_tenant(), make_tenant()
    sign_in(client, ward_b, make_user(roles={ward_b: ["board-head"]}))
    response = post_form(
        client,
        ward_b,
        "/admin/tourism/new",
        {
            "title_vi": "Bạch Dinh",
            "title_en": "White Palace",
            "embed_url": TOUR,
            "position": "0",
            "embed_title_vi": "Tham quan 360° Bạch Dinh",
            "embed_title_en": "360° tour of the White Palace",
            "body_vi": "<p>Dinh thự 1898</p><script>alert(1)</script>",
        },
    )
    assert response.status_code == 302
    page = client.get("/du-lich", base_url=base_url(ward_b))
    assert f'<iframe src="{TOUR}" title="Tham quan 360° Bạch Dinh"' in page.text
    assert "Dinh thự 1898" in page.text and "<script>alert(1)" not in page.text
    english = client.get("/en/du-lich", base_url=base_url(ward_b))
    assert "White Palace" in english.text and 'title="360° tour of the White Palace"' in english.text
    assert "Bạch Dinh" not in client.get("/du-lich", base_url=base_url(ward_a)).text


def test_embed_is_not_rendered_once_its_host_leaves_the_allow_list(client, app, monkeypatch):
    ward = make_tenant()
    with tenant_scope(ward):
        db.session.add(TourismPlace(title_vi="Núi Nhỏ", embed_url=TOUR, embed_title_vi="Tham quan Núi Nhỏ"))
        db.session.flush()
    monkeypatch.setitem(app.config, "PORTAL_EMBED_HOSTS", "")
    page = client.get("/du-lich", base_url=base_url(ward))
    assert "<iframe" not in page.text and f'href="{TOUR}"' in page.text


def test_links_page_groups_this_portals_links(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    sign_in(client, ward_b, make_user(roles={ward_b: ["editor"]}))
    bad = post_form(
        client,
        ward_b,
        "/admin/links/new",
        {"group": "newspaper", "title_vi": "Báo X", "url": "ftp://x", "position": "0"},
    )
    assert bad.status_code == 422
    ok = post_form(
        client,
        ward_b,
        "/admin/links/new",
        {
            "group": "newspaper",
            "title_vi": "Báo Bà Rịa – Vũng Tàu",
            "title_en": "BRVT Newspaper",
            "url": "https://baobariavungtau.com.vn",
            "position": "0",
        },
    )
    assert ok.status_code == 302
    page = client.get("/lien-ket", base_url=base_url(ward_b))
    assert "Báo chí" in page.text and 'href="https://baobariavungtau.com.vn"' in page.text
    assert "BRVT Newspaper" in client.get("/en/lien-ket", base_url=base_url(ward_b)).text
    assert "baobariavungtau" not in client.get("/lien-ket", base_url=base_url(ward_a)).text
    with tenant_scope(ward_b):
        link_id = db.session.scalars(sa.select(Link.id)).one()
    sign_in(client, ward_a, make_user(roles={ward_a: ["editor"]}))
    assert client.get(f"/admin/links/{link_id}", base_url=base_url(ward_a)).status_code == 404
