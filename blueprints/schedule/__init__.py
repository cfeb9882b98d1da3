"""The leaders' weekly work schedule ("lịch làm việc"): by week, with previous/next week and a
printable view, maintained in the back office."""

from flask import Blueprint

bp = Blueprint("schedule", __name__, template_folder="templates")

from blueprints.schedule import admin_views, views  # noqa: E402,F401
