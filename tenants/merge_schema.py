"""What a merge of portals must move, read from the database itself.

Nothing here lists a capability's tables: a tenant table is any table with a `tenant_id` column
(but the few global ones), its unique keys and the foreign keys that point at it come from
PostgreSQL's catalogue, so a table added by a later capability is moved, checked for clashes
and re-pointed like the first ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa

from tenants.tables import GLOBAL_TABLES

# A merge's own bookkeeping: moved with the rest, but they describe moves and are not described.
BOOKKEEPING_TABLES = frozenset({"merge_provenance", "merge_redirects"})

_TENANT_TABLES = """
SELECT c.relname FROM pg_class c
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attname = 'tenant_id' AND NOT a.attisdropped
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
ORDER BY c.relname
"""

_UNIQUE_KEYS = """
SELECT t.relname, c.conname,
       array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
WHERE c.contype = 'u' AND c.connamespace = 'public'::regnamespace
ORDER BY t.relname, c.conname
"""

_FOREIGN_KEYS = """
SELECT t.relname, r.relname, c.condeferrable,
       array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i),
       array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
ORDER BY t.relname, c.conname
"""

_COLUMNS = """
SELECT table_name, column_name, data_type, character_maximum_length
FROM information_schema.columns WHERE table_schema = 'public'
ORDER BY table_name, ordinal_position
"""


@dataclass(frozen=True)
class UniqueKey:
    """A unique constraint of a tenant table, without its leading tenant_id."""

    table: str
    name: str
    columns: tuple[str, ...]


@dataclass(frozen=True)
class Reference:
    """`table.column` holds the id of a row of another tenant table (with tenant_id beside it)."""

    table: str
    column: str


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    max_length: int | None

    @property
    def is_text(self) -> bool:
        return self.data_type in ("character varying", "text")

    @property
    def is_json(self) -> bool:
        return self.data_type in ("json", "jsonb")

    @property
    def is_number(self) -> bool:
        return self.data_type in ("integer", "bigint", "smallint", "numeric")


@dataclass
class TenantSchema:
    """The tenant tables and what ties their rows together."""

    tables: list[str]
    keys: dict[str, list[UniqueKey]] = field(default_factory=dict)
    references: dict[str, list[Reference]] = field(default_factory=dict)  # by referred table
    portal_references: list[Reference] = field(default_factory=list)  # columns naming a portal
    columns: dict[str, dict[str, Column]] = field(default_factory=dict)
    immediate_keys: list[str] = field(default_factory=list)  # foreign keys a merge cannot defer
    key_columns: dict[str, set[str]] = field(default_factory=dict)  # columns of any foreign key

    @property
    def content_tables(self) -> list[str]:
        """The tables whose rows are the portals' content: each moved row's provenance is kept."""
        return [t for t in self.tables if t not in BOOKKEEPING_TABLES]

    def column(self, table: str, name: str) -> Column:
        return self.columns[table][name]


def read_schema(conn: sa.Connection) -> TenantSchema:
    """Every tenant table of the database `conn` is connected to, with its keys and references."""
    tables = [t for (t,) in conn.execute(sa.text(_TENANT_TABLES)) if t not in GLOBAL_TABLES]
    schema = TenantSchema(tables=tables)
    names = set(tables)
    for table, name, columns in conn.execute(sa.text(_UNIQUE_KEYS)):
        if table in names and columns[0] == "tenant_id":
            schema.keys.setdefault(table, []).append(UniqueKey(table, name, tuple(columns[1:])))
    for table, referred, deferrable, columns, referred_columns in conn.execute(sa.text(_FOREIGN_KEYS)):
        if table not in names:
            continue
        pairs = dict(zip(columns, referred_columns, strict=True))
        schema.key_columns.setdefault(table, set()).update(columns)
        if referred in names and pairs.get("tenant_id") == "tenant_id":
            (column,) = (c for c in columns if c != "tenant_id")
            schema.references.setdefault(referred, []).append(Reference(table, column))
            if not deferrable:
                schema.immediate_keys.append(f"{table}({', '.join(columns)}) → {referred}")
        elif referred == "tenants" and columns != ["tenant_id"] and table not in BOOKKEEPING_TABLES:
            schema.portal_references.append(Reference(table, columns[0]))
    for table, name, data_type, max_length in conn.execute(sa.text(_COLUMNS)):
        if table in names:
            schema.columns.setdefault(table, {})[name] = Column(name, data_type, max_length)
    return schema
