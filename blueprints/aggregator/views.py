"""Public pages of a parent portal: the wards' channel, its RSS and Atom, and the home block's data.

Every page here is the parent's own rows; a portal without children answers 404 (its menu has
no such entry).
"""

from __future__ import annotations

from datetime import UTC

from flask import Response, abort, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.conditional import conditional
from app.i18n import current_locale
from app.navigation import add_public_page
from app.templating import render
from blueprints.aggregator.blueprint import bp
from blueprints.aggregator.children import children_of, current_is_parent
from blueprints.aggregator.links import item_image, item_url
from blueprints.aggregator.services import (
    ChannelFilter,
    channel_months,
    channel_page,
    feed_items,
    home_items,
    parse_month,
)
from blueprints.news import feeds
from tenants.context import require_tenant

CHANNEL = "/chuyen-muc-cac-xa-phuong"
CONTENT_TYPES = {"rss": feeds.RSS_TYPE, "atom": feeds.ATOM_TYPE}

add_public_page(
    "aggregator.channel",
    _l("Chuyên mục các xã, phường"),
    _l("Tin nổi bật của các phường, xã, dẫn về trang gốc của từng cổng."),
    order=15,
    visible=current_is_parent,
)


@bp.app_context_processor
def aggregator_context() -> dict:
    return {"city_board_items": home_items, "city_item_url": item_url, "city_item_image": item_image}


def _require_parent() -> None:
    if not current_is_parent():
        abort(404)


@bp.get(CHANNEL)
def channel():
    _require_parent()
    children = children_of(require_tenant().id)
    ward = request.args.get("ward", type=int)
    if ward is not None and ward not in {c.id for c in children}:
        ward = None
    choice = ChannelFilter(ward=ward, month=parse_month(request.args.get("month")))
    page = channel_page(choice, page=max(request.args.get("page", 1, type=int), 1))
    return render(
        "aggregator/channel.html",
        page=page,
        choice=choice,
        children=children,
        months=channel_months(),
        feed_links=_feed_links(),
    )


def _feed_links() -> list[dict]:
    return [
        {
            "href": url_for("aggregator.channel_feed", kind=kind, _external=True),
            "title": f"{_('Chuyên mục các xã, phường')} ({kind.upper() if kind == 'rss' else 'Atom'})",
            "type": CONTENT_TYPES[kind],
        }
        for kind in ("rss", "atom")
    ]


def _feed() -> feeds.Feed:
    tenant = require_tenant()
    locale = current_locale()
    title = f"{_('Chuyên mục các xã, phường')} – {tenant.name(locale)}"
    entries = [
        feeds.FeedEntry(
            id=feeds.tag_uri(tenant.primary_host, i.published_at.astimezone(UTC).date(), f"highlight/{i.id}"),
            title=i.title,
            link=item_url(i),
            summary=i.summary,
            published=i.published_at,
            updated=i.source_updated_at or i.published_at,
            category=i.source(locale),
        )
        for i in feed_items()
    ]
    return feeds.Feed(
        title,
        _("Tin nổi bật của các phường, xã."),
        url_for("aggregator.channel", _external=True),
        url_for("aggregator.channel_feed", kind="rss", _external=True),
        url_for("aggregator.channel_feed", kind="atom", _external=True),
        tenant.name(locale),
        entries=entries,
    )


@bp.get(f"{CHANNEL}/<any(rss, atom):kind>.xml")
def channel_feed(kind: str):
    _require_parent()
    feed = _feed()
    body = feeds.rss(feed) if kind == "rss" else feeds.atom(feed)
    return conditional(Response(body, content_type=f"{CONTENT_TYPES[kind]}; charset=utf-8"), 60)
