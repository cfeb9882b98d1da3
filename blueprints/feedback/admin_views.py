"""Back office of the Q&A: the inbox, one item (assign, note, answer, publish), the asker's
attachment, the categories and the portal's settings. Rules on who may act: `inbox.py`."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from wtforms.fields.choices import SelectChoice

from app.crud import Crud, register
from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, MEMBERS, require_role
from app.templating import render
from app.uploads import send_stored
from app.validation import FieldErrors
from blueprints.feedback import inbox, services
from blueprints.feedback.blueprint import bp
from blueprints.feedback.forms import (
    AnswerForm,
    AssignForm,
    CategoryForm,
    NoteForm,
    PublishForm,
    SettingsForm,
    WithdrawForm,
)
from blueprints.feedback.models import FeedbackCategory, ItemState
from blueprints.feedback.tasks import mail_answer, mail_assigned
from tenants.context import require_tenant
from workers.queue import enqueue_after_commit

add_backoffice_page("feedback.admin_inbox", _l("Hỏi đáp – Góp ý"), roles=MEMBERS, order=47)
add_backoffice_page("feedback.admin_settings", _l("Cài đặt hỏi đáp"), roles=CONTENT_MANAGERS, order=49)
register(
    Crud(
        bp,
        "feedback-categories",
        FeedbackCategory,
        CategoryForm,
        _l("Lĩnh vực hỏi đáp"),
        order=48,
        order_by=lambda m: [m.position, m.name_vi],
        columns=[
            (_l("Tên lĩnh vực (tiếng Việt)"), lambda r: r.name_vi),
            (_l("Tên lĩnh vực (tiếng Anh)"), lambda r: r.name_en),
            (_l("Đang dùng"), lambda r: _("Có") if r.is_active else _("Không")),
        ],
    )
)


def _filters() -> inbox.InboxFilter:
    state = request.args.get("state")
    return inbox.InboxFilter(
        state=state if state in {s.value for s in ItemState} else None,
        category_id=request.args.get("category", type=int),
        unit_id=request.args.get("unit", type=int),
        overdue=request.args.get("overdue") == "1",
        mine=request.args.get("mine") == "1",
        page=request.args.get("page", 1, type=int),
    )


@bp.get("/admin/feedback")
@require_role(*MEMBERS)
def admin_inbox():
    filters = _filters()
    return render(
        "feedback/admin/inbox.html",
        found=inbox.inbox(current_user, filters),
        filters=filters,
        categories=services.categories(active_only=False),
        units=inbox.units(),
        states=list(ItemState),
        today=require_tenant().today(),
        sees_everything=inbox.sees_everything(current_user),
    )


def _visible_item(item_id: int):
    item = inbox.get_item(item_id)
    if item is None or not inbox.may_see(current_user, item):
        abort(404)
    return item


def _item_page(item, assign_form=None, note_form=None, answer_form=None, status: int = 200):
    assign_form = assign_form or AssignForm(formdata=None, obj=item)
    assign_form.unit_id.choices = [SelectChoice("", _("— Chưa giao đơn vị —"))] + [
        SelectChoice(u.id, u.name_vi) for u in inbox.units()
    ]
    assign_form.assignee_id.choices = [SelectChoice("", _("— Chưa giao người —"))] + [
        SelectChoice(u.id, u.name or u.email) for u in inbox.members()
    ]
    answer_form = answer_form or AnswerForm(formdata=None, obj=item)
    return render(
        "feedback/admin/item.html",
        item=item,
        notes=inbox.notes(item),
        assign_form=assign_form,
        note_form=note_form or NoteForm(formdata=None),
        answer_form=answer_form,
        publish_form=PublishForm(),
        withdraw_form=WithdrawForm(),
        today=require_tenant().today(),
        may_manage=inbox.may_manage(current_user),
    ), status


@bp.get("/admin/feedback/<int:item_id>")
@require_role(*MEMBERS)
def admin_item(item_id: int):
    return _item_page(_visible_item(item_id))


@bp.get("/admin/feedback/<int:item_id>/files/attachment")
@require_role(*MEMBERS)
def admin_attachment(item_id: int):
    item = _visible_item(item_id)
    if not item.attachment_key:
        abort(404)
    return send_stored(item.attachment_key, item.attachment_type, item.attachment_name or "attachment")


@bp.post("/admin/feedback/<int:item_id>/assign")
@require_role(*CONTENT_MANAGERS)
def admin_assign(item_id: int):
    item = _visible_item(item_id)
    form = AssignForm()
    if form.validate_on_submit():
        try:
            changed = inbox.assign(item, form.unit_id.data, form.assignee_id.data)
        except FieldErrors as exc:
            db.session.rollback()
            exc.apply_to(form)
        else:
            if changed:
                enqueue_after_commit(mail_assigned, require_tenant().id, item.id, item.assignee_id)
            db.session.commit()
            flash(_("Đã giao xử lý."), "info")
            return redirect(url_for("feedback.admin_item", item_id=item.id))
    return _item_page(_visible_item(item_id), assign_form=form, status=422)


@bp.post("/admin/feedback/<int:item_id>/notes")
@require_role(*MEMBERS)
def admin_note(item_id: int):
    item = _visible_item(item_id)
    form = NoteForm()
    if not form.validate_on_submit():
        return _item_page(item, note_form=form, status=422)
    inbox.add_note(item, current_user, form.body.data)
    db.session.commit()
    flash(_("Đã thêm ghi chú nội bộ."), "info")
    return redirect(url_for("feedback.admin_item", item_id=item.id, _anchor="notes-h"))


@bp.post("/admin/feedback/<int:item_id>/answer")
@require_role(*MEMBERS)
def admin_answer(item_id: int):
    item = _visible_item(item_id)
    form = AnswerForm()
    if not inbox.may_answer(current_user, item):
        abort(403)
    if form.validate_on_submit():
        try:
            first = inbox.save_answer(item, current_user, form.answer.data)
        except FieldErrors as exc:
            db.session.rollback()
            exc.apply_to(form)
        else:
            if first:
                enqueue_after_commit(mail_answer, require_tenant().id, item.id)
            db.session.commit()
            flash(
                _("Đã lưu câu trả lời và gửi cho người hỏi.") if first else _("Đã sửa câu trả lời."), "info"
            )
            return redirect(url_for("feedback.admin_item", item_id=item.id))
    return _item_page(_visible_item(item_id), answer_form=form, status=422)


@bp.post("/admin/feedback/<int:item_id>/publish")
@require_role(*CONTENT_MANAGERS)
def admin_publish(item_id: int):
    item = _visible_item(item_id)
    if PublishForm().validate_on_submit():
        try:
            inbox.publish(item)
        except FieldErrors as exc:
            db.session.rollback()
            flash(str(exc.message), "error")
        else:
            db.session.commit()
            flash(_("Đã đăng trong mục Hỏi đáp công khai."), "info")
    return redirect(url_for("feedback.admin_item", item_id=item_id))


@bp.post("/admin/feedback/<int:item_id>/withdraw")
@require_role(*CONTENT_MANAGERS)
def admin_withdraw(item_id: int):
    item = _visible_item(item_id)
    if WithdrawForm().validate_on_submit():
        inbox.withdraw(item)
        db.session.commit()
        flash(_("Đã gỡ khỏi mục Hỏi đáp công khai."), "info")
    return redirect(url_for("feedback.admin_item", item_id=item_id))


@bp.route("/admin/feedback/settings", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_settings():
    current = services.settings()
    form = SettingsForm(obj=current)
    if form.validate_on_submit():
        services.save_settings(form.answer_days.data, form.retention_months.data)
        db.session.commit()
        flash(_("Đã lưu cài đặt."), "info")
        return redirect(url_for("feedback.admin_settings"))
    return render("feedback/admin/settings.html", form=form), 422 if form.errors else 200


@bp.app_context_processor
def dashboard_context():
    """`feedback_due_counts()` for the newsroom dashboard's panel: (overdue, due soon), for the
    board's office only (None for others)."""

    def counts():
        if not current_user.is_authenticated or not inbox.sees_everything(current_user):
            return None
        return inbox.overdue_counts()

    return {"feedback_due_counts": counts}
