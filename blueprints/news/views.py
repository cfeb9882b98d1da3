"""The news pages: the index, a page per section, and the article (with print and save views)."""

from __future__ import annotations

from flask import abort, redirect, request
from flask_babel import lazy_gettext as _l

from app.block_cache import deferred, deferred_parts
from app.crud import or_404
from app.navigation import add_public_page
from app.templating import render
from blueprints.news import links
from blueprints.news.blueprint import bp
from blueprints.news.saving import cover_data_uri, saved_article
from blueprints.news.services import (
    article_slug,
    news_index,
    related_articles,
    section_page,
    section_parents,
    source_line,
)
from blueprints.news.views_feeds import feed_links
from blueprints.newsroom.models import Article
from blueprints.newsroom.public import SectionNode, published_article, sections_tree
from blueprints.seo.registry import add_sitemap_source

add_sitemap_source("news.articles", links.sitemap_articles)
add_public_page(
    "news.index", _l("Tin tức"), _l("Tin tức, sự kiện theo chuyên mục; nguồn tin RSS và Atom."), order=20
)


@bp.app_template_global()
def news_url(article: Article, endpoint: str = "news.article", **values) -> str:
    return links.article_url(article, endpoint, **values)


@bp.app_template_global()
def news_cover(article: Article, external: bool = False, size: str | None = None) -> str | None:
    """The cover's URL (`size` "1200", "800", "400" or the main one), or None without a cover."""
    return links.cover_url(article, size, external) if size else links.cover_src(article, external)


@bp.app_template_global()
def news_srcset(article: Article) -> str:
    return links.cover_srcset(article)


def _page_number() -> int:
    page = request.args.get("page", 1, type=int)
    if page < 1:
        abort(404)
    return page


def _check_page(pagination) -> None:
    if pagination.page > 1 and not pagination.items:
        abort(404)


@bp.get("/tin-tuc")
def index():
    number = _page_number()  # the listing is read only for blocks not kept
    return render("news/index.html", **deferred_parts(("tree", "page"), lambda: _checked(news_index(number))))


def _checked(listing):
    """The listing, or a 404 when its page number is past the last page."""
    _check_page(listing[1])
    return listing


@bp.get("/chuyen-muc/<slug>")
def section(slug: str):
    found = or_404(section_page(slug, _page_number()))
    _check_page(found.page)
    return render(
        "news/section.html", found=found, section=found.section, section_feeds=feed_links(found.section)
    )


def _article_or_redirect(article_id: int, slug: str | None, endpoint: str) -> Article:
    """The published article, or a 404 (drafts and other portals' ids look the same); a missing,
    wrong or old slug answers a permanent redirect to the right URL, query kept."""
    article = or_404(published_article(article_id))
    if slug != article_slug(article):
        abort(redirect(links.article_url(article, endpoint, **request.args.to_dict()), 301))
    return article


def _article_context(article: Article, tree: list[SectionNode] | None = None) -> dict:
    """What the article's pages show; the breadcrumbs are read only when a page renders them (a
    kept block of the article's page does not)."""
    urls = links.both_languages("news.article", article_id=article.id, slug=article_slug(article))
    return dict(
        article=article,
        parents=deferred(
            lambda: section_parents(article.section, tree) + ([article.section] if article.section else [])
        ),
        source=source_line(article),
        urls=urls,
        links=links,
    )


# What the article's page shows, read only by the blocks of it that are not kept.
ARTICLE_PAGE = (
    "article",
    "parents",
    "source",
    "urls",
    "links",
    "related",
    "canonical",
    "share",
    "english_version",
)


@bp.get("/tin-tuc/<int:article_id>", defaults={"slug": None})
@bp.get("/tin-tuc/<int:article_id>-<slug>")
def article(article_id: int, slug: str | None):
    if request.args.get("print") == "1":
        return _printable(_article_or_redirect(article_id, slug, "news.article"))
    # Every value is deferred: a page whose blocks are all kept (app/block_cache.py) reads
    # nothing. Otherwise the first block that reads the article answers a wrong address's 404 or
    # redirect; a kept block's address was right under the same content version.
    page = deferred_parts(ARTICLE_PAGE, lambda: _article_page(article_id, slug))
    return render("news/article.html", **page)


def _article_page(article_id: int, slug: str | None) -> dict:
    found = _article_or_redirect(article_id, slug, "news.article")
    # An English page without an English version points search engines at the Vietnamese one.
    canonical_lang = "en" if request.script_root.endswith("/en") and found.has_english else "vi"
    tree = deferred(sections_tree)  # read once for the breadcrumbs and the related articles
    context = _article_context(found, tree)
    return dict(
        related=deferred(lambda: related_articles(found, tree)),
        canonical=context["urls"][canonical_lang],
        share=links.share_links(context["urls"][canonical_lang], found.local("title", canonical_lang)),
        english_version=found.has_english,
        **context,
    )


@bp.get("/tin-tuc/<int:article_id>-<slug>/ban-in")
def article_print(article_id: int, slug: str):
    return _printable(_article_or_redirect(article_id, slug, "news.article_print"))


def _printable(article: Article) -> str:
    return render(
        "news/printable.html", saving=False, cover=links.cover_src(article), **_article_context(article)
    )


@bp.get("/tin-tuc/<int:article_id>-<slug>/luu")
def article_save(article_id: int, slug: str):
    found = _article_or_redirect(article_id, slug, "news.article_save")
    html = render("news/printable.html", saving=True, cover=cover_data_uri(found), **_article_context(found))
    return saved_article(html, article_slug(found))
