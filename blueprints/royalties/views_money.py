"""Back office of royalties: the month's statement, its exports and printable form, the
collaborator's own statement, and the board's tables (rates, bases, budgets)."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, Role, require_role
from app.spreadsheets import CSV_MIMETYPE, XLSX_MIMETYPE, attachment
from app.templating import render
from blueprints.royalties import closing, tables
from blueprints.royalties.blueprint import bp
from blueprints.royalties.exports import statement_csv, statement_xlsx
from blueprints.royalties.forms import BaseForm, BudgetForm, CloseMonthForm, RateForm, ReopenMonthForm
from blueprints.royalties.history import history_csv, person_history
from blueprints.royalties.months import Month
from blueprints.royalties.statements import budget_status, person_statement, statement
from blueprints.royalties.views_plans import month_from_args
from blueprints.royalties.words import amount_in_words
from tenants.context import require_tenant

add_backoffice_page("royalties.statement", _l("Nhuận bút"), roles=CONTENT_MANAGERS, order=15)
add_backoffice_page("royalties.my_statement", _l("Nhuận bút của tôi"), roles=(Role.COLLABORATOR,), order=16)
add_backoffice_page("royalties.tables", _l("Bảng hệ số nhuận bút"), roles=CONTENT_MANAGERS, order=17)


def statement_page(
    month: Month,
    close_form: CloseMonthForm | None = None,
    reopen_form: ReopenMonthForm | None = None,
    status: int = 200,
):
    """The month's statement with its closing controls (re-rendered with a form's errors)."""
    return render(
        "royalties/statement.html",
        month=month,
        statement=statement(month, current_locale()),
        budget=budget_status(month.year),
        can_close=closing.can_close(month),
        close_form=close_form or CloseMonthForm(formdata=None),
        reopen_form=reopen_form or ReopenMonthForm(formdata=None),
        history=closing.history(month),
    ), status


@bp.get("/admin/royalties/", endpoint="statement")
@require_role(*CONTENT_MANAGERS)
def statement_view():
    return statement_page(month_from_args())


@bp.get("/admin/royalties/print")
@require_role(*CONTENT_MANAGERS)
def statement_print():
    """The statement laid out for paper: by unit, the amount in words, the voucher's signatures."""
    month = month_from_args()
    current = statement(month, current_locale())
    return render(
        "royalties/print.html",
        month=month,
        statement=current,
        tenant=require_tenant(),
        in_words=amount_in_words(current.total, current_locale()),
    )


def _filename(month: Month, ext: str, closed: bool = True) -> str:
    suffix = "" if closed else "-chua-chot"
    return f"nhuan-but-{require_tenant().slug}-{month.year}-{month.month:02d}{suffix}.{ext}"


def _export(ext: str, build, mimetype: str) -> Response:
    """The month's statement as a download, named for the portal, month and whether it is closed."""
    month = month_from_args()
    current = statement(month, current_locale())
    return attachment(
        build(current, current_locale()), _filename(month, ext, current.closed is not None), mimetype
    )


@bp.get("/admin/royalties/export.csv")
@require_role(*CONTENT_MANAGERS)
def export_csv():
    return _export("csv", statement_csv, CSV_MIMETYPE)


@bp.get("/admin/royalties/export.xlsx")
@require_role(*CONTENT_MANAGERS)
def export_xlsx():
    return _export("xlsx", statement_xlsx, XLSX_MIMETYPE)


@bp.get("/admin/royalties/mine")
@require_role(Role.COLLABORATOR)
def my_statement():
    month = month_from_args()
    return render("royalties/mine.html", month=month, group=person_statement(month, current_user))


def _history_year() -> int:
    year = request.args.get("year", type=int)
    return year if year and 2000 <= year <= 2100 else Month.of().year


@bp.get("/admin/royalties/mine/history")
@require_role(Role.COLLABORATOR)
def my_history():
    """The collaborator's articles, factors and shares, month by month through a year."""
    year = _history_year()
    return render("royalties/history.html", year=year, months=person_history(current_user, year))


@bp.get("/admin/royalties/mine/history.csv")
@require_role(Role.COLLABORATOR)
def my_history_csv():
    year = _history_year()
    name = f"nhuan-but-cua-toi-{require_tenant().slug}-{year}.csv"
    return attachment(history_csv(person_history(current_user, year)), name, CSV_MIMETYPE)


FORMS = {"rate": RateForm, "base": BaseForm, "budget": BudgetForm}


def _tables_page(forms: dict | None = None, status: int = 200):
    forms = {name: (forms or {}).get(name) or cls(formdata=None, prefix=name) for name, cls in FORMS.items()}
    return render(
        "royalties/tables.html",
        rates=tables.rates(),
        bases=tables.bases(),
        budgets=tables.budgets(),
        forms=forms,
    ), status


@bp.get("/admin/royalties/tables", endpoint="tables")
@require_role(*CONTENT_MANAGERS)
def tables_view():
    return _tables_page()


@bp.post("/admin/royalties/tables/<name>")
@require_role(*CONTENT_MANAGERS)
def tables_save(name: str):
    if name not in FORMS:
        abort(404)
    form = FORMS[name](prefix=name)
    if not form.validate_on_submit():
        return _tables_page({name: form}, 422)
    if name == "rate":
        tables.set_rate(form.kind.data, form.effective_from.data, form.factor_min.data, form.factor_max.data)
    elif name == "base":
        tables.set_base(
            form.effective_from.data, form.base_salary.data, form.percent.data, form.note.data or ""
        )
    else:
        tables.set_budget(form.year.data, form.amount.data)
    db.session.commit()
    flash(_("Đã lưu."), "success")
    return redirect(url_for("royalties.tables"))
