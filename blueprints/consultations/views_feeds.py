"""RSS and Atom of the portal's consultations (published ones, newest closing time first)."""

from __future__ import annotations

from datetime import UTC

from flask import Response, url_for
from flask_babel import gettext as _

from app.conditional import conditional
from app.i18n import current_locale
from blueprints.consultations import services
from blueprints.consultations.blueprint import bp
from blueprints.news import feeds
from tenants.context import require_tenant

CONTENT_TYPES = {"rss": feeds.RSS_TYPE, "atom": feeds.ATOM_TYPE}


def _feed() -> feeds.Feed:
    tenant = require_tenant()
    locale = current_locale()
    portal = tenant.name(locale)
    now = services.utcnow()
    entries = []
    for c in services.list_consultations(per_page=50).items:
        state = c.state(now)
        entries.append(
            feeds.FeedEntry(
                id=feeds.tag_uri(
                    tenant.primary_host, c.created_at.astimezone(UTC).date(), f"consultation/{c.id}"
                ),
                title=f"{c.title} ({state.label})",
                link=url_for("consultations.detail", consultation_id=c.id, _external=True),
                summary=c.summary,
                published=c.opens_at,
                updated=max(
                    c.updated_at,
                    c.concluded_at or c.updated_at,
                    c.opens_at if state != services.S.UPCOMING else c.updated_at,
                ),
            )
        )
    return feeds.Feed(
        _("Lấy ý kiến dự thảo – %(portal)s", portal=portal),
        _("Các dự thảo văn bản đang, sắp và đã lấy ý kiến của %(portal)s.", portal=portal),
        url_for("consultations.index", _external=True),
        url_for("consultations.feed", kind="rss", _external=True),
        url_for("consultations.feed", kind="atom", _external=True),
        portal,
        entries=entries,
    )


@bp.get("/lay-y-kien/<any(rss, atom):kind>.xml")
def feed(kind: str):
    body = feeds.rss(_feed()) if kind == "rss" else feeds.atom(_feed())
    return conditional(Response(body, content_type=f"{CONTENT_TYPES[kind]}; charset=utf-8"), 300)
