"""Published articles: title, summary, body, section, authors' names, source line and dates.

Articles have no English fields in the newsroom, so one set of text fields. Authors appear by
name only (their accounts' e-mail addresses are not public).
"""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import selectinload

from app.extensions import db
from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, page_url
from blueprints.newsroom.models import Article, ArticleKind, ArticleState, SourceType
from blueprints.newsroom.public import published_article, section_and_descendants

SOURCE = Schema(
    "ArticleSource",
    (
        schema.enum(
            "type",
            SourceType,
            lambda a: a.source_type or None,
            nullable=True,
            description=_l("original: bài tự viết; quoted: trích dẫn từ nguồn khác."),
        ),
        schema.string("name", lambda a: a.source_name or ""),
        schema.string("author", lambda a: a.source_author or ""),
        schema.string(
            "url",
            lambda a: a.source_url if a.source_url.startswith(("https://", "http://")) else None,
            nullable=True,
        ),
    ),
    _l("Nguồn của tin, bài (Nghị định 42/2022)."),
)

ARTICLE = Schema(
    "Article",
    (
        schema.integer("id"),
        schema.string("title"),
        schema.string("slug"),
        schema.string("summary"),
        schema.string("body_html", lambda a: a.body, _l("Nội dung HTML đã được làm sạch.")),
        schema.enum("kind", ArticleKind),
        schema.integer("section_id", nullable=True),
        schema.strings(
            "authors", lambda a: [u.name for u in a.authors if u.name], _l("Họ tên tác giả theo thứ tự.")
        ),
        schema.one("source", SOURCE, lambda a: a),
        schema.strings("tags", lambda a: list(a.tags or [])),
        schema.boolean("is_highlight"),
        schema.moment("published_at"),
        schema.moment("updated_at"),
        schema.link(
            "cover_url",
            lambda a: page_url("newsroom.public_cover", article_id=a.id, size="800") if a.cover_key else None,
            nullable=True,
        ),
        schema.link("url", lambda a: _article_url(a), _l("Trang HTML của bài viết."), nullable=True),
    ),
    _l("Một tin, bài đã đăng."),
)


def _article_url(article: Article) -> str | None:
    if article.slug:
        return page_url("news.article", article_id=article.id, slug=article.slug)
    return page_url("news.article", article_id=article.id)


FILTERS = (
    params.integer("section", _l("Mã chuyên mục: bài của chuyên mục đó và các chuyên mục con.")),
    params.choice("kind", ArticleKind, _l("Thể loại.")),
    params.flag("highlight", _l("Chỉ tin nổi bật (true) hoặc không nổi bật (false).")),
    params.day("published_from", _l("Đăng từ ngày này (giờ địa phương của cổng).")),
    params.day("published_to", _l("Đăng đến hết ngày này (giờ địa phương của cổng).")),
)


def list_articles(filters: dict, page: int, per_page: int):
    query = (
        sa.select(Article)
        .where(Article.state == ArticleState.PUBLISHED)
        .options(selectinload(Article.author_links))
    )
    if filters["section"] is not None:
        query = query.where(Article.section_id.in_(section_and_descendants(filters["section"])))
    if filters["kind"]:
        query = query.where(Article.kind == filters["kind"])
    if filters["highlight"] is not None:
        query = query.where(Article.is_highlight.is_(filters["highlight"]))
    if filters["published_from"]:
        query = query.where(Article.published_at >= schema.local_midnight(filters["published_from"]))
    if filters["published_to"]:
        query = query.where(
            Article.published_at < schema.local_midnight(filters["published_to"] + timedelta(days=1))
        )
    query = query.order_by(Article.published_at.desc(), Article.id.desc())
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


register(
    Resource(
        path="articles",
        schema=ARTICLE,
        title=_l("Tin, bài"),
        description=_l("Tin, bài đã đăng của cổng, mới nhất trước."),
        filters=FILTERS,
        list_rows=list_articles,
        get_row=published_article,
        not_found=_l("Không có tin, bài đã đăng nào với mã số này."),
        check=params.check_published_range,
    )
)
