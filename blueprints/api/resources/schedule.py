"""The leaders' work schedule: published engagements in a date range (the current week unless
asked otherwise), with local start and end times as instants carrying the portal's offset."""

from __future__ import annotations

import re
from datetime import date, timedelta

from flask_babel import lazy_gettext as _l

from blueprints.api import params, schema
from blueprints.api.params import ApiError
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, local_moment, page_url
from blueprints.schedule.services import Week, get_entry, list_entries, week_of
from tenants.context import require_tenant

MAX_RANGE_DAYS = 366

ENTRY = Schema(
    "ScheduleEntry",
    (
        schema.integer("id"),
        schema.day("date", lambda e: e.day),
        schema.string("starts_at", lambda e: local_moment(e.day, e.starts_at), format="date-time"),
        schema.string("ends_at", lambda e: local_moment(e.day, e.ends_at), format="date-time", nullable=True),
        schema.string("content_vi"),
        schema.string("content_en", description=_l("Rỗng khi chưa có bản tiếng Anh.")),
        schema.string("presider", description=_l("Người chủ trì.")),
        schema.string("participants", description=_l("Thành phần tham dự.")),
        schema.string("location"),
        schema.link(
            "url",
            lambda e: page_url("schedule.week", week=week_of(e.day).key),
            _l("Trang lịch làm việc của tuần có mục này."),
        ),
    ),
    _l("Một mục trong lịch làm việc của lãnh đạo."),
)

FILTERS = (
    params.Param(
        "week",
        {"type": "string", "pattern": r"^\d{4}-W\d{2}$", "examples": ["2025-W05"]},
        lambda raw: _iso_week(raw),
        _l("Tuần ISO; mặc định là tuần hiện tại."),
    ),
    params.day("from", _l("Từ ngày (thay cho week).")),
    params.day("to", _l("Đến ngày (thay cho week); tối đa 366 ngày sau from.")),
)


def _iso_week(raw: str) -> Week:
    """ "2025-W05" → that week; anything else (or a week 53 a year lacks) is a ValueError."""
    if not re.fullmatch(r"\d{4}-W\d{2}", raw):
        raise ValueError(raw)
    return Week(date.fromisocalendar(int(raw[:4]), int(raw[6:]), 1))


def date_range(filters: dict) -> tuple[date, date]:
    """The days asked for: `from`/`to`, else the week named (or the current one)."""
    today = require_tenant().today()
    if filters["from"] or filters["to"]:
        start = filters["from"] or week_of(today).monday
        end = filters["to"] or start + timedelta(days=6)
        return start, end
    week = filters["week"] or week_of(today)
    return week.monday, week.sunday


def _check(filters: dict) -> None:
    if filters["week"] and (filters["from"] or filters["to"]):
        raise ApiError(400, str(_l("Dùng “week” hoặc “from”/“to”, không dùng cả hai.")), "week")
    start, end = date_range(filters)
    if end < start:
        raise ApiError(400, str(_l("“to” không được trước “from”.")), "to")
    if (end - start).days > MAX_RANGE_DAYS:
        raise ApiError(400, str(_l("“to” chỉ được cách “from” tối đa 366 ngày.")), "to")


def list_schedule(filters: dict, page: int, per_page: int):
    start, end = date_range(filters)
    return list_entries(start, end, page=page, per_page=per_page)


register(
    Resource(
        path="schedule",
        schema=ENTRY,
        title=_l("Lịch làm việc"),
        description=_l("Lịch làm việc đã công bố của lãnh đạo, theo ngày và giờ."),
        filters=FILTERS,
        list_rows=list_schedule,
        get_row=lambda entry_id: get_entry(entry_id),
        not_found=_l("Không có mục lịch làm việc đã công bố nào với mã số này."),
        check=_check,
    )
)
