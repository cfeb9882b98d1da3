"""The visits capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("visits", __name__, template_folder="templates")

from app.page_cache import add_fragment  # noqa: E402
from blueprints.visits import services, tasks, views  # noqa: E402,F401  (routes register on import)
from workers.periodic import add_periodic  # noqa: E402


def init_app(app: Flask) -> None:
    # Visit counters: Redis → PostgreSQL every five minutes.
    add_periodic(tasks.flush_visits, 300)
    # The footer's figures: a hole in cached pages, filled on every response.
    add_fragment("visits", views.footer_figures, keys=services.summary_keys)
