"""Units, board members and the newsroom settings of the current portal (board head, editors)."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.newsroom.models import BoardMember, ContributingUnit, NewsroomSettings, UnitKind
from tenants.context import require_tenant


def units() -> list[ContributingUnit]:
    return list(
        db.session.scalars(
            sa.select(ContributingUnit).order_by(ContributingUnit.position, ContributingUnit.name_vi)
        )
    )


def members() -> list[BoardMember]:
    return list(
        db.session.scalars(sa.select(BoardMember).order_by(BoardMember.position, BoardMember.full_name))
    )


def unit(unit_id: int) -> ContributingUnit | None:
    """This portal's unit, or None: another portal's id is indistinguishable from a missing one."""
    return db.session.get(ContributingUnit, (require_tenant().id, unit_id))


def member(member_id: int) -> BoardMember | None:
    return db.session.get(BoardMember, (require_tenant().id, member_id))


def unit_name_taken(name_vi: str, except_id: int | None = None) -> bool:
    """Unit names are unique per portal (the database refuses a second one)."""
    query = sa.select(ContributingUnit.id).where(ContributingUnit.name_vi == name_vi.strip())
    if except_id is not None:
        query = query.where(ContributingUnit.id != except_id)
    return db.session.scalar(query) is not None


def assignable_unit(unit_id: int | None, current_id: int | None = None) -> bool:
    """A person may be put in an active unit of this portal, or stay in the unit they are in
    (which may have been deactivated since: their history keeps it)."""
    if unit_id is None or unit_id == current_id:
        return True
    found = unit(unit_id)
    return found is not None and found.is_active


def add_unit(name_vi: str, name_en: str, kind: str, minimum: int | None, cap: int | None) -> ContributingUnit:
    """A new unit; its quota defaults to the portal's (3 and 5 unless the portal changed them)."""
    settings = NewsroomSettings.for_current_tenant()
    unit = ContributingUnit(
        name_vi=name_vi.strip(),
        name_en=name_en.strip(),
        kind=UnitKind(kind),
        monthly_minimum=settings.default_monthly_minimum if minimum is None else minimum,
        monthly_cap=settings.default_monthly_cap if cap is None else cap,
        position=len(units()),
    )
    db.session.add(unit)
    db.session.flush()
    return unit


def add_member(
    full_name: str, title_vi: str, title_en: str, unit_id: int | None, on_board: bool
) -> BoardMember:
    member = BoardMember(
        full_name=full_name.strip(),
        title_vi=title_vi.strip(),
        title_en=title_en.strip(),
        unit_id=unit_id,
        on_board=on_board,
        position=len(members()),
    )
    db.session.add(member)
    db.session.flush()
    return member


def update_unit(
    unit: ContributingUnit,
    name_vi: str,
    name_en: str,
    kind: str,
    minimum: int,
    cap: int,
    is_active: bool,
    position: int,
) -> ContributingUnit:
    """Rename, re-kind, re-quota, reorder or (de)activate a unit. An inactive unit leaves the
    select lists but keeps its articles, members and royalty history."""
    unit.name_vi, unit.name_en, unit.kind = name_vi.strip(), name_en.strip(), UnitKind(kind)
    unit.monthly_minimum, unit.monthly_cap = minimum, cap
    unit.is_active, unit.position = is_active, position
    db.session.flush()
    return unit


def update_member(
    member: BoardMember,
    full_name: str,
    title_vi: str,
    title_en: str,
    unit_id: int | None,
    on_board: bool,
    position: int,
) -> BoardMember:
    """Correct a person's position or unit, hide someone who left the board, or reorder."""
    member.full_name, member.title_vi, member.title_en = full_name.strip(), title_vi.strip(), title_en.strip()
    member.unit_id, member.on_board, member.position = unit_id, on_board, position
    db.session.flush()
    return member


def update_settings(late_after_days: int, default_minimum: int, default_cap: int) -> NewsroomSettings:
    settings = NewsroomSettings.for_current_tenant()
    settings.late_after_days = late_after_days
    settings.default_monthly_minimum = default_minimum
    settings.default_monthly_cap = default_cap
    db.session.flush()
    return settings
