"""Moving one portal: export its rows and files to an archive, import them elsewhere.

`export_portal(slug, path)` writes every tenant table's rows of that portal (one JSON-lines member
per table, discovered by `tenants.tables`), the people its rows refer to, and its stored files,
under a manifest with checksums (`tenants.archive`).

`import_portal(path, as_slug)` checks the whole archive first (checksums, format, schema
revision, the slug and hostnames being free), then writes everything in one transaction: a new
tenant, new ids from each table's identity sequence (they are shared by all tenants, so the old
ids may be taken), and every reference rewritten through the map of old to new ids: foreign
keys, ids a model declares with `info={"references": …}`, values a column rewrites itself with
`info={"remap": fn(value, ids)}` (ids inside JSON or HTML), and stored file keys. People are
matched by e-mail address, else created without platform rights. A failure anywhere rolls the
transaction back and removes the files already placed: nothing is half-imported.

Derived tables (`info={"derived": True}`: the search index) are not moved; `portal_imported`
tells their owners to rebuild them inside the import's transaction. Nor are a merge's provenance
and redirects (`info={"local": True}`): they name portals of the deployment that merged them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from pathlib import Path

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from blinker import Namespace
from flask import current_app

from app import uploads
from app.extensions import db
from tenants.archive import ArchiveRefused, read_archive, write_archive
from tenants.context import TenantInfo, tenant_scope
from tenants.models import Tenant, TenantDomain
from tenants.provisioning import (
    ProvisioningError,
    TenantSpec,
    add_domain,
    create_tenant,
    default_hostname,
    get_tenant,
)
from tenants.resolver import tenant_info
from tenants.tables import is_derived, references, tenant_tables

portal_imported = Namespace().signal("portal-imported")  # sender: the new portal's TenantInfo

USER_COLUMNS = ("id", "email", "name", "password_hash", "is_disabled", "created_at", "password_changed_at")
PORTAL_FIELDS = (
    "slug",
    "name_vi",
    "name_en",
    "kind",
    "status",
    "default_locale",
    "timezone",
    "theme",
    "contact",
)


# -- values ---------------------------------------------------------------------------------


def _to_json(value):
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    raise TypeError(f"cannot export a {type(value).__name__}")


def _from_json(column: sa.Column, value):
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, sa.DateTime):
        return datetime.fromisoformat(value)
    if isinstance(kind, sa.Date):
        return date.fromisoformat(value)
    if isinstance(kind, sa.Time):
        return time.fromisoformat(value)
    if isinstance(kind, sa.Numeric) and not isinstance(kind, sa.Float):
        return Decimal(value)
    return value


def _stored_columns(table: sa.Table) -> list[sa.Column]:
    return [c for c in table.c if c.computed is None]


def _jsonl(rows) -> bytes:
    return "".join(json.dumps(dict(r), default=_to_json, ensure_ascii=False) + "\n" for r in rows).encode()


def schema_head() -> str:
    return str(ScriptDirectory(current_app.extensions["migrate"].directory).get_current_head())


# -- export ---------------------------------------------------------------------------------


def export_portal(slug: str, path: Path) -> dict:
    """Write the portal `slug` to the archive at `path`; returns the manifest."""
    tenant = get_tenant(slug)
    info = tenant_info(tenant)
    members: dict[str, bytes] = {}
    counts: dict[str, int] = {}
    user_ids: set[int] = set()
    other_tenants: set[int] = set()
    with tenant_scope(info):
        connection = db.session.connection()
        for table in tenant_tables():
            if is_derived(table):
                continue
            rows = (
                connection.execute(
                    sa.select(*_stored_columns(table))
                    .where(table.c.tenant_id == tenant.id)
                    .order_by(table.c.id)
                )
                .mappings()
                .all()
            )
            members[f"tables/{table.name}.jsonl"] = _jsonl(rows)
            counts[table.name] = len(rows)
            for column, target in references(table).items():
                ids = {r[column] for r in rows if r[column] is not None}
                if target == "users":
                    user_ids |= ids
                elif target == "tenants":
                    other_tenants |= ids
    users = db.metadata.tables["users"]
    members["users.jsonl"] = _jsonl(
        db.session.execute(
            sa.select(*(users.c[c] for c in USER_COLUMNS))
            .where(users.c.id.in_(user_ids))
            .order_by(users.c.id)
        ).mappings()
    )
    for name, file_path in uploads.tenant_files(tenant.id):
        members[f"files/{name}"] = file_path.read_bytes()
    slugs: dict[int, str] = {
        row.id: row.slug
        for row in db.session.execute(sa.select(Tenant.id, Tenant.slug).where(Tenant.id.in_(other_tenants)))
    }
    manifest = {
        "schema_revision": schema_head(),
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "portal": {
            "id": tenant.id,
            **{f: getattr(tenant, f) for f in PORTAL_FIELDS},
            "parent_slug": tenant.parent.slug if tenant.parent else None,
            "domains": [{"hostname": d.hostname, "primary": d.is_primary} for d in tenant.domains],
        },
        "tables": counts,
        "tenants": {str(k): v for k, v in slugs.items()},
    }
    return write_archive(path, manifest, members)


# -- import: checks ---------------------------------------------------------------------------


def _check_schema(revision: str | None) -> None:
    script = ScriptDirectory(current_app.extensions["migrate"].directory)
    known = {r.revision for r in script.walk_revisions()}
    if revision not in known:
        raise ArchiveRefused(
            f"the archive comes from schema revision {revision!r}, which this deployment does not know "
            f"(it is at {script.get_current_head()}): upgrade this deployment first"
        )


def _decode_tables(archive) -> dict[str, list[dict]]:
    """Every table's rows as Python values; refuses tables or columns this schema lacks."""
    by_name = {t.name: t for t in tenant_tables()}
    decoded: dict[str, list[dict]] = {}
    for name, count in archive.manifest.get("tables", {}).items():
        table = by_name.get(name)
        if table is None or is_derived(table):
            raise ArchiveRefused(f"the archive has a table {name!r} that this deployment does not have")
        try:
            lines = archive.members[f"tables/{name}.jsonl"].decode().splitlines()
            raw = [json.loads(line) for line in lines if line]
        except (KeyError, ValueError) as exc:
            raise ArchiveRefused(f"the rows of {name} cannot be read") from exc
        if len(raw) != count:
            raise ArchiveRefused(f"{name}: {len(raw)} rows where the manifest says {count}")
        unknown = {k for row in raw for k in row} - {c.name for c in _stored_columns(table)}
        if unknown:
            raise ArchiveRefused(f"{name} has columns this deployment does not know: {sorted(unknown)}")
        decoded[name] = [{k: _from_json(table.c[k], v) for k, v in row.items()} for row in raw]
    return decoded


def _hostnames(portal: dict, as_slug: str | None) -> list[tuple[str, bool]]:
    if as_slug:
        return [(default_hostname(as_slug, portal["kind"]), True)]
    return [(d["hostname"], d["primary"]) for d in sorted(portal["domains"], key=lambda d: not d["primary"])]


def _check_free(slug: str, hostnames: list[tuple[str, bool]]) -> None:
    if db.session.scalar(sa.select(Tenant.id).where(Tenant.slug == slug)) is not None:
        raise ProvisioningError(
            f"a portal {slug!r} already exists here: import it under another name with --as"
        )
    taken = db.session.scalars(
        sa.select(TenantDomain.hostname).where(TenantDomain.hostname.in_([h for h, _ in hostnames]))
    ).all()
    if taken:
        raise ProvisioningError(f"hostnames already in use here: {', '.join(taken)}; import it with --as")


# -- import: writing --------------------------------------------------------------------------


@dataclass
class IdMap:
    """Old id → new id, per table (`users` and `tenants` included); ids of rows not imported are
    in `dropped`."""

    ids: dict[str, dict[int, int]] = field(default_factory=dict)
    dropped: dict[str, set[int]] = field(default_factory=dict)

    def get(self, table: str, old: int | None) -> int | None:
        return None if old is None else self.ids.get(table, {}).get(old)

    def total(self) -> int:
        return sum(len(v) for k, v in self.ids.items() if k not in ("users", "tenants"))


def _rekey_files(value, old_tenant: int, new_tenant: int):
    if isinstance(value, str):
        return uploads.rekey(value, old_tenant, new_tenant)
    if isinstance(value, list):
        return [_rekey_files(v, old_tenant, new_tenant) for v in value]
    if isinstance(value, dict):
        return {k: _rekey_files(v, old_tenant, new_tenant) for k, v in value.items()}
    return value


class _DropRow(Exception):
    """The row refers to a row that was not imported through a column that cannot be empty."""


def _map_reference(table: sa.Table, column: str, target: str, value, ids: IdMap):
    if value is None:
        return None
    new = ids.get(target, value)
    if new is not None:
        return new
    if target == "tenants":  # a copy of another portal's item, which is not here: not brought
        raise _DropRow
    if table.c[column].nullable:
        return None
    if value in ids.dropped.get(target, set()) or table.c[column].foreign_keys:
        raise _DropRow
    return value  # an id kept on purpose without a foreign key, whose row is gone: kept as is


def _rewrite_row(table: sa.Table, row: dict, ids: IdMap, old_tenant: int, new_tenant: int) -> dict:
    new = {k: _rekey_files(v, old_tenant, new_tenant) for k, v in row.items()}
    new["id"] = ids.get(table.name, row["id"])
    new["tenant_id"] = new_tenant
    for column, target in references(table).items():
        if column in row:
            new[column] = _map_reference(table, column, target, row[column], ids)
    for col in table.c:
        remap = col.info.get("remap")
        if remap and new.get(col.name) is not None:
            new[col.name] = remap(new[col.name], ids)
    return new


def _referred_first(table: sa.Table, rows: list[dict]) -> list[dict]:
    """`rows` ordered so that a row another row of the table refers to (a parent section, the
    document that replaced this one) comes first, as the foreign key and checks require."""
    columns = [c for c, target in references(table).items() if target == table.name]
    if not columns:
        return rows
    by_id, placed, ordered = {r["id"]: r for r in rows}, set(), []

    def place(row: dict, path: frozenset) -> None:
        if row["id"] in placed or row["id"] in path:
            return
        for column in columns:
            referred = by_id.get(row.get(column))
            if referred is not None:
                place(referred, path | {row["id"]})
        placed.add(row["id"])
        ordered.append(row)

    for row in rows:
        place(row, frozenset())
    return ordered


def _allocate(connection: sa.Connection, table: sa.Table, count: int) -> list[int]:
    return list(
        connection.scalars(
            sa.text("SELECT nextval(pg_get_serial_sequence(:t, 'id')) FROM generate_series(1, :n)"),
            {"t": table.name, "n": count},
        )
    )


def _insert_table(
    connection, table: sa.Table, rows: list[dict], ids: IdMap, old_tenant: int, new_tenant: int
):
    ready = []
    for row in _referred_first(table, rows):
        try:
            ready.append(_rewrite_row(table, row, ids, old_tenant, new_tenant))
        except _DropRow:
            ids.dropped.setdefault(table.name, set()).add(row["id"])
            del ids.ids[table.name][row["id"]]
    for start in range(0, len(ready), 500):  # in order: a row's parent is in an earlier statement
        connection.execute(table.insert(), ready[start : start + 500])


def _map_users(connection, users: list[dict], ids: IdMap) -> None:
    """Match people by e-mail (case-insensitive), else create them (never platform admins)."""
    table = db.metadata.tables["users"]
    mapping: dict[int, int] = {}
    for user in users:
        found = connection.scalar(
            sa.select(table.c.id).where(sa.func.lower(table.c.email) == user["email"].lower())
        )
        if found is None:
            values = {k: _from_json(table.c[k], v) for k, v in user.items() if k in USER_COLUMNS[1:]}
            found = connection.scalar(sa.insert(table).values(**values).returning(table.c.id))
        mapping[user["id"]] = found
    ids.ids["users"] = mapping


def _create_portal(portal: dict, slug: str, hostnames: list[tuple[str, bool]]) -> Tenant:
    parent = portal.get("parent_slug")
    has_parent = parent and db.session.scalar(sa.select(Tenant.id).where(Tenant.slug == parent))
    spec = TenantSpec(
        slug=slug,
        name_vi=portal["name_vi"],
        name_en=portal["name_en"],
        kind=portal["kind"],
        parent_slug=parent if has_parent else None,
        theme=portal["theme"],
        default_locale=portal["default_locale"],
        timezone=portal["timezone"],
        contact=portal["contact"],
    )
    tenant, _ = create_tenant(spec, hostname=hostnames[0][0])
    for hostname, _primary in hostnames[1:]:
        add_domain(slug, hostname)
    tenant.status = portal["status"]
    db.session.flush()
    return tenant


def _insert_rows(tables: dict[str, list[dict]], ids: IdMap, old_tenant: int, tenant: TenantInfo) -> None:
    connection = db.session.connection()
    for table in tenant_tables():  # every new id first: a body may name a later table's rows
        rows = tables.get(table.name) or []
        ids.ids[table.name] = dict(
            zip([r["id"] for r in rows], _allocate(connection, table, len(rows)), strict=True)
        )
    for table in tenant_tables():
        if tables.get(table.name):
            _insert_table(connection, table, tables[table.name], ids, old_tenant, tenant.id)


@dataclass
class ImportResult:
    tenant: TenantInfo
    rows: int
    files: list[Path]
    ids: IdMap


def import_portal(path: Path, as_slug: str | None = None) -> ImportResult:
    """Import the archive at `path` as a new portal (named `as_slug`, else its own slug), in one
    transaction that this commits; raises ArchiveRefused or ProvisioningError before writing."""
    archive = read_archive(Path(path))
    manifest = archive.manifest
    _check_schema(manifest.get("schema_revision"))
    portal = manifest["portal"]
    slug = as_slug or portal["slug"]
    hostnames = _hostnames(portal, as_slug)
    _check_free(slug, hostnames)
    tables = _decode_tables(archive)
    users = [json.loads(line) for line in archive.members["users.jsonl"].decode().splitlines() if line]
    files = {
        name.removeprefix("files/"): data
        for name, data in archive.members.items()
        if name.startswith("files/")
    }
    placed: list[Path] = []
    try:
        tenant = _create_portal(portal, slug, hostnames)
        ids = IdMap()
        _map_users(db.session.connection(), users, ids)
        ids.ids["tenants"] = _other_tenants(manifest.get("tenants", {}))
        ids.ids["tenants"][portal["id"]] = tenant.id
        info = tenant_info(tenant)
        with tenant_scope(info):
            try:
                _insert_rows(tables, ids, portal["id"], info)
                placed = uploads.place_files(tenant.id, files)
                portal_imported.send(info)
            except Exception:
                db.session.rollback()  # before the scope ends, which would touch the failed transaction
                raise
        db.session.commit()
    except Exception:
        db.session.rollback()
        uploads.remove_paths(placed)
        raise
    return ImportResult(info, ids.total(), placed, ids)


def _other_tenants(slugs: dict[str, str]) -> dict[int, int]:
    """Other portals the rows name (a city's copies of its wards' news), by slug here."""
    here: dict[str, int] = {
        row.slug: row.id
        for row in db.session.execute(
            sa.select(Tenant.slug, Tenant.id).where(Tenant.slug.in_(slugs.values()))
        )
    }
    return {int(old): here[slug] for old, slug in slugs.items() if slug in here}
