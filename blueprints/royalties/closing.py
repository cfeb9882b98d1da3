"""Closing a month: the statement is frozen and becomes what is paid, exported and printed.

Closing copies every line of the live statement (title, unit, factor, base salary, percent,
amount, the authors' shares) into `ClosedStatement`/`ClosedLine`; later edits of the articles
or of the tables change nothing in it. A month is closed once it has ended and every article
has its factor and base (a line paid 0 đồng by mistake would be frozen otherwise). Reopening
needs a reason; both acts are kept in `MonthEvent`, the month's history.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.validation import FieldErrors
from blueprints.auth.models import User
from blueprints.royalties.models import ClosedLine, ClosedStatement, MonthAction, MonthEvent
from blueprints.royalties.months import Month
from blueprints.royalties.statements import closed_statement, live_statement
from tenants.context import require_tenant


def can_close(month: Month) -> bool:
    """Only a month that has ended (in the portal's time) can be closed."""
    return month.next().first_day <= require_tenant().today()


def close_month(month: Month, actor: User, now: datetime | None = None) -> ClosedStatement:
    """Freeze the month's live statement; FieldErrors (field "month") when it cannot be."""
    if closed_statement(month) is not None:
        raise FieldErrors.on("month", _l("Tháng %(month)s đã được chốt.", month=str(month)))
    if not can_close(month):
        raise FieldErrors.on("month", _l("Chỉ chốt được tháng đã kết thúc."))
    live = live_statement(month)
    if live.incomplete:
        raise FieldErrors.on(
            "month",
            _l(
                "Còn %(n)d bài chưa có hệ số hoặc mức cơ sở: nhập đủ rồi mới chốt tháng.",
                n=len(live.incomplete),
            ),
        )
    now = now or datetime.now(UTC)
    closed = ClosedStatement(
        year=month.year,
        month=month.month,
        closed_at=now,
        closed_by_id=actor.id,
        total=live.total,
        article_count=len(live.lines),
    )
    closed.lines = [
        ClosedLine(
            position=index,
            article_id=line.article_id,
            title=line.title,
            kind=line.kind,
            unit_id=line.unit_id,
            unit_name_vi=line.unit_names[0],
            unit_name_en=line.unit_names[1],
            published_at=line.published_local,
            factor=line.factor,
            base_salary=line.base_salary,
            percent=line.percent,
            amount=line.amount,
            shares=[[person.id, person.name, share] for person, share in line.shares],
        )
        for index, line in enumerate(live.lines)
    ]
    db.session.add(closed)
    _record(month, MonthAction.CLOSED, actor, now, total=live.total)
    db.session.flush()
    return closed


def reopen_month(month: Month, actor: User, reason: str, now: datetime | None = None) -> None:
    """Drop the frozen copy (the live computation shows again); the reason is required."""
    closed = closed_statement(month)
    if closed is None:
        raise FieldErrors.on("reason", _l("Tháng %(month)s chưa được chốt.", month=str(month)))
    if not reason.strip():
        raise FieldErrors.on("reason", _l("Nhập lý do mở lại tháng."))
    _record(month, MonthAction.REOPENED, actor, now or datetime.now(UTC), total=closed.total, reason=reason)
    db.session.delete(closed)
    db.session.flush()


def _record(
    month: Month, action: MonthAction, actor: User, now: datetime, total: int, reason: str = ""
) -> None:
    db.session.add(
        MonthEvent(
            year=month.year,
            month=month.month,
            action=action,
            at=now,
            by_id=actor.id,
            by_name=actor.name[:200],
            reason=reason.strip(),
            total=total,
        )
    )


def history(month: Month) -> list[MonthEvent]:
    """Every closing and reopening of the month, the latest first."""
    return list(
        db.session.scalars(
            sa.select(MonthEvent)
            .where(MonthEvent.year == month.year, MonthEvent.month == month.month)
            .order_by(MonthEvent.at.desc(), MonthEvent.id.desc())
        )
    )
