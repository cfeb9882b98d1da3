"""The royalties capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("royalties", __name__, template_folder="templates")

from app.navigation import add_panel  # noqa: E402
from blueprints.newsroom import signals as newsroom  # noqa: E402
from blueprints.royalties import hooks, tasks, views_closing, views_money, views_plans  # noqa: E402,F401
from workers.periodic import add_periodic  # noqa: E402


def init_app(app: Flask) -> None:
    newsroom.article_submitting.connect(hooks.check_unit_cap)
    newsroom.article_approving.connect(hooks.check_approval_factor)
    add_panel("newsroom.dashboard", "royalties/_dashboard_plan.html")
    add_panel("newsroom.dashboard", "royalties/_dashboard_quota.html")
    add_periodic(tasks.remind_all_portals, 3600)
    add_panel("newsroom.action.approve", "royalties/_approve_factor.html")
