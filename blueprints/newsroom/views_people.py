"""Back office: units, the board list (which the public page shows) and the portal's settings."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from blueprints.newsroom import people
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.choices import unit_choices
from blueprints.newsroom.forms import MemberEditForm, MemberForm, SettingsForm, UnitEditForm, UnitForm
from blueprints.newsroom.models import NewsroomSettings

add_backoffice_page("newsroom.people_page", _l("Đơn vị và Ban biên tập"), roles=CONTENT_MANAGERS, order=13)


def _page(unit_form=None, member_form=None, settings_form=None, status: int = 200):
    settings = NewsroomSettings.for_current_tenant()
    unit_form = unit_form or UnitForm(formdata=None)
    member_form = member_form or MemberForm(formdata=None)
    member_form.unit_id.choices = unit_choices(current_locale())
    settings_form = settings_form or SettingsForm(formdata=None, obj=settings)
    return render(
        "newsroom/people.html",
        units=people.units(),
        members=people.members(),
        unit_form=unit_form,
        member_form=member_form,
        settings_form=settings_form,
    ), status


def _saved(message: str, anchor: str | None = None):
    """Commit what a form changed, say so, and go back to the people page (at `anchor`)."""
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("newsroom.people_page", _anchor=anchor))


def _valid_unit(form, unit_id: int | None = None) -> bool:
    valid = form.validate()
    if form.name_vi.data and people.unit_name_taken(form.name_vi.data, except_id=unit_id):
        form.name_vi.errors = [*form.name_vi.errors, _("Đã có đơn vị mang tên này.")]
        valid = False
    return valid


def _valid_member(form, current_unit_id: int | None = None) -> bool:
    valid = form.validate()
    if not people.assignable_unit(form.unit_id.data, current_unit_id):
        form.unit_id.errors = [_("Đơn vị không tồn tại.")]
        valid = False
    return valid


@bp.get("/admin/newsroom/people")
@require_role(*CONTENT_MANAGERS)
def people_page():
    return _page()


@bp.post("/admin/newsroom/people/units")
@require_role(*CONTENT_MANAGERS)
def add_unit():
    form = UnitForm()
    if not _valid_unit(form):
        return _page(unit_form=form, status=422)
    people.add_unit(
        form.name_vi.data,
        form.name_en.data or "",
        form.kind.data,
        form.monthly_minimum.data,
        form.monthly_cap.data,
    )
    return _saved(_("Đã thêm đơn vị."))


@bp.post("/admin/newsroom/people/members")
@require_role(*CONTENT_MANAGERS)
def add_member():
    form = MemberForm()
    form.unit_id.choices = unit_choices(current_locale())
    if not _valid_member(form):
        return _page(member_form=form, status=422)
    people.add_member(
        form.full_name.data,
        form.title_vi.data,
        form.title_en.data or "",
        form.unit_id.data,
        bool(form.on_board.data),
    )
    return _saved(_("Đã thêm người."))


@bp.post("/admin/newsroom/people/settings")
@require_role(*CONTENT_MANAGERS)
def save_settings():
    form = SettingsForm()
    if not form.validate():
        return _page(settings_form=form, status=422)
    current = NewsroomSettings.for_current_tenant()
    people.update_settings(
        form.late_after_days.data,
        current.default_monthly_minimum
        if form.default_monthly_minimum.data is None
        else form.default_monthly_minimum.data,
        current.default_monthly_cap
        if form.default_monthly_cap.data is None
        else form.default_monthly_cap.data,
    )
    return _saved(_("Đã lưu cài đặt."), "settings-h")


@bp.route("/admin/newsroom/people/units/<int:unit_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def edit_unit(unit_id: int):
    unit = people.unit(unit_id) or abort(404)
    form = UnitEditForm(obj=unit)
    if not form.is_submitted() or not _valid_unit(form, unit.id):
        return _edit_page(form, _("Sửa đơn vị"))
    people.update_unit(
        unit,
        form.name_vi.data,
        form.name_en.data or "",
        form.kind.data,
        form.monthly_minimum.data,
        form.monthly_cap.data,
        bool(form.is_active.data),
        form.position.data,
    )
    return _saved(_("Đã lưu đơn vị."), "units-h")


@bp.route("/admin/newsroom/people/members/<int:member_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def edit_member(member_id: int):
    member = people.member(member_id) or abort(404)
    form = MemberEditForm(obj=member)
    form.unit_id.choices = unit_choices(current_locale(), keep=member.unit_id)
    if not form.is_submitted() or not _valid_member(form, member.unit_id):
        return _edit_page(form, _("Sửa thông tin người"))
    people.update_member(
        member,
        form.full_name.data,
        form.title_vi.data,
        form.title_en.data or "",
        form.unit_id.data,
        bool(form.on_board.data),
        form.position.data,
    )
    return _saved(_("Đã lưu thông tin người."), "members-h")


def _edit_page(form, heading: str):
    """One page for either form (posting back to the page's own URL), what was typed kept on error
    (and answered 422)."""
    action = url_for(request.endpoint, **request.view_args)
    return render(
        "newsroom/people_edit.html", form=form, heading=heading, action=action
    ), 422 if form.errors else 200
