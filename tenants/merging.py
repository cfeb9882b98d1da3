"""Merging portals: every tenant-owned row of the former portals moves into one, in one transaction.

`plan_merge` reads what would move (per table and portal) and every clash (rows of two portals
with the same unique key, people with roles in more than one portal); it changes nothing.
`run_merge` refuses while a clash has no resolution, then, in one transaction as the tables'
owner:

1. creates the receiving portal if it does not exist (and sets its parent when asked);
2. resolves the clashes (merge_rules: merge, rename or sum);
3. records each row's former portal in `merge_provenance`;
4. moves every row by updating `tenant_id` (ids come from one sequence per table, so they never
   collide and every id-based URL keeps working), re-keys stored files to the new portal, and
   points the columns that name a former portal (the aggregator's sources) at the new one;
5. makes the former portals' domains aliases of the new one, and suspends the former portals.

The foreign keys between tenant tables are DEFERRABLE (migration 0480) and the merge defers
them all: a child row and its parent move in separate statements, and the keys are checked once,
at commit, when everything has moved. Moving parents first cannot work: a composite key
`(tenant_id, x_id)` is broken by whichever of the two rows moves first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import sqlalchemy as sa
from blinker import Namespace
from flask import current_app

from app.uploads import NAME_PATTERN, STORED_KEY, storage_root, tenant_files
from tenants.merge_rules import Strategy, default_strategy, path_pattern
from tenants.merge_schema import TenantSchema, UniqueKey, read_schema
from tenants.models import TenantKind, TenantStatus
from tenants.provisioning import ProvisioningError, TenantSpec, default_hostname, validate_spec
from tenants.resolver import InvalidHost, announce_change, normalise_host

# People with roles in more than one of the portals: not a clash of keys (the roles may differ)
# but a question to answer, so it is reported and needs a resolution like a clash. `merge` keeps
# every role the person had; identical roles become one.
PEOPLE_KEY = UniqueKey("memberships", "people", ("user_id",))

# Sent after a merge commits, with `into` (the receiving portal's id) and `former` (the ids):
# capabilities whose derived data names rows by id rebuild it (the search index's sections).
portals_merged = Namespace().signal("portals-merged")


class MergeRefused(ValueError):
    """The merge cannot start; the message says why and what to do."""


@dataclass(frozen=True)
class Portal:
    id: int | None  # None: the receiving portal does not exist yet
    slug: str
    name_vi: str


@dataclass
class MergeRequest:
    """What `tenants merge` was asked: into which portal, from which, and how to resolve."""

    into: str
    former: list[str]
    name_vi: str = ""
    name_en: str = ""
    kind: str = TenantKind.WARD
    parent: str | None = None
    hostname: str | None = None
    resolutions: dict[str, Strategy] = field(default_factory=dict)


@dataclass
class Clash:
    """Rows of several portals sharing one key value; `rows` are (tenant id, row id), first kept."""

    key: UniqueKey
    values: tuple
    rows: list[tuple[int, int]]


@dataclass
class Plan:
    into: Portal
    former: list[Portal]
    parent: Portal | None
    schema: TenantSchema
    moves: dict[str, dict[int, int]] = field(default_factory=dict)  # table → former id → rows
    clashes: dict[str, list[Clash]] = field(default_factory=dict)
    resolutions: dict[str, tuple[Strategy, bool]] = field(default_factory=dict)  # (how, by default)
    problems: list[str] = field(default_factory=list)

    @property
    def order(self) -> list[int]:
        """Every portal involved, the receiving one first: the first row of a clash is kept."""
        return ([self.into.id] if self.into.id else []) + [p.id for p in self.former if p.id]

    @property
    def former_ids(self) -> list[int]:
        return [p.id for p in self.former if p.id]

    def unresolved(self) -> list[str]:
        return [t for t in self.clashes if t not in self.resolutions]

    def portal(self, tenant_id: int) -> Portal:
        return next(p for p in [self.into, *self.former] if p.id == tenant_id)

    def total_moved(self, table: str) -> int:
        return sum(self.moves.get(table, {}).values())


@dataclass
class MergeResult:
    """What a merge did, for its report."""

    plan: Plan
    created: bool = False
    moved: dict[str, int] = field(default_factory=dict)
    resolved: list[tuple[str, Strategy, Clash]] = field(default_factory=list)
    renamed: list[tuple[str, str, str, str]] = field(default_factory=list)  # table, old, new, portal
    redirects: list[tuple[str, str, str]] = field(default_factory=list)  # portal slug, old, new path
    aliases: list[str] = field(default_factory=list)
    files: int = 0


# -- the owner's connection -----------------------------------------------------------------------


@contextmanager
def owner_transaction() -> Iterator[sa.Connection]:
    """One transaction as the owner of the tables (`DATABASE_URL`): only the owner may move rows
    from one tenant to another. Committed when the block ends without an error."""
    engine = sa.create_engine(current_app.config["DATABASE_URL"], poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def _enter_merge_mode(conn: sa.Connection) -> None:
    """Defer the tenant foreign keys and open the owner_merge policy, for this transaction only."""
    conn.execute(sa.text("SET CONSTRAINTS ALL DEFERRED"))
    conn.execute(sa.text("SELECT set_config('app.merge', 'on', true)"))


# -- planning -------------------------------------------------------------------------------------


def _portal(conn: sa.Connection, slug: str) -> Portal | None:
    row = conn.execute(sa.text("SELECT id, slug, name_vi FROM tenants WHERE slug = :s"), {"s": slug}).first()
    return Portal(*row) if row else None


def _portals(conn: sa.Connection, request: MergeRequest, plan_problems: list[str]) -> tuple:
    into = _portal(conn, request.into) or Portal(None, request.into, request.name_vi)
    if into.id is None and not request.name_vi.strip():
        plan_problems.append(f"{request.into!r} does not exist yet: give its name with --name-vi")
    elif into.id is None:
        try:
            validate_spec(_new_spec(request))
        except ProvisioningError as exc:
            plan_problems.append(str(exc))
    try:
        if into.id is None and _host_taken(conn, request):
            plan_problems.append(f"the new portal's host {_new_host(request)} already serves another portal")
    except InvalidHost:
        plan_problems.append(f"{request.hostname!r} is not a valid hostname")
    former = []
    for slug in dict.fromkeys(request.former):
        portal = _portal(conn, slug)
        if portal is None:
            plan_problems.append(f"no portal with slug {slug!r}")
        elif slug == request.into:
            plan_problems.append(f"{slug!r} cannot be merged into itself")
        else:
            former.append(portal)
    if not request.former:
        plan_problems.append("name at least one portal to merge")
    parent = _portal(conn, request.parent) if request.parent else None
    if request.parent and parent is None:
        plan_problems.append(f"no parent portal with slug {request.parent!r}")
    return into, former, parent


def _new_spec(request: MergeRequest) -> TenantSpec:
    return TenantSpec(slug=request.into, name_vi=request.name_vi, name_en=request.name_en, kind=request.kind)


def _new_host(request: MergeRequest) -> str:
    return (
        normalise_host(request.hostname) if request.hostname else default_hostname(request.into, request.kind)
    )


def _host_taken(conn: sa.Connection, request: MergeRequest) -> bool:
    host = _new_host(request)
    return bool(conn.scalar(sa.text("SELECT 1 FROM tenant_domains WHERE hostname = :h"), {"h": host}))


def plan_merge(conn: sa.Connection, request: MergeRequest) -> Plan:
    """What the merge would move and every clash, read on `conn` (as the owner); changes nothing."""
    _enter_merge_mode(conn)
    problems: list[str] = []
    into, former, parent = _portals(conn, request, problems)
    schema = read_schema(conn)
    plan = Plan(into=into, former=former, parent=parent, schema=schema, problems=problems)
    if schema.immediate_keys:
        plan.problems.append("foreign keys that cannot be deferred: " + "; ".join(schema.immediate_keys))
    if not plan.former_ids:
        return plan
    for table in schema.tables:
        _count_moves(conn, plan, table)
        for key in [*schema.keys.get(table, []), *([PEOPLE_KEY] if table == PEOPLE_KEY.table else [])]:
            clashes = _find_clashes(conn, plan, key)
            if clashes:
                plan.clashes.setdefault(table, []).extend(clashes)
    _choose_resolutions(plan, request.resolutions)
    return plan


def _count_moves(conn: sa.Connection, plan: Plan, table: str) -> None:
    rows = conn.execute(
        sa.text(f"SELECT tenant_id, count(*) FROM {table} WHERE tenant_id = ANY(:ids) GROUP BY tenant_id"),
        {"ids": plan.former_ids},
    )
    counts: dict[int, int] = {tenant_id: n for tenant_id, n in rows}
    if counts:
        plan.moves[table] = counts


def _find_clashes(conn: sa.Connection, plan: Plan, key: UniqueKey) -> list[Clash]:
    columns = ", ".join(key.columns)
    not_null = "".join(f" AND {c} IS NOT NULL" for c in key.columns)
    order = "array_position(CAST(:order AS bigint[]), tenant_id), id"
    sql = (
        f"SELECT {columns + ', ' if columns else ''}"
        f"array_agg(tenant_id ORDER BY {order}), array_agg(id ORDER BY {order}) "
        f"FROM {key.table} WHERE tenant_id = ANY(:order){not_null} "
        f"{'GROUP BY ' + columns if columns else ''} HAVING count(DISTINCT tenant_id) > 1"
    )
    clashes = []
    for row in conn.execute(sa.text(sql), {"order": plan.order}):
        *values, tenants, ids = row
        clashes.append(Clash(key, tuple(values), list(zip(tenants, ids, strict=True))))
    return clashes


def _choose_resolutions(plan: Plan, given: dict[str, Strategy]) -> None:
    for table, clashes in plan.clashes.items():
        strategy, by_default = given.get(table), False
        if strategy is None:
            strategy, by_default = _default(plan.schema, table), True
        if strategy is None:
            continue
        problem = _unfit(plan.schema, table, strategy, clashes)
        if problem:
            plan.problems.append(problem)
            continue
        plan.resolutions[table] = (strategy, by_default)
    for table in given:
        if table not in plan.schema.tables:
            plan.problems.append(f"--resolve names {table!r}, which is no tenant table")


def _default(schema: TenantSchema, table: str) -> Strategy | None:
    if table == PEOPLE_KEY.table:
        return None  # whether people keep every role is for the person merging to say
    keys = schema.keys.get(table, [])
    if keys and all(not k.columns for k in keys):
        return Strategy.MERGE  # one settings row per portal: the receiving portal's wins
    return default_strategy(table)


def _unfit(schema: TenantSchema, table: str, strategy: Strategy, clashes: list[Clash]) -> str | None:
    if strategy is Strategy.RENAME:
        for clash in clashes:
            if clash.key is not PEOPLE_KEY and _text_column(schema, clash.key) is None:
                return f"{table}: key {clash.key.name} has no text to rename; resolve with merge or sum"
    if table == PEOPLE_KEY.table and strategy is not Strategy.MERGE:
        return f"{table}: people in several portals can only be merged (they keep every role)"
    return None


def _text_column(schema: TenantSchema, key: UniqueKey) -> str | None:
    texts = [c for c in key.columns if schema.column(key.table, c).is_text]
    return "slug" if "slug" in texts else (texts[0] if texts else None)


# -- running --------------------------------------------------------------------------------------


def run_merge(conn: sa.Connection, request: MergeRequest) -> MergeResult:
    """Plan, refuse on any problem or unresolved clash, then merge on `conn` (the owner's, in a
    transaction the caller commits)."""
    plan = plan_merge(conn, request)
    if plan.problems:
        raise MergeRefused("; ".join(plan.problems))
    if plan.unresolved():
        raise MergeRefused(
            "unresolved conflicts in "
            + ", ".join(plan.unresolved())
            + ": run with --dry-run to see them, then --resolve TABLE=merge|rename|sum"
        )
    result = MergeResult(plan=plan)
    _ensure_receiving_portal(conn, plan, request, result)
    for table, clashes in plan.clashes.items():
        strategy = plan.resolutions[table][0]
        for clash in clashes:
            _resolve(conn, plan, result, strategy, clash)
    _record_provenance(conn, plan)
    for table in plan.schema.tables:
        _move_table(conn, plan, result, table)
    _repoint_portal_references(conn, plan)
    _retire_former_portals(conn, plan, result)
    _check_nothing_left(conn, plan)
    return result


def _ensure_receiving_portal(conn: sa.Connection, plan: Plan, request: MergeRequest, result: MergeResult):
    parent_id = plan.parent.id if plan.parent else None
    if plan.into.id is None:
        spec = _new_spec(request)
        new_id = conn.scalar(
            sa.text(
                "INSERT INTO tenants (slug, name_vi, name_en, kind, parent_id, status, default_locale, "
                "timezone, theme, contact) VALUES (:slug, :vi, :en, :kind, :parent, 'active', 'vi', "
                "'Asia/Ho_Chi_Minh', :theme, '{}') RETURNING id"
            ),
            {
                "slug": spec.slug,
                "vi": spec.name_vi.strip(),
                "en": (spec.name_en or spec.name_vi).strip(),
                "kind": spec.kind,
                "parent": parent_id,
                "theme": "city" if spec.kind == TenantKind.CITY else "ward",
            },
        )
        host = _new_host(request)
        conn.execute(
            sa.text("INSERT INTO tenant_domains (tenant_id, hostname, is_primary) VALUES (:t, :h, true)"),
            {"t": new_id, "h": host},
        )
        plan.into = Portal(new_id, spec.slug, spec.name_vi.strip())
        result.created = True
    elif parent_id is not None:
        conn.execute(
            sa.text("UPDATE tenants SET parent_id = :p WHERE id = :t"), {"p": parent_id, "t": plan.into.id}
        )
    conn.execute(
        sa.text("UPDATE tenants SET status = 'active', merged_into_id = NULL WHERE id = :t"),
        {"t": plan.into.id},
    )


def _resolve(conn: sa.Connection, plan: Plan, result: MergeResult, strategy: Strategy, clash: Clash) -> None:
    if clash.key is PEOPLE_KEY:
        result.resolved.append((clash.key.table, strategy, clash))
        return  # the roles move as they are; identical ones clash on the unique key and merge
    (keep_tenant, keep_id), others = clash.rows[0], clash.rows[1:]
    for tenant_id, row_id in others:
        if strategy is Strategy.RENAME:
            _rename(conn, plan, result, clash.key, tenant_id, row_id)
        else:
            if strategy is Strategy.SUM:
                _add_numbers(conn, plan.schema, clash.key, (keep_tenant, keep_id), (tenant_id, row_id))
            _fold_into(conn, plan, clash.key.table, keep_id, (tenant_id, row_id))
    result.resolved.append((clash.key.table, strategy, clash))


def _fold_into(conn: sa.Connection, plan: Plan, table: str, keep_id: int, row: tuple[int, int]) -> None:
    """Point every reference to `row` at `keep_id`, then delete `row`."""
    tenant_id, row_id = row
    for ref in plan.schema.references.get(table, []):
        conn.execute(
            sa.text(
                f"UPDATE {ref.table} SET {ref.column} = :keep "
                f"WHERE tenant_id = ANY(:ids) AND {ref.column} = :old"
            ),
            {"keep": keep_id, "ids": plan.order, "old": row_id},
        )
    conn.execute(
        sa.text(f"DELETE FROM {table} WHERE tenant_id = :t AND id = :id"), {"t": tenant_id, "id": row_id}
    )


def _add_numbers(
    conn: sa.Connection, schema: TenantSchema, key: UniqueKey, keep: tuple, other: tuple
) -> None:
    skip = {"id", *key.columns, *schema.key_columns.get(key.table, ())}
    numbers = [
        c.name
        for c in schema.columns[key.table].values()
        if c.is_number and c.name not in skip and not c.name.endswith("_id")
    ]
    if not numbers:
        return
    sets = ", ".join(f"{c} = k.{c} + o.{c}" for c in numbers)
    conn.execute(
        sa.text(
            f"UPDATE {key.table} k SET {sets} FROM {key.table} o "
            "WHERE k.tenant_id = :kt AND k.id = :kid AND o.tenant_id = :ot AND o.id = :oid"
        ),
        {"kt": keep[0], "kid": keep[1], "ot": other[0], "oid": other[1]},
    )


def _rename(
    conn: sa.Connection, plan: Plan, result: MergeResult, key: UniqueKey, tenant_id: int, row_id: int
):
    column = _text_column(plan.schema, key)
    assert column is not None  # checked by _unfit
    portal = plan.portal(tenant_id)
    old = conn.scalar(
        sa.text(f"SELECT {column} FROM {key.table} WHERE tenant_id = :t AND id = :id"),
        {"t": tenant_id, "id": row_id},
    )
    suffix = f"-{portal.slug}" if column == "slug" else f" ({portal.name_vi})"
    limit = plan.schema.column(key.table, column).max_length
    new = (old[: limit - len(suffix)] if limit else old) + suffix
    conn.execute(
        sa.text(f"UPDATE {key.table} SET {column} = :new WHERE tenant_id = :t AND id = :id"),
        {"new": new, "t": tenant_id, "id": row_id},
    )
    result.renamed.append((key.table, old, new, portal.slug))
    pattern = path_pattern(key.table, column)
    if pattern:
        old_path, new_path = pattern.format(old), pattern.format(new)
        conn.execute(
            sa.text(
                "INSERT INTO merge_redirects (tenant_id, former_tenant_id, old_path, new_path) "
                "VALUES (:t, :f, :old, :new) ON CONFLICT (tenant_id, former_tenant_id, old_path) "
                "DO UPDATE SET new_path = EXCLUDED.new_path"
            ),
            {"t": tenant_id, "f": tenant_id, "old": old_path, "new": new_path},
        )
        result.redirects.append((portal.slug, old_path, new_path))


def _record_provenance(conn: sa.Connection, plan: Plan) -> None:
    """Each row about to move remembers its portal (the latest one, for a row merged twice)."""
    for table in plan.schema.content_tables:
        if table not in plan.moves:
            continue
        conn.execute(
            sa.text(
                "INSERT INTO merge_provenance (tenant_id, table_name, row_id, former_tenant_id) "
                f"SELECT :new, :table, id, tenant_id FROM {table} WHERE tenant_id = ANY(:ids) "
                "ON CONFLICT (tenant_id, table_name, row_id) DO UPDATE SET "
                "former_tenant_id = EXCLUDED.former_tenant_id, merged_at = now()"
            ),
            {"new": plan.into.id, "table": table, "ids": plan.former_ids},
        )


def _move_table(conn: sa.Connection, plan: Plan, result: MergeResult, table: str) -> None:
    if table == "merge_provenance":
        # Rows of an earlier merge already re-recorded above keep the newer record.
        conn.execute(
            sa.text(
                "DELETE FROM merge_provenance o USING merge_provenance n WHERE o.tenant_id = ANY(:ids) "
                "AND n.tenant_id = :new AND n.table_name = o.table_name AND n.row_id = o.row_id"
            ),
            {"ids": plan.former_ids, "new": plan.into.id},
        )
    moved = conn.execute(
        sa.text(f"UPDATE {table} SET tenant_id = :new WHERE tenant_id = ANY(:ids)"),
        {"new": plan.into.id, "ids": plan.former_ids},
    ).rowcount
    if moved:
        result.moved[table] = moved
    result.files += _rekey_files(conn, plan, table)


def _rekey_files(conn: sa.Connection, plan: Plan, table: str) -> int:
    """Stored uploads are keyed `<tenant id>/<name>` (`app.uploads.STORED_KEY`), in a column of
    their own (a cover's, an image's `key`) or inside JSON (`{"800": key}`): the moved rows' keys
    name the new portal, as `app.uploads.rekey` does for an imported portal. The files themselves
    are moved after the commit, by `move_stored_files`."""
    count = 0
    for column in plan.schema.columns[table].values():
        col = f'"{column.name}"'  # quoted: a column may be named like a keyword ("group")
        if column.is_text:
            count += conn.execute(
                sa.text(
                    f"UPDATE {table} "
                    f"SET {col} = :new || substr({col}, strpos({col}, '/')) "
                    f"WHERE tenant_id = :new_id AND {col} ~ :pattern "
                    f"AND split_part({col}, '/', 1) = ANY(:former)"
                ),
                {
                    "new": str(plan.into.id),
                    "new_id": plan.into.id,
                    "pattern": STORED_KEY.pattern,
                    "former": [str(i) for i in plan.former_ids],
                },
            ).rowcount
        elif column.is_json:
            # A key is a whole JSON string: `"<former id>/<name>"`; ids are integers, so the
            # alternation is safe to write into the pattern.
            quoted_key = f'"({"|".join(str(i) for i in plan.former_ids)})/({NAME_PATTERN})"'
            count += conn.execute(
                sa.text(
                    f"UPDATE {table} SET {col} = "
                    f"regexp_replace({col}::text, :quoted, :replacement, 'g')::{column.data_type} "
                    f"WHERE tenant_id = :new_id AND {col}::text ~ :quoted"
                ),
                {"quoted": quoted_key, "replacement": f'"{plan.into.id}/\\2"', "new_id": plan.into.id},
            ).rowcount
    return count


def _repoint_portal_references(conn: sa.Connection, plan: Plan) -> None:
    """Columns that name a portal (the city's highlights name their source ward) name the new
    one; a row that would then repeat another's unique key (a watermark per source) is dropped,
    the receiving portal's own first."""
    for ref in plan.schema.portal_references:
        for key in plan.schema.keys.get(ref.table, []):
            if ref.column not in key.columns:
                continue
            same = "".join(f" AND a.{c} IS NOT DISTINCT FROM b.{c}" for c in key.columns if c != ref.column)
            conn.execute(
                sa.text(
                    f"DELETE FROM {ref.table} a USING {ref.table} b WHERE a.tenant_id = b.tenant_id{same} "
                    f"AND a.{ref.column} = ANY(:ids) AND b.{ref.column} = ANY(:order) "
                    f"AND array_position(CAST(:order AS bigint[]), b.{ref.column}) "
                    f"< array_position(CAST(:order AS bigint[]), a.{ref.column})"
                ),
                {"ids": plan.former_ids, "order": [plan.into.id, *plan.former_ids]},
            )
        conn.execute(
            sa.text(f"UPDATE {ref.table} SET {ref.column} = :new WHERE {ref.column} = ANY(:ids)"),
            {"new": plan.into.id, "ids": plan.former_ids},
        )


def _retire_former_portals(conn: sa.Connection, plan: Plan, result: MergeResult) -> None:
    """Former domains become aliases of the new portal (301s); former portals are suspended."""
    params = {"new": plan.into.id, "ids": plan.former_ids}
    rows = conn.execute(
        sa.text(
            "UPDATE tenant_domains SET former_tenant_id = coalesce(former_tenant_id, tenant_id), "
            "tenant_id = :new, is_primary = false WHERE tenant_id = ANY(:ids) RETURNING hostname"
        ),
        params,
    )
    result.aliases = sorted(h for (h,) in rows)
    conn.execute(
        sa.text(
            f"UPDATE tenants SET status = '{TenantStatus.SUSPENDED}', merged_into_id = :new "
            "WHERE id = ANY(:ids)"
        ),
        params,
    )
    # A portal merged earlier into one of these now points at the new portal; so do children.
    conn.execute(sa.text("UPDATE tenants SET merged_into_id = :new WHERE merged_into_id = ANY(:ids)"), params)
    conn.execute(sa.text("UPDATE tenants SET parent_id = :new WHERE parent_id = ANY(:ids)"), params)


def _check_nothing_left(conn: sa.Connection, plan: Plan) -> None:
    for table in plan.schema.tables:
        left = conn.scalar(
            sa.text(f"SELECT count(*) FROM {table} WHERE tenant_id = ANY(:ids)"), {"ids": plan.former_ids}
        )
        if left:
            raise MergeRefused(f"{left} rows of {table} were left behind; nothing was merged")


def merge(request: MergeRequest) -> MergeResult:
    """Merge as the owner, in one transaction, then what follows the commit (`after_merge`)."""
    with owner_transaction() as conn:
        result = run_merge(conn, request)
    after_merge(result)
    return result


def after_merge(result: MergeResult) -> None:
    """Once the merge has committed: every process's tenant cache, the uploaded files, and the
    capabilities that listen."""
    announce_change()
    move_stored_files(result)
    portals_merged.send(result, into=result.plan.into.id, former=result.plan.former_ids)


def move_stored_files(result: MergeResult) -> int:
    """After the commit: move the former portals' uploaded files into the new portal's folder."""
    target, moved = storage_root() / str(result.plan.into.id), 0
    for former_id in result.plan.former_ids:
        for name, path in tenant_files(former_id):
            target.mkdir(parents=True, exist_ok=True)
            if not (target / name).exists():
                path.rename(target / name)
                moved += 1
    return moved
