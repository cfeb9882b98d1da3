"""Every statement a visitor's request sends names its tenant: the claim `docs/scaling.md` makes
for distributing the schema by `tenant_id` (a distributed query then goes to one machine).

A demo ward and the city are crawled (pages, files, feeds, the API) while the statements are
recorded; each statement that reads or writes a tenant table must restrict every such table it
names to tenant ids (`<table>.tenant_id = …` or `IN (…)`), or join it on `tenant_id` (co-located
rows under Citus). Global tables (`tenants.tables.GLOBAL_TABLES`) are small and read everywhere:
they would be reference tables.
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event

from app.demo import CITY_SLUG
from app.extensions import db
from tenants.resolver import tenant_by_slug
from tenants.tables import tenant_table_names
from tests.crawler import visit

pytestmark = pytest.mark.usefixtures("demo")

NAMED = re.compile(r"\b(?:FROM|JOIN|UPDATE|INTO)\s+(\w+)(?:\s+AS\s+(\w+))?", re.I)


def _restricted(sql: str, alias: str) -> bool:
    column = rf"\b{re.escape(alias)}\.tenant_id"
    value = r"(?:%\(\w+\)s(?:::\w+)?|\d+)"
    return bool(
        re.search(rf"{column}\s*(?:=\s*{value}|IN\s*\()", sql)
        or re.search(rf"{column}\s*=\s*\w+\.tenant_id|\w+\.tenant_id\s*=\s*{column}", sql)
        or re.match(r"\s*INSERT\b", sql, re.I)  # an insert names its tenant in its values (RLS checks)
    )


def unrestricted(sql: str, tenant_tables: set[str]) -> list[str]:
    """The tenant tables `sql` names without restricting them to tenant ids."""
    return [
        table
        for table, alias in NAMED.findall(sql)
        if table in tenant_tables and not _restricted(sql, alias or table)
    ]


def test_the_check_itself_sees_a_missing_tenant_predicate():
    tables = {"newsroom_articles"}
    assert unrestricted("SELECT id FROM newsroom_articles WHERE state = %(s)s", tables) == [
        "newsroom_articles"
    ]
    assert not unrestricted(
        "SELECT a.id FROM newsroom_articles AS a WHERE a.tenant_id = %(tenant_id_1)s::BIGINT", tables
    )


def test_every_statement_of_a_public_crawl_filters_by_tenant(client):
    recorded: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany):
        recorded.append(statement)

    engine = db.session.get_bind()
    event.listen(engine, "before_cursor_execute", record)
    try:
        for slug in ("thang-tam", CITY_SLUG):
            assert len(visit(client, tenant_by_slug(slug).primary_host)) > 100
    finally:
        event.remove(engine, "before_cursor_execute", record)
    tables = tenant_table_names()
    touching = [s for s in recorded if any(t in tables for t, _ in NAMED.findall(s))]
    assert len(touching) > 500
    offenders = {s: unrestricted(s, tables) for s in touching if unrestricted(s, tables)}
    assert not offenders, list(offenders.items())[:3]
