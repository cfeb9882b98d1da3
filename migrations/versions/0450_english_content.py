"""english content: articles' and documents' English, and `translated_from` on translated rows

Revision ID: 0450
Revises: 0440
Create Date: 2026-12-02 11:20:00

`translated_from` is the SHA-256 (hex) of a row's Vietnamese text when its English was last
written or reviewed (app/bilingual.py). Rows that already have English are taken as reviewed
against their current Vietnamese, so no existing translation turns up as out of date.
"""

import sqlalchemy as sa
from alembic import op

revision = "0450"
down_revision = "0440"
branch_labels = None
depends_on = None

# table: (English lead column, the Vietnamese columns fingerprinted, in the model's order)
TRANSLATED = {
    "newsroom_articles": ("title_en", ("title", "summary", "body")),
    "newsroom_sections": ("name_en", ("name_vi",)),
    "documents": ("summary_en", ("summary",)),
    "intro_sections": ("body_en", ("body_vi", "image_alt_vi")),
    "org_units": ("name_en", ("name_vi", "functions_vi")),
    "leaders": ("title_en", ("title_vi", "biography_vi", "duties_vi")),
    "contacts": ("position_en", ("position_vi",)),
}


def _fingerprint(columns: tuple[str, ...]) -> str:
    joined = ", ".join(f"coalesce({column}, '')" for column in columns)
    return f"encode(sha256(convert_to(concat_ws(chr(31), {joined}), 'UTF8')), 'hex')"


def upgrade():
    op.add_column(
        "newsroom_articles", sa.Column("title_en", sa.String(300), nullable=False, server_default="")
    )
    op.add_column("newsroom_articles", sa.Column("summary_en", sa.Text(), nullable=False, server_default=""))
    op.add_column("newsroom_articles", sa.Column("body_en", sa.Text(), nullable=False, server_default=""))
    op.add_column("documents", sa.Column("summary_en", sa.Text(), nullable=False, server_default=""))
    for table, (lead, columns) in TRANSLATED.items():
        op.add_column(table, sa.Column("translated_from", sa.String(64), nullable=False, server_default=""))
        # The owner passes row-level security only while it is not forced: lift it for the update.
        op.execute(f"ALTER TABLE {table} NO FORCE ROW LEVEL SECURITY")
        op.execute(f"UPDATE {table} SET translated_from = {_fingerprint(columns)} WHERE btrim({lead}) <> ''")
        op.execute(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")


def downgrade():
    for table in TRANSLATED:
        op.drop_column(table, "translated_from")
    op.drop_column("documents", "summary_en")
    for column in ("body_en", "summary_en", "title_en"):
        op.drop_column("newsroom_articles", column)
