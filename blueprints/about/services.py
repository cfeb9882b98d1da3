"""Rules for the introduction: the org chart as a tree, leaders, and the contact directory.

Listing functions take plain values and return models or dataclasses, so the open data API can
call them as the public pages do. Every query is scoped to the current tenant by `app.db`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_sqlalchemy.pagination import Pagination

from app.extensions import db
from app.richtext import clean_html
from app.search import fold
from app.uploads import StoredFile, store_upload
from blueprints.about.models import Contact, IntroSection, Leader, OrgChartUnit, SectionKind
from tenants.context import require_tenant

STALE_AFTER = timedelta(days=180)
MAX_PER_PAGE = 100


# -- introduction sections ------------------------------------------------------------------


def intro_sections() -> dict[str, IntroSection]:
    """The sections this portal has written, by kind."""
    return {s.kind: s for s in db.session.scalars(sa.select(IntroSection))}


def get_section(kind: str) -> IntroSection | None:
    return db.session.scalar(sa.select(IntroSection).where(IntroSection.kind == kind))


def _new_image(upload) -> StoredFile | None:
    """The checked image an upload field brings, or None when it brings none (the old one stays)."""
    return store_upload(upload, kind="image") if upload is not None and upload.filename else None


def save_section(
    kind: SectionKind,
    *,
    body_vi: str,
    body_en: str,
    image_alt_vi: str = "",
    image_alt_en: str = "",
    image=None,
    reviewed: bool = False,
) -> IntroSection:
    """Create or update one section; editor HTML is cleaned, an image is checked by content."""
    section = get_section(kind) or IntroSection(kind=str(kind))
    before = section.english_before_edit()
    section.body_vi = clean_html(body_vi)
    section.body_en = clean_html(body_en)
    section.image_alt_vi = (image_alt_vi or "").strip()
    section.image_alt_en = (image_alt_en or "").strip()
    if stored := _new_image(image):
        section.image_key, section.image_type = stored.key, stored.content_type
    section.after_translation_edit(before, reviewed)
    db.session.add(section)
    db.session.flush()
    return section


# -- organisation chart ---------------------------------------------------------------------


@dataclass
class UnitNode:
    unit: OrgChartUnit
    children: list[UnitNode] = field(default_factory=list)


def all_units() -> list[OrgChartUnit]:
    return list(
        db.session.scalars(sa.select(OrgChartUnit).order_by(OrgChartUnit.position, OrgChartUnit.name_vi))
    )


def org_chart(units: list[OrgChartUnit] | None = None) -> list[UnitNode]:
    """The units as a forest, roots first, each level ordered by position then name.

    A unit whose parent is missing (or a cycle, which the forms refuse) is shown as a root, so
    no unit ever disappears from the chart. `units`: the portal's units, when already read.
    """
    units = all_units() if units is None else units
    nodes = {u.id: UnitNode(u) for u in units}
    roots: list[UnitNode] = []
    for unit in units:
        parent = nodes.get(unit.parent_id) if unit.parent_id else None
        if parent is None or _is_ancestor(unit.id, unit.parent_id, {u.id: u.parent_id for u in units}):
            roots.append(nodes[unit.id])
        else:
            parent.children.append(nodes[unit.id])
    return roots


def _is_ancestor(unit_id: int, parent_id: int | None, parents: dict[int, int | None]) -> bool:
    seen: set[int] = set()
    while parent_id is not None and parent_id not in seen:
        if parent_id == unit_id:
            return True
        seen.add(parent_id)
        parent_id = parents.get(parent_id)
    return False


def get_unit(unit_id: int) -> OrgChartUnit | None:
    return db.session.get(OrgChartUnit, (_tenant_id(), unit_id))


def parent_choices(exclude: OrgChartUnit | None = None) -> list[OrgChartUnit]:
    """Units that may be the parent of `exclude`: never itself or one of its descendants."""
    units = all_units()
    if exclude is None:
        return units
    parents = {u.id: u.parent_id for u in units}
    # Walking up from `u` itself meets `exclude` exactly when u is exclude or one of its descendants.
    return [u for u in units if not _is_ancestor(exclude.id, u.id, parents)]


def save_unit(unit: OrgChartUnit | None, **values) -> OrgChartUnit:
    unit = unit or OrgChartUnit()
    before = unit.english_before_edit()
    for name in ("name_vi", "name_en", "address", "phone", "email"):
        setattr(unit, name, (values.get(name) or "").strip())
    unit.functions_vi = clean_html(values.get("functions_vi"))
    unit.functions_en = clean_html(values.get("functions_en"))
    unit.position = values.get("position") or 0
    parent_id = values.get("parent_id") or None
    if parent_id is not None and (unit.id is None or parent_id in {u.id for u in parent_choices(unit)}):
        unit.parent_id = parent_id if get_unit(parent_id) else None
    else:
        unit.parent_id = None
    unit.after_translation_edit(before, bool(values.get("reviewed")))
    db.session.add(unit)
    db.session.flush()
    return unit


def unit_name_taken(name_vi: str, unit: OrgChartUnit | None) -> bool:
    query = sa.select(OrgChartUnit.id).where(sa.func.lower(OrgChartUnit.name_vi) == name_vi.strip().lower())
    if unit is not None and unit.id is not None:
        query = query.where(OrgChartUnit.id != unit.id)
    return db.session.scalar(query) is not None


# -- leaders --------------------------------------------------------------------------------


def public_leaders() -> list[Leader]:
    return list(
        db.session.scalars(sa.select(Leader).where(Leader.is_published).order_by(Leader.position, Leader.id))
    )


def all_leaders() -> list[Leader]:
    return list(db.session.scalars(sa.select(Leader).order_by(Leader.position, Leader.id)))


def get_leader(leader_id: int, public: bool = False) -> Leader | None:
    leader = db.session.get(Leader, (_tenant_id(), leader_id))
    if leader is None or (public and not leader.is_published):
        return None
    return leader


def save_leader(leader: Leader | None, *, photo=None, **values) -> Leader:
    leader = leader or Leader()
    before = leader.english_before_edit()
    for name in ("name", "title_vi", "title_en", "phone", "email"):
        setattr(leader, name, (values.get(name) or "").strip())
    for name in ("biography_vi", "biography_en", "duties_vi", "duties_en"):
        setattr(leader, name, clean_html(values.get(name)))
    leader.position = values.get("position") or 0
    leader.is_published = bool(values.get("is_published"))
    if stored := _new_image(photo):
        leader.photo_key, leader.photo_type = stored.key, stored.content_type
    leader.after_translation_edit(before, bool(values.get("reviewed")))
    db.session.add(leader)
    db.session.flush()
    return leader


# -- contact directory ----------------------------------------------------------------------


def is_stale(contact: Contact, today: date) -> bool:
    """A contact not confirmed for more than 180 days is flagged in the back office."""
    return today - contact.checked_on > STALE_AFTER


def list_contacts(
    *,
    page: int = 1,
    per_page: int = 50,
    query: str = "",
    unit_id: int | None = None,
    published_only: bool = True,
) -> Pagination:
    """Contacts ordered by unit then position, filtered by unit and by a diacritic-free query."""
    stmt = (
        sa.select(Contact)
        .outerjoin(
            OrgChartUnit,
            sa.and_(OrgChartUnit.tenant_id == Contact.tenant_id, OrgChartUnit.id == Contact.unit_id),
        )
        .order_by(OrgChartUnit.position.nulls_last(), OrgChartUnit.name_vi, Contact.position, Contact.name)
    )
    if published_only:
        stmt = stmt.where(Contact.is_published)
    if unit_id:
        stmt = stmt.where(Contact.unit_id == unit_id)
    if query.strip():
        ids = [c.id for c in db.session.scalars(stmt) if _contact_matches(c, query)]
        stmt = stmt.where(Contact.id.in_(ids))
    return db.paginate(
        stmt, page=max(page, 1), per_page=min(max(per_page, 1), MAX_PER_PAGE), error_out=False, count=True
    )


def _contact_matches(contact: Contact, query: str) -> bool:
    haystack = fold(
        " ".join(
            [
                contact.name,
                contact.position_vi,
                contact.position_en,
                contact.email,
                contact.unit.name_vi if contact.unit else "",
                contact.unit.name_en if contact.unit else "",
            ]
        )
    )
    return all(word in haystack for word in fold(query).split())


def get_contact(contact_id: int, public: bool = False) -> Contact | None:
    contact = db.session.get(Contact, (_tenant_id(), contact_id))
    if contact is None or (public and not contact.is_published):
        return None
    return contact


def stale_contacts(today: date) -> list[Contact]:
    """Contacts nobody has confirmed for more than 180 days, oldest first."""
    return list(
        db.session.scalars(
            sa.select(Contact).where(Contact.checked_on < today - STALE_AFTER).order_by(Contact.checked_on)
        )
    )


def save_contact(contact: Contact | None, *, today: date, **values) -> Contact:
    """Saving a contact through the form counts as checking it today."""
    contact = contact or Contact()
    before = contact.english_before_edit()
    for name in ("name", "position_vi", "position_en", "phone", "email"):
        setattr(contact, name, (values.get(name) or "").strip())
    unit_id = values.get("unit_id") or None
    contact.unit_id = unit_id if unit_id and get_unit(unit_id) else None
    contact.position = values.get("position") or 0
    contact.is_published = bool(values.get("is_published"))
    contact.checked_on = today
    contact.after_translation_edit(before, bool(values.get("reviewed")))
    db.session.add(contact)
    db.session.flush()
    return contact


def mark_checked(contact: Contact, today: date) -> None:
    contact.checked_on = today
    db.session.flush()


def _tenant_id() -> int:

    return require_tenant().id
