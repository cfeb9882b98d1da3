"""The tenant tables, discovered from the schema rather than listed by hand.

A tenant table is any table with a `tenant_id` column that is not one of the few global tables;
its rows belong to exactly one portal. Whatever handles a portal's data as a whole (moving a
portal between deployments, merging wards, checking queries) reads this module, so a capability
that adds a table is covered without being named here. Call after `app.import_models()` (the app
factory does), so the metadata knows every table.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db

# Global tables: the tenant list, the hostnames (keyed by tenant but read before any tenant is
# current), people (who may belong to several portals), the platform's calendar, the job outbox
# (one relay for every portal's jobs: names and ids, no content), Alembic's own.
GLOBAL_TABLES = frozenset(
    {"tenants", "tenant_domains", "users", "public_holidays", "job_outbox", "alembic_version"}
)


def is_tenant_table(table: sa.Table) -> bool:
    return "tenant_id" in table.c and table.name not in GLOBAL_TABLES


def tenant_tables(metadata: sa.MetaData | None = None) -> list[sa.Table]:
    """Every tenant table, each after the tables it refers to (parents before children)."""
    metadata = metadata if metadata is not None else db.metadata
    return [t for t in metadata.sorted_tables if is_tenant_table(t)]


def tenant_table_names(metadata: sa.MetaData | None = None) -> set[str]:
    return {t.name for t in tenant_tables(metadata)}


def references(table: sa.Table) -> dict[str, str]:
    """Column → the table its values are ids of, for one tenant table.

    From the foreign keys (a composite key `(tenant_id, x_id)` names `x_id`), plus the columns a
    model declares with `info={"references": "<table>"}`: ids kept without a foreign key on
    purpose (a snapshot that outlives its row). `tenant_id` itself is left out."""
    found: dict[str, str] = {}
    for constraint in table.foreign_key_constraints:
        columns = [c.name for c in constraint.columns if c.name != "tenant_id"]
        if len(columns) == 1:
            found[columns[0]] = constraint.referred_table.name
    for column in table.c:
        target = column.info.get("references")
        if target:
            found[column.name] = target
    return found


def is_derived(table: sa.Table) -> bool:
    """A table that does not travel with an exported portal: one rebuilt from the others where
    it lands (`info={"derived": True}`: the search index), or one that records this deployment's
    own history (`info={"local": True}`: the provenance and redirects of a merge, which name
    portals that do not exist elsewhere)."""
    return bool(table.info.get("derived") or table.info.get("local"))
