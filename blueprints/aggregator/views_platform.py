"""Platform administration: each portal's parent (which portal aggregates it)."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import PLATFORM_ADMIN, require_platform_admin
from app.templating import render
from blueprints.aggregator.blueprint import bp
from blueprints.aggregator.forms import ParentForm
from blueprints.aggregator.parents import parent_choices, set_parent
from tenants.provisioning import ProvisioningError

add_backoffice_page(
    "aggregator.parents", _l("Cổng cấp trên của các cổng"), roles=(PLATFORM_ADMIN,), order=901
)


def _page(form: ParentForm | None = None, status: int = 200):
    tenants = parent_choices()
    return render(
        "aggregator/admin/parents.html",
        tenants=tenants,
        form=form or ParentForm(),
        by_id={t.id: t for t in tenants},
    ), status


@bp.get("/admin/platform/parents")
@require_platform_admin
def parents():
    return _page()


@bp.post("/admin/platform/parents")
@require_platform_admin
def parents_save():
    form = ParentForm()
    if not form.validate_on_submit():
        return _page(form, 422)
    try:
        changed = set_parent(form.tenant.data, form.parent.data or None)[1]
    except ProvisioningError:
        db.session.rollback()
        form.parent.errors = [_("Không thể đặt cổng này làm cổng cấp trên (trùng hoặc vòng lặp).")]
        return _page(form, 422)
    db.session.commit()
    flash(_("Đã lưu.") if changed else _("Không có gì thay đổi."), "success")
    return redirect(url_for("aggregator.parents"))
