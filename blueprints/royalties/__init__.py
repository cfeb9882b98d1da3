"""Each portal's monthly plan, quota board and royalties ("nhuận bút")."""

from flask import Blueprint

bp = Blueprint("royalties", __name__, template_folder="templates")

from blueprints.royalties import hooks, views_money, views_plans  # noqa: E402,F401
