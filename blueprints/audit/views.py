"""The audit log viewer: board heads see their portal's trail, platform administrators any portal's."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l

from app.navigation import add_backoffice_page
from app.roles import Role, require_role
from app.templating import render
from blueprints.audit.blueprint import bp
from blueprints.audit.forms import AuditFilterForm
from blueprints.audit.services import AuditFilter, search

add_backoffice_page("audit.events", _l("Nhật ký hoạt động"), roles=(Role.BOARD_HEAD,), order=800)


@bp.get("/admin/audit")
@require_role(Role.BOARD_HEAD)
def events():
    form = AuditFilterForm(request.args)
    criteria = AuditFilter()
    if form.validate():
        criteria = AuditFilter(
            action=form.action.data or "",
            who=form.who.data or "",
            since=form.since.data,
            until=form.until.data,
        )
    page = search(criteria, page=request.args.get("page", 1, type=int))
    return render("audit/events.html", form=form, page=page)
