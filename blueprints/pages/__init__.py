"""The public pages every portal has from day one: home, public services, site map."""

from flask import Blueprint

bp = Blueprint("pages", __name__, template_folder="templates")

from blueprints.pages import views  # noqa: E402,F401
