"""Back office of closing a month: close, reopen with a reason. Thin: parse, call, redirect."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.roles import CONTENT_MANAGERS, require_role
from app.validation import FieldErrors
from blueprints.royalties import closing
from blueprints.royalties.blueprint import bp
from blueprints.royalties.forms import CloseMonthForm, ReopenMonthForm
from blueprints.royalties.views_money import statement_page
from blueprints.royalties.views_plans import month_from_args


@bp.post("/admin/royalties/close")
@require_role(*CONTENT_MANAGERS)
def close_month():
    month = month_from_args()
    form = CloseMonthForm()
    if not form.validate_on_submit():
        return statement_page(month, close_form=form, status=422)
    try:
        closing.close_month(month, current_user)
    except FieldErrors as exc:
        form.submit.errors = [str(m) for m in exc.fields.values()]
        return statement_page(month, close_form=form, status=422)
    db.session.commit()
    flash(_("Đã chốt bảng nhuận bút tháng %(month)s.", month=str(month)), "success")
    return redirect(url_for("royalties.statement", year=month.year, month=month.month))


@bp.post("/admin/royalties/reopen")
@require_role(*CONTENT_MANAGERS)
def reopen_month():
    month = month_from_args()
    form = ReopenMonthForm()
    if not form.validate_on_submit():
        return statement_page(month, reopen_form=form, status=422)
    try:
        closing.reopen_month(month, current_user, form.reason.data)
    except FieldErrors as exc:
        exc.apply_to(form)
        return statement_page(month, reopen_form=form, status=422)
    db.session.commit()
    flash(_("Đã mở lại tháng %(month)s. Nhớ chốt lại sau khi sửa.", month=str(month)), "success")
    return redirect(url_for("royalties.statement", year=month.year, month=month.month))
