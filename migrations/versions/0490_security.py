"""security: session epochs and two-factor sign-in, the audit log (audit_events), text length limits

Revision ID: 0490
Revises: 0480
Create Date: 2026-12-02 11:00:00

Existing sessions name no epoch and end at their next request: everyone signs in once more.

Every `text` column gets a CHECK on its length (`ck_<table>_<column>_length`), generous beside
the forms' own limits (which give the clear message): the database's last word against a body of
megabytes sent around the forms. They are added NOT VALID: rows already stored are left alone (a
migration must not fail on old data), every new or changed row is held to them.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

from app.dbsetup import enable_tenant_rls

revision = "0490"
down_revision = "0480"
branch_labels = None
depends_on = None

ACTIONS = (
    "signed-in",
    "signed-out",
    "password-changed",
    "password-reset",
    "two-factor-enabled",
    "recovery-codes-renewed",
    "recovery-code-used",
    "role-granted",
    "article-published",
)


# (table, column): the most characters it may hold.
TEXT_LIMITS = {
    ("aggregated_items", "summary"): 5_000,
    ("consultation_clauses", "body"): 200_000,
    ("consultation_comments", "body"): 10_000,
    ("consultation_comments", "response"): 10_000,
    ("consultations", "summary"): 10_000,
    ("consultations", "report"): 100_000,
    ("documents", "summary"): 10_000,
    ("documents", "summary_en"): 10_000,
    ("documents", "search_text"): 50_000,
    ("feedback_items", "body"): 20_000,
    ("feedback_items", "answer"): 50_000,
    ("feedback_items", "search_text"): 100_000,
    ("feedback_notes", "body"): 20_000,
    ("intro_sections", "body_vi"): 200_000,
    ("intro_sections", "body_en"): 200_000,
    ("leaders", "biography_vi"): 50_000,
    ("leaders", "biography_en"): 50_000,
    ("leaders", "duties_vi"): 50_000,
    ("leaders", "duties_en"): 50_000,
    ("newsroom_article_revisions", "summary"): 5_000,
    ("newsroom_article_revisions", "body"): 300_000,
    ("newsroom_article_transitions", "comment"): 5_000,
    ("newsroom_articles", "summary"): 5_000,
    ("newsroom_articles", "body"): 300_000,
    ("newsroom_articles", "summary_en"): 5_000,
    ("newsroom_articles", "body_en"): 300_000,
    ("org_units", "functions_vi"): 50_000,
    ("org_units", "functions_en"): 50_000,
    ("projects", "goal"): 20_000,
    ("royalty_month_events", "reason"): 5_000,
    ("royalty_monthly_plans", "intro"): 10_000,
    ("royalty_plan_topics", "description"): 10_000,
    ("schedule_entries", "content_vi"): 10_000,
    ("schedule_entries", "content_en"): 10_000,
    ("schedule_entries", "participants"): 10_000,
    ("science_programmes", "results"): 50_000,
    ("search_documents", "title"): 5_000,
    ("search_documents", "summary"): 10_000,
    ("search_documents", "body"): 400_000,
    ("search_documents", "folded_title"): 5_000,
    ("search_documents", "folded_summary"): 10_000,
    ("search_documents", "folded_body"): 400_000,
    ("tourism_places", "body_vi"): 50_000,
    ("tourism_places", "body_en"): 50_000,
}


def upgrade():
    op.add_column("users", sa.Column("session_epoch", sa.Integer(), server_default="0", nullable=False))
    op.add_column("users", sa.Column("totp_secret", sa.String(length=64), nullable=True))
    op.add_column("users", sa.Column("totp_enabled_at", sa.DateTime(timezone=True), nullable=True))
    op.add_column(
        "users",
        sa.Column(
            "recovery_code_hashes",
            postgresql.JSONB(astext_type=sa.Text()),
            server_default="[]",
            nullable=False,
        ),
    )
    op.create_table(
        "audit_events",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        *(
            sa.Column(name, sa.String(length=length), nullable=False)
            for name, length in (("action", 40), ("actor_email", 254), ("detail", 500), ("address", 64))
        ),
        sa.CheckConstraint(
            "action IN (" + ", ".join(f"'{a}'" for a in ACTIONS) + ")", name=op.f("ck_audit_events_action")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_audit_events_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["actor_id"], ["users.id"], name=op.f("fk_audit_events_actor_id_users"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_audit_events")),
    )
    op.create_index("ix_audit_events_tenant_id_at", "audit_events", ["tenant_id", "at"], unique=False)
    enable_tenant_rls(op, "audit_events")
    for (table, column), limit in TEXT_LIMITS.items():
        op.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT ck_{table}_{column}_length "
            f"CHECK (char_length({column}) <= {limit}) NOT VALID"
        )


def downgrade():
    for table, column in TEXT_LIMITS:
        op.execute(f"ALTER TABLE {table} DROP CONSTRAINT ck_{table}_{column}_length")
    op.drop_index("ix_audit_events_tenant_id_at", table_name="audit_events")
    op.drop_table("audit_events")
    for column in ("recovery_code_hashes", "totp_enabled_at", "totp_secret", "session_epoch"):
        op.drop_column("users", column)
