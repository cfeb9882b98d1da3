"""schedule: the leaders' weekly work schedule

Revision ID: 0202
Revises: 0201
Create Date: 2026-11-27 05:16:11.231930

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0202"
down_revision = "0201"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "schedule_entries",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("starts_at", sa.Time(), nullable=False),
        sa.Column("ends_at", sa.Time(), nullable=True),
        sa.Column("content_vi", sa.Text(), nullable=False),
        sa.Column("content_en", sa.Text(), nullable=False),
        sa.Column("presider", sa.String(length=200), nullable=False),
        sa.Column("participants", sa.Text(), nullable=False),
        sa.Column("location", sa.String(length=300), nullable=False),
        sa.Column("is_published", sa.Boolean(), nullable=False),
        sa.CheckConstraint(
            "ends_at IS NULL OR ends_at > starts_at", name=op.f("ck_schedule_entries_ends_after_start")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_schedule_entries_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_schedule_entries")),
    )
    with op.batch_alter_table("schedule_entries", schema=None) as batch_op:
        batch_op.create_index("ix_schedule_entries_tenant_id_day", ["tenant_id", "day"], unique=False)
    enable_tenant_rls(op, "schedule_entries")


def downgrade():
    op.drop_table("schedule_entries")
