"""Public pages of the documents library: the filtered list, a detail page and safe downloads."""

from __future__ import annotations

from flask import request
from flask_babel import lazy_gettext as _l

from app.bilingual import page_languages
from app.crud import or_404
from app.navigation import add_public_page
from app.templating import render
from app.uploads import send_stored
from blueprints.documents.blueprint import bp
from blueprints.documents.models import Category, DocType, Field, Status
from blueprints.documents.services import DocumentFilters, get_document, get_file, issue_years, list_documents

add_public_page(
    "documents.index",
    _l("Văn bản"),
    _l("Văn bản quy phạm pháp luật và văn bản hành chính: tra cứu, xem và tải về."),
    order=30,
)


@bp.get("/van-ban")
def index():
    filters = DocumentFilters.from_args(request.args)
    page_arg = request.args.get("page", "1")
    page = list_documents(filters, page=int(page_arg) if page_arg.isdigit() and len(page_arg) < 7 else 1)
    sorts = [
        ("issued-asc", _l("Cũ ban hành trước")),
        ("effective-desc", _l("Mới có hiệu lực trước")),
        ("number", _l("Theo số, ký hiệu")),
    ]
    return render(
        "documents/index.html",
        page=page,
        filters=filters,
        pairs=_pairs,
        sorts=sorts,
        years_pairs=[(str(y), str(y)) for y in issue_years()],
        categories=list(Category),
        types=list(DocType),
        fields=list(Field),
        statuses=list(Status),
        status_label=lambda value: Status(value).label,
        vietnamese_parts=page_languages(page.items)["vietnamese_parts"],
    )


def _pairs(members) -> list[tuple[str, object]]:
    return [(m.value, m.label) for m in members]


@bp.get("/van-ban/<int:document_id>")
def detail(document_id: int):
    document = or_404(get_document(document_id))
    return render(
        "documents/detail.html",
        document=document,
        Category=Category,
        DocType=DocType,
        Field=Field,
        Status=Status,
        **page_languages([document]),
    )


@bp.get("/van-ban/<int:document_id>/tep/<int:file_id>")
def download(document_id: int, file_id: int):
    file = or_404(get_file(document_id, file_id))
    return send_stored(file.file_key, file.content_type, file.filename)
