"""The public record of a portal's Q&A, by month: received, answered, the median number of
working days to answer, and the share answered on time.

A question counts in the month it arrived ("received") and in the month it was answered (the
other three figures); days are the portal's local days and working days skip weekends and the
platform's public holidays, exactly as the due days do.
"""

from __future__ import annotations

import statistics
from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.holidays import holidays
from app.workdays import working_days_between
from blueprints.feedback.models import FeedbackItem
from tenants.context import require_tenant


@dataclass(frozen=True)
class MonthFigures:
    month: date  # the first day of the month
    received: int
    answered: int
    median_days: float | None  # working days from receipt to answer, None when nothing was answered
    on_time: int

    @property
    def on_time_share(self) -> float | None:
        """Answered on time / answered, 0..1 (None when nothing was answered)."""
        return self.on_time / self.answered if self.answered else None


def _months(last: date, count: int) -> list[date]:
    months, year, month = [], last.year, last.month
    for _ in range(count):
        months.append(date(year, month, 1))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return list(reversed(months))


def monthly_record(months: int = 12, today: date | None = None) -> list[MonthFigures]:
    """The last `months` months up to this one, oldest first, every month present."""
    today = today or require_tenant().today()
    firsts = _months(today, months)
    start = firsts[0]
    rows = db.session.execute(
        sa.select(FeedbackItem.received_on, FeedbackItem.answered_on, FeedbackItem.due_on).where(
            sa.or_(FeedbackItem.received_on >= start, FeedbackItem.answered_on >= start)
        )
    ).all()
    days_off = holidays(start.year - 1, today.year + 1)
    received = {m: 0 for m in firsts}
    answered: dict[date, list[tuple[int, bool]]] = {m: [] for m in firsts}
    for received_on, answered_on, due_on in rows:
        key = received_on.replace(day=1)
        if key in received:
            received[key] += 1
        if answered_on is not None and answered_on.replace(day=1) in answered:
            answered[answered_on.replace(day=1)].append(
                (working_days_between(received_on, answered_on, days_off), answered_on <= due_on)
            )
    figures = []
    for month in firsts:
        done = answered[month]
        figures.append(
            MonthFigures(
                month=month,
                received=received[month],
                answered=len(done),
                median_days=statistics.median(d for d, _ in done) if done else None,
                on_time=sum(1 for _, ok in done if ok),
            )
        )
    return figures


def figures_of(month_first: date, today: date | None = None) -> MonthFigures | None:
    """One month's figures, the same the public record shows; None for a month still to come."""
    today = today or require_tenant().today()
    if month_first > today:
        return None
    back = (today.year - month_first.year) * 12 + today.month - month_first.month + 1
    return monthly_record(back, today)[0]


def overdue_in(month_first: date, today: date | None = None) -> int | None:
    """Items due in the month (by its last day, or today for the current month) that were not
    answered by their due day: the late ones, whether answered since or still open."""
    today = today or require_tenant().today()
    if month_first > today:
        return None
    following = date(month_first.year + month_first.month // 12, month_first.month % 12 + 1, 1)
    last_due = min(today - timedelta(days=1), following - timedelta(days=1))
    late = sa.or_(FeedbackItem.answered_on.is_(None), FeedbackItem.answered_on > FeedbackItem.due_on)
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(FeedbackItem)
            .where(FeedbackItem.due_on >= month_first, FeedbackItem.due_on <= last_due, late)
        )
        or 0
    )
