"""newsroom: units, board members, sections, articles, authors, revisions, transitions

Revision ID: 0100
Revises: 0001
Create Date: 2026-11-27 05:13:24.628207

"""

import sqlalchemy as sa
from alembic import op

from app.dbsetup import enable_tenant_rls

# revision identifiers, used by Alembic.
revision = "0100"
down_revision = "0001"
branch_labels = None
depends_on = None


TENANT_TABLES = (
    "newsroom_settings",
    "newsroom_units",
    "newsroom_board_members",
    "newsroom_sections",
    "newsroom_articles",
    "newsroom_article_authors",
    "newsroom_article_revisions",
    "newsroom_article_transitions",
)


def upgrade():
    op.create_table(
        "newsroom_sections",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("parent_id", sa.BigInteger(), nullable=True),
        sa.Column("name_vi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("slug", sa.String(length=200), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "parent_id IS NULL OR parent_id <> id", name=op.f("ck_newsroom_sections_not_own_parent")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "parent_id"],
            ["newsroom_sections.tenant_id", "newsroom_sections.id"],
            name=op.f("fk_newsroom_sections_tenant_id_parent_id_newsroom_sections"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_sections_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_sections")),
        sa.UniqueConstraint("tenant_id", "slug", name=op.f("uq_newsroom_sections_tenant_id_slug")),
    )
    op.create_table(
        "newsroom_settings",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("late_after_days", sa.Integer(), nullable=False),
        sa.Column("default_monthly_minimum", sa.Integer(), nullable=False),
        sa.Column("default_monthly_cap", sa.Integer(), nullable=False),
        sa.CheckConstraint("late_after_days > 0", name=op.f("ck_newsroom_settings_late_positive")),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_settings_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_settings")),
        sa.UniqueConstraint("tenant_id", name=op.f("uq_newsroom_settings_tenant_id")),
    )
    op.create_table(
        "newsroom_units",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("name_vi", sa.String(length=200), nullable=False),
        sa.Column("name_en", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("monthly_minimum", sa.Integer(), nullable=False),
        sa.Column("monthly_cap", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("is_active", sa.Boolean(), nullable=False),
        sa.CheckConstraint("kind IN ('department', 'ward')", name=op.f("ck_newsroom_units_kind")),
        sa.CheckConstraint(
            "monthly_minimum >= 0 AND monthly_cap >= monthly_minimum", name=op.f("ck_newsroom_units_quota")
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_units_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_units")),
        sa.UniqueConstraint("tenant_id", "name_vi", name=op.f("uq_newsroom_units_tenant_id_name_vi")),
    )
    op.create_table(
        "newsroom_articles",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("slug", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("state", sa.String(length=16), nullable=False),
        sa.Column("section_id", sa.BigInteger(), nullable=True),
        sa.Column("unit_id", sa.BigInteger(), nullable=True),
        sa.Column("tags", sa.JSON(), nullable=False),
        sa.Column("is_highlight", sa.Boolean(), nullable=False),
        sa.Column("cover_key", sa.String(length=200), nullable=True),
        sa.Column("cover_content_type", sa.String(length=100), nullable=True),
        sa.Column("cover_sizes", sa.JSON(), nullable=False),
        sa.Column("cover_caption", sa.String(length=500), nullable=False),
        sa.Column("cover_alt", sa.String(length=300), nullable=False),
        sa.Column("source_type", sa.String(length=16), nullable=True),
        sa.Column("source_name", sa.String(length=300), nullable=False),
        sa.Column("source_url", sa.String(length=1000), nullable=False),
        sa.Column("source_author", sa.String(length=200), nullable=False),
        sa.Column("created_by_id", sa.BigInteger(), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("approved_by_id", sa.BigInteger(), nullable=True),
        sa.Column("royalty_factor", sa.Numeric(precision=5, scale=2), nullable=True),
        sa.Column("publish_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('news', 'article', 'photo', 'commentary', "
            "'reportage', 'research', 'multimedia', 'translated')",
            name=op.f("ck_newsroom_articles_kind"),
        ),
        sa.CheckConstraint(
            "source_type IS NULL OR source_type IN ('original', 'quoted')",
            name=op.f("ck_newsroom_articles_source_type"),
        ),
        sa.CheckConstraint(
            "state IN ('draft', 'submitted', 'returned', 'approved', "
            "'scheduled', 'published', 'unpublished', 'archived')",
            name=op.f("ck_newsroom_articles_state"),
        ),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["users.id"],
            name=op.f("fk_newsroom_articles_approved_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["created_by_id"],
            ["users.id"],
            name=op.f("fk_newsroom_articles_created_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "section_id"],
            ["newsroom_sections.tenant_id", "newsroom_sections.id"],
            name=op.f("fk_newsroom_articles_tenant_id_section_id_newsroom_sections"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "unit_id"],
            ["newsroom_units.tenant_id", "newsroom_units.id"],
            name=op.f("fk_newsroom_articles_tenant_id_unit_id_newsroom_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_articles_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_articles")),
    )
    with op.batch_alter_table("newsroom_articles", schema=None) as batch_op:
        batch_op.create_index(
            "ix_newsroom_articles_tenant_state_published",
            ["tenant_id", "state", "published_at"],
            unique=False,
        )

    op.create_table(
        "newsroom_board_members",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=True),
        sa.Column("unit_id", sa.BigInteger(), nullable=True),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("title_vi", sa.String(length=300), nullable=False),
        sa.Column("title_en", sa.String(length=300), nullable=False),
        sa.Column("on_board", sa.Boolean(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "unit_id"],
            ["newsroom_units.tenant_id", "newsroom_units.id"],
            name=op.f("fk_newsroom_board_members_tenant_id_unit_id_newsroom_units"),
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_board_members_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_newsroom_board_members_user_id_users"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_board_members")),
        sa.UniqueConstraint("tenant_id", "user_id", name=op.f("uq_newsroom_board_members_tenant_id_user_id")),
    )
    with op.batch_alter_table("newsroom_board_members", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_newsroom_board_members_user_id"), ["user_id"], unique=False)

    op.create_table(
        "newsroom_article_authors",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("user_id", sa.BigInteger(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["tenant_id", "article_id"],
            ["newsroom_articles.tenant_id", "newsroom_articles.id"],
            name=op.f("fk_newsroom_article_authors_tenant_id_article_id_newsroom_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_article_authors_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_newsroom_article_authors_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_article_authors")),
        sa.UniqueConstraint(
            "tenant_id",
            "article_id",
            "user_id",
            name=op.f("uq_newsroom_article_authors_tenant_id_article_id_user_id"),
        ),
    )
    with op.batch_alter_table("newsroom_article_authors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_newsroom_article_authors_user_id"), ["user_id"], unique=False)

    op.create_table(
        "newsroom_article_revisions",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("saved_by_id", sa.BigInteger(), nullable=True),
        sa.Column("saved_at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("note", sa.String(length=300), nullable=False),
        sa.ForeignKeyConstraint(
            ["saved_by_id"],
            ["users.id"],
            name=op.f("fk_newsroom_article_revisions_saved_by_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "article_id"],
            ["newsroom_articles.tenant_id", "newsroom_articles.id"],
            name=op.f("fk_newsroom_article_revisions_tenant_id_article_id_newsroom_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_article_revisions_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_article_revisions")),
        sa.UniqueConstraint(
            "tenant_id",
            "article_id",
            "number",
            name=op.f("uq_newsroom_article_revisions_tenant_id_article_id_number"),
        ),
    )
    op.create_table(
        "newsroom_article_transitions",
        sa.Column("tenant_id", sa.BigInteger(), nullable=False),
        sa.Column("id", sa.BigInteger(), sa.Identity(always=False), nullable=False),
        sa.Column("article_id", sa.BigInteger(), nullable=False),
        sa.Column("from_state", sa.String(length=16), nullable=True),
        sa.Column("to_state", sa.String(length=16), nullable=False),
        sa.Column("actor_id", sa.BigInteger(), nullable=True),
        sa.Column("at", sa.DateTime(timezone=True), server_default=sa.text("now()"), nullable=False),
        sa.Column("comment", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_id"],
            ["users.id"],
            name=op.f("fk_newsroom_article_transitions_actor_id_users"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id", "article_id"],
            ["newsroom_articles.tenant_id", "newsroom_articles.id"],
            name=op.f("fk_newsroom_article_transitions_tenant_id_article_id_newsroom_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tenant_id"],
            ["tenants.id"],
            name=op.f("fk_newsroom_article_transitions_tenant_id_tenants"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("tenant_id", "id", name=op.f("pk_newsroom_article_transitions")),
    )
    with op.batch_alter_table("newsroom_article_transitions", schema=None) as batch_op:
        batch_op.create_index(
            "ix_newsroom_article_transitions_article", ["tenant_id", "article_id"], unique=False
        )

    for table in TENANT_TABLES:
        enable_tenant_rls(op, table)


def downgrade():
    with op.batch_alter_table("newsroom_article_transitions", schema=None) as batch_op:
        batch_op.drop_index("ix_newsroom_article_transitions_article")

    op.drop_table("newsroom_article_transitions")
    op.drop_table("newsroom_article_revisions")
    with op.batch_alter_table("newsroom_article_authors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_newsroom_article_authors_user_id"))

    op.drop_table("newsroom_article_authors")
    with op.batch_alter_table("newsroom_board_members", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_newsroom_board_members_user_id"))

    op.drop_table("newsroom_board_members")
    with op.batch_alter_table("newsroom_articles", schema=None) as batch_op:
        batch_op.drop_index("ix_newsroom_articles_tenant_state_published")

    op.drop_table("newsroom_articles")
    op.drop_table("newsroom_units")
    op.drop_table("newsroom_settings")
    op.drop_table("newsroom_sections")
