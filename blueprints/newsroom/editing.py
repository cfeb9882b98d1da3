"""Writing and correcting articles: saves, revisions, conflicts between two people, restores.

Every save that changes the text makes a numbered `ArticleRevision`; a published article stays
published while it is corrected. The form carries the `version` it was loaded at: if the
article has been saved since, `EditConflict` is raised and nothing is written, so the view can
show the second person their own text beside the current one. SQLAlchemy's version counter
catches the race where both saves arrive at the same moment.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm.exc import StaleDataError

from app.extensions import db
from app.richtext import clean_html, plain_text, with_paragraphs
from app.search import fold
from app.uploads import StoredFile
from blueprints.auth.models import Membership, User
from blueprints.newsroom import signals
from blueprints.newsroom.inline_images import finalise_body, foreign_image_message
from blueprints.newsroom.models import (
    COVER_AND_SOURCE,
    Article,
    ArticleAuthor,
    ArticleRevision,
    ArticleState,
    ContributingUnit,
    Section,
    SourceType,
)
from blueprints.newsroom.permissions import can_edit, can_write
from blueprints.newsroom.tasks import process_cover
from blueprints.newsroom.workflow import NotAllowed, SubmissionIncomplete
from tenants.context import require_tenant
from workers.queue import enqueue_after_commit


class EditConflict(Exception):
    """The article was saved by someone else after this person opened it."""

    def __init__(self, article: Article):
        super().__init__("edit conflict")
        self.article = article


@dataclass
class ArticleInput:
    """What the editor form sends, as plain values."""

    title: str
    summary: str = ""
    body: str = ""
    kind: str = "news"
    section_id: int | None = None
    unit_id: int | None = None
    tags: list[str] = field(default_factory=list)
    is_highlight: bool = False
    cover: StoredFile | None = None
    cover_caption: str = ""
    cover_alt: str = ""
    source_type: str | None = None
    source_name: str = ""
    source_url: str = ""
    source_author: str = ""
    author_ids: list[int] = field(default_factory=list)


def slugify(text: str) -> str:
    """An unaccented, hyphenated slug: "Thắng Tam ra quân" → "thang-tam-ra-quan"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:200] or "bai-viet"


def parse_tags(text: str) -> list[str]:
    seen: list[str] = []
    for tag in (t.strip() for t in (text or "").split(",")):
        if tag and tag.lower() not in (s.lower() for s in seen):
            seen.append(tag[:60])
    return seen[:20]


def _check_references(data: ArticleInput, article_id: int | None = None) -> dict[str, object]:
    """Section, unit and authors must be this portal's (the ORM filter hides others')."""
    errors: dict[str, object] = {}
    if data.section_id is not None and db.session.get(Section, _key(data.section_id)) is None:
        errors["section_id"] = _l("Chuyên mục không tồn tại.")
    if data.unit_id is not None and db.session.get(ContributingUnit, _key(data.unit_id)) is None:
        errors["unit_id"] = _l("Đơn vị không tồn tại.")
    if data.author_ids:
        members = set(
            db.session.scalars(sa.select(Membership.user_id).where(Membership.user_id.in_(data.author_ids)))
        )
        if set(data.author_ids) - members:
            errors["author_ids"] = _l("Tác giả phải là thành viên của cổng thông tin này.")
    if data.source_type not in (None, *SourceType):
        errors["source_type"] = _l("Chọn nguồn tin.")
    if data.cover is not None and not data.cover_alt.strip():
        errors["cover_alt"] = _l("Ảnh đại diện cần có mô tả thay thế cho người khiếm thị.")
    foreign = finalise_body(article_id, clean_html(with_paragraphs(data.body)))[1]
    if foreign:
        errors["body"] = foreign_image_message(foreign)
    return errors


def _key(id_: int):

    return (require_tenant().id, id_)


def next_revision_number(article: Article) -> int:
    return (
        db.session.scalar(
            sa.select(sa.func.max(ArticleRevision.number)).where(ArticleRevision.article_id == article.id)
        )
        or 0
    ) + 1


def _apply(article: Article, data: ArticleInput) -> bool:
    """Copy the input onto the article; True if the text (title, summary, body) changed."""
    # the form promises: a blank line, a new paragraph; the article's own images get their sizes
    body = finalise_body(article.id, clean_html(with_paragraphs(data.body)))[0]
    new_text = {"title": data.title.strip(), "summary": data.summary.strip(), "body": body}
    changed = any(getattr(article, name) != value for name, value in new_text.items())
    for name, value in new_text.items():
        setattr(article, name, value)
    article.slug = slugify(article.title)
    for name in ("kind", "section_id", "unit_id", "is_highlight", "source_type"):
        setattr(article, name, getattr(data, name))
    article.tags = list(data.tags)
    article.cover_caption = data.cover_caption.strip()
    article.cover_alt = data.cover_alt.strip()
    for name in ("source_name", "source_url", "source_author"):
        setattr(article, name, getattr(data, name).strip())
    if data.cover is not None:
        article.cover_key = data.cover.key
        article.cover_content_type = data.cover.content_type
        article.cover_sizes = {}
    article.updated_at = datetime.now(UTC)
    return changed


def _set_authors(article: Article, author_ids: list[int]) -> None:
    wanted = list(dict.fromkeys(author_ids))
    current = {link.user_id: link for link in article.author_links}
    for user_id, link in current.items():
        if user_id not in wanted:
            article.author_links.remove(link)
    for position, user_id in enumerate(wanted):
        link = current.get(user_id) or ArticleAuthor(user_id=user_id)
        link.position = position
        if user_id not in current:
            article.author_links.append(link)


def _add_revision(article: Article, actor: User, note: str = "") -> ArticleRevision:
    revision = ArticleRevision(
        article_id=article.id,
        number=next_revision_number(article),
        title=article.title,
        summary=article.summary,
        body=article.body,
        saved_by_id=actor.id,
        note=note[:300],
        saved_at=datetime.now(UTC),
    )
    db.session.add(revision)
    return revision


def create_article(actor: User, data: ArticleInput) -> Article:
    if not can_write(actor):
        raise NotAllowed(_l("Bạn không có quyền viết bài trên cổng thông tin này."))
    errors = _check_references(data)
    if errors:
        raise SubmissionIncomplete(errors)
    article = Article(created_by_id=actor.id, state=ArticleState.DRAFT, cover_sizes={})
    _apply(article, data)
    db.session.add(article)
    db.session.flush()
    _set_authors(article, data.author_ids or [actor.id])
    _add_revision(article, actor)
    db.session.flush()
    _after_cover_change(article, data)
    return article


def save_article(
    article: Article, actor: User, data: ArticleInput, loaded_version: int, note: str = ""
) -> Article:
    """Save an edit made on the copy loaded at `loaded_version`; EditConflict if it is stale."""
    if not can_edit(article, actor):
        raise NotAllowed(_l("Bạn không có quyền sửa bài này."))
    if loaded_version != article.version:
        raise EditConflict(article)
    errors = _check_references(data, article.id)
    if errors:
        raise SubmissionIncomplete(errors)
    changed = _apply(article, data)
    _set_authors(article, data.author_ids or list(article.author_ids) or [actor.id])
    if changed:
        _add_revision(article, actor, note)
    try:
        db.session.flush()
    except StaleDataError as exc:
        db.session.rollback()
        raise EditConflict(db.session.get(Article, _key(article.id))) from exc
    _after_cover_change(article, data)
    if changed:
        signals.article_changed.send(article, transition=None)
    return article


def _after_cover_change(article: Article, data: ArticleInput) -> None:
    if data.cover is None:
        return
    enqueue_after_commit(process_cover, article.tenant_id, article.id)


def input_from_article(article: Article) -> ArticleInput:
    return ArticleInput(
        **{
            name: getattr(article, name)
            for name in (
                "title",
                "summary",
                "body",
                "kind",
                "section_id",
                "unit_id",
                "is_highlight",
                *COVER_AND_SOURCE,
            )
        },
        tags=list(article.tags or []),
        author_ids=[link.user_id for link in article.author_links],
    )


def revisions(article: Article) -> list[ArticleRevision]:
    return list(
        db.session.scalars(
            sa.select(ArticleRevision)
            .where(ArticleRevision.article_id == article.id)
            .order_by(ArticleRevision.number.desc())
        )
    )


def revision(article: Article, number: int) -> ArticleRevision | None:
    return db.session.scalar(
        sa.select(ArticleRevision).where(
            ArticleRevision.article_id == article.id, ArticleRevision.number == number
        )
    )


def restore_revision(article: Article, old: ArticleRevision, actor: User, loaded_version: int) -> Article:
    """Bring back an earlier text as a new revision (history is never rewritten)."""
    data = input_from_article(article)
    data.title, data.summary, data.body = old.title, old.summary, old.body
    return save_article(
        article,
        actor,
        data,
        loaded_version,
        note=str(_l("Khôi phục từ phiên bản %(number)d", number=old.number)),
    )


_BLOCK_END = re.compile(r"(</(?:p|h2|h3|h4|li|blockquote|figure|tr|table|ul|ol)>|<br\s*/?>)", re.I)


def _lines(rev: ArticleRevision) -> list[str]:
    blocks = _BLOCK_END.sub(r"\1\n", rev.body).splitlines()
    body = [text for text in (plain_text(block) for block in blocks) if text]
    return [rev.title, rev.summary, *body]


@dataclass(frozen=True)
class DiffLine:
    op: str  # "same", "added", "removed"
    text: str


def compare(old: ArticleRevision, new: ArticleRevision) -> list[DiffLine]:
    """Paragraph-level differences between two revisions (title and summary first)."""
    ops = {" ": "same", "+": "added", "-": "removed"}
    return [
        DiffLine(ops[line[0]], line[2:]) for line in difflib.ndiff(_lines(old), _lines(new)) if line[0] in ops
    ]
