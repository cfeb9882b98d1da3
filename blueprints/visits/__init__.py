"""The visit counter: one Redis INCR per public page view, flushed to PostgreSQL by a job."""

from flask import Blueprint

bp = Blueprint("visits", __name__, template_folder="templates")

from blueprints.visits import views  # noqa: E402,F401
