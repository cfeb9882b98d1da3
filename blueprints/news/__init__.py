"""The public news of every portal: section pages, article pages (print, save, share), feeds,
and the news blocks of the home page. It only reads the newsroom's published articles."""

from flask import Blueprint

bp = Blueprint("news", __name__, template_folder="templates")

from blueprints.news import views, views_feeds  # noqa: E402,F401
