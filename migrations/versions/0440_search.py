"""search: the index of published content (search_documents), with pg_trgm and btree_gin

Revision ID: 0440
Revises: 0430
Create Date: 2026-12-02 06:20:00

Both extensions are trusted contrib modules: the owner that runs migrations may create them, and
the embedded server (PostgreSQL 18) ships them as the machine's server does.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.dbsetup import enable_tenant_rls

revision = "0440"
down_revision = "0430"
branch_labels = None
depends_on = None

HEAD = (
    "setweight(to_tsvector('simple'::regconfig, folded_title || ' ' || folded_key), 'A') || "
    "setweight(to_tsvector('simple'::regconfig, folded_summary), 'B')"
)
TSV = f"{HEAD} || setweight(to_tsvector('simple'::regconfig, folded_body), 'C')"


def upgrade():
    op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    op.execute("CREATE EXTENSION IF NOT EXISTS btree_gin")
    op.create_table(
        "search_documents",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("item_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("extra_key", sa.String(length=100), nullable=False),
        sa.Column("section_id", sa.BigInteger(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("endpoint", sa.String(length=100), nullable=False),
        sa.Column("url_args", postgresql.JSONB(astext_type=sa.Text()), nullable=False),
        sa.Column("folded_title", sa.Text(), nullable=False),
        sa.Column("folded_key", sa.String(length=100), nullable=False),
        sa.Column("folded_summary", sa.Text(), nullable=False),
        sa.Column("folded_body", sa.Text(), nullable=False),
        sa.Column("tsv", postgresql.TSVECTOR(), sa.Computed(TSV, persisted=True), nullable=False),
        sa.Column("tsv_head", postgresql.TSVECTOR(), sa.Computed(HEAD, persisted=True), nullable=False),
        sa.CheckConstraint(
            "kind IN ('article', 'document', 'page', 'leader', 'contact')",
            name=op.f("ck_search_documents_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_search_documents_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_search_documents")),
        sa.UniqueConstraint(
            "tenant_id", "kind", "item_id", name=op.f("uq_search_documents_tenant_id_kind_item_id")
        ),
    )
    op.create_index(
        "ix_search_documents_tenant_id_tsv",
        "search_documents",
        ["tenant_id", "tsv"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_search_documents_tenant_id_tsv_head",
        "search_documents",
        ["tenant_id", "tsv_head"],
        unique=False,
        postgresql_using="gin",
    )
    op.create_index(
        "ix_search_documents_folded_title_trgm",
        "search_documents",
        ["folded_title"],
        unique=False,
        postgresql_using="gin",
        postgresql_ops={"folded_title": "gin_trgm_ops"},
    )
    op.create_index(
        "ix_search_documents_tenant_id_published_at",
        "search_documents",
        ["tenant_id", "published_at"],
        unique=False,
    )
    # Bodies and the full tsvector leave the row early; what ranking reads stays in it.
    op.execute("ALTER TABLE search_documents SET (toast_tuple_target = 256)")
    op.execute(
        "ALTER TABLE search_documents ALTER COLUMN tsv_head SET STORAGE MAIN, "
        "ALTER COLUMN folded_key SET STORAGE MAIN"
    )
    enable_tenant_rls(op, "search_documents")


def downgrade():
    op.drop_index("ix_search_documents_tenant_id_published_at", table_name="search_documents")
    op.drop_index("ix_search_documents_folded_title_trgm", table_name="search_documents")
    op.drop_index("ix_search_documents_tenant_id_tsv_head", table_name="search_documents")
    op.drop_index("ix_search_documents_tenant_id_tsv", table_name="search_documents")
    op.drop_table("search_documents")
