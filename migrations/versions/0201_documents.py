"""documents: the documents library and its files

Revision ID: 0201
Revises: 0200
Create Date: 2026-11-27 05:16:11.231930

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0201"
down_revision = "0200"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "documents",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("number", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("doc_type", sa.String(length=20), nullable=False),
        sa.Column("field", sa.String(length=20), nullable=False),
        sa.Column("issuer", sa.String(length=200), nullable=False),
        sa.Column("signer", sa.String(length=200), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("effective_on", sa.Date(), nullable=True),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("replaced_by_id", sa.BigInteger(), nullable=True),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.Column("is_published", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint("category IN ('normative', 'administrative')", name=op.f("ck_documents_category")),
        sa.CheckConstraint(
            "doc_type IN ('resolution', 'decision', 'directive', 'plan', "
            "'notice', 'official-letter', 'report', 'guidance')",
            name=op.f("ck_documents_doc_type"),
        ),
        sa.CheckConstraint(
            "field IN ('land', 'construction', 'finance', 'culture-society', 'health', "
            "'education', 'justice', 'home-affairs', 'security', 'environment', 'economy', 'other')",
            name=op.f("ck_documents_field"),
        ),
        sa.CheckConstraint(
            "status <> 'replaced' OR replaced_by_id IS NOT NULL",
            name=op.f("ck_documents_replaced_names_successor"),
        ),
        sa.CheckConstraint("status IN ('in-force', 'expired', 'replaced')", name=op.f("ck_documents_status")),
        sa.ForeignKeyConstraint(
            ["tenant_id", "replaced_by_id"],
            ["documents.tenant_id", "documents.id"],
            name=op.f("fk_documents_tenant_id_replaced_by_id_documents"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_documents_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_documents")),
        sa.UniqueConstraint("tenant_id", "number", name=op.f("uq_documents_tenant_id_number")),
    )
    with op.batch_alter_table("documents", schema=None) as batch_op:
        batch_op.create_index("ix_documents_tenant_id_issued_on", ["tenant_id", "issued_on"], unique=False)

    op.create_table(
        "document_files",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("document_id", sa.BigInteger(), nullable=False),
        sa.Column("file_key", sa.String(length=200), nullable=False),
        sa.Column("filename", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=100), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "document_id"],
            ["documents.tenant_id", "documents.id"],
            name=op.f("fk_document_files_tenant_id_document_id_documents"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_document_files_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_document_files")),
    )
    with op.batch_alter_table("document_files", schema=None) as batch_op:
        batch_op.create_index(
            "ix_document_files_tenant_id_document_id", ["tenant_id", "document_id"], unique=False
        )
    enable_tenant_rls(op, "documents")
    enable_tenant_rls(op, "document_files")


def downgrade():
    op.drop_table("document_files")
    op.drop_table("documents")
