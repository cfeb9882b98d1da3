"""Back-office views."""

from __future__ import annotations

from flask import abort
from flask_login import current_user, login_required

from app.templating import render
from blueprints.admin import bp
from blueprints.auth.models import PLATFORM_ADMIN, Role
from tenants.provisioning import describe, list_tenants


@bp.get("/")
@login_required
def dashboard():
    roles = sorted(current_user.roles_here() - {PLATFORM_ADMIN})
    return render("admin/dashboard.html", roles=[Role(r) for r in roles],
                  is_platform_admin=current_user.is_platform_admin)


@bp.get("/tenants")
@login_required
def tenants():
    """Platform administration: every portal, its kind, status and domains."""
    if not current_user.is_platform_admin:
        abort(403)
    return render("admin/tenants.html", tenants=[describe(t) for t in list_tenants()])
