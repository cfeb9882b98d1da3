"""The audit capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services) never loads the web layer: the capabilities that
record events import `blueprints.audit.services` only.
"""

from flask import Blueprint

bp = Blueprint("audit", __name__, template_folder="templates")

from blueprints.audit import views  # noqa: E402,F401  (routes register on import)
