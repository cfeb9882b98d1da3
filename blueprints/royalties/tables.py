"""The board's tables: factor ranges, bases and budgets, each added with its effective date.

Rows are added, never edited in place: a change of rate starts on a date, and the statements
of earlier months keep the rows that were in force then. A row for the same date replaces the
earlier entry for that date (a correction)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import sqlalchemy as sa

from app.extensions import db
from blueprints.royalties.models import RoyaltyBase, RoyaltyBudget, RoyaltyRate


def rates() -> list[RoyaltyRate]:
    return list(
        db.session.scalars(
            sa.select(RoyaltyRate).order_by(RoyaltyRate.effective_from.desc(), RoyaltyRate.kind)
        )
    )


def bases() -> list[RoyaltyBase]:
    return list(db.session.scalars(sa.select(RoyaltyBase).order_by(RoyaltyBase.effective_from.desc())))


def budgets() -> list[RoyaltyBudget]:
    return list(db.session.scalars(sa.select(RoyaltyBudget).order_by(RoyaltyBudget.year.desc())))


def set_rate(kind: str, effective_from: date, low: Decimal, high: Decimal) -> RoyaltyRate:
    row = db.session.scalar(
        sa.select(RoyaltyRate).where(RoyaltyRate.kind == kind, RoyaltyRate.effective_from == effective_from)
    )
    if row is None:
        row = RoyaltyRate(kind=kind, effective_from=effective_from)
        db.session.add(row)
    row.factor_min, row.factor_max = low, high
    db.session.flush()
    return row


def set_base(effective_from: date, base_salary: int, percent: Decimal, note: str = "") -> RoyaltyBase:
    row = db.session.scalar(sa.select(RoyaltyBase).where(RoyaltyBase.effective_from == effective_from))
    if row is None:
        row = RoyaltyBase(effective_from=effective_from)
        db.session.add(row)
    row.base_salary, row.percent, row.note = base_salary, percent, note.strip()
    db.session.flush()
    return row


def set_budget(year: int, amount: int) -> RoyaltyBudget:
    row = db.session.scalar(sa.select(RoyaltyBudget).where(RoyaltyBudget.year == year))
    if row is None:
        row = RoyaltyBudget(year=year)
        db.session.add(row)
    row.amount = amount
    db.session.flush()
    return row
