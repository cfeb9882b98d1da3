"""The documents library: legal normative and administrative documents (Decree 42/2022 art. 4),
with number and symbol, type, issuer, signer, field, dates, status, summary and files."""

from flask import Blueprint

bp = Blueprint("documents", __name__, template_folder="templates")

from blueprints.documents import admin_views, views  # noqa: E402,F401
