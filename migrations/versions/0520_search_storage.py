"""search: the full tsvector in the row (compressed, lz4 where the server has it); trigrams by tenant

Revision ID: 0520
Revises: 0490
Create Date: 2026-12-02 11:30:00

The app's role is subject to row-level security: unless `@@` (ts_match_vq) is declared LEAKPROOF
(docs/search.md), PostgreSQL may not use it as a GIN index condition ahead of the policy, and a
ward's search reads the ward's rows (by the tenant key) and tests each row's `tsv`. Stored out
of line, each test was a TOAST index lookup and fetch; inline (STORAGE MAIN, compressed) it is a
decompression.
Rows already stored move in when rewritten (a reindex, or VACUUM FULL).

The trigram index of titles ("did you mean") leads with the tenant (btree_gin), so that a ward's
suggestions intersect its own rows inside the index instead of gathering every similar title of
every ward (7,800 rows, 117 ms, for a typo of a common topic at a million articles).
"""

from alembic import op

revision = "0520"
down_revision = "0490"
branch_labels = None
depends_on = None

LZ4_COLUMNS = ("tsv", "body", "folded_body")


def upgrade():
    op.drop_index("ix_search_documents_folded_title_trgm", table_name="search_documents")
    op.create_index(
        "ix_search_documents_tenant_id_folded_title_trgm",
        "search_documents",
        ["tenant_id", "folded_title"],
        postgresql_using="gin",
        postgresql_ops={"folded_title": "gin_trgm_ops"},
    )
    op.execute("ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE MAIN")
    columns = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION lz4" for c in LZ4_COLUMNS)
    op.execute(
        "DO $$ BEGIN "
        "IF EXISTS (SELECT FROM pg_settings WHERE name = 'default_toast_compression' "
        "AND 'lz4' = ANY(enumvals)) THEN "
        f"EXECUTE 'ALTER TABLE search_documents {columns}'; "
        "END IF; END $$"
    )


def downgrade():
    columns = ", ".join(f"ALTER COLUMN {c} SET COMPRESSION DEFAULT" for c in LZ4_COLUMNS)
    op.execute(f"ALTER TABLE search_documents {columns}")
    op.execute("ALTER TABLE search_documents ALTER COLUMN tsv SET STORAGE EXTENDED")
    op.drop_index("ix_search_documents_tenant_id_folded_title_trgm", table_name="search_documents")
    op.create_index(
        "ix_search_documents_folded_title_trgm",
        "search_documents",
        ["folded_title"],
        postgresql_using="gin",
        postgresql_ops={"folded_title": "gin_trgm_ops"},
    )
