"""Builders for the public news tests: published articles (with a date) and stored covers."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from PIL import Image

from app.extensions import db
from blueprints.newsroom.images import clean_and_resize
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.newsroom.helpers import Board, load, make_article

S = ArticleState


def publish(board: Board, days_ago: float = 1, **fields) -> int:
    """The id of a published article, `days_ago` old."""
    article_id = make_article(board, S.PUBLISHED, **fields)
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        article.published_at = datetime.now(UTC) - timedelta(days=days_ago)
        db.session.flush()
    return article_id


def add_cover(board: Board, article_id: int, width: int = 1600) -> dict[str, str]:
    """Store a JPEG cover with its sizes, as the newsroom's job does; the keys by size."""
    image = Image.new("RGB", (width, width // 2), (20, 90, 160))
    data = io.BytesIO()
    image.save(data, format="JPEG")
    with tenant_scope(board.tenant):
        original, sizes = clean_and_resize(data.getvalue(), "cover.jpg")
        article = load(board, article_id)
        article.cover_key, article.cover_content_type = original.key, original.content_type
        article.cover_sizes = {size: stored.key for size, stored in sizes.items()}
        article.cover_alt, article.cover_caption = "Người dân dọn vệ sinh bờ biển", "Ảnh: Văn phòng UBND"
        db.session.flush()
        return {"original": original.key, **article.cover_sizes}


def translate(board: Board, article_id: int, title: str, summary: str = "", body: str = "") -> None:
    """Give an article its English version, as the translation page saves it."""
    from blueprints.newsroom.translation import EnglishInput, save_translation

    with tenant_scope(board.tenant):
        save_translation(load(board, article_id), EnglishInput(title, summary, body))
        db.session.flush()
