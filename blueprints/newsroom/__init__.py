"""The newsroom of each portal's editorial board: units, board, sections, articles and workflow."""

from flask import Blueprint

bp = Blueprint("newsroom", __name__, template_folder="templates")

from blueprints.newsroom import views, views_flow, views_people, views_public  # noqa: E402,F401
