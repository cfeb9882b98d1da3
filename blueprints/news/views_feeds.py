"""RSS and Atom feeds of the portal and of each section, and the feed links of every page."""

from __future__ import annotations

from datetime import UTC

from flask import Response, url_for
from flask_babel import gettext as _

from app.conditional import conditional
from app.crud import or_404
from app.i18n import current_locale
from blueprints.news import feeds, links
from blueprints.news.blueprint import bp
from blueprints.news.services import feed_articles
from blueprints.newsroom.models import Article, Section
from blueprints.newsroom.public import section_by_slug
from tenants.context import TenantInfo, current_tenant, require_tenant

CONTENT_TYPES = {"rss": feeds.RSS_TYPE, "atom": feeds.ATOM_TYPE}
FEED_MAX_AGE = 300


def entry_id(tenant: TenantInfo, article: Article) -> str:
    """The article's feed id: its portal's host, the day (UTC) it was created and its id, never
    its title or slug, so a retitled article stays one item in feed readers."""
    return feeds.tag_uri(
        tenant.primary_host, article.created_at.astimezone(UTC).date(), f"article/{article.id}"
    )


def _feed(section: Section | None) -> feeds.Feed:
    tenant = require_tenant()
    locale = current_locale()
    portal = tenant.name(locale)
    if section is None:
        title, page = portal, url_for("news.index", _external=True)
        description = _("Tin tức, sự kiện mới nhất của %(portal)s.", portal=portal)
        rss_url, atom_url = (url_for("news.feed", kind=k, _external=True) for k in ("rss", "atom"))
    else:
        title = f"{section.name(locale)} – {portal}"
        page = url_for("news.section", slug=section.slug, _external=True)
        description = _("Tin, bài mới nhất của chuyên mục %(section)s.", section=section.name(locale))
        rss_url, atom_url = (
            url_for("news.section_feed", slug=section.slug, kind=k, _external=True) for k in ("rss", "atom")
        )
    entries = [
        feeds.FeedEntry(
            id=entry_id(tenant, a),
            title=a.title,
            link=links.article_url(a, _external=True),
            summary=a.summary,
            published=a.published_at,
            updated=max(a.published_at, a.updated_at or a.published_at),
            authors=[u.name for u in a.authors],
            category=a.section.name(locale) if a.section else "",
        )
        for a in feed_articles(section)
    ]
    return feeds.Feed(title, description, page, rss_url, atom_url, portal, entries=entries)


def _respond(kind: str, feed: feeds.Feed) -> Response:
    body = feeds.rss(feed) if kind == "rss" else feeds.atom(feed)
    response = Response(body, content_type=f"{CONTENT_TYPES[kind]}; charset=utf-8")
    return conditional(response, max_age=FEED_MAX_AGE)


@bp.get("/<any(rss, atom):kind>.xml")
def feed(kind: str):
    return _respond(kind, _feed(None))


@bp.get("/chuyen-muc/<slug>/<any(rss, atom):kind>.xml")
def section_feed(slug: str, kind: str):
    section = or_404(section_by_slug(slug))
    return _respond(kind, _feed(section))


def feed_links(section: Section | None = None) -> list[dict]:
    """`<link rel="alternate">` targets for a page's head: the portal's feeds, or a section's."""
    if section is None:
        values = [
            ("news.feed", {}, _("Tin tức (RSS)"), "rss"),
            ("news.feed", {}, _("Tin tức (Atom)"), "atom"),
        ]
    else:
        name = section.name(current_locale())
        values = [
            ("news.section_feed", {"slug": section.slug}, f"{name} (RSS)", "rss"),
            ("news.section_feed", {"slug": section.slug}, f"{name} (Atom)", "atom"),
        ]
    return [
        {
            "href": url_for(endpoint, kind=kind, _external=True, **args),
            "title": title,
            "type": CONTENT_TYPES[kind],
        }
        for endpoint, args, title, kind in values
    ]


@bp.app_context_processor
def feed_context() -> dict:
    """Every page of a portal names the portal's feeds in its head (`feed_links` in the layout)."""
    return {"feed_links": feed_links() if current_tenant() else []}
