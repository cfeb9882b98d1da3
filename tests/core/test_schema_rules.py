"""The key rule, checked for every table the migrations create.

Tenant tables: tenant_id NOT NULL leads the primary key and every unique constraint or index;
every foreign key to another tenant table includes tenant_id; row-level security is enabled and
FORCEd with the tenant policy. Any other table must be one of the few known global tables.
"""

import sqlalchemy as sa

from app.extensions import db

GLOBAL_TABLES = {"tenants", "tenant_domains", "users", "alembic_version", "public_holidays"}
# The job outbox: one relay hands every portal's waiting jobs to RQ; rows hold a function's name
# and its arguments (ids), never a portal's content (workers/outbox.py).
GLOBAL_TABLES |= {"job_outbox"}


def _tables():
    inspector = sa.inspect(db.session.connection())
    return inspector, [t for t in inspector.get_table_names() if t != "alembic_version"]


def _tenant_tables():
    inspector, tables = _tables()
    return inspector, [
        t
        for t in tables
        if "tenant_id" in {c["name"] for c in inspector.get_columns(t)} and t not in GLOBAL_TABLES
    ]


def test_every_table_is_either_global_or_tenant_owned():
    inspector, tables = _tables()
    _, tenant_tables = _tenant_tables()
    strays = set(tables) - set(tenant_tables) - GLOBAL_TABLES
    assert not strays, f"tables with no tenant_id that are not declared global: {strays}"
    assert "memberships" in tenant_tables


def test_tenant_id_is_not_null_and_leads_the_primary_key():
    inspector, tables = _tenant_tables()
    for table in tables:
        columns = {c["name"]: c for c in inspector.get_columns(table)}
        assert columns["tenant_id"]["nullable"] is False, table
        pk = inspector.get_pk_constraint(table)["constrained_columns"]
        assert pk and pk[0] == "tenant_id", f"{table}: primary key {pk}"


def test_unique_constraints_and_indexes_start_with_tenant_id():
    inspector, tables = _tenant_tables()
    for table in tables:
        for unique in inspector.get_unique_constraints(table):
            assert unique["column_names"][0] == "tenant_id", f"{table}.{unique['name']}"
        for index in inspector.get_indexes(table):
            if index["unique"]:
                first = index["column_names"][0]
                assert first == "tenant_id", f"{table}.{index['name']} starts with {first}"


def test_foreign_keys_between_tenant_tables_include_tenant_id():
    inspector, tables = _tenant_tables()
    tenant_tables = set(tables)
    for table in tables:
        for fk in inspector.get_foreign_keys(table):
            if fk["referred_table"] in tenant_tables:
                pairs = dict(zip(fk["constrained_columns"], fk["referred_columns"], strict=True))
                assert pairs.get("tenant_id") == "tenant_id", f"{table} → {fk['referred_table']}: {pairs}"


def test_row_level_security_is_forced_with_the_tenant_policy():
    _, tables = _tenant_tables()
    rows = db.session.execute(
        sa.text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, "
            "       array_agg(p.polname) FILTER (WHERE p.polname IS NOT NULL) "
            "FROM pg_class c LEFT JOIN pg_policy p ON p.polrelid = c.oid "
            "WHERE c.relname = ANY(:tables) GROUP BY c.relname, c.relrowsecurity, c.relforcerowsecurity"
        ),
        {"tables": tables},
    ).all()
    assert {r[0] for r in rows} == set(tables)
    for name, enabled, forced, policies in rows:
        assert enabled and forced, f"{name}: RLS enabled={enabled} forced={forced}"
        assert "tenant_isolation" in (policies or []), f"{name}: policies {policies}"


def test_the_app_connects_as_a_role_that_cannot_bypass_security():
    row = db.session.execute(
        sa.text("SELECT rolsuper, rolbypassrls, current_user FROM pg_roles WHERE rolname = current_user")
    ).one()
    assert row.rolsuper is False and row.rolbypassrls is False
    owners = set(
        db.session.scalars(sa.text("SELECT DISTINCT tableowner FROM pg_tables WHERE schemaname = 'public'"))
    )
    assert row.current_user not in owners


def test_the_models_follow_the_key_rule_too():
    """The metadata, walked: every tenant-owned model is TenantScoped and leads with tenant_id,
    and its foreign keys to other tenant tables carry tenant_id."""
    from app import import_models
    from app.db import TenantScoped

    import_models()
    scoped = {
        m.class_.__table__.name for m in db.Model.registry.mappers if issubclass(m.class_, TenantScoped)
    }
    for table in db.metadata.sorted_tables:
        if table.name in GLOBAL_TABLES:
            continue
        assert table.name in scoped, f"{table.name} is neither global nor TenantScoped"
        assert [c.name for c in table.primary_key.columns][0] == "tenant_id", table.name
        for fk in table.foreign_key_constraints:
            if fk.referred_table.name in scoped:
                assert "tenant_id" in [c.name for c in fk.columns], f"{table.name} → {fk.referred_table.name}"


def test_the_migrations_build_exactly_the_schema_the_models_describe():
    """Alembic's autogenerate comparison finds nothing to add: models and migrations agree."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app import import_models

    import_models()
    context = MigrationContext.configure(db.session.connection(), opts={"compare_type": True})
    differences = [
        d
        for d in compare_metadata(context, db.metadata)
        if not (isinstance(d, tuple) and d[0] == "remove_table" and d[1].name == "alembic_version")
    ]
    assert differences == []
