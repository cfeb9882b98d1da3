"""Back-office views of articles: list, write, edit (with conflicts), detail. Thin: parse, call
a service, render. `NotAllowed` becomes 403; an article of another portal is simply not found."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.crud import or_404
from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_backoffice_page
from app.roles import MEMBERS, require_role
from app.templating import render
from app.uploads import UploadRejected, store_upload
from app.validation import FieldErrors
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.choices import author_choices, section_choices, unit_choices, unit_of
from blueprints.newsroom.dashboard import ArticleFilter, filtered_articles
from blueprints.newsroom.editing import (
    ArticleInput,
    EditConflict,
    create_article,
    input_from_article,
    parse_tags,
    save_article,
)
from blueprints.newsroom.forms import ArticleForm, FilterForm, TransitionForm
from blueprints.newsroom.models import Article, ArticleState
from blueprints.newsroom.permissions import WRITERS, can_edit, can_view
from blueprints.newsroom.translation import can_translate
from blueprints.newsroom.workflow import NotAllowed, available_actions, submit, timeline
from tenants.context import require_tenant

add_backoffice_page("newsroom.dashboard", _l("Tòa soạn"), roles=MEMBERS, order=10)
add_backoffice_page("newsroom.articles", _l("Tin bài"), roles=MEMBERS, order=11)
add_backoffice_page("newsroom.new_article", _l("Viết bài mới"), roles=WRITERS, order=12)


def load_article(article_id: int, may=can_view) -> Article:
    """This portal's article (404 otherwise: another portal's id is indistinguishable from none),
    which the current user `may` see, edit, translate… (403 otherwise)."""
    article = or_404(db.session.get(Article, (require_tenant().id, article_id)))
    if not can_view(article, current_user) or not may(article, current_user):
        abort(403)
    return article


def _fill_choices(form) -> None:
    form.section_id.choices = section_choices(current_locale())
    form.unit_id.choices = unit_choices(current_locale())
    if hasattr(form, "author_ids"):
        form.author_ids.choices = author_choices()


@bp.get("/admin/newsroom/articles")
@require_role(*MEMBERS)
def articles():
    form = FilterForm(request.args)
    form.section_id.choices = section_choices(current_locale(), blank=_l("Tất cả"))
    form.unit_id.choices = unit_choices(current_locale(), blank=_l("Tất cả"))
    f = ArticleFilter(
        state=form.state.data or "",
        kind=form.kind.data or "",
        query=form.q.data or "",
        section_id=form.section_id.data if form.section_id.raw_data else None,
        unit_id=form.unit_id.data if form.unit_id.raw_data else None,
    )
    page = filtered_articles(current_user, f, page=request.args.get("page", 1, type=int))
    args = {k: v for k, v in request.args.items() if k != "page"}
    return render("newsroom/list.html", form=form, page=page, args=args, ArticleState=ArticleState)


def _input(form: ArticleForm) -> ArticleInput:
    return ArticleInput(
        title=form.title.data or "",
        summary=form.summary.data or "",
        body=form.body.data or "",
        kind=form.kind.data,
        section_id=form.section_id.data,
        unit_id=form.unit_id.data,
        tags=parse_tags(form.tags.data),
        is_highlight=bool(form.is_highlight.data),
        cover_caption=form.cover_caption.data or "",
        cover_alt=form.cover_alt.data or "",
        source_type=form.source_type.data or None,
        source_name=form.source_name.data or "",
        source_url=form.source_url.data or "",
        source_author=form.source_author.data or "",
        author_ids=list(form.author_ids.data or []),
    )


def _attach_errors(form, errors: dict) -> None:
    for name, message in errors.items():
        if name in form:
            form[name].errors = (
                [*form[name].errors, message] if isinstance(form[name].errors, list) else [message]
            )


def _store_cover(form: ArticleForm, data: ArticleInput) -> bool:
    upload = form.cover.data
    if not upload or not getattr(upload, "filename", ""):
        return True
    try:
        data.cover = store_upload(upload, kind="image")
    except UploadRejected as exc:
        form.cover.errors = [str(exc)]
        return False
    return True


def _save(form: ArticleForm, article: Article | None) -> tuple[Article | None, bool]:
    """Create or update from a valid form: (the article if it exists now, whether all went through).

    When only the submission is refused, the text is saved and the errors are on the form."""
    data = _input(form)
    if not _store_cover(form, data):
        return article, False
    try:
        if article is None:
            article = create_article(current_user, data)
        else:
            save_article(article, current_user, data, int(form.version.data or 0))
        if form.save_and_submit.data:
            db.session.flush()
            transition = submit(article, current_user)
            if transition.warning:
                flash(str(transition.warning), "warning")
    except FieldErrors as exc:
        _attach_errors(form, exc.fields)
        if article is not None and article.id is not None:
            db.session.commit()  # the text is saved; only the submission is refused
            form.version.data = article.version
        return article, False
    return article, True


@bp.route("/admin/newsroom/articles/new", methods=["GET", "POST"])
@require_role(*WRITERS)
def new_article():
    form = ArticleForm()
    _fill_choices(form)
    if request.method == "GET":
        form.author_ids.data = [current_user.id]
        form.unit_id.data = unit_of(current_user)
    article = None
    if form.validate_on_submit():
        article, ok = _save(form, None)
        if ok:
            db.session.commit()
            flash(_("Đã lưu bài."), "success")
            return redirect(url_for("newsroom.article_detail", article_id=article.id))
    status = 422 if request.method == "POST" else 200
    return render("newsroom/form.html", form=form, article=article), status


@bp.route("/admin/newsroom/articles/<int:article_id>/edit", methods=["GET", "POST"])
@require_role(*MEMBERS)
def edit_article(article_id: int):
    article = load_article(article_id, can_edit)
    form = ArticleForm(obj=input_from_article(article) if request.method == "GET" else None)
    _fill_choices(form)
    if request.method == "GET":
        form.version.data = article.version
        form.tags.data = ", ".join(article.tags or [])
    conflict = None
    if form.validate_on_submit():
        try:
            ok = _save(form, article)[1]
        except EditConflict as exc:
            conflict = exc.article
            form.version.data = conflict.version  # saving again now is a deliberate overwrite
            return render("newsroom/form.html", form=form, article=conflict, conflict=conflict), 409
        except NotAllowed:
            abort(403)
        if ok:
            db.session.commit()
            flash(_("Đã lưu bài."), "success")
            return redirect(url_for("newsroom.article_detail", article_id=article.id))
    status = 422 if request.method == "POST" else 200
    return render("newsroom/form.html", form=form, article=article, conflict=conflict), status


@bp.get("/admin/newsroom/articles/<int:article_id>")
@require_role(*MEMBERS)
def article_detail(article_id: int):
    article = load_article(article_id)
    return render(
        "newsroom/detail.html",
        article=article,
        timeline=timeline(article),
        actions=available_actions(article, current_user),
        form=TransitionForm(),
        can_edit=can_edit(article, current_user),
        can_translate=can_translate(article, current_user),
        ArticleState=ArticleState,
    )
