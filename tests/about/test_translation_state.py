"""The introduction's English is marked out of date when the Vietnamese changes, shown so to
the editor, and current again once the English is changed or confirmed against the Vietnamese."""

from __future__ import annotations

from app.extensions import db
from blueprints.about.models import OrgChartUnit
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import post_form, sign_in

UNIT = {
    "name_vi": "Văn phòng – Thống kê",
    "name_en": "Office and Statistics",
    "functions_vi": "<p>Tham mưu tổng hợp.</p>",
    "functions_en": "<p>Advises the committee.</p>",
    "position": "1",
}


def _unit_state(ward, unit_id: int) -> str:
    with tenant_scope(ward):
        db.session.expire_all()
        return db.session.get(OrgChartUnit, (ward.id, unit_id)).translation_state.value


def _save(client, ward, unit_id: int, **changes):
    url = f"/admin/units/{unit_id}"
    answer = post_form(client, ward, url, {**UNIT, **changes})
    assert answer.status_code == 302, answer.text
    return answer


def test_a_unit_whose_vietnamese_changes_is_out_of_date_until_reviewed(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    created = post_form(client, ward, "/admin/units/new", UNIT)
    assert created.status_code == 302
    with tenant_scope(ward):
        unit_id = db.session.query(OrgChartUnit.id).filter_by(name_vi=UNIT["name_vi"]).scalar()
    assert _unit_state(ward, unit_id) == "current"  # made in both languages at once

    _save(client, ward, unit_id, functions_vi="<p>Tham mưu tổng hợp; thống kê.</p>")
    assert _unit_state(ward, unit_id) == "outdated"
    form = client.get(f"/admin/units/{unit_id}", base_url=base_url(ward)).text
    assert "Bản tiếng Anh đã cũ" in form and '<fieldset id="english">' in form

    _save(client, ward, unit_id, functions_vi="<p>Tham mưu tổng hợp; thống kê.</p>", reviewed="y")
    assert _unit_state(ward, unit_id) == "current"

    _save(client, ward, unit_id, name_vi="Văn phòng HĐND và UBND")
    assert _unit_state(ward, unit_id) == "outdated"
    _save(
        client, ward, unit_id, name_vi="Văn phòng HĐND và UBND", name_en="Office of the Council and Committee"
    )
    assert _unit_state(ward, unit_id) == "current"  # a new English was made from the new Vietnamese


def test_the_introduction_without_english_is_marked_vietnamese_on_the_english_page(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    post_form(
        client, ward, "/admin/introduction/history", {"body_vi": "<p>Thành lập năm 1991.</p>", "body_en": ""}
    )
    page = client.get("/en/gioi-thieu", base_url=base_url(ward)).text
    assert '<div lang="vi"><p>Thành lập năm 1991.</p></div>' in page
    assert "Parts of this page have no English version yet and are shown in Vietnamese." in page
    assert '<a href="/gioi-thieu" hreflang="vi">View the Vietnamese page</a>' in page
    assert 'hreflang="en"' not in page.split("</head>")[0]  # no English version to point at

    post_form(
        client,
        ward,
        "/admin/introduction/history",
        {"body_vi": "<p>Thành lập năm 1991.</p>", "body_en": "<p>Founded in 1991.</p>"},
    )
    page = client.get("/en/gioi-thieu", base_url=base_url(ward)).text
    assert "<div><p>Founded in 1991.</p></div>" in page and "Parts of this page" not in page
    assert 'hreflang="en"' in page.split("</head>")[0]
