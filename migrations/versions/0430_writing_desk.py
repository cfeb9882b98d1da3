"""writing desk: closed monthly royalty statements (snapshot lines), the close/reopen history,
and images inside articles

Revision ID: 0430
Revises: 0420
Create Date: 2026-12-02 06:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0430"
down_revision = "0420"
branch_labels = None
depends_on = None

TENANT_TABLES = (
    "royalty_closed_statements",
    "royalty_closed_lines",
    "royalty_month_events",
    "newsroom_article_images",
)


def upgrade():
    op.create_table(
        "royalty_closed_statements",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("closed_by_id", sa.BigInteger(), nullable=True),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.Column("article_count", sa.Integer(), nullable=False),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_royalty_closed_statements_month_range")),
        sa.ForeignKeyConstraint(
            ["closed_by_id"],
            ["users.id"],
            name=op.f("fk_royalty_closed_statements_closed_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_closed_statements_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_closed_statements")),
        sa.UniqueConstraint(
            "tenant_id", "year", "month", name=op.f("uq_royalty_closed_statements_tenant_id_year_month")
        ),
    )
    op.create_table(
        "royalty_closed_lines",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("statement_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=True),
        sa.Column("unit_name_vi", sa.String(length=200), nullable=False),
        sa.Column("unit_name_en", sa.String(length=200), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("factor", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("base_salary", sa.BigInteger(), nullable=True),
        sa.Column("percent", sa.Numeric(precision=6, scale=3), nullable=True),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.Column("shares", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "statement_id"],
            ["royalty_closed_statements.tenant_id", "royalty_closed_statements.id"],
            name=op.f("fk_royalty_closed_lines_tenant_id_statement_id_royalty_closed_statements"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_closed_lines_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_closed_lines")),
    )
    op.create_index(
        "ix_royalty_closed_lines_statement",
        "royalty_closed_lines",
        ["tenant_id", "statement_id"],
        unique=False,
    )
    op.create_table(
        "royalty_month_events",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("by_id", sa.BigInteger(), nullable=True),
        sa.Column("by_name", sa.String(length=200), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("total", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("action IN ('closed', 'reopened')", name=op.f("ck_royalty_month_events_action")),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_royalty_month_events_month_range")),
        sa.ForeignKeyConstraint(
            ["by_id"], ["users.id"], name=op.f("fk_royalty_month_events_by_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_month_events_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_month_events")),
    )
    op.create_index(
        "ix_royalty_month_events_month", "royalty_month_events", ["tenant_id", "year", "month"], unique=False
    )
    op.create_table(
        "newsroom_article_images",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("key", sa.String(length=200), nullable=False),
        sa.Column("content_type", sa.String(length=60), nullable=False),
        sa.Column("width", sa.Integer(), nullable=False),
        sa.Column("height", sa.Integer(), nullable=False),
        sa.Column("sizes", sa.JSON(), nullable=False),
        sa.Column("uploaded_by_id", sa.BigInteger(), nullable=True),
        sa.Column("uploaded_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "article_id"],
            ["newsroom_articles.tenant_id", "newsroom_articles.id"],
            name=op.f("fk_newsroom_article_images_tenant_id_article_id_newsroom_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_article_images_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["uploaded_by_id"],
            ["users.id"],
            name=op.f("fk_newsroom_article_images_uploaded_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_article_images")),
    )
    op.create_index(
        "ix_newsroom_article_images_article",
        "newsroom_article_images",
        ["tenant_id", "article_id"],
        unique=False,
    )
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade():
    op.drop_index("ix_newsroom_article_images_article", table_name="newsroom_article_images")
    op.drop_table("newsroom_article_images")
    op.drop_index("ix_royalty_month_events_month", table_name="royalty_month_events")
    op.drop_table("royalty_month_events")
    op.drop_index("ix_royalty_closed_lines_statement", table_name="royalty_closed_lines")
    op.drop_table("royalty_closed_lines")
    op.drop_table("royalty_closed_statements")
