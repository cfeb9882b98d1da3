"""Recording audit events and reading them back, filtered and a page at a time.

Recording adds the row to the caller's transaction (flushed at once, under the current portal):
an event is kept only if what it tells of was committed. No request here: views pass the address they saw.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa

from app.extensions import db
from app.i18n import select_timezone
from blueprints.audit.models import AuditAction, AuditEvent

PER_PAGE = 50


def record(
    action: AuditAction,
    actor_id: int | None = None,
    actor_email: str = "",
    detail: str = "",
    address: str = "",
) -> AuditEvent:
    event = AuditEvent(
        action=str(action),
        actor_id=actor_id,
        actor_email=actor_email[:254],
        detail=detail[:500],
        address=address[:64],
    )
    db.session.add(event)
    db.session.flush()  # now, while the portal it belongs to is current
    return event


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    who: str = ""
    since: date | None = None
    until: date | None = None


def _day_start(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=ZoneInfo(select_timezone()))


def search(criteria: AuditFilter, page: int):
    """The current portal's events, newest first, matching `criteria`."""
    query = sa.select(AuditEvent).order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
    if criteria.action in set(AuditAction):
        query = query.where(AuditEvent.action == criteria.action)
    if criteria.who:
        query = query.where(AuditEvent.actor_email.icontains(criteria.who.strip(), autoescape=True))
    if criteria.since:
        query = query.where(AuditEvent.at >= _day_start(criteria.since))
    if criteria.until:
        query = query.where(AuditEvent.at < _day_start(criteria.until + timedelta(days=1)))
    return db.paginate(query, page=page, per_page=PER_PAGE, error_out=False)
