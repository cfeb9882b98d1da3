"""The promo capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("promo", __name__, template_folder="templates")

from app.navigation import add_panel  # noqa: E402
from blueprints.promo import views  # noqa: E402,F401  (routes register on import)


def init_app(app: Flask) -> None:
    add_panel("pages.home.top", "promo/banners.html", 10)
