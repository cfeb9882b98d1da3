"""about: introduction sections, org units, leaders, contacts

Revision ID: 0200
Revises: 0100
Create Date: 2026-11-27 05:15:51.305744

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0200"
down_revision = "0100"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "intro_sections",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("body_vi", sa.Text(), nullable=False),
        sa.Column("body_en", sa.Text(), nullable=False),
        sa.Column("image_key", sa.String(length=200), nullable=True),
        sa.Column("image_type", sa.String(length=100), nullable=True),
        sa.Column("image_alt_vi", sa.String(length=300), nullable=False),
        sa.Column("image_alt_en", sa.String(length=300), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.CheckConstraint(
            "kind IN ('functions', 'history', 'map', 'nature', 'culture')",
            name=op.f("ck_intro_sections_kind"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_intro_sections_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_intro_sections")),
        sa.UniqueConstraint("tenant_id", "kind", name=op.f("uq_intro_sections_tenant_id_kind")),
    )
    op.create_table(
        "leaders",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("title_vi", sa.String(length=200), nullable=False),
        sa.Column("title_en", sa.String(length=200), nullable=False),
        sa.Column("biography_vi", sa.Text(), nullable=False),
        sa.Column("biography_en", sa.Text(), nullable=False),
        sa.Column("duties_vi", sa.Text(), nullable=False),
        sa.Column("duties_en", sa.Text(), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("photo_key", sa.String(length=200), nullable=True),
        sa.Column("photo_type", sa.String(length=100), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_published", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_leaders_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_leaders")),
    )
    op.create_table(
        "org_units",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("name_vi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("functions_vi", sa.Text(), nullable=False),
        sa.Column("functions_en", sa.Text(), nullable=False),
        sa.Column("address", sa.String(length=300), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "parent_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_org_units_tenant_id_parent_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_org_units_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_org_units")),
        sa.UniqueConstraint("tenant_id", "name_vi", name=op.f("uq_org_units_tenant_id_name_vi")),
    )
    op.create_table(
        "contacts",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("unit_id", sa.BigInteger(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("position_vi", sa.String(length=200), nullable=False),
        sa.Column("position_en", sa.String(length=200), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("checked_on", sa.Date(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_published", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "unit_id"],
            ["org_units.tenant_id", "org_units.id"],
            name=op.f("fk_contacts_tenant_id_unit_id_org_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"], ["tenants.id"], name=op.f("fk_contacts_tenant_id_tenants"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_contacts")),
    )
    for table in ("intro_sections", "leaders", "org_units", "contacts"):
        enable_tenant_rls(op, table)


def downgrade():
    op.drop_table("contacts")
    op.drop_table("org_units")
    op.drop_table("leaders")
    op.drop_table("intro_sections")
