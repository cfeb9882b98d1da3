"""Weeks and entries of the leaders' schedule.

Weeks are ISO weeks (Monday to Sunday) named like "2025-W05"; days and times are the portal's
local ones, as people read a schedule. `list_entries` is a plain function with a date range and
pagination, for the public page and the open data API alike.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination

from app.extensions import db
from blueprints.schedule.models import ScheduleEntry
from tenants.context import require_tenant

_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
MAX_PER_PAGE = 200


@dataclass(frozen=True)
class Week:
    monday: date

    @property
    def sunday(self) -> date:
        return self.monday + timedelta(days=6)

    @property
    def key(self) -> str:
        year, week, _ = self.monday.isocalendar()
        return f"{year}-W{week:02d}"

    @property
    def number(self) -> int:
        return self.monday.isocalendar()[1]

    @property
    def previous(self) -> Week:
        return Week(self.monday - timedelta(days=7))

    @property
    def next(self) -> Week:
        return Week(self.monday + timedelta(days=7))

    def days(self) -> list[date]:
        return [self.monday + timedelta(days=i) for i in range(7)]


def week_of(day: date) -> Week:
    return Week(day - timedelta(days=day.weekday()))


def parse_week(value: str | None, today: date) -> Week:
    """The week named by "YYYY-Www"; the current week when the value is missing or wrong."""
    match = _WEEK.match(value or "")
    if match:
        try:
            return Week(date.fromisocalendar(int(match[1]), int(match[2]), 1))
        except ValueError:
            pass
    return week_of(today)


def list_entries(
    date_from: date,
    date_to: date,
    *,
    page: int = 1,
    per_page: int = MAX_PER_PAGE,
    published_only: bool = True,
) -> Pagination:
    return db.paginate(
        _entries(date_from, date_to, published_only),
        page=max(page, 1),
        per_page=min(max(per_page, 1), MAX_PER_PAGE),
        error_out=False,
        count=True,
    )


def _entries(date_from: date, date_to: date, published_only: bool = True) -> sa.Select:
    stmt = (
        sa.select(ScheduleEntry)
        .where(ScheduleEntry.day >= date_from, ScheduleEntry.day <= date_to)
        .order_by(ScheduleEntry.day, ScheduleEntry.starts_at, ScheduleEntry.id)
    )
    return stmt.where(ScheduleEntry.is_published) if published_only else stmt


def _first(stmt: sa.Select, limit: int) -> list[ScheduleEntry]:
    """The first `limit` entries, without the count a page of them would run."""
    return list(db.session.scalars(stmt.limit(limit)))


def week_schedule(week: Week, published_only: bool = True) -> list[tuple[date, list[ScheduleEntry]]]:
    """Every day of the week with its entries in time order (empty days included)."""
    by_day: dict[date, list[ScheduleEntry]] = {day: [] for day in week.days()}
    for entry in _first(_entries(week.monday, week.sunday, published_only), MAX_PER_PAGE):
        by_day[entry.day].append(entry)
    return list(by_day.items())


def get_entry(entry_id: int, public: bool = True) -> ScheduleEntry | None:
    entry = db.session.get(ScheduleEntry, (require_tenant().id, entry_id))
    if entry is None or (public and not entry.is_published):
        return None
    return entry


def save_entry(entry: ScheduleEntry | None, **values) -> ScheduleEntry:
    entry = entry or ScheduleEntry()
    entry.day = values["day"]
    entry.starts_at = values["starts_at"]
    entry.ends_at = values.get("ends_at")
    for name in ("content_vi", "content_en", "presider", "participants", "location"):
        setattr(entry, name, (values.get(name) or "").strip())
    entry.is_published = bool(values.get("is_published"))
    db.session.add(entry)
    db.session.flush()
    return entry


def delete_entry(entry: ScheduleEntry) -> None:
    db.session.delete(entry)
    db.session.flush()


def coming_entries(today: date, limit: int = 6) -> list[ScheduleEntry]:
    """The published engagements from today to the end of this week, for the home page."""
    return _first(_entries(today, week_of(today).sunday), limit)
