"""The newsroom of one portal: its units, board members, sections, articles and their history.

Every table is tenant-owned; foreign keys between them include `tenant_id`, so a ward's article
can never point at another ward's section, unit or revision. Users are global (one person, many
portals); an article's authors are users linked through `ArticleAuthor`.

What other packages may rely on (the quota board, royalties, public news pages):
`Article.kind` (`ArticleKind`), `Article.state` (`ArticleState`), `Article.unit_id`,
`Article.authors`, `Article.submitted_at`, `approved_at`, `approved_by_id`, `published_at`,
`Article.royalty_factor` (Numeric(5,2), set when approving), `ContributingUnit.monthly_minimum` /
`monthly_cap`, and `NewsroomSettings.for_current_tenant()`.
"""

from __future__ import annotations

import re
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.bilingual import Translatable, bilingual
from app.db import OnePerTenant, TenantScoped, tenant_children, tenant_foreign_key, tenant_parent
from app.enums import LabelledEnum, check_in
from app.extensions import db
from blueprints.auth.models import User

_IMAGE_PATH = re.compile(r"/anh-trong-bai/(\d+)/(\d+)/")


def remap_image_paths(body: str, ids) -> str:
    """A body whose inline images (`/anh-trong-bai/<article>/<image>/…`) name the ids a moved
    portal gave its articles and images (`tenants.transfer`: `ids.get(table, old id)`)."""

    def swap(match: re.Match) -> str:
        article = ids.get("newsroom_articles", int(match.group(1)))
        image = ids.get("newsroom_article_images", int(match.group(2)))
        return match.group(0) if article is None or image is None else f"/anh-trong-bai/{article}/{image}/"

    return _IMAGE_PATH.sub(swap, body)


class UnitKind(LabelledEnum):
    DEPARTMENT = "department", _l("Phòng, ban chuyên môn")
    WARD = "ward", _l("Phường, xã")


class ArticleState(LabelledEnum):
    DRAFT = "draft", _l("Bản nháp")
    SUBMITTED = "submitted", _l("Chờ duyệt")
    RETURNED = "returned", _l("Bị trả lại")
    APPROVED = "approved", _l("Đã duyệt")
    SCHEDULED = "scheduled", _l("Hẹn giờ đăng")
    PUBLISHED = "published", _l("Đã đăng")
    UNPUBLISHED = "unpublished", _l("Đã gỡ")
    ARCHIVED = "archived", _l("Lưu trữ")


class ArticleKind(LabelledEnum):
    """Genres as Decree 18/2014 names them for royalties (factor ranges are set per tenant)."""

    NEWS = "news", _l("Tin")
    ARTICLE = "article", _l("Bài viết")
    PHOTO = "photo", _l("Phóng sự ảnh")
    COMMENTARY = "commentary", _l("Bình luận, chuyên luận")
    REPORTAGE = "reportage", _l("Phóng sự, phỏng vấn")
    RESEARCH = "research", _l("Nghiên cứu")
    MULTIMEDIA = "multimedia", _l("Đa phương tiện")
    TRANSLATED = "translated", _l("Tin, bài dịch")


class SourceType(LabelledEnum):
    ORIGINAL = "original", _l("Bài tự viết (nguồn gốc)")
    QUOTED = "quoted", _l("Trích dẫn, sử dụng lại từ nguồn khác")


class NewsroomSettings(OnePerTenant, TenantScoped, db.Model):
    """Per-portal settings of the newsroom (one row per tenant, made on first use)."""

    __tablename__ = "newsroom_settings"
    FIRST_VALUES = {"late_after_days": 2, "default_monthly_minimum": 3, "default_monthly_cap": 5}

    late_after_days: Mapped[int] = mapped_column(default=2)
    default_monthly_minimum: Mapped[int] = mapped_column(default=3)
    default_monthly_cap: Mapped[int] = mapped_column(default=5)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id"),
        sa.CheckConstraint("late_after_days > 0", name="late_positive"),
    )


class ContributingUnit(TenantScoped, db.Model):
    """A unit ("đơn vị") that supplies articles: a department, or a ward on the city portal."""

    __tablename__ = "newsroom_units"

    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    kind: Mapped[str] = mapped_column(sa.String(16), default=UnitKind.DEPARTMENT)
    monthly_minimum: Mapped[int] = mapped_column(default=3)
    monthly_cap: Mapped[int] = mapped_column(default=5)
    position: Mapped[int] = mapped_column(default=0)
    is_active: Mapped[bool] = mapped_column(default=True)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "name_vi"),
        sa.CheckConstraint(check_in("kind", UnitKind), name="kind"),
        sa.CheckConstraint("monthly_minimum >= 0 AND monthly_cap >= monthly_minimum", name="quota"),
    )

    name = bilingual("name")

    @property
    def kind_label(self):
        return UnitKind(self.kind).label


class BoardMember(TenantScoped, db.Model):
    """A person of the editorial board or a collaborator: position, unit, public listing.

    Roles (what they may do) stay in `Membership`; this row says who they are to the public
    (the board page lists `on_board` members in `position` order) and which unit they write for.
    """

    __tablename__ = "newsroom_board_members"

    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"), index=True)
    unit_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    full_name: Mapped[str] = mapped_column(sa.String(200))
    title_vi: Mapped[str] = mapped_column(sa.String(300))
    title_en: Mapped[str] = mapped_column(sa.String(300), default="")
    on_board: Mapped[bool] = mapped_column(default=True)
    position: Mapped[int] = mapped_column(default=0)

    user: Mapped[User | None] = relationship()
    unit: Mapped[ContributingUnit | None] = tenant_parent(
        "BoardMember", "unit_id", "ContributingUnit", viewonly=True
    )

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "user_id"),
        tenant_foreign_key("unit_id", "newsroom_units"),
    )

    title = bilingual("title")


class Section(Translatable, TenantScoped, db.Model):
    """A section ("chuyên mục"); sections form a tree per portal."""

    TRANSLATED = ("name",)

    __tablename__ = "newsroom_sections"

    parent_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")
    slug: Mapped[str] = mapped_column(sa.String(200))
    position: Mapped[int] = mapped_column(default=0)

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "slug"),
        tenant_foreign_key("parent_id", "newsroom_sections", ondelete="RESTRICT"),
        sa.CheckConstraint("parent_id IS NULL OR parent_id <> id", name="not_own_parent"),
    )

    name = bilingual("name")


# The cover's caption and alt text and the source attribution: copied as they are by the editor's
# form and by the data generator's bulk load.
COVER_AND_SOURCE = ("cover_caption", "cover_alt", "source_type", "source_name", "source_url", "source_author")


class Article(Translatable, TenantScoped, db.Model):
    """A news item or article, from first draft to archive.

    `version` is SQLAlchemy's version counter: an UPDATE from a stale copy matches no row and
    raises `StaleDataError`; the editor form also carries the version it was loaded at, so the
    second of two people saving is told and shown their text (services.save_article).

    The English version (`title_en`, `summary_en`, `body_en`) is written on its own page by a
    translator; `translated_from` tells whether it still matches the Vietnamese (app.bilingual).
    """

    TRANSLATED = ("title", "summary", "body")

    __tablename__ = "newsroom_articles"

    title: Mapped[str] = mapped_column(sa.String(300))
    slug: Mapped[str] = mapped_column(sa.String(300), default="")
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    body: Mapped[str] = mapped_column(sa.Text, default="", info={"remap": remap_image_paths})
    title_en: Mapped[str] = mapped_column(sa.String(300), default="", server_default="")
    summary_en: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    body_en: Mapped[str] = mapped_column(sa.Text, default="", server_default="")  # cleaned HTML
    kind: Mapped[str] = mapped_column(sa.String(16), default=ArticleKind.NEWS)
    state: Mapped[str] = mapped_column(sa.String(16), default=ArticleState.DRAFT)
    section_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    unit_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    tags: Mapped[list[str]] = mapped_column(sa.JSON, default=list)
    is_highlight: Mapped[bool] = mapped_column(default=False)

    cover_key: Mapped[str | None] = mapped_column(sa.String(200))
    cover_content_type: Mapped[str | None] = mapped_column(sa.String(100))
    cover_sizes: Mapped[dict] = mapped_column(sa.JSON, default=dict)  # {"800": key, …}, by the job
    cover_caption: Mapped[str] = mapped_column(sa.String(500), default="")
    cover_alt: Mapped[str] = mapped_column(sa.String(300), default="")

    source_type: Mapped[str | None] = mapped_column(sa.String(16))
    source_name: Mapped[str] = mapped_column(sa.String(300), default="")
    source_url: Mapped[str] = mapped_column(sa.String(1000), default="")
    source_author: Mapped[str] = mapped_column(sa.String(200), default="")

    created_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    updated_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    submitted_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    approved_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    approved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    royalty_factor: Mapped[Decimal | None] = mapped_column(sa.Numeric(5, 2))
    publish_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))  # scheduled time
    published_at: Mapped[datetime | None] = mapped_column(sa.DateTime(timezone=True))
    version: Mapped[int] = mapped_column(default=1)

    section: Mapped[Section | None] = tenant_parent("Article", "section_id", "Section", viewonly=True)
    unit: Mapped[ContributingUnit | None] = tenant_parent(
        "Article", "unit_id", "ContributingUnit", viewonly=True
    )
    author_links: Mapped[list[ArticleAuthor]] = tenant_children(
        "Article",
        "ArticleAuthor",
        "article_id",
        order_by="ArticleAuthor.position",
        cascade="all, delete-orphan",
        overlaps="article",
    )
    approved_by: Mapped[User | None] = relationship(foreign_keys=[approved_by_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        tenant_foreign_key("section_id", "newsroom_sections"),
        tenant_foreign_key("unit_id", "newsroom_units"),
        sa.CheckConstraint(check_in("kind", ArticleKind), name="kind"),
        sa.CheckConstraint(check_in("state", ArticleState), name="state"),
        sa.CheckConstraint(
            f"source_type IS NULL OR {check_in('source_type', SourceType)}", name="source_type"
        ),
        sa.Index("ix_newsroom_articles_tenant_state_published", "tenant_id", "state", "published_at"),
    )

    @property
    def kind_label(self):
        return ArticleKind(self.kind).label

    @property
    def authors(self) -> list[User]:
        return [link.user for link in self.author_links]

    @property
    def author_ids(self) -> set[int]:
        return {link.user_id for link in self.author_links}


class ArticleAuthor(TenantScoped, db.Model):
    """One author of an article (a user); `position` keeps the byline order."""

    __tablename__ = "newsroom_article_authors"

    article_id: Mapped[int] = mapped_column(sa.BigInteger)
    user_id: Mapped[int] = mapped_column(sa.ForeignKey("users.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(default=0)

    user: Mapped[User] = relationship(lazy="joined")

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "article_id", "user_id"),
        tenant_foreign_key("article_id", "newsroom_articles", ondelete="CASCADE"),
    )


class ArticleRevision(TenantScoped, db.Model):
    """The text of an article as one save left it; compared and restored from the back office."""

    __tablename__ = "newsroom_article_revisions"

    article_id: Mapped[int] = mapped_column(sa.BigInteger)
    number: Mapped[int] = mapped_column()
    title: Mapped[str] = mapped_column(sa.String(300))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    body: Mapped[str] = mapped_column(sa.Text, default="", info={"remap": remap_image_paths})
    saved_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    saved_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    note: Mapped[str] = mapped_column(sa.String(300), default="")

    saved_by: Mapped[User | None] = relationship()

    __table_args__ = (
        sa.UniqueConstraint("tenant_id", "article_id", "number"),
        tenant_foreign_key("article_id", "newsroom_articles", ondelete="CASCADE"),
    )


class ArticleTransition(TenantScoped, db.Model):
    """One step of an article's workflow: who, when, from, to, and why. The timeline."""

    __tablename__ = "newsroom_article_transitions"

    article_id: Mapped[int] = mapped_column(sa.BigInteger)
    from_state: Mapped[str | None] = mapped_column(sa.String(16))
    to_state: Mapped[str] = mapped_column(sa.String(16))
    actor_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())
    comment: Mapped[str] = mapped_column(sa.Text, default="")

    actor: Mapped[User | None] = relationship()

    __table_args__ = (
        tenant_foreign_key("article_id", "newsroom_articles", ondelete="CASCADE"),
        sa.Index("ix_newsroom_article_transitions_article", "tenant_id", "article_id"),
    )


class ArticleImage(TenantScoped, db.Model):
    """An image inside an article's text, uploaded from the editor.

    Only the cleaned copies are stored (EXIF removed, as covers are, before anything is served):
    `key` is the full-size one and `sizes` the narrower ones by width ({"800": key, …}), which the
    saved body lists in the image's `srcset`."""

    __tablename__ = "newsroom_article_images"

    article_id: Mapped[int] = mapped_column(sa.BigInteger)
    key: Mapped[str] = mapped_column(sa.String(200))
    content_type: Mapped[str] = mapped_column(sa.String(60))
    width: Mapped[int] = mapped_column()
    height: Mapped[int] = mapped_column()
    sizes: Mapped[dict] = mapped_column(sa.JSON, default=dict)
    uploaded_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    uploaded_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True))

    __table_args__ = (
        tenant_foreign_key("article_id", "newsroom_articles", ondelete="CASCADE"),
        sa.Index("ix_newsroom_article_images_article", "tenant_id", "article_id"),
    )
