"""merging wards: provenance and redirects of merged portals, deferrable tenant foreign keys

Revision ID: 0480
Revises: 0470
Create Date: 2026-12-02 11:00:00

A merge moves rows by updating `tenant_id` in every tenant table. A composite foreign key
`(tenant_id, x_id) → x(tenant_id, id)` would refuse the first of those updates in any order (the
child points at the parent's old tenant until both have moved), so every foreign key between
tenant tables becomes DEFERRABLE INITIALLY IMMEDIATE: nothing changes for the app, and the merge
alone says SET CONSTRAINTS ALL DEFERRED, so the keys are checked once, at its commit.

The `owner_merge` policy lets the owner of the tables (the role that runs migrations, and merges)
move rows across tenants when it says `app.merge = 'on'`, in case it is not a superuser: FORCEd
row-level security binds the owner too. The app's role is not named in the policy, so setting
`app.merge` gives it nothing.
"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_owner_merge, enable_tenant_rls

revision = "0480"
down_revision = "0470"
branch_labels = None
depends_on = None

# Foreign keys from one tenant table to another: both carry tenant_id.
TENANT_FOREIGN_KEYS = """
SELECT c.conrelid::regclass::text, c.conname
FROM pg_constraint c
JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) AND a.attname = 'tenant_id'
JOIN pg_attribute r ON r.attrelid = c.confrelid AND r.attnum = ANY (c.confkey) AND r.attname = 'tenant_id'
WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
ORDER BY 1, 2
"""

TENANT_TABLES = """
SELECT c.relname FROM pg_class c
WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r' AND c.relrowsecurity
  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'tenant_id')
ORDER BY 1
"""


def _tenant_foreign_keys():
    return op.get_bind().execute(sa.text(TENANT_FOREIGN_KEYS)).all()


def upgrade():
    op.add_column("tenants", sa.Column("merged_into_id", sa.BigInteger(), nullable=True))
    op.create_foreign_key(
        op.f("fk_tenants_merged_into_id_tenants"), "tenants", "tenants", ["merged_into_id"], ["id"]
    )
    op.add_column("tenant_domains", sa.Column("former_tenant_id", sa.BigInteger(), nullable=True))
    op.create_foreign_key(
        op.f("fk_tenant_domains_former_tenant_id_tenants"),
        "tenant_domains",
        "tenants",
        ["former_tenant_id"],
        ["id"],
        ondelete="SET NULL",
    )
    for table, columns, row_columns in (
        (
            "merge_provenance",
            [
                sa.Column("table_name", sa.String(length=63), nullable=False),
                sa.Column("row_id", sa.BigInteger(), nullable=False),
            ],
            ("table_name", "row_id"),
        ),
        (
            "merge_redirects",
            [
                sa.Column("old_path", sa.String(length=500), nullable=False),
                sa.Column("new_path", sa.String(length=500), nullable=False),
            ],
            ("former_tenant_id", "old_path"),
        ),
    ):
        extra = (
            [
                sa.Column(
                    "merged_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False
                )
            ]
            if table == "merge_provenance"
            else []
        )
        op.create_table(
            table,
            sa.Column("tenant_id", sa.BigInteger(), nullable=False),
            sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
            *columns,
            sa.Column("former_tenant_id", sa.BigInteger(), nullable=False),
            *extra,
            sa.ForeignKeyConstraint(
                ["tenant_id"], ["tenants.id"], name=op.f(f"fk_{table}_tenant_id_tenants"), ondelete="CASCADE"
            ),
            sa.ForeignKeyConstraint(
                ["former_tenant_id"], ["tenants.id"], name=op.f(f"fk_{table}_former_tenant_id_tenants")
            ),
            sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f(f"pk_{table}")),
            sa.UniqueConstraint(
                "tenant_id", *row_columns, name=op.f(f"uq_{table}_tenant_id_{'_'.join(row_columns)}")
            ),
        )
        enable_tenant_rls(op, table)
    for table, name in _tenant_foreign_keys():
        op.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" DEFERRABLE INITIALLY IMMEDIATE')
    for (table,) in op.get_bind().execute(sa.text(TENANT_TABLES)).all():
        if table not in ("merge_provenance", "merge_redirects"):
            enable_owner_merge(op, table)


def downgrade():
    for (table,) in op.get_bind().execute(sa.text(TENANT_TABLES)).all():
        op.execute(f"DROP POLICY IF EXISTS owner_merge ON {table}")
    for table, name in _tenant_foreign_keys():
        op.execute(f'ALTER TABLE {table} ALTER CONSTRAINT "{name}" NOT DEFERRABLE')
    op.drop_table("merge_redirects")
    op.drop_table("merge_provenance")
    op.drop_constraint(
        op.f("fk_tenant_domains_former_tenant_id_tenants"), "tenant_domains", type_="foreignkey"
    )
    op.drop_column("tenant_domains", "former_tenant_id")
    op.drop_constraint(op.f("fk_tenants_merged_into_id_tenants"), "tenants", type_="foreignkey")
    op.drop_column("tenants", "merged_into_id")
