"""The programmes capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)` when the module has one.
"""

from flask import Blueprint, Flask

bp = Blueprint("programmes", __name__, template_folder="templates")

from blueprints.programmes import views  # noqa: E402,F401  (routes register on import)
from tenants.merge_rules import Strategy, add_merge_default  # noqa: E402


def init_app(app: Flask) -> None:
    # Merged portals' figures for the same period, field and procedure add up.
    add_merge_default("procedure_figures", Strategy.SUM)
