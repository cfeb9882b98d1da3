"""The public schedule: one week at a time, with a printable view of the same week."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l

from app.i18n import current_locale
from app.navigation import add_public_page
from app.templating import render
from blueprints.schedule.blueprint import bp
from blueprints.schedule.services import coming_entries, parse_week, week_schedule
from tenants.context import require_tenant

add_public_page("schedule.week", _l("Lịch làm việc"), _l("Lịch làm việc hằng tuần của lãnh đạo."), order=40)


def _week_page(template: str):
    today = require_tenant().today()
    week = parse_week(request.args.get("week"), today)
    return render(template, week=week, days=week_schedule(week), today=today, locale=current_locale())


@bp.get("/lich-lam-viec")
def week():
    return _week_page("schedule/week.html")


@bp.get("/lich-lam-viec/ban-in")
def printable():
    return _week_page("schedule/print.html")


@bp.app_context_processor
def home_schedule_context():
    """`home_schedule()` for the home page's block, queried only when the block is drawn."""
    return {"home_schedule": lambda: coming_entries(require_tenant().today())}
