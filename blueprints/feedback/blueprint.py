"""The Q&A capability's blueprint: its routes, loaded by the app factory only.

Importing the package (its models, services, tasks) never loads the web layer; the factory
imports this module, registers `bp` and calls `init_app(app)`.
"""

from flask import Blueprint, Flask

bp = Blueprint("feedback", __name__, template_folder="templates")

from app.navigation import add_panel  # noqa: E402
from blueprints.feedback import admin_views, city_report, platform_views, tasks, views, views_feeds  # noqa: E402,F401
from workers.periodic import add_periodic  # noqa: E402

HOUR = 3600


def init_app(app: Flask) -> None:
    add_panel("pages.home", "feedback/_home_block.html", 70)
    add_panel("newsroom.dashboard", "feedback/_dashboard.html")
    add_periodic(tasks.remind_due_items, 6 * HOUR)
    add_periodic(tasks.erase_expired_personal_data, 24 * HOUR)
    city_report.register()  # the Q&A columns of the parent portal's report
