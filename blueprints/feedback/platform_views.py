"""Platform administration: the calendar of public holidays that working days skip.

The calendar is the country's, not a portal's, so only the platform administrator keeps it; every
portal's due days are counted with it from the next question on (items already received keep
the due day they were given).
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import PLATFORM_ADMIN, require_platform_admin
from app.templating import render
from blueprints.feedback import calendar
from blueprints.feedback.blueprint import bp
from blueprints.feedback.forms import DeleteForm, HolidayForm

add_backoffice_page("feedback.admin_holidays", _l("Ngày nghỉ lễ"), roles=(PLATFORM_ADMIN,), order=910)


def _page(form: HolidayForm, year: int, status: int = 200):
    return render(
        "feedback/admin/holidays.html",
        form=form,
        year=year,
        years=calendar.years(),
        holidays=calendar.holidays_of(year),
        delete_form=DeleteForm(),
    ), status


@bp.get("/admin/holidays")
@require_platform_admin
def admin_holidays():
    return _page(HolidayForm(formdata=None), calendar.chosen_year(request.args.get("year", type=int)))


@bp.post("/admin/holidays")
@require_platform_admin
def admin_add_holiday():
    form = HolidayForm()
    if not form.validate_on_submit():
        return _page(form, calendar.chosen_year(None), 422)
    calendar.save_holiday(form.day.data, form.name_vi.data, form.name_en.data)
    db.session.commit()
    flash(_("Đã lưu ngày nghỉ."), "info")
    return redirect(url_for("feedback.admin_holidays", year=form.day.data.year))


@bp.post("/admin/holidays/<day>/delete")
@require_platform_admin
def admin_delete_holiday(day: str):
    if DeleteForm().validate_on_submit():
        removed = calendar.delete_holiday(day)
        db.session.commit()
        if removed is not None:
            flash(_("Đã xóa ngày nghỉ."), "info")
            return redirect(url_for("feedback.admin_holidays", year=removed.year))
    return redirect(url_for("feedback.admin_holidays"))
