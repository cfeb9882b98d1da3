"""Units under their monthly minimum are reminded in the month's last five working days, once
per unit, month and person; the newsroom dashboard lists them."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app import mail
from app.extensions import db
from app.holidays import PublicHoliday
from blueprints.newsroom.models import ArticleState, ContributingUnit
from blueprints.royalties.reminders import working_days_left
from blueprints.royalties.tasks import remind_all_portals, remind_units_behind
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import load, make_article, make_board
from tests.royalties.helpers import add_collaborator_member
from tests.support import sign_in


def test_working_days_left_count_monday_to_friday_to_the_months_end():
    assert working_days_left(date(2024, 5, 27)) == 5  # Mon 27 … Fri 31 May
    assert working_days_left(date(2024, 5, 24)) == 6  # Fri 24 and the next week
    assert working_days_left(date(2024, 6, 29)) == 0  # Saturday 29 June: only the weekend is left
    assert working_days_left(date(2024, 12, 31)) == 1


def _board_with_members():
    board = make_board()
    with tenant_scope(board.tenant):
        unit = db.session.get(ContributingUnit, (board.tenant.id, board.unit_id))
        unit.monthly_minimum, unit.monthly_cap = 2, 5
        db.session.flush()
    add_collaborator_member(board)
    article_id = make_article(board, ArticleState.SUBMITTED)
    with tenant_scope(board.tenant):
        load(board, article_id).submitted_at = datetime(2024, 5, 10, 3, 0, tzinfo=UTC)
        db.session.flush()
    return board


def test_a_unit_behind_is_reminded_once_in_the_last_five_working_days():
    board = _board_with_members()
    assert remind_units_behind(board.tenant.id, on="2024-05-24") == 0  # six working days left: not yet
    assert mail.outbox == []
    assert remind_units_behind(board.tenant.id, on="2024-05-27") == 1
    assert remind_units_behind(board.tenant.id, on="2024-05-28") == 0  # already reminded this month
    assert [m["To"] for m in mail.outbox] == [board.collaborator.email]
    body = mail.outbox[0].get_content()
    assert "mới gửi 1 bài trong tháng 05/2024, chưa đủ mức tối thiểu 2 bài" in body
    assert "Còn 5 ngày làm việc" in body and "/admin/newsroom/articles/new" in body


def test_a_unit_that_reached_its_minimum_is_not_reminded():
    board = _board_with_members()
    second = make_article(board, ArticleState.SUBMITTED)
    with tenant_scope(board.tenant):
        load(board, second).submitted_at = datetime(2024, 5, 11, 3, 0, tzinfo=UTC)
        db.session.flush()
    assert remind_units_behind(board.tenant.id, on="2024-05-30") == 0 and mail.outbox == []


def test_the_cron_job_runs_every_portal():
    _board_with_members()
    assert isinstance(remind_all_portals(), int)


def test_the_dashboard_lists_units_behind(client):
    board = _board_with_members()
    sign_in(client, board.tenant, board.approver)
    page = client.get("/admin/newsroom/", base_url=base_url(board.tenant))
    assert page.status_code == 200
    panel = page.text.split('id="quota-watch"')[1].split("</section>")[0]
    with tenant_scope(board.tenant):
        unit = db.session.get(ContributingUnit, (board.tenant.id, board.unit_id))
        name = unit.name_vi
    assert name in panel and "0/2 bài" in panel  # this month: nothing submitted yet


def test_working_days_left_skip_the_platforms_public_holidays():
    assert working_days_left(date(2026, 4, 27)) == 4  # Mon 27 … Thu 30 April
    db.session.add(PublicHoliday(day=date(2026, 4, 30), name_vi="Ngày Giải phóng miền Nam"))
    db.session.flush()
    assert working_days_left(date(2026, 4, 27)) == 3  # the 30th is a day off
