"""feedback: questions and feedback with tracking codes, notes, categories, settings; the
platform's public holidays (a global table)

Revision ID: 0400
Revises: 0150
Create Date: 2026-12-02 06:30:00.000000

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0400"
down_revision = "0150"
branch_labels = None
depends_on = None


def _tenant_columns():
    return [
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
    ]


def upgrade():
    op.create_table(
        "public_holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name_vi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_public_holidays")),
    )
    op.create_table(
        "feedback_settings",
        *_tenant_columns(),
        sa.Column("answer_days", sa.Integer(), nullable=False),
        sa.Column("retention_months", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "answer_days BETWEEN 1 AND 90", name=op.f("ck_feedback_settings_answer_days_range")
        ),
        sa.CheckConstraint(
            "retention_months BETWEEN 1 AND 120", name=op.f("ck_feedback_settings_retention_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_feedback_settings_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_feedback_settings")),
        sa.UniqueConstraint("tenant_id", name=op.f("uq_feedback_settings_tenant_id")),
    )
    op.create_table(
        "feedback_categories",
        *_tenant_columns(),
        sa.Column("name_vi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_feedback_categories_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_feedback_categories")),
        sa.UniqueConstraint("tenant_id", "name_vi", name=op.f("uq_feedback_categories_tenant_id_name_vi")),
    )
    op.create_table(
        "feedback_items",
        *_tenant_columns(),
        sa.Column("code", sa.String(length=24), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("category_id", sa.BigInteger(), nullable=True),
        sa.Column("subject", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("locale", sa.String(length=8), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=30), nullable=False),
        sa.Column("attachment_key", sa.String(length=200), nullable=True),
        sa.Column("attachment_type", sa.String(length=100), nullable=True),
        sa.Column("attachment_name", sa.String(length=200), nullable=True),
        sa.Column("erased_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("consented_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("may_publish", sa.Boolean(), nullable=False),
        sa.Column("show_name", sa.Boolean(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=True),
        sa.Column("assignee_id", sa.BigInteger(), nullable=True),
        sa.Column("received_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("reminded_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answer", sa.Text(), nullable=False),
        sa.Column("answered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("answered_on", sa.Date(), nullable=True),
        sa.Column("answered_by_id", sa.BigInteger(), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("search_text", sa.Text(), nullable=False),
        sa.CheckConstraint("kind IN ('question', 'feedback')", name=op.f("ck_feedback_items_kind")),
        sa.CheckConstraint(
            "state IN ('received', 'assigned', 'answered')", name=op.f("ck_feedback_items_state")
        ),
        sa.CheckConstraint(
            "published_at IS NULL OR (may_publish AND answered_at IS NOT NULL)",
            name=op.f("ck_feedback_items_published_only_with_consent"),
        ),
        sa.ForeignKeyConstraint(
            ["assignee_id"],
            ["users.id"],
            name=op.f("fk_feedback_items_assignee_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["answered_by_id"],
            ["users.id"],
            name=op.f("fk_feedback_items_answered_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "category_id"],
            ["feedback_categories.tenant_id", "feedback_categories.id"],
            name=op.f("fk_feedback_items_tenant_id_category_id_feedback_categories"),
            ondelete="SET NULL (category_id)",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "unit_id"],
            ["newsroom_units.tenant_id", "newsroom_units.id"],
            name=op.f("fk_feedback_items_tenant_id_unit_id_newsroom_units"),
            ondelete="SET NULL (unit_id)",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_feedback_items_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_feedback_items")),
        sa.UniqueConstraint("tenant_id", "code", name=op.f("uq_feedback_items_tenant_id_code")),
    )
    op.create_index(
        "ix_feedback_items_tenant_id_state_due_on", "feedback_items", ["tenant_id", "state", "due_on"]
    )
    op.create_index(
        "ix_feedback_items_tenant_id_published_at", "feedback_items", ["tenant_id", "published_at"]
    )
    op.create_table(
        "feedback_notes",
        *_tenant_columns(),
        sa.Column("item_id", sa.BigInteger(), nullable=False),
        sa.Column("author_id", sa.BigInteger(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_feedback_notes_author_id_users"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "item_id"],
            ["feedback_items.tenant_id", "feedback_items.id"],
            name=op.f("fk_feedback_notes_tenant_id_item_id_feedback_items"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_feedback_notes_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_feedback_notes")),
    )
    for table in ("feedback_settings", "feedback_categories", "feedback_items", "feedback_notes"):
        enable_tenant_rls(op, table)


def downgrade():
    op.drop_table("feedback_notes")
    op.drop_index("ix_feedback_items_tenant_id_published_at", table_name="feedback_items")
    op.drop_index("ix_feedback_items_tenant_id_state_due_on", table_name="feedback_items")
    op.drop_table("feedback_items")
    op.drop_table("feedback_categories")
    op.drop_table("feedback_settings")
    op.drop_table("public_holidays")
