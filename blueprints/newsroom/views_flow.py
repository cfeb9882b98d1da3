"""Back-office views of the workflow: the dashboard, transitions, revisions, cover images."""

from __future__ import annotations

from datetime import UTC

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.crud import or_404
from app.extensions import db
from app.roles import require_role
from app.templating import render
from app.uploads import send_stored
from app.validation import FieldErrors
from blueprints.newsroom import workflow
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.dashboard import dashboard as build_dashboard
from blueprints.newsroom.editing import EditConflict, compare, restore_revision, revision, revisions
from blueprints.newsroom.forms import RestoreForm, TransitionForm
from blueprints.newsroom.models import ArticleState
from blueprints.newsroom.permissions import can_edit, can_write
from blueprints.newsroom.public import cover_key
from blueprints.newsroom.views import MEMBERS, load_article
from blueprints.newsroom.workflow import WorkflowError
from tenants.context import require_tenant


@bp.get("/admin/newsroom/")
@require_role(*MEMBERS)
def dashboard():
    return render(
        "newsroom/dashboard.html",
        board=build_dashboard(current_user),
        ArticleState=ArticleState,
        may_write=can_write(current_user),
    )


@bp.post("/admin/newsroom/articles/<int:article_id>/do/<action>")
@require_role(*MEMBERS)
def transition(article_id: int, action: str):
    article = load_article(article_id)
    if action not in workflow.ACTIONS:
        abort(404)
    form = TransitionForm()
    if not form.validate_on_submit():
        if form.csrf_token.errors:
            abort(400)
        return _detail_with_errors(article, form, action)
    comment = form.comment.data or ""
    try:
        if action == "submit":
            warning = workflow.submit(article, current_user, comment).warning
            if warning:
                flash(str(warning), "warning")
        elif action == "approve":
            workflow.approve(article, current_user, comment, factor=form.factor.data)
        elif action == "schedule":
            when = form.publish_at.data
            if when is not None:
                when = when.replace(tzinfo=require_tenant().zone).astimezone(UTC)
            workflow.schedule(article, current_user, when, comment)
        else:  # through the action's own service, which keeps its side effects (the publication date)
            workflow.SIMPLE_ACTIONS[action](article, current_user, comment)
    except workflow.NotAllowed:
        abort(403)
    except FieldErrors as exc:
        for name, message in exc.fields.items():
            if name in form:
                form[name].errors = [message]
        return _detail_with_errors(article, form, action, exc.fields)
    except WorkflowError as exc:
        flash(str(exc.message), "error")
        return redirect(url_for("newsroom.article_detail", article_id=article.id))
    db.session.commit()
    flash(_("Đã chuyển bài sang trạng thái: %(state)s.", state=ArticleState(article.state).label), "success")
    return redirect(url_for("newsroom.article_detail", article_id=article.id))


def _detail_with_errors(article, form, action: str, missing: dict | None = None):
    return render(
        "newsroom/detail.html",
        article=article,
        timeline=workflow.timeline(article),
        actions=workflow.available_actions(article, current_user),
        form=form,
        failed_action=action,
        missing=missing or {},
        can_edit=can_edit(article, current_user),
        ArticleState=ArticleState,
    ), 422


@bp.get("/admin/newsroom/articles/<int:article_id>/revisions")
@require_role(*MEMBERS)
def article_revisions(article_id: int):
    article = load_article(article_id)
    all_revisions = revisions(article)
    diff = old = new = None
    a, b = request.args.get("a", type=int), request.args.get("b", type=int)
    if a and b:
        old, new = revision(article, a), revision(article, b)
        if old is None or new is None:
            abort(404)
        diff = compare(old, new)
    return render(
        "newsroom/revisions.html",
        article=article,
        revisions=all_revisions,
        diff=diff,
        old=old,
        new=new,
        form=RestoreForm(version=article.version),
        can_edit=can_edit(article, current_user),
    )


@bp.post("/admin/newsroom/articles/<int:article_id>/revisions/<int:number>/restore")
@require_role(*MEMBERS)
def restore(article_id: int, number: int):
    article = load_article(article_id)
    old = or_404(revision(article, number))
    if not can_edit(article, current_user):
        abort(403)
    form = RestoreForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        restore_revision(article, old, current_user, int(form.version.data or 0))
    except EditConflict:
        flash(_("Bài vừa được người khác sửa. Hãy xem lại trước khi khôi phục."), "error")
        return redirect(url_for("newsroom.article_revisions", article_id=article_id))
    db.session.commit()
    flash(_("Đã khôi phục phiên bản %(number)d thành phiên bản mới.", number=number), "success")
    return redirect(url_for("newsroom.article_detail", article_id=article_id))


@bp.get("/admin/newsroom/articles/<int:article_id>/cover/<size>")
@require_role(*MEMBERS)
def backoffice_cover(article_id: int, size: str):
    article = load_article(article_id)
    key = cover_key(article, size)
    if not key:
        abort(404)
    return send_stored(
        key, article.cover_content_type or "image/jpeg", f"cover-{article.id}", as_attachment=False
    )
