"""Figures of the translation dashboard: what lacks English, what has out-of-date English.

Each capability registers its translated content with `app.bilingual.add_translatable`; this
module counts, for each kind, the items visitors see by the state of their English, with one
grouped query per kind (the state is computed by PostgreSQL: `Translatable.state_sql`). On a
parent portal the same counts are made for every active child, inside
`cross_tenant_reads("translation dashboard")` and filtered by the children's ids, reads only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import sqlalchemy as sa

from app.bilingual import TranslatableContent, TranslationState, translatable_content
from app.db import cross_tenant_reads
from app.extensions import db
from tenants.children import ChildPortal, active_children
from tenants.models import Tenant

ITEMS_SHOWN = 100  # per kind: the rest is in the figures, and comes up as the first are done


@dataclass
class Figures:
    """How many items of one kind are in each state of their English."""

    counts: Counter = field(default_factory=Counter)

    def __getitem__(self, state: TranslationState) -> int:
        return self.counts[state.value]

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    @property
    def to_do(self) -> int:
        return self[TranslationState.MISSING] + self[TranslationState.OUTDATED]

    @property
    def complete(self) -> bool:
        """Something to show, and all of it in current English."""
        return self.total > 0 and self.to_do == 0


@dataclass
class PendingItem:
    id: int
    name: str
    state: TranslationState
    url_args: dict


@dataclass
class ContentRow:
    content: TranslatableContent
    figures: Figures
    pending: list[PendingItem]


def _public(content: TranslatableContent) -> list:
    return [content.public()] if content.public else []


def _pending(content: TranslatableContent) -> list[PendingItem]:
    model = content.model
    state = model.state_sql()
    rows = db.session.execute(
        sa.select(model, state)
        .where(state != TranslationState.CURRENT.value, *_public(content))
        .order_by(state.desc(), model.id)  # out of date first: a reader may be misled by it
        .limit(ITEMS_SHOWN)
    )
    return [
        PendingItem(row.id, content.describe(row), TranslationState(value), content.edit_args(row))
        for row, value in rows
    ]


def portal_rows() -> list[ContentRow]:
    """Every kind of translated content of the current portal, with its figures and the items
    still to translate or review (the law's required pages first)."""
    rows = []
    for content in translatable_content():
        state = content.model.state_sql()
        query = sa.select(state, sa.func.count()).where(*_public(content)).group_by(state)
        counts = Counter(dict(db.session.execute(query).all()))
        rows.append(ContentRow(content, Figures(counts), _pending(content)))
    return rows


@dataclass
class ChildRow:
    child: ChildPortal
    figures: dict[str, Figures]  # by content key

    def required_complete(self) -> bool:
        return all(self.figures[c.key].complete for c in translatable_content() if c.required_by_law)


@dataclass
class Dashboard:
    rows: list[ContentRow]
    portal: object  # tenants.texts.PortalTexts
    children: list[ChildRow]

    @property
    def contents(self) -> list[TranslatableContent]:
        """The kinds of content, in the rows' order (the children's table has a column each)."""
        return [row.content for row in self.rows]

    @property
    def required(self) -> list[ContentRow]:
        return [row for row in self.rows if row.content.required_by_law]


def children_rows(parent_id: int) -> list[ChildRow]:
    """The same figures for each active child of `parent_id` (none for a portal without any)."""
    children = active_children(parent_id, Tenant.name_vi)
    if not children:
        return []
    by_child: dict[int, dict[str, Figures]] = {c.id: {} for c in children}
    with cross_tenant_reads("translation dashboard"):
        for content in translatable_content():
            model = content.model
            state = model.state_sql()
            query = (
                sa.select(model.tenant_id, state, sa.func.count())
                .where(model.tenant_id.in_(list(by_child)), *_public(content))
                .group_by(model.tenant_id, state)
            )
            for figures in by_child.values():
                figures[content.key] = Figures()
            for tenant_id, value, count in db.session.execute(query):
                by_child[tenant_id][content.key].counts[value] = count
    return [ChildRow(child, by_child[child.id]) for child in children]
