"""The help centre's two pages: the list of guides (the reader's own first) and one guide."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.crud import or_404
from app.navigation import add_backoffice_page, backoffice_menu
from app.roles import PLATFORM_ADMIN, Role, require_role
from app.templating import render
from blueprints.help.blueprint import bp
from blueprints.help.guides import guide, guides_for, help_section, help_url

BOARD = tuple(Role)  # every member of the board, whatever their role

add_backoffice_page("help.index", _l("Hướng dẫn sử dụng"), roles=BOARD, order=950)


@bp.app_template_global()
def may_open(endpoint: str) -> bool:
    """Whether the signed-in person may open this back-office screen (its menu entry's roles):
    a guide links only to screens its reader can open, and names the others."""
    return any(entry.endpoint == endpoint for entry in backoffice_menu(current_user))


bp.add_app_template_global(help_url)
bp.add_app_template_global(help_section)


def _role_labels(roles) -> list:
    return [Role(r).label for r in roles if r != PLATFORM_ADMIN]


@bp.get("/")
@require_role(*BOARD)
def index():
    mine, others = guides_for(current_user.roles_here())
    return render("help/index.html", mine=mine, others=others)


@bp.get("/<slug>")
@require_role(*BOARD)
def guide_page(slug: str):
    found = or_404(guide(slug))
    return render(f"help/guides/{found.slug}.html", guide=found, audience=_role_labels(found.roles))
