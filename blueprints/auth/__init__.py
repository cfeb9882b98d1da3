"""Sign-in, sign-out and password reset, per portal (`/login`, `/en/login`)."""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from blueprints.auth import views  # noqa: E402,F401  (routes register on import)
