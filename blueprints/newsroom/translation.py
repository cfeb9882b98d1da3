"""English versions of articles, written on their own page beside the Vietnamese.

The English body is cleaned exactly as the Vietnamese one is (`with_paragraphs`, then the
allow-list of `app.richtext.clean_html`, then the article's own images given their sizes), so a
translator can paste no more markup than a writer can. Saving the English records the fingerprint
of the Vietnamese it was made from (`Article.translated_from`, app.bilingual): when the
Vietnamese changes afterwards the English is out of date until it is saved or confirmed again.

The English is stored with an UPDATE that does not move the article's version counter: a
translator saving never turns an editor's open Vietnamese form into an edit conflict.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from app.bilingual import fingerprint
from app.extensions import db
from app.richtext import clean_html, with_paragraphs
from app.roles import STAFF
from app.validation import FieldErrors
from blueprints.auth.models import User
from blueprints.newsroom.editing import DiffLine, compare, revisions
from blueprints.newsroom.inline_images import finalise_body, foreign_image_message
from blueprints.newsroom.models import Article, ArticleRevision, ArticleState

NO_TITLE = _l("Nhập tiêu đề tiếng Anh: bản dịch không có tiêu đề thì không hiển thị.")


@dataclass
class EnglishInput:
    title: str = ""
    summary: str = ""
    body: str = ""
    reviewed: bool = False  # "I checked the English against the current Vietnamese"


def can_translate(article: Article, user: User) -> bool:
    """The board's office translates any article that is not archived."""
    return article.state != ArticleState.ARCHIVED and user.has_role(*STAFF)


def clean_english_body(article: Article, body: str) -> str:
    if not body.strip():
        return ""
    cleaned, foreign = finalise_body(article.id, clean_html(with_paragraphs(body)))
    if foreign:
        raise FieldErrors.on("body_en", foreign_image_message(foreign))
    return cleaned


def save_translation(article: Article, data: EnglishInput) -> Article:
    """Store the English; FieldErrors when it has a text but no title, or foreign images."""
    title, summary = data.title.strip(), data.summary.strip()
    body = clean_english_body(article, data.body)
    if (summary or body) and not title:
        raise FieldErrors.on("title_en", NO_TITLE)
    before = article.english_texts()
    article.title_en, article.summary_en, article.body_en = title, summary, body
    article.after_translation_edit(before, reviewed=data.reviewed)
    values = {
        "title_en": article.title_en,
        "summary_en": article.summary_en,
        "body_en": article.body_en,
        "translated_from": article.translated_from,
    }
    with db.session.no_autoflush:  # the attributes set above must not go out as a versioned UPDATE
        db.session.execute(
            sa.update(Article).where(Article.id == article.id).values(**values),
            execution_options={"synchronize_session": False},
        )
        db.session.expire(article, list(values))  # the row holds the truth now
    return article


def changes_since_translation(article: Article) -> list[DiffLine] | None:
    """What changed in the Vietnamese since the English was made: the difference between the
    revision whose text the English was made from and the newest one. None when the English is
    not out of date, or when no revision has that text (it was never saved as such)."""
    if article.translation_state != "outdated":
        return None
    history = revisions(article)
    source = next((rev for rev in history if _fingerprint_of(rev) == article.translated_from), None)
    if source is None:
        return None
    return [line for line in compare(source, history[0]) if line.op != "same"]


def _fingerprint_of(revision: ArticleRevision) -> str:
    return fingerprint([getattr(revision, field) for field in Article.TRANSLATED])
