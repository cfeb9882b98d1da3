"""Back office of the city board (content managers of the parent): the aggregated items with
pin / hide / order, the audit trail, external feeds, a sync on demand, and the city-wide report."""

from __future__ import annotations

import sqlalchemy as sa
from flask import Response, abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm

from app.crud import Crud, or_404, register
from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.spreadsheets import CSV_MIMETYPE, XLSX_MIMETYPE, attachment
from app.templating import render
from blueprints.aggregator.blueprint import bp
from blueprints.aggregator.children import current_is_parent
from blueprints.aggregator.curation import UnknownAction, audit_trail, board_items, curate, load_item
from blueprints.aggregator.forms import CurateForm, FeedForm
from blueprints.aggregator.models import ExternalFeed
from blueprints.aggregator.reports import city_report, report_csv, report_xlsx
from blueprints.aggregator.tasks import refresh_feeds, sync_children
from blueprints.royalties.months import Month
from tenants.context import require_tenant
from workers.queue import enqueue_after_commit

add_backoffice_page("aggregator.board", _l("Bảng tin các phường, xã"), roles=CONTENT_MANAGERS, order=40)
add_backoffice_page("aggregator.report", _l("Báo cáo các phường, xã"), roles=CONTENT_MANAGERS, order=41)

STATES = ("live", "withdrawn", "hidden")


@bp.get("/admin/city-board/")
@require_role(*CONTENT_MANAGERS)
def board():
    state = request.args.get("state") if request.args.get("state") in STATES else None
    page = board_items(state, page=max(request.args.get("page", 1, type=int), 1))
    return render(
        "aggregator/admin/board.html",
        page=page,
        state=state,
        form=CurateForm(),
        is_parent=current_is_parent(),
        feeds=_feeds(),
    )


def _feeds() -> list[ExternalFeed]:
    return list(db.session.scalars(sa.select(ExternalFeed).order_by(ExternalFeed.name)))


@bp.post("/admin/city-board/<int:item_id>")
@require_role(*CONTENT_MANAGERS)
def curate_item(item_id: int):
    item = or_404(load_item(item_id))
    form = CurateForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        changed = curate(item, form.action.data, current_user, form.position.data)
    except UnknownAction:
        abort(400)
    db.session.commit()
    if changed:
        flash(_("Đã lưu."), "success")
    return redirect(url_for("aggregator.board", _anchor=f"item-{item.id}"))


@bp.post("/admin/city-board/sync")
@require_role(*CONTENT_MANAGERS)
def sync_now():
    if not FlaskForm().validate_on_submit():
        abort(400)
    tenant_id = require_tenant().id
    enqueue_after_commit(sync_children, tenant_id)
    enqueue_after_commit(refresh_feeds, tenant_id)
    db.session.commit()
    flash(_("Đã yêu cầu cập nhật; tin mới sẽ hiện sau ít phút."), "success")
    return redirect(url_for("aggregator.board"))


@bp.get("/admin/city-board/audit")
@require_role(*CONTENT_MANAGERS)
def audit():
    return render(
        "aggregator/admin/audit.html", page=audit_trail(page=max(request.args.get("page", 1, type=int), 1))
    )


def _month() -> Month:
    return Month.parse(request.args.get("year", type=int), request.args.get("month", type=int))


@bp.get("/admin/city-board/report")
@require_role(*CONTENT_MANAGERS)
def report():
    month = _month()
    return render(
        "aggregator/admin/report.html", month=month, report=city_report(month), is_parent=current_is_parent()
    )


def _download(month: Month, ext: str, body: bytes, mimetype: str) -> Response:
    return attachment(
        body, f"bao-cao-phuong-xa-{require_tenant().slug}-{month.year}-{month.month:02d}.{ext}", mimetype
    )


@bp.get("/admin/city-board/report.csv")
@require_role(*CONTENT_MANAGERS)
def report_export_csv():
    month = _month()
    return _download(month, "csv", report_csv(city_report(month), current_locale()), CSV_MIMETYPE)


@bp.get("/admin/city-board/report.xlsx")
@require_role(*CONTENT_MANAGERS)
def report_export_xlsx():
    month = _month()
    return _download(
        month,
        "xlsx",
        report_xlsx(city_report(month), current_locale()),
        XLSX_MIMETYPE,
    )


def _save_feed(feed: ExternalFeed, form: FeedForm) -> None:
    """A new or changed address starts afresh: no cached validators, no failures."""
    if not feed.id or sa.inspect(feed).attrs.url.history.has_changes():
        feed.etag, feed.last_modified = "", ""
        feed.failure_count, feed.last_error, feed.next_attempt_at = 0, "", None


def _feed_status(feed: ExternalFeed) -> str:
    if feed.is_failing:
        return _("Lỗi (%(n)d lần): %(error)s", n=feed.failure_count, error=feed.last_error)
    if feed.last_success_at:
        return _("Hoạt động")
    return _("Chưa lấy tin")


register(
    Crud(
        bp,
        "city-feeds",
        ExternalFeed,
        FeedForm,
        _l("Nguồn tin ngoài (RSS, Atom)"),
        order=42,
        save=_save_feed,
        order_by=lambda m: [m.name],
        columns=[
            (_l("Tên nguồn"), lambda r: r.name),
            (_l("Địa chỉ RSS hoặc Atom"), lambda r: r.url),
            (_l("Tình trạng"), _feed_status),
        ],
        hint=_l("Tin của các cổng ngoài hệ thống (cổng thông tin tỉnh, báo) hiện cùng tin các phường, xã."),
        extra_links=[(_l("Bảng tin các phường, xã"), "aggregator.board")],
    )
)
