"""Working days (app/workdays.py) and the due days the Q&A gives, across weekends and holidays."""

from __future__ import annotations

from datetime import date

from app.workdays import add_working_days, is_working_day, working_days_between
from blueprints.feedback.calendar import VIETNAM_2026, seed_vietnam_2026
from blueprints.feedback.services import due_day
from tenants.context import tenant_scope
from tests.factories import make_tenant

TET = {date(2026, 2, d) for d in range(16, 21)}


def test_weekends_are_skipped():
    friday = date(2026, 3, 6)
    assert add_working_days(friday, 1, set()) == date(2026, 3, 9)  # Monday
    assert add_working_days(date(2026, 3, 7), 1, set()) == date(2026, 3, 9)  # from a Saturday
    assert add_working_days(friday, 15, set()) == date(2026, 3, 27)
    assert not is_working_day(date(2026, 3, 8), set()) and is_working_day(date(2026, 3, 9), set())


def test_holidays_are_skipped_and_the_count_is_the_inverse():
    thursday = date(2026, 2, 12)
    # Fri 13, then the Tết week (16–20) and the weekends are off: Mon 23, Tue 24.
    assert add_working_days(thursday, 3, TET) == date(2026, 2, 24)
    assert add_working_days(thursday, 3, set()) == date(2026, 2, 17)
    assert working_days_between(thursday, date(2026, 2, 24), TET) == 3
    assert working_days_between(date(2026, 2, 24), thursday, TET) == 0
    for start in (date(2026, 4, 24), date(2026, 8, 28), date(2026, 12, 31)):
        holidays = {d for d, *_ in VIETNAM_2026}
        assert working_days_between(start, add_working_days(start, 15, holidays), holidays) == 15


def test_due_days_use_the_platform_calendar_and_the_portal_setting():
    seed_vietnam_2026()
    ward = make_tenant()
    with tenant_scope(ward):
        # Received Tuesday 28 April 2026: 30 Apr and 1 May are off, then a weekend.
        assert due_day(date(2026, 4, 28), 2) == date(2026, 5, 4)
        assert due_day(date(2026, 4, 28)) == date(2026, 5, 21)  # 15 working days, the default
        # Received Friday 28 August: Mon 31 works, 1–2 Sep are off.
        assert due_day(date(2026, 8, 28), 2) == date(2026, 9, 3)
