"""Keeping askers' personal data no longer than the portal said (Decree 13/2023/NĐ-CP), and
reminding whoever holds an item before it falls due.

Both run per portal from cron (`tasks.py`) and are idempotent: an erased item has `erased_at`
and is skipped; a reminded item has `reminded_at` (cleared when it changes hands).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import sqlalchemy as sa

from app.db import after_commit
from app.extensions import db
from app.holidays import holidays
from app.roles import CONTENT_MANAGERS
from app.uploads import storage_root
from app.workdays import working_days_between
from blueprints.auth.models import Membership, User
from blueprints.feedback.models import DEFAULT_RETENTION_MONTHS, FeedbackItem, FeedbackSettings, ItemState
from blueprints.feedback.services import settings
from tenants.context import require_tenant

REMIND_WITHIN_WORKING_DAYS = 2
# Calendar days that surely hold two working days, whatever the weekends and holidays (Tết):
# the cron's first, cross-tenant sift; each portal then applies the exact rule.
REMIND_HORIZON_DAYS = 21


def months_before(day: date, months: int) -> date:
    """The same day `months` months earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)


def erase_expired(today: date | None = None) -> list[int]:
    """Empty the personal data of items answered more than `retention_months` ago.

    The question, the answer and the publication stay (anonymous: `public_name()` is empty once
    erased); the attachment file is deleted after the commit. Returns the ids erased."""
    today = today or require_tenant().today()
    cutoff = months_before(today, settings().retention_months)
    items = list(
        db.session.scalars(
            sa.select(FeedbackItem).where(
                FeedbackItem.erased_at.is_(None),
                FeedbackItem.answered_on.is_not(None),
                FeedbackItem.answered_on < cutoff,
            )
        )
    )
    files = []
    for item in items:
        if item.attachment_key:
            files.append(item.attachment_key)
        item.name, item.email, item.phone = "", "", ""
        item.attachment_key = item.attachment_type = item.attachment_name = None
        item.show_name = False
        item.erased_at = datetime.now(UTC)
    db.session.flush()
    if files:
        after_commit(lambda: _delete_files(files))
    return [item.id for item in items]


def _delete_files(keys: list[str]) -> None:
    root = storage_root()
    for key in keys:
        (root / key).unlink(missing_ok=True)


def portals_to_remind(today: date | None = None) -> sa.Select:
    """The tenant ids that may have an item to remind (for the cron, across tenants)."""
    horizon = (today or datetime.now(UTC).date()) + timedelta(days=REMIND_HORIZON_DAYS)
    return sa.select(FeedbackItem.tenant_id).where(*_unreminded(), FeedbackItem.due_on <= horizon)


def _unreminded() -> tuple:
    return FeedbackItem.state != ItemState.ANSWERED, FeedbackItem.reminded_at.is_(None)


def portals_with_expired_data(today: date | None = None) -> sa.Select:
    """The tenant ids with askers' data past their portal's retention (for the cron, across
    tenants; the default retention applies where a portal saved no settings)."""
    today = today or datetime.now(UTC).date()
    retention = sa.func.coalesce(FeedbackSettings.retention_months, DEFAULT_RETENTION_MONTHS)
    return (
        sa.select(FeedbackItem.tenant_id)
        .outerjoin(FeedbackSettings, FeedbackSettings.tenant_id == FeedbackItem.tenant_id)
        .where(
            FeedbackItem.erased_at.is_(None),
            FeedbackItem.answered_on + sa.func.make_interval(0, retention) <= today,
        )
    )


def items_to_remind(today: date | None = None) -> list[FeedbackItem]:
    """Unanswered items due within two working days (or already late) not yet reminded."""
    today = today or require_tenant().today()
    candidates = db.session.scalars(sa.select(FeedbackItem).where(*_unreminded()))
    days_off = holidays(today.year, today.year + 1)
    return [
        item
        for item in candidates
        if working_days_between(today, item.due_on, days_off) <= REMIND_WITHIN_WORKING_DAYS
    ]


def reminder_recipients(item: FeedbackItem) -> list[User]:
    """The assignee; when nobody is assigned, the portal's editors and board head."""
    if item.assignee is not None:
        return [item.assignee] if item.assignee.is_active else []
    return list(
        db.session.scalars(
            sa.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(Membership.role.in_([str(r) for r in CONTENT_MANAGERS]), User.is_disabled.is_(False))
            .distinct()
            .order_by(User.id)
        )
    )
