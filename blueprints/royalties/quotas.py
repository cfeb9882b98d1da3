"""The quota board: per unit and month, articles submitted, approved and published against the
unit's minimum and cap; and the cap's check when a collaborator submits.

A unit "supplies" an article when it is submitted (the report's quota: at least 3 a month, at
most 5). An article counts in the month (portal time) of its last submission, whatever happened
to it since, except that one back in draft does not count. Approved and published are counted by
the month of those events. A unit is behind when it supplied fewer than its minimum.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.validation import FieldErrors
from blueprints.newsroom.models import Article, ArticleState, ContributingUnit
from blueprints.royalties.models import OverCapPolicy, RoyaltySettings
from blueprints.royalties.months import Month
from blueprints.royalties.statements import PAID_STATES

S = ArticleState
NOT_YET_APPROVED = (S.DRAFT, S.SUBMITTED, S.RETURNED)


@dataclass
class QuotaRow:
    unit: ContributingUnit
    submitted: int
    approved: int
    published: int

    @property
    def behind(self) -> bool:
        return self.submitted < self.unit.monthly_minimum

    @property
    def over_cap(self) -> bool:
        return self.submitted > self.unit.monthly_cap


def _in(column, month: Month):
    start, end = month.bounds()
    return sa.and_(column >= start, column < end)


def _counts(condition) -> dict[int, int]:
    rows = db.session.execute(
        sa.select(Article.unit_id, sa.func.count())
        .where(Article.unit_id.is_not(None), condition)
        .group_by(Article.unit_id)
    )
    return dict(rows.all())


def submitted_condition(month: Month):
    return sa.and_(_in(Article.submitted_at, month), Article.state != S.DRAFT)


def quota_board(month: Month) -> list[QuotaRow]:
    submitted = _counts(submitted_condition(month))
    approved = _counts(
        sa.and_(_in(Article.approved_at, month), Article.state.not_in([str(s) for s in NOT_YET_APPROVED]))
    )
    published = _counts(
        sa.and_(_in(Article.published_at, month), Article.state.in_([str(s) for s in PAID_STATES]))
    )
    units = db.session.scalars(
        sa.select(ContributingUnit)
        .where(ContributingUnit.is_active)
        .order_by(ContributingUnit.position, ContributingUnit.name_vi)
    )
    return [QuotaRow(u, submitted.get(u.id, 0), approved.get(u.id, 0), published.get(u.id, 0)) for u in units]


def cap_warning(article: Article, now: datetime | None = None):
    """Check the unit's cap as `article` is submitted.

    Returns a warning to show (or None) when the portal only warns; raises `FieldErrors` with
    the unit field marked when the portal refuses."""
    if article.unit_id is None:
        return None
    unit = db.session.get(ContributingUnit, (article.tenant_id, article.unit_id))
    month = Month.of(now or datetime.now(UTC))
    already = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(Article)
        .where(Article.unit_id == unit.id, Article.id != article.id, submitted_condition(month))
    )
    if already < unit.monthly_cap:
        return None
    if RoyaltySettings.for_current_tenant().over_cap_policy == OverCapPolicy.REFUSE:
        raise FieldErrors.on(
            "unit_id",
            _l(
                "Đơn vị “%(unit)s” đã gửi đủ %(cap)d bài trong tháng, không thể gửi thêm.",
                unit=unit.name_vi,
                cap=unit.monthly_cap,
            ),
        )
    return _l(
        "Đơn vị “%(unit)s” đã vượt mức tối đa %(cap)d bài trong tháng.",
        unit=unit.name_vi,
        cap=unit.monthly_cap,
    )
