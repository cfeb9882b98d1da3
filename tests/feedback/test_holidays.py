"""The platform administrator keeps the holiday calendar; portals' boards cannot touch it."""

from __future__ import annotations

from datetime import date

from blueprints.feedback.services import due_day
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, post_form, sign_in


def test_the_platform_administrator_adds_and_deletes_a_holiday(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(platform_admin=True))
    added = post_form(
        client,
        ward,
        "/admin/holidays",
        {"day": "2027-06-14", "name_vi": "Nghỉ bù thử nghiệm", "name_en": "Test day off"},
    )
    assert added.status_code == 302 and "year=2027" in added.headers["Location"]
    page = client.get("/admin/holidays?year=2027", base_url=base_url(ward))
    assert "Nghỉ bù thử nghiệm" in page.text
    with tenant_scope(ward):
        assert due_day(date(2027, 6, 11), 1) == date(2027, 6, 15)  # Friday → skips the weekend and Monday
    bad = post_form(client, ward, "/admin/holidays", {"day": "not-a-date", "name_vi": "Sai"})
    assert bad.status_code == 422 and "Sai" in bad.text
    token = csrf_token(page.text)
    client.post("/admin/holidays/2027-06-14/delete", base_url=base_url(ward), data={"csrf_token": token})
    assert "Nghỉ bù thử nghiệm" not in client.get("/admin/holidays?year=2027", base_url=base_url(ward)).text


def test_a_portals_board_cannot_edit_the_calendar(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor", "board-head"]}))
    assert client.get("/admin/holidays", base_url=base_url(ward)).status_code == 403
    assert client.post("/admin/holidays", base_url=base_url(ward), data={}).status_code in (400, 403)


def test_the_portal_setting_changes_the_due_day(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    refused = post_form(
        client, ward, "/admin/feedback/settings", {"answer_days": "0", "retention_months": "12"}
    )
    assert refused.status_code == 422 and "Từ 1 đến 90 ngày." in refused.text
    saved = post_form(
        client, ward, "/admin/feedback/settings", {"answer_days": "5", "retention_months": "12"}
    )
    assert saved.status_code == 302
    with tenant_scope(ward):
        assert due_day(date(2027, 3, 1)) == date(2027, 3, 8)
