"""royalties: monthly plans and topics, quota setting, royalty rates, bases and budgets

Revision ID: 0150
Revises: 0301
Create Date: 2026-11-27 05:24:04.041156

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0150"
down_revision = "0301"
branch_labels = None
depends_on = None

TENANT_TABLES = (
    "royalty_settings",
    "royalty_bases",
    "royalty_rates",
    "royalty_budgets",
    "royalty_monthly_plans",
    "royalty_plan_topics",
    "royalty_plan_topic_units",
)


def upgrade():
    op.create_table(
        "royalty_bases",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("base_salary", sa.BigInteger(), nullable=False),
        sa.Column("percent", sa.Numeric(precision=6, scale=3), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.CheckConstraint("base_salary > 0", name=op.f("ck_royalty_bases_salary_positive")),
        sa.CheckConstraint("percent > 0 AND percent <= 100", name=op.f("ck_royalty_bases_percent_range")),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_royalty_bases_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_bases")),
        sa.UniqueConstraint(
            "tenant_id", "effective_from", name=op.f("uq_royalty_bases_tenant_id_effective_from")
        ),
    )
    op.create_table(
        "royalty_budgets",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("amount", sa.BigInteger(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_royalty_budgets_amount_positive")),
        sa.CheckConstraint("year BETWEEN 2000 AND 2100", name=op.f("ck_royalty_budgets_year_range")),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_budgets_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_budgets")),
        sa.UniqueConstraint("tenant_id", "year", name=op.f("uq_royalty_budgets_tenant_id_year")),
    )
    op.create_table(
        "royalty_monthly_plans",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("month", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("intro", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_by_id", sa.BigInteger(), nullable=True),
        sa.CheckConstraint("state IN ('draft', 'published')", name=op.f("ck_royalty_monthly_plans_state")),
        sa.CheckConstraint("month BETWEEN 1 AND 12", name=op.f("ck_royalty_monthly_plans_month_range")),
        sa.ForeignKeyConstraint(
            ["published_by_id"],
            ["users.id"],
            name=op.f("fk_royalty_monthly_plans_published_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_monthly_plans_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_monthly_plans")),
        sa.UniqueConstraint(
            "tenant_id", "year", "month", name=op.f("uq_royalty_monthly_plans_tenant_id_year_month")
        ),
    )
    op.create_table(
        "royalty_rates",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("effective_from", sa.Date(), nullable=False),
        sa.Column("factor_min", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.Column("factor_max", sa.Numeric(precision=5, scale=2), nullable=False),
        sa.CheckConstraint(
            "kind IN ('news', 'article', 'photo', 'commentary', "
            "'reportage', 'research', 'multimedia', 'translated')",
            name=op.f("ck_royalty_rates_kind"),
        ),
        sa.CheckConstraint(
            "factor_min >= 0 AND factor_max >= factor_min", name=op.f("ck_royalty_rates_factor_range")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_royalty_rates_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_rates")),
        sa.UniqueConstraint(
            "tenant_id", "kind", "effective_from", name=op.f("uq_royalty_rates_tenant_id_kind_effective_from")
        ),
    )
    op.create_table(
        "royalty_settings",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("over_cap_policy", sa.String(length=16), nullable=False),
        sa.CheckConstraint(
            "over_cap_policy IN ('warn', 'refuse')", name=op.f("ck_royalty_settings_over_cap_policy")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_settings_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_settings")),
        sa.UniqueConstraint("tenant_id", name=op.f("uq_royalty_settings_tenant_id")),
    )
    op.create_table(
        "royalty_plan_topics",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("plan_id", sa.BigInteger(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "plan_id"],
            ["royalty_monthly_plans.tenant_id", "royalty_monthly_plans.id"],
            name=op.f("fk_royalty_plan_topics_tenant_id_plan_id_royalty_monthly_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_plan_topics_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_plan_topics")),
    )
    with op.batch_alter_table("royalty_plan_topics", schema=None) as batch_op:
        batch_op.create_index("ix_royalty_plan_topics_plan", ["tenant_id", "plan_id"], unique=False)

    op.create_table(
        "royalty_plan_topic_units",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("topic_id", sa.BigInteger(), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "topic_id"],
            ["royalty_plan_topics.tenant_id", "royalty_plan_topics.id"],
            name=op.f("fk_royalty_plan_topic_units_tenant_id_topic_id_royalty_plan_topics"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "unit_id"],
            ["newsroom_units.tenant_id", "newsroom_units.id"],
            name=op.f("fk_royalty_plan_topic_units_tenant_id_unit_id_newsroom_units"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_royalty_plan_topic_units_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_royalty_plan_topic_units")),
        sa.UniqueConstraint(
            "tenant_id",
            "topic_id",
            "unit_id",
            name=op.f("uq_royalty_plan_topic_units_tenant_id_topic_id_unit_id"),
        ),
    )
    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade():
    op.drop_table("royalty_plan_topic_units")
    with op.batch_alter_table("royalty_plan_topics", schema=None) as batch_op:
        batch_op.drop_index("ix_royalty_plan_topics_plan")

    op.drop_table("royalty_plan_topics")
    op.drop_table("royalty_settings")
    op.drop_table("royalty_rates")
    op.drop_table("royalty_monthly_plans")
    op.drop_table("royalty_budgets")
    op.drop_table("royalty_bases")
