"""Back-office screens of consultations: list, create and edit (with the draft's files), revise
the text, moderate and answer comments, conclude with the report, export, and the setting."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.crud import or_404
from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from app.uploads import UploadRejected, send_stored
from app.validation import FieldErrors
from blueprints.consultations import exports, presenting, services
from blueprints.consultations.blueprint import bp
from blueprints.consultations.forms import (
    ConsultationForm,
    ModerationForm,
    ReportForm,
    ResponseForm,
    RevisionForm,
    SettingsForm,
)
from blueprints.consultations.models import CommentState
from tenants.context import require_tenant

add_backoffice_page("consultations.admin_index", _l("Lấy ý kiến dự thảo"), roles=CONTENT_MANAGERS, order=47)
guard = require_role(*CONTENT_MANAGERS)


def _find(consultation_id: int):
    consultation = or_404(services.get_consultation(consultation_id, public=False))
    return consultation


def _find_comment(consultation_id: int, comment_id: int):
    """The consultation and one of its comments, or 404."""
    consultation = _find(consultation_id)
    comment = or_404(services.get_comment(consultation, comment_id))
    return consultation, comment


@bp.get("/admin/consultations")
@guard
def admin_index():
    page = services.list_consultations(request.args.get("state", ""), per_page=100, public=False)
    counts = {c.id: services.comment_counts(c) for c in page.items}
    return render(
        "consultations/admin/index.html",
        page=page,
        counts=counts,
        now=services.utcnow(),
        settings_form=SettingsForm(formdata=None, moderation=services.moderation().value),
    )


@bp.post("/admin/consultations/settings")
@guard
def admin_settings():
    form = SettingsForm()
    if form.validate():
        services.set_moderation(form.moderation.data)
        db.session.commit()
        flash(_("Đã lưu cài đặt."), "success")
    return redirect(url_for("consultations.admin_index"))


def _local(value):
    """A naive local time from the form as an aware datetime in the portal's zone."""
    return value.replace(tzinfo=require_tenant().zone)


@bp.route("/admin/consultations/new", methods=["GET", "POST"], defaults={"consultation_id": None})
@bp.route("/admin/consultations/<int:consultation_id>", methods=["GET", "POST"])
@guard
def admin_edit(consultation_id: int | None):
    consultation = _find(consultation_id) if consultation_id else None
    form = ConsultationForm(obj=consultation)
    if request.method == "GET" and consultation is not None:
        zone = require_tenant().zone
        form.opens_at.data = consultation.opens_at.astimezone(zone).replace(tzinfo=None)
        form.closes_at.data = consultation.closes_at.astimezone(zone).replace(tzinfo=None)
    if form.validate_on_submit():
        values = {k: v for k, v in form.data.items() if k not in ("upload", "submit", "csrf_token")}
        values["opens_at"], values["closes_at"] = _local(values["opens_at"]), _local(values["closes_at"])
        try:
            saved = services.save_consultation(consultation, **values)
            if form.upload.data and getattr(form.upload.data, "filename", ""):
                services.add_file(saved, form.upload.data)
        except FieldErrors as exc:
            db.session.rollback()
            exc.apply_to(form)
        except UploadRejected as exc:
            db.session.rollback()
            form.upload.errors = [*form.upload.errors, str(exc)]
        else:
            db.session.commit()
            flash(_("Đã lưu dự thảo “%(title)s”.", title=saved.title), "success")
            target = "admin_edit" if saved.current_revision else "admin_revise"
            return redirect(url_for(f"consultations.{target}", consultation_id=saved.id))
    return render("consultations/admin/edit.html", form=form, c=consultation), 422 if form.errors else 200


@bp.get("/admin/consultations/<int:consultation_id>/files/<int:file_id>")
@guard
def admin_download(consultation_id: int, file_id: int):
    file = or_404(services.get_file(consultation_id, file_id, public=False))
    return send_stored(file.file_key, file.content_type, file.filename)


@bp.post("/admin/consultations/<int:consultation_id>/files/<int:file_id>/delete")
@guard
def admin_remove_file(consultation_id: int, file_id: int):
    file = or_404(services.get_file(consultation_id, file_id, public=False))
    services.remove_file(file)
    db.session.commit()
    flash(_("Đã gỡ tệp."), "info")
    return redirect(url_for("consultations.admin_edit", consultation_id=consultation_id))


@bp.route("/admin/consultations/<int:consultation_id>/text", methods=["GET", "POST"])
@guard
def admin_revise(consultation_id: int):
    consultation = _find(consultation_id)
    form = RevisionForm()
    if request.method == "GET":
        form.text.data = services.draft_as_text(consultation)
    elif form.validate_on_submit():
        try:
            revision = services.revise(consultation, form.text.data, form.note.data or "")
        except FieldErrors as exc:
            db.session.rollback()
            exc.apply_to(form)
        else:
            db.session.commit()
            flash(_("Đã lưu bản dự thảo lần %(number)d.", number=revision.number), "success")
            return redirect(url_for("consultations.admin_revise", consultation_id=consultation.id))
    return render(
        "consultations/admin/revise.html",
        form=form,
        c=consultation,
        revisions=services.revisions(consultation),
        may_revise=services.may_revise(consultation),
    ), 422 if form.errors else 200


@bp.get("/admin/consultations/<int:consultation_id>/comments")
@guard
def admin_comments(consultation_id: int):
    consultation = _find(consultation_id)
    state = request.args.get("state", "")
    comments = services.comments_for_moderation(consultation, state)
    view = presenting.consultation_view(consultation, comments=comments)
    return render(
        "consultations/admin/comments.html",
        c=consultation,
        v=view,
        state=state,
        states=list(CommentState),
        states_by_value={s.value: s for s in CommentState},
        counts=services.comment_counts(consultation),
        moderation=services.moderation(),
        actions=services.ACTION_LABELS,
        form=ModerationForm(formdata=None),
        response_form=ResponseForm(formdata=None),
        report_form=ReportForm(formdata=None, report=consultation.report),
        errors={},
    )


@bp.post("/admin/consultations/<int:consultation_id>/comments/<int:comment_id>/moderate")
@guard
def admin_moderate(consultation_id: int, comment_id: int):
    consultation, comment = _find_comment(consultation_id, comment_id)
    form = ModerationForm()
    if form.validate_on_submit():
        try:
            services.moderate(
                comment, form.action.data, moderator_id=current_user.id, reason=form.reason.data
            )
        except FieldErrors as exc:
            db.session.rollback()
            flash(_("Ý kiến #%(id)d: %(message)s", id=comment_id, message=exc.message), "error")
        else:
            db.session.commit()
            flash(
                _("Ý kiến #%(id)d: %(state)s.", id=comment_id, state=CommentState(comment.state).label),
                "success",
            )
    return redirect(
        url_for(
            "consultations.admin_comments",
            consultation_id=consultation.id,
            state=request.args.get("state", ""),
            _anchor=f"comment-{comment_id}",
        )
    )


@bp.post("/admin/consultations/<int:consultation_id>/comments/<int:comment_id>/response")
@guard
def admin_respond(consultation_id: int, comment_id: int):
    consultation, comment = _find_comment(consultation_id, comment_id)
    form = ResponseForm()
    if form.validate_on_submit():
        services.respond(comment, form.response.data)
        db.session.commit()
        flash(_("Đã lưu ý kiến tiếp thu cho ý kiến #%(id)d.", id=comment_id), "success")
    return redirect(
        url_for(
            "consultations.admin_comments", consultation_id=consultation.id, _anchor=f"comment-{comment_id}"
        )
    )


@bp.post("/admin/consultations/<int:consultation_id>/conclude")
@guard
def admin_conclude(consultation_id: int):
    consultation = _find(consultation_id)
    form = ReportForm()
    if form.validate_on_submit():
        try:
            services.conclude(consultation, form.report.data)
        except FieldErrors as exc:
            db.session.rollback()
            flash(exc.message, "error")
        else:
            db.session.commit()
            flash(_("Đã công bố báo cáo tiếp thu, giải trình."), "success")
    else:
        flash(_("Nhập báo cáo tiếp thu, giải trình."), "error")
    return redirect(
        url_for("consultations.admin_comments", consultation_id=consultation.id, _anchor="report-h")
    )


@bp.get("/admin/consultations/<int:consultation_id>/export.csv")
@guard
def admin_export(consultation_id: int):
    consultation = _find(consultation_id)
    return exports.csv_response(consultation)


@bp.get("/admin/consultations/<int:consultation_id>/print")
@guard
def admin_print(consultation_id: int):
    consultation = _find(consultation_id)
    comments = [c for c in services.comments_for_moderation(consultation) if c.state != CommentState.SPAM]
    return render(
        "consultations/print.html",
        c=consultation,
        internal=True,
        comments=comments,
        v=presenting.consultation_view(consultation, comments=comments),
        states={s.value: s for s in CommentState},
    )
