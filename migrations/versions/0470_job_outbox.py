"""job_outbox: jobs written in the same transaction as the change that asks for them

Revision ID: 0470
Revises: 0450
Create Date: 2026-12-02 11:30:00

A global table (no tenant_id, listed in tests/core/test_schema_rules.py): the relay hands every
portal's waiting jobs to RQ, and a row holds a function's name and its arguments (ids), no
portal content. See workers/outbox.py.
"""

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0470"
down_revision = "0450"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "job_outbox",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("func", sa.String(length=300), nullable=False),
        sa.Column("args", postgresql.JSONB(), nullable=False),
        sa.Column("kwargs", postgresql.JSONB(), nullable=False),
        sa.Column("retries", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_job_outbox")),
    )
    op.create_index(op.f("ix_job_outbox_created_at"), "job_outbox", ["created_at"])


def downgrade():
    op.drop_index(op.f("ix_job_outbox_created_at"), table_name="job_outbox")
    op.drop_table("job_outbox")
