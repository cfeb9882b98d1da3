"""The text indexes serve the app's role under row-level security, and isolation holds when
they do. `@@` is declared LEAKPROOF by the upgrade (the test database's owner is a superuser):
without it PostgreSQL evaluates the match after the tenant policy, row by row, and never as an
index condition (docs/search.md)."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy import orm

from app.db import cross_tenant_reads
from app.dbsetup import leakproof_operators
from app.extensions import db
from blueprints.search.services import Filters
from blueprints.search.services import search as run_search
from blueprints.search.text import parse_query
from tenants.context import tenant_scope
from tests.factories import make_tenant
from tests.newsroom.helpers import make_board
from tests.search.helpers import publish_article

MATCH = "SELECT id FROM search_documents WHERE tsv @@ to_tsquery('simple', 'cay & xanh')"


@pytest.fixture
def two_wards():
    city = make_tenant(kind="city", theme="city")
    wards = [make_board(make_tenant(parent=city)) for _ in range(2)]
    for board in wards:
        publish_article(board, title=f"Trồng cây xanh ở {board.tenant.name_vi}")
    db.session.commit()
    return city, wards


def _plan(sql: str, on: orm.Session | sa.Connection | None = None) -> str:
    """The plan with every scan but the bitmap one (the GIN's) made unattractive, in the app's
    session or on the connection given."""
    on = on if on is not None else db.session
    on.execute(sa.text("SET LOCAL enable_seqscan = off"))
    on.execute(sa.text("SET LOCAL enable_indexscan = off"))
    return "\n".join(on.scalars(sa.text(f"EXPLAIN {sql}")))


def _matches_in_the_index(plan: str) -> bool:
    return any("Index Cond" in line and "tsv @@" in line for line in plan.splitlines())


def test_the_search_operators_are_leakproof_after_the_upgrade(app):
    with db.engine.connect() as conn:
        assert leakproof_operators(conn)


def test_a_wards_match_is_a_gin_index_condition_for_the_apps_role(app, two_wards):
    _, (ward, _) = two_wards
    assert db.session.scalar(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")) is False
    with tenant_scope(ward.tenant):
        plan = _plan(MATCH)
        db.session.rollback()
    assert _matches_in_the_index(plan), plan


def test_with_the_index_a_ward_still_sees_only_its_rows(app, two_wards):
    _, (ward, other) = two_wards
    with tenant_scope(ward.tenant):
        db.session.execute(sa.text("SET LOCAL enable_seqscan = off"))
        db.session.execute(sa.text("SET LOCAL enable_indexscan = off"))
        tenants = set(db.session.scalars(sa.text(MATCH.replace("SELECT id", "SELECT tenant_id"))))
        results = run_search(parse_query("cay xanh"), Filters(everywhere=True), ward.tenant)
        db.session.rollback()
    assert tenants == {ward.tenant.id}
    assert [h.title for h in results.hits] == [f"Trồng cây xanh ở {ward.tenant.name_vi}"]


def test_city_wide_through_the_index_reads_exactly_the_citys_wards(app, two_wards):
    city, wards = two_wards
    elsewhere = make_board(make_tenant())
    publish_article(elsewhere, title="Trồng cây xanh ở nơi khác")
    db.session.commit()
    with tenant_scope(city), cross_tenant_reads("city search"):
        plan = _plan(MATCH)
        db.session.rollback()
        results = run_search(parse_query("cay xanh"), Filters(everywhere=True), city)
        db.session.rollback()
    assert _matches_in_the_index(plan), plan
    assert sorted(h.title for h in results.hits) == sorted(
        f"Trồng cây xanh ở {b.tenant.name_vi}" for b in wards
    )


def test_did_you_mean_uses_the_trigram_index_for_the_apps_role(app, two_wards):
    _, (ward, _) = two_wards
    with tenant_scope(ward.tenant):
        plan = _plan("SELECT id FROM search_documents WHERE 'trong cay xnh' <% folded_title")
        db.session.rollback()
    assert any("Index Cond" in line and "%>" in line for line in plan.splitlines()), plan


def _plan_with_only_the_head_index(app, sql: str) -> str:
    """The plan the app's role gets when the `tsv_head` index is the only text index.

    Each of the three text indexes has the day as a column, so on a table of a few rows the
    planner may pick the title's trigram index for the day alone, by a hair of estimated cost.
    The owner drops the other two inside a transaction it rolls back, then plans as the app's role
    (row-level security in force); the lock timeout turns a wait on another session into a failure.
    """
    owner = sa.create_engine(app.config["DATABASE_URL"])
    role = app.config["APP_DB_ROLE"]
    try:
        with owner.connect() as conn:
            conn.execute(sa.text("SET LOCAL lock_timeout = '10s'"))
            conn.execute(sa.text("DROP INDEX ix_search_documents_tenant_day_tsv"))
            conn.execute(sa.text("DROP INDEX ix_search_documents_tenant_day_folded_title_trgm"))
            conn.execute(sa.text(f'SET LOCAL ROLE "{role}"'))
            conn.execute(sa.text("SELECT set_config('app.cross_tenant', 'read', true)"))
            plan = _plan(sql, conn)
            conn.rollback()
    finally:
        owner.dispose()
    return plan


def test_a_day_condition_is_part_of_the_gin_index_condition_for_the_apps_role(app):
    """A date range, or the recent window of a broad city-wide search, narrows inside the index."""
    sql = MATCH.replace("tsv @@", "tsv_head @@") + " AND published_day >= '2024-01-01'"
    plan = _plan_with_only_the_head_index(app, sql)
    assert "current_setting('app.cross_tenant'" in plan, plan
    assert any(
        "Index Cond" in line and "published_day >=" in line and "tsv_head @@" in line
        for line in plan.splitlines()
    ), plan
