"""Banners for events and holidays, the local tourism section (with embedded 360° tours from an
allow-list of hosts) and the links page."""

from flask import Blueprint

bp = Blueprint("promo", __name__, template_folder="templates")

from blueprints.promo import views  # noqa: E402,F401
