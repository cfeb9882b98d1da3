"""Units, board members and settings: managed by the board head and editors, per portal."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.newsroom.models import BoardMember, ContributingUnit, NewsroomSettings
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import make_board
from tests.support import post_form, sign_in, signed_in_browser


def test_only_the_board_head_and_editors_manage_units_and_people(app, client):
    board = make_board()
    for person, code in (("collaborator", 403), ("approver", 403), ("editor", 200), ("head", 200)):
        browser = signed_in_browser(app, board.tenant, getattr(board, person))
        assert browser.get("/admin/newsroom/people", base_url=base_url(board.tenant)).status_code == code, (
            person
        )
    browser = signed_in_browser(app, board.tenant, board.collaborator)
    refused = post_form(
        browser,
        board.tenant,
        "/admin/newsroom/people/units",
        {"name_vi": "Phòng X", "kind": "department"},
        form_url="/admin/",
    )
    assert refused.status_code == 403


def test_a_unit_takes_the_portals_default_quota_and_a_cap_below_the_minimum_is_refused(client):
    board = make_board()
    sign_in(client, board.tenant, board.head)
    saved = post_form(
        client,
        board.tenant,
        "/admin/newsroom/people/settings",
        {"late_after_days": "3", "default_monthly_minimum": "4", "default_monthly_cap": "6"},
        form_url="/admin/",
    )
    assert saved.status_code == 302
    added = post_form(
        client,
        board.tenant,
        "/admin/newsroom/people/units",
        {"name_vi": "Đoàn Thanh niên phường", "kind": "department"},
        form_url="/admin/",
    )
    assert added.status_code == 302
    wrong = post_form(
        client,
        board.tenant,
        "/admin/newsroom/people/units",
        {"name_vi": "Hội Phụ nữ phường", "kind": "department", "monthly_minimum": "5", "monthly_cap": "2"},
        form_url="/admin/",
    )
    assert wrong.status_code == 422 and "Mức tối đa không được nhỏ hơn mức tối thiểu." in wrong.text
    assert 'value="Hội Phụ nữ phường"' in wrong.text  # what was typed is kept
    with tenant_scope(board.tenant):
        unit = db.session.scalar(
            sa.select(ContributingUnit).where(ContributingUnit.name_vi == "Đoàn Thanh niên phường")
        )
        assert (unit.monthly_minimum, unit.monthly_cap) == (4, 6)
        assert NewsroomSettings.for_current_tenant().late_after_days == 3


def test_a_member_cannot_be_put_in_another_wards_unit(client):
    a, b = make_board(), make_board()
    sign_in(client, a.tenant, a.head)
    response = post_form(
        client,
        a.tenant,
        "/admin/newsroom/people/members",
        {"full_name": "Phạm Văn Tư", "title_vi": "Thành viên", "unit_id": b.unit_id, "on_board": "y"},
        form_url="/admin/",
    )
    assert response.status_code == 422
    ok = post_form(
        client,
        a.tenant,
        "/admin/newsroom/people/members",
        {"full_name": "Phạm Văn Tư", "title_vi": "Thành viên", "unit_id": a.unit_id, "on_board": "y"},
        form_url="/admin/",
    )
    assert ok.status_code == 302
    assert "Phạm Văn Tư" in client.get("/ban-bien-tap", base_url=base_url(a.tenant)).text
    assert "Phạm Văn Tư" not in client.get("/ban-bien-tap", base_url=base_url(b.tenant)).text
    with tenant_scope(b.tenant):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(BoardMember)) == 0
