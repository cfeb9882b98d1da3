"""RSS and Atom feeds of the published answers (the question's subject, the answer as summary;
never the asker's e-mail, phone or attachment, and their name only as the public page shows it)."""

from __future__ import annotations

from datetime import UTC

from flask import Response, url_for
from flask_babel import gettext as _

from app.conditional import conditional
from app.i18n import current_locale
from blueprints.feedback.blueprint import bp
from blueprints.feedback.services import published_answers
from blueprints.news import feeds
from tenants.context import require_tenant

CONTENT_TYPES = {"rss": feeds.RSS_TYPE, "atom": feeds.ATOM_TYPE}
FEED_SIZE = 30


def answers_feed() -> feeds.Feed:
    tenant = require_tenant()
    locale = current_locale()
    portal = tenant.name(locale)
    entries = [
        feeds.FeedEntry(
            id=feeds.tag_uri(
                tenant.primary_host, item.received_at.astimezone(UTC).date(), f"question/{item.id}"
            ),
            title=item.subject,
            link=url_for("feedback.answer", item_id=item.id, _external=True),
            summary=item.answer,
            published=item.published_at,
            updated=item.published_at,
            category=item.category.name(locale) if item.category else "",
        )
        for item in published_answers(per_page=FEED_SIZE).items
    ]
    return feeds.Feed(
        title=_("Hỏi đáp – %(portal)s", portal=portal),
        description=_(
            "Các câu trả lời mới nhất cho câu hỏi, góp ý của người dân gửi %(portal)s.", portal=portal
        ),
        link=url_for("feedback.index", _external=True),
        rss_url=url_for("feedback.feed", kind="rss", _external=True),
        atom_url=url_for("feedback.feed", kind="atom", _external=True),
        publisher=portal,
        entries=entries,
    )


@bp.get("/hoi-dap/<any(rss, atom):kind>.xml")
def feed(kind: str):
    body = feeds.rss(answers_feed()) if kind == "rss" else feeds.atom(answers_feed())
    return conditional(Response(body, content_type=f"{CONTENT_TYPES[kind]}; charset=utf-8"), 300)
