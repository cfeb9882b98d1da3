"""Every periodic job costs the same with a handful of portals and with hundreds more.

The statements each job sends to PostgreSQL are counted (SQLAlchemy's `before_cursor_execute`)
on a platform of a few portals, one of them with work due, then again after 200 more portals
were added (in bulk) and the same kind of work was made due again: the counts must not move.
A job that visited every portal, one query or more each, would grow by hundreds.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import event

from app.extensions import db
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tenants.provisioning import BulkPortals, create_portals_in_bulk
from tests.factories import make_tenant, unique
from tests.newsroom.helpers import load, make_article, make_board
from workers.periodic import periodic_jobs

MORE_PORTALS = 200
IDLE_CEILING = 25  # statements of a job with nothing new (the aggregator still syncs the city)


@contextmanager
def statements() -> Iterator[list[str]]:
    recorded: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        recorded.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield recorded
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def run_every_job() -> dict[str, int]:
    counts = {}
    for entry in periodic_jobs():
        with statements() as recorded:
            entry.job()
        counts[entry.job.__qualname__] = len(recorded)
    return counts


def schedule_due_article(board) -> None:
    article_id = make_article(board, ArticleState.SCHEDULED)
    with tenant_scope(board.tenant):
        load(board, article_id).publish_at = datetime.now(UTC) - timedelta(minutes=1)
        db.session.flush()
    db.session.commit()


@pytest.fixture
def platform():
    """A city with one ward that has a newsroom, and a commune: the few portals."""
    city = make_tenant(kind="city", slug=unique("city"))
    board = make_board(make_tenant(parent=city))
    make_tenant(kind="commune", parent=city)
    db.session.commit()
    run_every_job()  # whatever was due at creation is done
    return city, board


def test_every_periodic_job_costs_the_same_with_200_more_portals(platform):
    city, board = platform
    schedule_due_article(board)
    busy_few = run_every_job()
    idle_few = run_every_job()

    create_portals_in_bulk(BulkPortals(unique("bulk"), MORE_PORTALS, parent_slug=city.slug))
    db.session.commit()
    schedule_due_article(board)
    busy_many = run_every_job()
    idle_many = run_every_job()

    assert busy_many == busy_few
    assert idle_many == idle_few
    assert busy_few["publish_due_articles"] > idle_few["publish_due_articles"]  # the work was seen
    assert max(idle_few.values()) <= IDLE_CEILING, idle_few
