"""Working days: weekdays that are not public holidays.

Legal deadlines in Vietnam are counted in working days ("ngày làm việc"): an answer to a citizen
is due within 15 of them, a new legal document is posted within 2. These functions are pure: the
caller passes the set of holidays (the platform keeps the calendar), so they are reusable by any
capability and testable without a database. Saturday and Sunday are never working days.

Counting convention, relied on by callers: the day something arrives is day 0; the first working
day *after* it is day 1. So a question received on a Friday with 1 working day to answer is due
on the next Monday (or the first working day after it).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, timedelta

WEEKEND = (5, 6)  # Saturday, Sunday


def is_working_day(day: date, holidays: Collection[date]) -> bool:
    return day.weekday() not in WEEKEND and day not in holidays


def add_working_days(start: date, count: int, holidays: Collection[date]) -> date:
    """The `count`-th working day after `start` (`start` itself is not counted).

    `count` 0 gives `start` itself, working day or not."""
    if count < 0:
        raise ValueError("count must not be negative")
    day = start
    while count:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count -= 1
    return day


def working_days_between(start: date, end: date, holidays: Collection[date]) -> int:
    """Working days after `start` up to and including `end` (0 when `end` is not after `start`).

    The inverse of `add_working_days`: `working_days_between(d, add_working_days(d, n, h), h) == n`."""
    if end <= start:
        return 0
    days = (end - start).days
    return sum(1 for n in range(1, days + 1) if is_working_day(start + timedelta(days=n), holidays))
