"""What the index holds for each kind of content: one `Entry` per published item, or None.

These functions read the content packages' models and nothing else; the content packages know
nothing of search (they announce, or the session listener in `indexing` watches them).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

import sqlalchemy as sa
from flask_babel import force_locale

from app.extensions import db
from app.richtext import plain_text
from blueprints.about.models import Contact, IntroSection, Leader, OrgChartUnit, SectionKind
from blueprints.documents.models import Document
from blueprints.newsroom.editing import slugify
from blueprints.newsroom.models import Article, ArticleState
from blueprints.search.models import Kind
from blueprints.search.text import folded
from tenants.context import require_tenant

MAX_BODY = 100_000


@dataclass(frozen=True)
class Entry:
    kind: Kind
    item_id: int
    title: str
    endpoint: str
    summary: str = ""
    body: str = ""
    extra_key: str = ""
    section_id: int | None = None
    published_at: datetime | None = None
    url_args: dict = field(default_factory=dict)

    def row(self, tenant_id: int) -> dict:
        """The values of its `search_documents` row, folded columns included."""
        body = self.body[:MAX_BODY]
        return dict(
            tenant_id=tenant_id,
            kind=str(self.kind),
            item_id=self.item_id,
            title=self.title,
            summary=self.summary,
            body=body,
            extra_key=self.extra_key[:100],
            section_id=self.section_id,
            published_at=self.published_at,
            endpoint=self.endpoint,
            url_args=self.url_args,
            folded_title=folded(self.title),
            folded_key=folded(self.extra_key)[:100],
            folded_summary=folded(self.summary),
            folded_body=folded(body),
        )


def text_of(rich: str | None) -> str:
    """Plain text of stored HTML, entities decoded (the index escapes on output, once)."""
    return html.unescape(plain_text(rich))


def article_entry(article: Article) -> Entry | None:
    if article.state != ArticleState.PUBLISHED:
        return None
    return Entry(
        Kind.ARTICLE,
        article.id,
        article.title,
        "news.article",
        summary=text_of(article.summary),
        body=text_of(article.body),
        section_id=article.section_id,
        published_at=article.published_at or datetime.now(UTC),  # stamped just after publishing
        url_args={"article_id": article.id, "slug": article.slug or slugify(article.title)},
    )


def _start_of(day: date) -> datetime:
    return datetime.combine(day, time(0), tzinfo=require_tenant().zone)


def document_entry(document: Document) -> Entry | None:
    if not document.is_published:
        return None
    return Entry(
        Kind.DOCUMENT,
        document.id,
        document.summary,
        "documents.detail",
        extra_key=document.number,
        summary=" · ".join(p for p in (document.issuer, document.signer) if p),
        published_at=_start_of(document.issued_on) if document.issued_on else None,
        url_args={"document_id": document.id},
    )


def section_entry(section: IntroSection) -> Entry | None:
    body = text_of(section.body_vi)
    if not body and not section.image_alt_vi:
        return None
    with force_locale("vi"):
        title = str(SectionKind(section.kind).label)
    return Entry(
        Kind.PAGE,
        section.id,
        title,
        "about.introduction",
        body=body,
        summary=section.image_alt_vi,
        url_args={"_anchor": f"intro-{section.kind}"},
    )


def leader_entry(leader: Leader) -> Entry | None:
    if not leader.is_published:
        return None
    return Entry(
        Kind.LEADER,
        leader.id,
        leader.name,
        "about.leaders",
        summary=leader.title_vi,
        body=" ".join(p for p in (text_of(leader.biography_vi), text_of(leader.duties_vi)) if p),
        url_args={"_anchor": f"leader-{leader.id}"},
    )


def contact_entry(contact: Contact) -> Entry | None:
    if not contact.is_published:
        return None
    unit = _unit_name(contact.tenant_id, contact.unit_id) if contact.unit_id else ""
    return Entry(
        Kind.CONTACT,
        contact.id,
        contact.name,
        "about.contacts",
        summary=" · ".join(p for p in (contact.position_vi, unit) if p),
        body=" ".join(p for p in (contact.phone, contact.email) if p),
        url_args={"q": contact.name},
    )


def _unit_name(tenant_id: int, unit_id: int) -> str:
    """Read with Core on the session's connection: this runs inside a flush."""
    table = OrgChartUnit.__table__
    return (
        db.session.connection().scalar(
            sa.select(table.c.name_vi).where(table.c.tenant_id == tenant_id, table.c.id == unit_id)
        )
        or ""
    )


# Each indexed model, its kind and how it becomes an entry.
BUILDERS = {
    Article: (Kind.ARTICLE, article_entry),
    Document: (Kind.DOCUMENT, document_entry),
    IntroSection: (Kind.PAGE, section_entry),
    Leader: (Kind.LEADER, leader_entry),
    Contact: (Kind.CONTACT, contact_entry),
}
