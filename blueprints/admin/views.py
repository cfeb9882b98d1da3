"""Back-office views."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from app.navigation import add_backoffice_page
from app.roles import PLATFORM_ADMIN, Role, require_platform_admin
from app.templating import render
from blueprints.admin.blueprint import bp
from tenants.provisioning import describe, list_tenants

add_backoffice_page("admin.dashboard", _l("Trang quản trị"), order=0)
add_backoffice_page("admin.tenants", _l("Tất cả cổng thông tin"), roles=(PLATFORM_ADMIN,), order=900)


@bp.get("/")
@login_required
def dashboard():
    roles = sorted(current_user.roles_here() - {PLATFORM_ADMIN})
    return render(
        "admin/dashboard.html",
        roles=[Role(r) for r in roles],
        is_platform_admin=current_user.is_platform_admin,
    )


@bp.get("/tenants")
@require_platform_admin
def tenants():
    """Platform administration: every portal, its kind, status and domains."""
    return render("admin/tenants.html", tenants=[describe(t) for t in list_tenants()])
