"""The consultations capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`, which adds the home page's block,
the sitemap's source and the cron that announces openings and closings.
"""

from flask import Blueprint, Flask

bp = Blueprint("consultations", __name__, template_folder="templates")

from app.navigation import add_panel  # noqa: E402
from blueprints.consultations import (  # noqa: E402,F401  (routes register on import)
    admin_views,
    tasks,
    views,
    views_feeds,
    views_subscriptions,
)
from blueprints.consultations.services import (  # noqa: E402
    list_consultations,
    open_consultations,
    waiting_for_moderation,
)
from blueprints.seo.registry import add_sitemap_source  # noqa: E402
from workers.periodic import add_periodic  # noqa: E402


def _sitemap():
    """Every published consultation of the current portal (the tenant filter applies)."""
    page = 1
    while True:
        listing = list_consultations(page=page, per_page=100)
        for consultation in listing.items:
            yield "consultations.detail", {"consultation_id": consultation.id}
        if not listing.has_next:
            return
        page += 1


def init_app(app: Flask) -> None:
    add_panel("pages.home", "consultations/_home_block.html", 65)
    add_panel("newsroom.dashboard", "consultations/_dashboard_waiting.html")
    add_sitemap_source("consultations", _sitemap)
    add_periodic(tasks.announce_transitions, 60)

    @app.context_processor
    def home_consultations_context():
        """`home_consultations()` for the home page's block, queried only when it is drawn."""
        return {
            "home_consultations": lambda: open_consultations(),
            "consultation_comments_waiting": _waiting_for_me,
        }


def _waiting_for_me() -> list:
    """Comments awaiting moderation, for the content managers who moderate them (else nothing)."""
    from flask_login import current_user

    from app.roles import CONTENT_MANAGERS

    if not (current_user.is_authenticated and current_user.has_role(*CONTENT_MANAGERS)):
        return []
    return waiting_for_moderation()
