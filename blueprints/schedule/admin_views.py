"""Back-office screens of the schedule: a week's entries, create, edit and delete."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.crud import or_404
from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from blueprints.schedule.blueprint import bp
from blueprints.schedule.forms import EntryForm
from blueprints.schedule.services import (
    delete_entry,
    get_entry,
    parse_week,
    save_entry,
    week_of,
    week_schedule,
)
from tenants.context import require_tenant

add_backoffice_page("schedule.admin_week", _l("Lịch làm việc"), roles=CONTENT_MANAGERS, order=46)


@bp.get("/admin/schedule")
@require_role(*CONTENT_MANAGERS)
def admin_week():
    week = parse_week(request.args.get("week"), require_tenant().today())
    return render("schedule/admin/week.html", week=week, days=week_schedule(week, published_only=False))


@bp.route("/admin/schedule/new", methods=["GET", "POST"], defaults={"entry_id": None})
@bp.route("/admin/schedule/<int:entry_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_entry(entry_id: int | None):
    entry = or_404(get_entry(entry_id, public=False)) if entry_id else None
    form = EntryForm(obj=entry)
    if request.method == "GET" and entry is None:
        form.day.data = require_tenant().today()
    if form.validate_on_submit():
        saved = save_entry(entry, **form.data)
        db.session.commit()
        flash(_("Đã lưu."), "info")
        return redirect(url_for("schedule.admin_week", week=week_of(saved.day).key))
    title = _("Thêm lịch làm việc") if entry is None else _("Sửa lịch làm việc")
    return render(
        "about/admin/form.html", form=form, title=title, cancel=url_for("schedule.admin_week")
    ), 422 if form.errors else 200


@bp.post("/admin/schedule/<int:entry_id>/delete")
@require_role(*CONTENT_MANAGERS)
def admin_delete(entry_id: int):
    entry = or_404(get_entry(entry_id, public=False))
    week = week_of(entry.day).key
    delete_entry(entry)
    db.session.commit()
    flash(_("Đã xóa."), "info")
    return redirect(url_for("schedule.admin_week", week=week))
