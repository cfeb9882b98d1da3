"""The visits capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("visits", __name__, template_folder="templates")

from app.page_cache import add_fragment, count_views  # noqa: E402
from blueprints.visits import services, tasks, views  # noqa: E402,F401  (routes register on import)
from blueprints.visits.services import on_portals_merged  # noqa: E402
from tenants.merge_rules import Strategy, add_merge_default  # noqa: E402
from tenants.merging import portals_merged  # noqa: E402
from workers.periodic import add_periodic  # noqa: E402


def init_app(app: Flask) -> None:
    # Visit counters: Redis → PostgreSQL every five minutes.
    add_periodic(tasks.flush_visits, 300)
    # Merged portals' visits of the same day add up.
    add_merge_default("visit_days", Strategy.SUM)
    # …and their counts still in Redis become the new portal's.
    portals_merged.connect(on_portals_merged)
    # The footer's figures: a hole in cached pages, filled on every response.
    add_fragment("visits", views.footer_figures, keys=services.summary_keys)
    # …and a cached page answered before Flask counts its view in the same Redis call.
    count_views(views.VIEWS)
