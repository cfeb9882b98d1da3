"""URLs of the news pages: article paths with their slug, absolute URLs on the portal's own host
in both languages, cover `srcset`s, share links and the site map's list.

These need a request context (a real request, or `portal_request_context` in a job): URLs are
built for the host being served, which is the tenant's primary host (aliases redirect to it).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from flask import current_app, request, url_for

from app.i18n import locale_urls
from blueprints.news.services import article_slug, cover_main_size, cover_widths, has_cover, slug_of
from blueprints.newsroom.models import Article
from blueprints.newsroom.public import published_index

ZALO_SHARE = "https://sp.zalo.me/share_inline"
FACEBOOK_SHARE = "https://www.facebook.com/sharer/sharer.php"


def article_url(article: Article, endpoint: str = "news.article", **values) -> str:
    return url_for(endpoint, article_id=article.id, slug=article_slug(article), **values)


def absolute(path: str) -> str:
    """`path` (as `url_for` built it, with the language prefix) on the current host."""
    return request.host_url.rstrip("/") + path


def both_languages(endpoint: str, **values) -> dict[str, str]:
    """Absolute URLs of one page in Vietnamese and English."""
    path = url_for(endpoint, **values).removeprefix(request.script_root)
    return {lang: absolute(url) for lang, url in locale_urls(path).items()}


def cover_url(article: Article, size: str, external: bool = False) -> str | None:
    if not has_cover(article):
        return None
    return url_for("newsroom.public_cover", article_id=article.id, size=size, _external=external)


def cover_srcset(article: Article) -> str:
    return ", ".join(f"{cover_url(article, str(width))} {width}w" for width in cover_widths(article))


def cover_src(article: Article, external: bool = False) -> str | None:
    return cover_url(article, cover_main_size(article), external)


def share_links(url: str, title: str) -> dict[str, str]:
    """Plain links to share an article: no third-party script ever loads on the portal."""
    zalo = current_app.config.get("NEWS_ZALO_SHARE_URL", ZALO_SHARE)
    return {
        "facebook": f"{FACEBOOK_SHARE}?{urlencode({'u': url})}",
        "zalo": f"{zalo}?{urlencode({'url': url})}",
        "email": f"mailto:?subject={quote(title)}&body={quote(url)}",
    }


def sitemap_articles():
    """`sitemap.xml`'s source for the news: every published article of the current portal, with
    when it last changed, and whether it has an English version (the site map then lists its
    English twin too)."""
    for article_id, slug, title, published_at, updated_at, english in published_index():
        changed = max((moment for moment in (published_at, updated_at) if moment), default=None)
        yield "news.article", {"article_id": article_id, "slug": slug_of(slug, title)}, changed, english
