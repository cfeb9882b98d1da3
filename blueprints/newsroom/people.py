"""Units, board members and the newsroom settings of the current portal (board head, editors)."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.newsroom.models import BoardMember, NewsroomSettings, Unit, UnitKind


def units() -> list[Unit]:
    return list(db.session.scalars(sa.select(Unit).order_by(Unit.position, Unit.name_vi)))


def members() -> list[BoardMember]:
    return list(db.session.scalars(sa.select(BoardMember).order_by(BoardMember.position, BoardMember.full_name)))


def add_unit(name_vi: str, name_en: str, kind: str, minimum: int | None, cap: int | None) -> Unit:
    """A new unit; its quota defaults to the portal's (3 and 5 unless the portal changed them)."""
    settings = NewsroomSettings.for_current_tenant()
    unit = Unit(name_vi=name_vi.strip(), name_en=name_en.strip(), kind=UnitKind(kind),
                monthly_minimum=settings.default_monthly_minimum if minimum is None else minimum,
                monthly_cap=settings.default_monthly_cap if cap is None else cap, position=len(units()))
    db.session.add(unit)
    db.session.flush()
    return unit


def add_member(full_name: str, title_vi: str, title_en: str, unit_id: int | None, on_board: bool) -> BoardMember:
    member = BoardMember(full_name=full_name.strip(), title_vi=title_vi.strip(), title_en=title_en.strip(),
                         unit_id=unit_id, on_board=on_board, position=len(members()))
    db.session.add(member)
    db.session.flush()
    return member


def update_settings(late_after_days: int, default_minimum: int, default_cap: int) -> NewsroomSettings:
    settings = NewsroomSettings.for_current_tenant()
    settings.late_after_days = late_after_days
    settings.default_monthly_minimum = default_minimum
    settings.default_monthly_cap = default_cap
    db.session.flush()
    return settings
