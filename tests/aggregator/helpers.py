"""Builders for the aggregator's tests: a parent portal with ward boards, highlights, and runs."""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from rq import SimpleWorker

from app.extensions import db
from blueprints.aggregator.models import AggregatedItem
from blueprints.aggregator.tasks import sync_children
from blueprints.newsroom import workflow
from blueprints.newsroom.editing import input_from_article, save_article
from tenants.context import TenantInfo, tenant_scope
from tests.factories import make_tenant
from tests.news.helpers import publish
from tests.newsroom.helpers import Board, load, make_board
from workers.queue import get_queue


@dataclass
class City:
    parent: TenantInfo
    wards: list[Board]


def make_city(wards: int = 2) -> City:
    parent = make_tenant(kind="city")
    return City(parent, [make_board(make_tenant(parent=parent)) for _ in range(wards)])


def highlight(board: Board, **fields) -> int:
    """A published highlight of the ward (no signal: the test runs the sync itself)."""
    return publish(board, is_highlight=True, **fields)


def sync(city: City, rebuild: bool = False) -> dict:
    """One run of the job, as the worker runs it (commits; what the test set up is committed
    first, as a ward's work is before the job starts)."""
    db.session.commit()
    return sync_children(city.parent.id, rebuild=rebuild)


def run_jobs() -> None:
    queue = get_queue()
    SimpleWorker([queue], connection=queue.connection).work(burst=True)


def items(city: City) -> list[AggregatedItem]:
    """Every copy the parent holds, oldest first."""
    with tenant_scope(city.parent):
        db.session.expire_all()
        return list(db.session.scalars(sa.select(AggregatedItem).order_by(AggregatedItem.id)))


def edit(board: Board, article_id: int, **changes) -> None:
    """Save an edit through the newsroom's service (signals and all), as the editor, and commit."""
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        data = input_from_article(article)
        for name, value in changes.items():
            setattr(data, name, value)
        save_article(article, board.editor, data, article.version)
        db.session.commit()


def act(board: Board, article_id: int, action: str, **kwargs) -> None:
    """A workflow step (unpublish, archive, publish) by the editor, committed."""
    with tenant_scope(board.tenant):
        getattr(workflow, action)(load(board, article_id), board.editor, **kwargs)
        db.session.commit()
