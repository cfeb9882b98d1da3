"""Planning, projects and procurement; science programmes; statistics reports; and the figures of
administrative procedures shown on the public-services page (imported from CSV)."""

from flask import Blueprint

bp = Blueprint("programmes", __name__, template_folder="templates")

from blueprints.programmes import views  # noqa: E402,F401
