"""The translation dashboard ("Bản dịch tiếng Anh"): one back-office page per portal."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.bilingual import TranslationState
from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, STAFF, require_role
from app.templating import render
from blueprints.translating.blueprint import bp
from blueprints.translating.forms import PortalTextsForm
from blueprints.translating.services import Dashboard, children_rows, portal_rows
from tenants.context import require_tenant
from tenants.texts import portal_texts, save_portal_texts

add_backoffice_page("translating.dashboard", _l("Bản dịch tiếng Anh"), roles=STAFF, order=80)


@bp.get("/admin/ban-dich")
@require_role(*STAFF)
def dashboard():
    tenant = require_tenant()
    board = Dashboard(portal_rows(), portal_texts(tenant), children_rows(tenant.id))
    return render("translating/dashboard.html", board=board, State=TranslationState)


@bp.route("/admin/ban-dich/ten-cong", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def portal_names():
    """The portal's English name and its footer in both languages."""
    tenant = require_tenant()
    texts = portal_texts(tenant)
    form = PortalTextsForm(data={"name_en": texts.name_en, **texts.contact})
    if form.validate_on_submit():
        save_portal_texts(tenant.id, form.data, reviewed=form.reviewed.data)
        db.session.commit()
        flash(_("Đã lưu."), "info")
        return redirect(url_for("translating.dashboard"))
    status = 422 if request.method == "POST" else 200
    return render("translating/portal.html", form=form, texts=texts), status
