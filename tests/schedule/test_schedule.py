from datetime import date, time, timedelta

from app.extensions import db
from blueprints.schedule.models import ScheduleEntry
from blueprints.schedule.services import parse_week, week_of
from tenants.context import require_tenant, tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, h1_count, post_form, sign_in


def _entry(tenant, day, content, published=True, **extra):
    with tenant_scope(tenant):
        entry = ScheduleEntry(
            day=day,
            starts_at=extra.pop("starts_at", time(8, 0)),
            content_vi=content,
            presider="Chủ tịch UBND",
            is_published=published,
            **extra,
        )
        db.session.add(entry)
        db.session.flush()
        return entry.id


def test_weeks_parse_and_fall_back():
    assert parse_week("2025-W05", date(2030, 1, 1)).monday == date(2025, 1, 27)
    assert parse_week("2025-W99", date(2025, 3, 5)).monday == date(2025, 3, 3)
    assert parse_week(None, date(2025, 3, 9)).monday == date(2025, 3, 3)
    assert week_of(date(2025, 1, 1)).key == "2025-W01" and week_of(date(2024, 12, 30)).next.key == "2025-W02"


def test_public_week_with_navigation_and_print(client):
    ward = make_tenant()
    with tenant_scope(ward):
        today = require_tenant().today()
    _entry(ward, today, "Họp giao ban tuần", content_en="Weekly briefing", location="Phòng họp số 1")
    _entry(ward, today, "Làm việc nội bộ", published=False)
    _entry(ward, today + timedelta(days=7), "Tiếp công dân định kỳ")
    page = client.get("/lich-lam-viec", base_url=base_url(ward))
    assert page.status_code == 200 and h1_count(page.text) == 1
    assert "Họp giao ban tuần" in page.text and "Làm việc nội bộ" not in page.text
    assert "Tiếp công dân định kỳ" not in page.text
    next_key = week_of(today).next.key
    assert f"week={next_key}" in page.text
    following = client.get(f"/lich-lam-viec?week={next_key}", base_url=base_url(ward))
    assert "Tiếp công dân định kỳ" in following.text
    english = client.get("/en/lich-lam-viec", base_url=base_url(ward))
    assert "Weekly briefing" in english.text and "Previous week" in english.text
    printable = client.get(f"/lich-lam-viec/ban-in?week={week_of(today).key}", base_url=base_url(ward))
    assert printable.status_code == 200 and h1_count(printable.text) == 1
    assert "Họp giao ban tuần" in printable.text and 'class="main-menu"' not in printable.text


def test_editor_adds_an_entry_and_bad_times_are_refused(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    data = {
        "day": "2025-03-04",
        "starts_at": "14:00",
        "ends_at": "13:00",
        "presider": "Phó Chủ tịch UBND",
        "content_vi": "Kiểm tra công tác vệ sinh môi trường",
        "is_published": "y",
    }
    bad = post_form(client, ward, "/admin/schedule/new", data)
    assert bad.status_code == 422 and "Kiểm tra công tác vệ sinh môi trường" in bad.text
    ok = post_form(client, ward, "/admin/schedule/new", data | {"ends_at": "16:30"})
    assert ok.status_code == 302 and "week=2025-W10" in ok.headers["Location"]
    assert (
        "Kiểm tra công tác vệ sinh môi trường"
        in client.get("/lich-lam-viec?week=2025-W10", base_url=base_url(ward)).text
    )


def test_who_may_edit_the_schedule(client):
    ward = make_tenant()
    entry = _entry(ward, date(2025, 3, 4), "Họp")
    sign_in(client, ward, make_user(roles={ward: ["collaborator", "approver"]}))
    assert client.get("/admin/schedule", base_url=base_url(ward)).status_code == 403
    assert client.get(f"/admin/schedule/{entry}", base_url=base_url(ward)).status_code == 403


def test_isolation_of_schedules(client):
    a, b = make_tenant(), make_tenant()
    entry_b = _entry(b, date(2025, 3, 4), "Lịch riêng của phường B")
    for url in ("/lich-lam-viec?week=2025-W10", "/lich-lam-viec/ban-in?week=2025-W10"):
        assert "Lịch riêng của phường B" not in client.get(url, base_url=base_url(a)).text
    sign_in(client, a, make_user(roles={a: ["editor"]}))
    assert (
        "Lịch riêng của phường B"
        not in client.get("/admin/schedule?week=2025-W10", base_url=base_url(a)).text
    )
    assert client.get(f"/admin/schedule/{entry_b}", base_url=base_url(a)).status_code == 404
    token = csrf_token(client.get("/admin/schedule/new", base_url=base_url(a)).text)
    assert (
        client.post(
            f"/admin/schedule/{entry_b}/delete", base_url=base_url(a), data={"csrf_token": token}
        ).status_code
        == 404
    )
    assert "Lịch riêng của phường B" in client.get("/lich-lam-viec?week=2025-W10", base_url=base_url(b)).text
