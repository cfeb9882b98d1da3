"""The back office: each person's dashboard on a portal, and platform administration."""

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin", template_folder="templates")

from blueprints.admin import views  # noqa: E402,F401
