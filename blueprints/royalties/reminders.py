"""Units behind their monthly minimum near the month's end: who they are and when to remind.

The reminder window opens when five working days or fewer are left in the month (today
included). Working days are Monday to Friday: public holidays are not yet known to the
platform, so a month with a holiday in its last week opens the window a day late.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from app.holidays import holidays
from app.workdays import is_working_day
from blueprints.royalties.months import Month
from blueprints.royalties.quotas import QuotaRow, quota_board

REMIND_WHEN_DAYS_LEFT = 5


def working_days_left(today: date) -> int:
    """Working days from `today` to the month's last day, both included (weekends and the
    platform's public holidays skipped)."""
    last = Month(today.year, today.month).next().first_day - timedelta(days=1)
    days_off = holidays(today.year, today.year)
    return sum(
        1 for n in range((last - today).days + 1) if is_working_day(today + timedelta(days=n), days_off)
    )


@dataclass
class QuotaWatch:
    month: Month
    days_left: int
    behind: list[QuotaRow]

    @property
    def reminding(self) -> bool:
        """True while the window is open: the units behind are (or are being) reminded."""
        return window_open(self.days_left)


def window_open(days_left: int) -> bool:
    """The rule: units behind are reminded in the month's last working days."""
    return days_left <= REMIND_WHEN_DAYS_LEFT


def quota_window_open(today: date) -> bool:
    """True in the month's last working days, when units behind are reminded."""
    return window_open(working_days_left(today))


def quota_watch(today: date) -> QuotaWatch:
    """This month's units under their minimum (a minimum of 0 is never behind)."""
    month = Month(today.year, today.month)
    behind = [row for row in quota_board(month) if row.behind]
    return QuotaWatch(month, working_days_left(today), behind)
