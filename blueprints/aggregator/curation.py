"""The city board's curation of its aggregated items: pin, hide, order; every change audited.

Curation lives only in the parent's columns (`pinned`, `hidden`, `position`), which the sync never
writes, so an item hidden here stays hidden whatever the ward does to its article.
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa

from app.extensions import db
from blueprints.aggregator.models import AggregatedItem, CurationAction, CurationEvent, ItemState
from blueprints.auth.models import User


class UnknownAction(ValueError):
    """An action name the board screen does not offer."""


def load_item(item_id: int) -> AggregatedItem | None:
    """An item of the current portal (another portal's id finds nothing)."""
    return db.session.scalar(sa.select(AggregatedItem).where(AggregatedItem.id == item_id))


def _audit(item: AggregatedItem, action: CurationAction, actor: User | None, detail: str = "") -> None:
    db.session.add(
        CurationEvent(
            item_id=item.id,
            action=action,
            actor_id=actor.id if actor else None,
            at=datetime.now(UTC),
            detail=(detail or item.title)[:500],
        )
    )


def curate(item: AggregatedItem, action: str, actor: User | None, position: int | None = None) -> bool:
    """Apply `action` (pin, unpin, hide, unhide, move); returns whether anything changed."""
    try:
        action = CurationAction(action)
    except ValueError as exc:
        raise UnknownAction(action) from exc
    if action in (CurationAction.PIN, CurationAction.UNPIN):
        wanted = action == CurationAction.PIN
        changed, item.pinned = item.pinned != wanted, wanted
    elif action in (CurationAction.HIDE, CurationAction.UNHIDE):
        wanted = action == CurationAction.HIDE
        changed, item.hidden = item.hidden != wanted, wanted
    elif action == CurationAction.MOVE and position is not None:
        changed = item.position != position
        detail = f"{item.position} → {position}"
        item.position = position
    else:
        raise UnknownAction(action)
    if changed:
        _audit(item, action, actor, detail if action == CurationAction.MOVE else "")
        db.session.flush()
    return changed


def board_items(state: str | None = None, page: int = 1, per_page: int = 50):
    """The back office's list: pinned first, then by position and date; all states by default."""
    query = sa.select(AggregatedItem)
    if state == "hidden":
        query = query.where(AggregatedItem.hidden)
    elif state in set(ItemState):
        query = query.where(AggregatedItem.state == state)
    query = query.order_by(
        AggregatedItem.pinned.desc(),
        AggregatedItem.position,
        AggregatedItem.published_at.desc(),
        AggregatedItem.id.desc(),
    )
    return db.paginate(query, page=page, per_page=per_page, error_out=False)


def audit_trail(page: int = 1, per_page: int = 50):
    query = sa.select(CurationEvent).order_by(CurationEvent.at.desc(), CurationEvent.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False)
