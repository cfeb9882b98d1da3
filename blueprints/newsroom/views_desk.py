"""The writing desk's endpoints behind the editor: image uploads, autosave, the preview, and the
images inside published texts. Thin: parse, call a service, answer (JSON for the editor)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask import abort, jsonify, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from app.extensions import db
from app.i18n import current_locale
from app.roles import MEMBERS, require_role
from app.security import content_security_policy
from app.templating import render
from app.uploads import UploadRejected, send_stored
from app.validation import FieldErrors
from blueprints.newsroom import inline_images
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.editing import EditConflict, create_article, save_article
from blueprints.newsroom.forms import ArticleForm
from blueprints.newsroom.models import Article
from blueprints.newsroom.permissions import WRITERS, can_edit, can_view
from blueprints.newsroom.public import published_article
from blueprints.newsroom.views import _fill_choices, _input, load_article
from blueprints.newsroom.workflow import NotAllowed
from tenants.context import require_tenant


def storage_key(article_id: int | None) -> str:
    """Where the browser keeps its local copy: per portal, and per article (or the person's new one)."""
    tail = f"article:{article_id}" if article_id else f"new:{current_user.id}"
    return f"wardportal:{require_tenant().id}:{tail}"


def desk_urls(article: Article | None) -> dict[str, str]:
    """The editor's endpoints for `article` (a new article only autosaves, which creates it)."""
    if article is None or article.id is None:
        return {"autosave_url": url_for("newsroom.autosave_new"), "storage_key": storage_key(None)}
    return {
        "autosave_url": url_for("newsroom.autosave", article_id=article.id),
        "upload_url": url_for("newsroom.upload_image", article_id=article.id),
        "preview_url": url_for("newsroom.preview", article_id=article.id),
        "edit_url": url_for("newsroom.edit_article", article_id=article.id),
        "storage_key": storage_key(article.id),
    }


bp.add_app_template_global(desk_urls, "newsroom_desk_urls")


def _editable(article_id: int) -> Article:
    article = load_article(article_id)
    if not can_edit(article, current_user):
        abort(403)
    return article


@bp.post("/admin/newsroom/articles/<int:article_id>/images")
@require_role(*MEMBERS)
def upload_image(article_id: int):
    article = _editable(article_id)
    upload = request.files.get("image")
    if upload is None or not upload.filename:
        return jsonify(error=_("Chọn một tệp ảnh.")), 422
    try:
        image = inline_images.store_inline_image(article, upload, current_user)
    except UploadRejected as exc:
        return jsonify(error=str(exc)), 422
    db.session.commit()
    return jsonify(
        id=image.id,
        src=inline_images.image_path(article.id, image.id),
        width=image.width,
        height=image.height,
    ), 201


@bp.get("/anh-trong-bai/<int:article_id>/<int:image_id>/<size>")
def article_image(article_id: int, image_id: int, size: str):
    """An image of a published article to anyone; of a draft only to who may see the draft."""
    if published_article(article_id) is None:
        article = db.session.get(Article, (require_tenant().id, article_id))
        if article is None or not current_user.is_authenticated or not can_view(article, current_user):
            abort(404)
    image = inline_images.image_of(article_id, image_id)
    key = inline_images.key_for(image, size) if image else None
    if not key:
        abort(404)
    return send_stored(key, image.content_type, f"anh-{article_id}-{image_id}", as_attachment=False)


def _autosave(article: Article | None):
    form = ArticleForm()
    _fill_choices(form)
    if not form.validate_on_submit():
        first = next((f"{form[name].label.text}: {errors[0]}" for name, errors in form.errors.items()), "")
        return jsonify(
            error=_(
                "Chưa lưu được lên máy chủ (%(problem)s); nội dung vẫn được giữ trên máy này.", problem=first
            )
        ), 422
    data = _input(form)
    try:
        if article is None:
            article = create_article(current_user, data)
        else:
            save_article(article, current_user, data, int(form.version.data or 0), note=_("Tự động lưu"))
    except EditConflict:
        return jsonify(error=_("Bài đã được người khác sửa.")), 409
    except NotAllowed:
        abort(403)
    except FieldErrors as exc:
        return jsonify(error=str(next(iter(exc.fields.values())))), 422
    db.session.commit()
    return jsonify(version=article.version, saved_at=datetime.now(UTC).isoformat(), **desk_urls(article))


@bp.post("/admin/newsroom/articles/autosave")
@require_role(*WRITERS)
def autosave_new():
    return _autosave(None)


@bp.post("/admin/newsroom/articles/<int:article_id>/autosave")
@require_role(*MEMBERS)
def autosave(article_id: int):
    return _autosave(_editable(article_id))


@bp.get("/admin/newsroom/articles/<int:article_id>/preview")
@require_role(*MEMBERS)
def preview(article_id: int):
    """The saved text in the portal's article page, framed at a phone's and a desktop's width.
    This page alone may frame the portal's own pages (the frames are its preview)."""
    page = render("newsroom/preview.html", article=load_article(article_id))
    policy = "; ".join(
        "frame-src 'self'" if part.startswith("frame-src") else part
        for part in content_security_policy().split("; ")
    )
    return page, 200, {"Content-Security-Policy": policy}


@bp.get("/admin/newsroom/articles/<int:article_id>/preview/frame")
@require_role(*MEMBERS)
def preview_frame(article_id: int):
    article = load_article(article_id)
    return render("newsroom/preview_frame.html", article=article, locale=current_locale())
