"""Back office: units, the board list (which the public page shows) and the portal's settings."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.navigation import add_backoffice_page
from app.templating import render
from blueprints.auth.models import CONTENT_MANAGERS
from blueprints.auth.permissions import require_role
from blueprints.newsroom import bp, people
from blueprints.newsroom.choices import unit_choices
from blueprints.newsroom.forms import MemberForm, SettingsForm, UnitForm
from blueprints.newsroom.models import NewsroomSettings

add_backoffice_page("newsroom.people_page", _l("Đơn vị và Ban biên tập"), roles=CONTENT_MANAGERS, order=13)


def _page(unit_form=None, member_form=None, settings_form=None, status: int = 200):
    settings = NewsroomSettings.for_current_tenant()
    unit_form = unit_form or UnitForm(formdata=None)
    member_form = member_form or MemberForm(formdata=None)
    member_form.unit_id.choices = unit_choices(str(get_locale()))
    settings_form = settings_form or SettingsForm(formdata=None, obj=settings)
    return render("newsroom/people.html", units=people.units(), members=people.members(), unit_form=unit_form,
                  member_form=member_form, settings_form=settings_form), status


@bp.get("/admin/newsroom/people")
@require_role(*CONTENT_MANAGERS)
def people_page():
    return _page()


@bp.post("/admin/newsroom/people/units")
@require_role(*CONTENT_MANAGERS)
def add_unit():
    form = UnitForm()
    if not form.validate():
        return _page(unit_form=form, status=422)
    people.add_unit(form.name_vi.data, form.name_en.data or "", form.kind.data, form.monthly_minimum.data,
                    form.monthly_cap.data)
    db.session.commit()
    flash(_("Đã thêm đơn vị."), "success")
    return redirect(url_for("newsroom.people_page"))


@bp.post("/admin/newsroom/people/members")
@require_role(*CONTENT_MANAGERS)
def add_member():
    form = MemberForm()
    form.unit_id.choices = unit_choices(str(get_locale()))
    valid = form.validate()
    if form.unit_id.data is not None and form.unit_id.data not in {u.id for u in people.units()}:
        form.unit_id.errors = [_("Đơn vị không tồn tại.")]
        valid = False
    if not valid:
        return _page(member_form=form, status=422)
    people.add_member(form.full_name.data, form.title_vi.data, form.title_en.data or "", form.unit_id.data,
                      bool(form.on_board.data))
    db.session.commit()
    flash(_("Đã thêm người."), "success")
    return redirect(url_for("newsroom.people_page"))


@bp.post("/admin/newsroom/people/settings")
@require_role(*CONTENT_MANAGERS)
def save_settings():
    form = SettingsForm()
    if not form.validate():
        return _page(settings_form=form, status=422)
    current = NewsroomSettings.for_current_tenant()
    people.update_settings(form.late_after_days.data,
                           current.default_monthly_minimum if form.default_monthly_minimum.data is None
                           else form.default_monthly_minimum.data,
                           current.default_monthly_cap if form.default_monthly_cap.data is None
                           else form.default_monthly_cap.data)
    db.session.commit()
    flash(_("Đã lưu cài đặt."), "success")
    return redirect(url_for("newsroom.people_page", _anchor="settings-h"))
