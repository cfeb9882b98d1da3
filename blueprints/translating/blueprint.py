"""The translating capability's blueprint: its routes, loaded by the app factory only."""

from flask import Blueprint

bp = Blueprint("translating", __name__, template_folder="templates")

from blueprints.translating import views  # noqa: E402,F401  (routes register on import)
