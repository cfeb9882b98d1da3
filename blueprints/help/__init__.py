"""The back office's help centre: one short, task-oriented guide per role, written for the
part-time staff who run the portals, and the "?" links that open it from the busiest screens."""

from flask import Blueprint

bp = Blueprint("help", __name__, url_prefix="/admin/help", template_folder="templates")

from blueprints.help import views  # noqa: E402,F401
