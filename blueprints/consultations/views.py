"""Public pages of consultations: the list by state, a consultation with its structured text,
comments per clause and the comment form, downloads and the printable report."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.crud import or_404
from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_public_page
from app.public_forms import refusal
from app.templating import render
from app.uploads import send_stored
from app.validation import FieldErrors
from blueprints.consultations import presenting, services
from blueprints.consultations.blueprint import bp
from blueprints.consultations.forms import CommentForm
from blueprints.consultations.models import ConsultationState, Moderation
from blueprints.consultations.services import ConsultationClosed

add_public_page(
    "consultations.index",
    _l("Lấy ý kiến dự thảo"),
    _l("Toàn văn dự thảo, thời hạn, ý kiến đã nhận và cơ quan tiếp nhận; gửi ý kiến góp ý."),
    order=45,
)


def _page_arg() -> int:
    value = request.args.get("page", "1")
    return int(value) if value.isdigit() and len(value) < 7 else 1


@bp.get("/lay-y-kien")
def index():
    state = request.args.get("state", "")
    state = state if state in {s.value for s in ConsultationState} else ""
    page = services.list_consultations(state, page=_page_arg())
    return render(
        "consultations/index.html",
        page=page,
        state=state,
        states=list(ConsultationState),
        now=services.utcnow(),
    )


def _consultation_or_404(consultation_id: int):
    consultation = or_404(services.get_consultation(consultation_id))
    return consultation


def _comment_form(consultation, formdata=None) -> CommentForm:
    form = CommentForm(formdata=formdata) if formdata is not None else CommentForm()
    form.clause.choices = [("", _("Toàn bộ dự thảo"))] + services.clause_choices(consultation)
    return form


def _detail(
    consultation,
    form: CommentForm | None = None,
    late: bool = False,
    status: int = 200,
    refused: str | None = None,
):
    if form is None:
        form = _comment_form(consultation)
        chosen = request.args.get("clause", "")
        if chosen in {key for key, _label in form.clause.choices}:
            form.clause.data = chosen
    view = presenting.consultation_view(consultation)
    return render(
        "consultations/detail.html", c=consultation, v=view, form=form, late=late, refused=refused
    ), status


@bp.get("/lay-y-kien/<int:consultation_id>")
def detail(consultation_id: int):
    return _detail(_consultation_or_404(consultation_id))


@bp.post("/lay-y-kien/<int:consultation_id>/gop-y")
def comment(consultation_id: int):
    consultation = _consultation_or_404(consultation_id)
    form = _comment_form(consultation, request.form)
    if not consultation.is_open():
        # An old tab posted after the closing time: refuse, and give the text back.
        return _detail(consultation, form, late=True, status=409)
    if not form.validate():
        return _detail(consultation, form, status=422)
    message = refusal("consultation-comment")
    if message:
        return _detail(consultation, form, status=429, refused=message)
    try:
        services.submit_comment(
            consultation,
            clause_key=form.clause.data or None,
            name=form.name.data,
            email=form.email.data,
            organisation=form.organisation.data,
            body=form.body.data,
            locale=current_locale(),
        )
    except ConsultationClosed:
        db.session.rollback()
        return _detail(consultation, form, late=True, status=409)
    except FieldErrors as exc:
        db.session.rollback()
        exc.apply_to(form)
        return _detail(consultation, form, status=422)
    db.session.commit()
    if services.moderation() == Moderation.PRE:
        flash(_("Cảm ơn bạn đã góp ý. Ý kiến sẽ được đăng sau khi được kiểm duyệt."), "success")
    else:
        flash(_("Cảm ơn bạn đã góp ý. Ý kiến đã được đăng."), "success")
    anchor = f"k-{form.clause.data}" if form.clause.data else "comments-h"
    return redirect(url_for("consultations.detail", consultation_id=consultation.id, _anchor=anchor))


@bp.get("/lay-y-kien/<int:consultation_id>/tep/<int:file_id>")
def download(consultation_id: int, file_id: int):
    file = or_404(services.get_file(consultation_id, file_id))
    return send_stored(file.file_key, file.content_type, file.filename)


@bp.get("/lay-y-kien/<int:consultation_id>/ban-in")
def printable(consultation_id: int):
    """The public report: the draft's comments as shown on the page, with the agency's answers."""
    consultation = _consultation_or_404(consultation_id)
    return render(
        "consultations/print.html",
        c=consultation,
        v=presenting.consultation_view(consultation),
        comments=services.public_comments(consultation),
        internal=False,
    )
