"""The news capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("news", __name__, template_folder="templates")

from app.navigation import add_panel  # noqa: E402
from blueprints.news import views, views_feeds  # noqa: E402,F401  (routes register on import)
from tenants.merge_rules import add_merge_path  # noqa: E402


def init_app(app: Flask) -> None:
    add_panel("pages.home.head", "news/_style.html")
    add_panel("pages.home", "news/home_highlights.html", 20)
    add_panel("pages.home", "news/home_latest.html", 30)
    add_panel("pages.home", "news/_feeds.html", 90)
    # A section renamed by a merge of portals leaves a 301 from its old address (and its feeds).
    add_merge_path("newsroom_sections", "slug", "/chuyen-muc/{}")
