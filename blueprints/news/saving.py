"""The "save" download of an article: one self-contained HTML file (styles inline, the cover
embedded as a data URI), so it opens offline exactly as printed."""

from __future__ import annotations

import base64

from flask import Response

from app.uploads import stored_path
from blueprints.news.services import cover_main_size
from blueprints.newsroom.models import Article
from blueprints.newsroom.public import cover_key


def cover_data_uri(article: Article) -> str | None:
    """The cover (the 800-wide copy when made) as a `data:` URI, or None without a cover."""
    key = cover_key(article, cover_main_size(article))
    if not key:
        return None
    data = stored_path(key).read_bytes()
    return (
        f"data:{article.cover_content_type or 'image/jpeg'};base64,{base64.b64encode(data).decode('ascii')}"
    )


def saved_article(html: str, slug: str) -> Response:
    response = Response(html, mimetype="text/html")
    response.headers["Content-Disposition"] = f'attachment; filename="{slug}.html"'
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response
