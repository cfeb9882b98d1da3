"""Options for the newsroom's select boxes, read from the current portal only."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

from app.extensions import db
from blueprints.auth.models import Membership, User
from blueprints.newsroom.models import BoardMember, ContributingUnit
from blueprints.newsroom.permissions import WRITERS
from blueprints.newsroom.public import sections_tree

NO_SECTION = _l("— Chọn chuyên mục —")
NO_UNIT = _l("— Không thuộc đơn vị nào —")


def section_choices(locale: str, blank=NO_SECTION) -> list[SelectChoice]:
    choices: list[SelectChoice] = [SelectChoice("", blank)]

    def walk(nodes, depth):
        for node in nodes:
            choices.append(SelectChoice(node.section.id, "— " * depth + node.section.name(locale)))
            walk(node.children, depth + 1)

    walk(sections_tree(), 0)
    return choices


def unit_choices(locale: str, blank=NO_UNIT, keep: int | None = None) -> list[SelectChoice]:
    """Active units, plus `keep` (a person's current unit, even if deactivated since)."""
    units = db.session.scalars(
        sa.select(ContributingUnit)
        .where(sa.or_(ContributingUnit.is_active, ContributingUnit.id == keep))
        .order_by(ContributingUnit.position, ContributingUnit.name_vi)
    )
    return [SelectChoice("", blank)] + [SelectChoice(u.id, u.name(locale)) for u in units]


def author_choices() -> list[SelectChoice]:
    """Everyone who may write on this portal, by name."""
    users = db.session.scalars(
        sa.select(User)
        .where(
            User.id.in_(sa.select(Membership.user_id).where(Membership.role.in_([str(r) for r in WRITERS])))
        )
        .order_by(User.name)
    )
    return [SelectChoice(u.id, u.name) for u in users]


def unit_of(user: User) -> int | None:
    """The unit a collaborator writes for (from the board list), to prefill a new article."""
    return db.session.scalar(sa.select(BoardMember.unit_id).where(BoardMember.user_id == user.id))
