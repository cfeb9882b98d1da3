"""The English version of an article ("Bản dịch tiếng Anh"): its own page beside the editor."""

from __future__ import annotations

from operator import attrgetter

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.bilingual import TranslatableContent, add_translatable
from app.extensions import db
from app.roles import STAFF, require_role
from app.templating import render
from app.validation import FieldErrors
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.forms import TranslationForm
from blueprints.newsroom.models import Article, ArticleState
from blueprints.newsroom.translation import (
    EnglishInput,
    can_translate,
    changes_since_translation,
    save_translation,
)
from blueprints.newsroom.views import load_article

add_translatable(
    TranslatableContent(
        "articles",
        _l("Tin bài đã đăng"),
        Article,
        order=50,
        public=lambda: Article.state == ArticleState.PUBLISHED,
        edit_endpoint="newsroom.translate_article",
        edit_arg="article_id",
        describe=attrgetter("title"),
    )
)


@bp.route("/admin/newsroom/articles/<int:article_id>/ban-dich", methods=["GET", "POST"])
@require_role(*STAFF)
def translate_article(article_id: int):
    article = load_article(article_id, can_translate)
    form = TranslationForm(obj=article) if request.method == "GET" else TranslationForm()
    if form.validate_on_submit():
        data = EnglishInput(
            form.title_en.data or "", form.summary_en.data or "", form.body_en.data or "", form.reviewed.data
        )
        try:
            save_translation(article, data)
        except FieldErrors as exc:
            exc.apply_to(form)
        else:
            db.session.commit()
            flash(_("Đã lưu bản dịch tiếng Anh."), "success")
            return redirect(url_for("newsroom.translate_article", article_id=article.id))
    status = 422 if request.method == "POST" else 200
    return render(
        "newsroom/translation.html", form=form, article=article, changes=changes_since_translation(article)
    ), status
