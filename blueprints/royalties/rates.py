"""The royalty rule: amount = factor × base amount, base amount = percent × base salary.

Both the factor ranges (per kind of article) and the base (salary and percent) are the portal's
own rows with effective dates; the row in force on a day is the latest one starting on or before
it. Nothing is hard-coded: a portal without rows has no royalties until its board enters them.

Rounding: the exact product factor × salary × percent / 100 (Decimal) is rounded **once per
article**, half up, to a whole đồng. Every total (per person, per unit, the month, the year's
spending, the exports) is a sum of those integers, so they agree to the đồng.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.validation import FieldErrors
from blueprints.royalties.models import RoyaltyBase, RoyaltyRate


def base_on(day: date) -> RoyaltyBase | None:
    return db.session.scalar(
        sa.select(RoyaltyBase)
        .where(RoyaltyBase.effective_from <= day)
        .order_by(RoyaltyBase.effective_from.desc())
        .limit(1)
    )


def rate_on(kind: str, day: date) -> RoyaltyRate | None:
    return db.session.scalar(
        sa.select(RoyaltyRate)
        .where(RoyaltyRate.kind == kind, RoyaltyRate.effective_from <= day)
        .order_by(RoyaltyRate.effective_from.desc())
        .limit(1)
    )


def article_amount(factor: Decimal, base: RoyaltyBase) -> int:
    """The royalty of one article in whole đồng (the one rounding, half up)."""
    exact = Decimal(factor) * Decimal(base.base_salary) * Decimal(base.percent) / 100
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def factor_problem(kind: str, factor: Decimal | None, day: date):
    """Why `factor` cannot be set on an article of `kind` approved on `day` (None if it can).

    When the portal has a rate for the kind, the approver must give a factor in its range; when
    it has none, the factor may be left empty (it is then set before the month is paid)."""
    rate = rate_on(kind, day)
    if factor is None:
        return (
            _l("Nhập hệ số nhuận bút (từ %(low)s đến %(high)s).", low=rate.factor_min, high=rate.factor_max)
            if rate
            else None
        )
    if factor < 0:
        return _l("Hệ số không được âm.")
    if rate and not rate.factor_min <= factor <= rate.factor_max:
        return _l(
            "Hệ số của thể loại này phải từ %(low)s đến %(high)s.", low=rate.factor_min, high=rate.factor_max
        )
    return None


def check_factor(kind: str, factor: Decimal | None, day: date) -> None:
    """Raise `FieldErrors` (the factor field marked) when the factor is wrong."""
    problem = factor_problem(kind, factor, day)
    if problem is not None:
        raise FieldErrors.on("factor", problem)
