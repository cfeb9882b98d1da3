"""The auth capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)` when the module has one.
"""

from flask import Blueprint

bp = Blueprint("auth", __name__, template_folder="templates")

from blueprints.auth import views, views_two_factor  # noqa: E402,F401  (routes register on import)
