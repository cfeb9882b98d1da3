"""Builders for search tests: articles published through the newsroom's workflow (so its
signals fire, as in production), documents and pages saved through the ORM, and reading
result titles back from the page."""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime

from app.extensions import db
from blueprints.documents.models import Document
from blueprints.newsroom.models import Article, ArticleState
from blueprints.newsroom.workflow import publish
from tenants.context import TenantInfo, tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import Board, load, make_article

RESULT_TITLE = re.compile(r'<h3 lang="vi">(?:<a href="([^"]*)">)?(.*?)(?:</a>)?</h3>', re.S)


def publish_article(board: Board, published_at: datetime | None = None, **fields) -> int:
    """An article approved then published by the editor (the workflow sends its signals)."""
    article_id = make_article(board, ArticleState.APPROVED, **fields)
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        publish(article, board.editor)
        if published_at is not None:
            article.published_at = published_at
        db.session.flush()
    return article_id


def article(board: Board, article_id: int) -> Article:
    return load(board, article_id)


def make_document(
    tenant: TenantInfo, number: str, summary: str, published: bool = True, issued_on: date = date(2024, 3, 1)
) -> int:
    with tenant_scope(tenant):
        doc = Document(
            number=number,
            category="administrative",
            doc_type="decision",
            field="land",
            issuer="UBND phường",
            signer="Nguyễn Văn A",
            issued_on=issued_on,
            summary=summary,
            search_text=summary.lower(),
            is_published=published,
        )
        db.session.add(doc)
        db.session.flush()
        return doc.id


def search(client, tenant: TenantInfo, query: str, **args):
    return client.get("/tim-kiem", base_url=base_url(tenant), query_string={"q": query, **args})


def titles(page_html: str) -> list[str]:
    """The result titles of a search page, as text (highlight marks removed)."""
    return [html.unescape(re.sub(r"<[^>]+>", "", m.group(2))) for m in RESULT_TITLE.finditer(page_html)]


def links(page_html: str) -> list[str]:
    return [html.unescape(m.group(1) or "") for m in RESULT_TITLE.finditer(page_html)]


def days_ago(days: int) -> datetime:
    from datetime import timedelta

    return datetime.now(UTC) - timedelta(days=days)
