"""Published answers of the Q&A ("Hỏi đáp"): the question, its category and the answer. Only what
the public page shows: never the asker's e-mail, phone or attachment, and their name only when
they allowed it (and not after their personal data were erased)."""

from __future__ import annotations

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, page_url
from blueprints.feedback.models import ItemKind
from blueprints.feedback.services import published_answer, published_answers


def _category(item) -> str | None:
    return item.category.name(str(get_locale())) if item.category else None


QUESTION = Schema(
    "Question",
    (
        schema.integer("id"),
        schema.enum("kind", ItemKind, description=_l("question: câu hỏi; feedback: góp ý.")),
        schema.integer("category_id", nullable=True),
        schema.string("category", _category, nullable=True, description=_l("Tên lĩnh vực.")),
        schema.string("subject"),
        schema.string(
            "question", lambda i: i.body, description=_l("Nội dung người dân gửi (văn bản thuần).")
        ),
        schema.string(
            "asker",
            lambda i: i.public_name() or None,
            nullable=True,
            description=_l("Họ tên người gửi, chỉ khi họ đồng ý hiện; null nếu ẩn danh."),
        ),
        schema.string("answer", description=_l("Câu trả lời (văn bản thuần).")),
        schema.day("asked_on", lambda i: i.received_on),
        schema.day("answered_on"),
        schema.moment("published_at"),
        schema.link(
            "url", lambda i: page_url("feedback.answer", item_id=i.id), _l("Trang công khai của câu trả lời.")
        ),
    ),
    _l("Một câu hỏi hoặc góp ý đã được trả lời và công khai."),
)

FILTERS = (
    params.integer("category", _l("Chỉ các câu thuộc lĩnh vực này.")),
    params.text("q", _l("Tìm trong tiêu đề, nội dung và câu trả lời (có dấu hoặc không dấu).")),
)


def list_questions(filters: dict, page: int, per_page: int):
    return published_answers(filters["q"] or "", filters["category"], page=page, per_page=per_page)


register(
    Resource(
        path="questions",
        schema=QUESTION,
        title=_l("Hỏi đáp"),
        description=_l(
            "Các câu hỏi, góp ý của người dân đã được trả lời và công khai; không có dữ liệu cá nhân."
        ),
        filters=FILTERS,
        list_rows=list_questions,
        get_row=published_answer,
        not_found=_l("Không có câu trả lời công khai nào với mã số này."),
    )
)
