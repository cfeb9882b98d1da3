"""Public pages of the newsroom: the editorial board, and the covers of published articles."""

from __future__ import annotations

from flask import abort
from flask_babel import lazy_gettext as _l

from app.navigation import add_public_page
from app.templating import render
from app.uploads import send_stored
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.public import board_members, cover_key, published_article

add_public_page(
    "newsroom.board",
    _l("Ban biên tập"),
    _l("Thành viên Ban biên tập cổng thông tin: họ tên và chức vụ."),
    order=85,
    in_main_menu=False,
)


@bp.get("/ban-bien-tap")
def board():
    return render("newsroom/board.html", members=board_members())


@bp.get("/anh-bai-viet/<int:article_id>/<size>")
def public_cover(article_id: int, size: str):
    article = published_article(article_id)
    key = cover_key(article, size) if article else None
    if not key:
        abort(404)
    return send_stored(
        key, article.cover_content_type or "image/jpeg", f"cover-{article.id}", as_attachment=False
    )
