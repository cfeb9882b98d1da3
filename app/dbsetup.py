"""Creating the database and the app's role, before and after the migrations.

The owner (the role in `DATABASE_URL`) creates and owns the tables. The web app and the workers
connect as `APP_DB_ROLE`: it can read and write rows, but it owns no table and is no superuser,
so PostgreSQL's row-level security applies to it. Everything here is idempotent; the migration
environment calls it on every `flask db upgrade`.
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.engine import make_url


def ensure_database(owner_url: str) -> None:
    """Create the database named in `owner_url` if the server does not have it yet."""
    url = make_url(owner_url)
    engine = sa.create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            exists = conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :d"), {"d": url.database})
            if not exists:
                conn.execute(
                    sa.text(f"CREATE DATABASE \"{url.database}\" ENCODING 'UTF8' TEMPLATE template0")
                )
    finally:
        engine.dispose()


def ensure_app_role(conn: sa.Connection, role: str, password: str, database: str) -> None:
    """Create the app's login role, unprivileged, and let it connect."""
    quoted = conn.dialect.identifier_preparer.quote(role)
    exists = conn.scalar(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
    if not exists:
        conn.execute(sa.text(f"CREATE ROLE {quoted} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS"))
    if password:
        literal = "'" + password.replace("'", "''") + "'"  # utility statements take no parameters
        conn.execute(sa.text(f"ALTER ROLE {quoted} PASSWORD {literal}"))
    conn.execute(sa.text(f'GRANT CONNECT ON DATABASE "{database}" TO {quoted}'))
    conn.execute(sa.text(f"GRANT USAGE ON SCHEMA public TO {quoted}"))


def grant_app_role(conn: sa.Connection, role: str) -> None:
    """Row access on every table (but the migration bookkeeping) for the app's role."""
    quoted = conn.dialect.identifier_preparer.quote(role)
    conn.execute(sa.text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {quoted}"))
    conn.execute(sa.text(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {quoted}"))
    conn.execute(sa.text(f"REVOKE ALL ON TABLE alembic_version FROM {quoted}"))


def enable_tenant_rls(op, table: str) -> None:
    """Row-level security for a tenant table; migrations call this for every one they create.

    `app.tenant_id` holds the current tenant (empty when there is none, which matches nothing);
    `app.cross_tenant = 'read'` is set only inside `app.db.cross_tenant_reads`.
    """
    op.execute(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
    op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
    op.execute(
        f"CREATE POLICY tenant_isolation ON {table} "
        "USING (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint) "
        "WITH CHECK (tenant_id = nullif(current_setting('app.tenant_id', true), '')::bigint)"
    )
    op.execute(
        f"CREATE POLICY cross_tenant_read ON {table} FOR SELECT "
        "USING (current_setting('app.cross_tenant', true) = 'read')"
    )
    enable_owner_merge(op, table)


def enable_owner_merge(op, table: str) -> None:
    """Let the tables' owner (who runs the migrations, and `tenants merge`) move rows across
    tenants while it says `app.merge = 'on'`. The policy names the owner only (CURRENT_USER when
    the migration runs), so the app's role gains nothing by setting `app.merge`."""
    op.execute(f"DROP POLICY IF EXISTS owner_merge ON {table}")
    op.execute(
        f"CREATE POLICY owner_merge ON {table} TO CURRENT_USER "
        "USING (current_setting('app.merge', true) = 'on') "
        "WITH CHECK (current_setting('app.merge', true) = 'on')"
    )


# Operators whose index may serve a query only when PostgreSQL knows they leak nothing about
# their arguments: under row-level security a condition that is not LEAKPROOF is evaluated
# after the tenant policy, row by row, never as an index condition. Both are pure functions of
# their two arguments that raise no error depending on a row's value.
LEAKPROOF_OPERATORS = (
    "ts_match_vq(tsvector, tsquery)",  # @@: full-text match, the search's GIN indexes
    "word_similarity_op(text, text)",  # <%: pg_trgm, the "did you mean" index
)


def declare_leakproof_operators(conn: sa.Connection) -> bool:
    """Mark the search's operators LEAKPROOF in this database, when the owner may (a superuser).

    Returns whether they are. Without it searches stay correct and isolated but cannot use the
    text indexes (see docs/search.md): a DBA can run the same ALTER FUNCTION statements once."""
    if conn.scalar(sa.text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")):
        for function in LEAKPROOF_OPERATORS:  # pg_trgm's only once its migration has run
            if conn.scalar(sa.text("SELECT to_regprocedure(:f) IS NOT NULL"), {"f": function}):
                conn.execute(sa.text(f"ALTER FUNCTION {function} LEAKPROOF"))
    return leakproof_operators(conn)


def leakproof_operators(conn: sa.Connection) -> bool:
    """Whether every operator of LEAKPROOF_OPERATORS is declared LEAKPROOF here."""
    query = sa.text(
        "SELECT coalesce(bool_and(proleakproof), false) FROM pg_proc WHERE oid = to_regprocedure(:f)"
    )
    return all(conn.scalar(query, {"f": f}) for f in LEAKPROOF_OPERATORS)
