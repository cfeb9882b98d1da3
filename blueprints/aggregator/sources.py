"""Reading the children's published highlights: the aggregator's only cross-tenant read.

Everything here runs inside `cross_tenant_reads("city aggregator")` and asks only for the given
children's rows. Articles that are not published highlights are read as keys only (tenant, id,
updated_at), so their text never leaves the ward, not even into the job's memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY, TIMESTAMP

from app.db import cross_tenant_reads
from app.extensions import db
from blueprints.newsroom.models import Article, ArticleState

REASON = "city aggregator"
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass
class ChangedArticles:
    eligible: list  # rows: tenant_id, id, title, slug, summary, cover_key, cover_sizes, cover_alt,
    #                       published_at, updated_at
    ineligible: list[tuple[int, int]]  # (tenant_id, id) of changed articles that must not show
    newest: dict[int, datetime]  # per child, the latest updated_at read

    @property
    def count(self) -> int:
        return len(self.eligible) + len(self.ineligible)


def _is_eligible():
    return sa.and_(Article.state == ArticleState.PUBLISHED, Article.is_highlight.is_(True))


def _window(since: dict[int, datetime | None]):
    """(tenant id, since) pairs as a table to join: one query for every child at once."""
    ids = list(since)
    moments = [since[i] or EPOCH for i in ids]
    return (
        sa.func.unnest(
            sa.cast(sa.literal(ids, ARRAY(sa.BigInteger)), ARRAY(sa.BigInteger)),
            sa.cast(sa.literal(moments, ARRAY(TIMESTAMP(timezone=True))), ARRAY(TIMESTAMP(timezone=True))),
        )
        .table_valued("tid", "since")
        .render_derived(name="w")
    )


def changed_articles(since: dict[int, datetime | None]) -> ChangedArticles:
    """The children's articles updated after each child's `since` (None: all of them)."""
    if not since:
        return ChangedArticles([], [], {})
    window = _window(since)
    joined = sa.and_(Article.tenant_id == window.c.tid, Article.updated_at > window.c.since)
    with cross_tenant_reads(REASON):
        eligible = db.session.execute(
            sa.select(
                Article.tenant_id,
                Article.id,
                Article.title,
                Article.slug,
                Article.summary,
                Article.cover_key,
                Article.cover_sizes,
                Article.cover_alt,
                Article.published_at,
                Article.updated_at,
            )
            .join(window, joined)
            .where(_is_eligible())
        ).all()
        ineligible = db.session.execute(
            sa.select(Article.tenant_id, Article.id, Article.updated_at)
            .join(window, joined)
            .where(sa.not_(_is_eligible()))
        ).all()
    newest: dict[int, datetime] = {}
    for row in [*eligible, *ineligible]:
        if row.updated_at and (row.tenant_id not in newest or row.updated_at > newest[row.tenant_id]):
            newest[row.tenant_id] = row.updated_at
    return ChangedArticles(list(eligible), [(r.tenant_id, r.id) for r in ineligible], newest)
