"""The pages capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)` when the module has one.
"""

from flask import Blueprint

bp = Blueprint("pages", __name__, template_folder="templates")

from blueprints.pages import views  # noqa: E402,F401  (routes register on import)
