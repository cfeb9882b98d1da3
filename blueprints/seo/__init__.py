"""`sitemap.xml` and `robots.txt` of each portal."""

from flask import Blueprint

bp = Blueprint("seo", __name__)

from blueprints.seo import views  # noqa: E402,F401
