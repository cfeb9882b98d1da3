"""Published documents of the library, with their files (absolute download URLs).

A document replaced by one that is not published names no successor here (`replaced_by_id` is
null), so the API never reveals the id of an unpublished document.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, page_url
from blueprints.documents.models import Category, DocType, Document, Field, Status
from blueprints.documents.services import SORTS, DocumentFilters, get_document, list_documents

FILE = Schema(
    "DocumentFile",
    (
        schema.integer("id"),
        schema.string("filename"),
        schema.string("content_type"),
        schema.integer("size", description=_l("Dung lượng, byte.")),
        schema.link(
            "url",
            lambda f: page_url("documents.download", document_id=f.document_id, file_id=f.id),
            _l("Địa chỉ tải tệp."),
        ),
    ),
    _l("Một tệp đính kèm của văn bản."),
)

DOCUMENT = Schema(
    "Document",
    (
        schema.integer("id"),
        schema.string("number", description=_l("Số, ký hiệu.")),
        schema.enum("category", Category),
        schema.enum("type", DocType, lambda d: d.doc_type),
        schema.enum("field", Field),
        schema.string("issuer"),
        schema.string("signer"),
        schema.day("issued_on"),
        schema.day("effective_on", nullable=True),
        schema.enum("status", Status),
        schema.integer(
            "replaced_by_id",
            lambda d: _public_successor(d),
            nullable=True,
            description=_l("Văn bản thay thế (khi đã được công bố)."),
        ),
        schema.string("summary", description=_l("Trích yếu.")),
        schema.many("files", FILE, lambda d: d.files),
        schema.link(
            "url", lambda d: page_url("documents.detail", document_id=d.id), _l("Trang HTML của văn bản.")
        ),
    ),
    _l("Một văn bản đã công bố."),
)


def _public_successor(document: Document) -> int | None:
    successor = document.replaced_by
    return successor.id if successor is not None and successor.is_published else None


FILTERS = (
    params.text(
        "q", _l("Tìm trong số, ký hiệu, trích yếu, cơ quan ban hành, người ký (có dấu hoặc không dấu).")
    ),
    params.choice("category", Category, _l("Nhóm văn bản.")),
    params.choice("type", DocType, _l("Loại văn bản.")),
    params.choice("field", Field, _l("Lĩnh vực.")),
    params.choice("status", Status, _l("Tình trạng hiệu lực.")),
    params.integer("year", _l("Năm ban hành."), minimum=1901, maximum=2999),
    params.choice("sort", SORTS, _l("Thứ tự (mặc định issued-desc).")),
)


def list_public_documents(filters: dict, page: int, per_page: int):
    chosen = DocumentFilters(
        query=filters["q"] or "",
        category=filters["category"] or "",
        doc_type=filters["type"] or "",
        field=filters["field"] or "",
        status=filters["status"] or "",
        year=filters["year"],
        sort=filters["sort"] or "issued-desc",
    )
    return list_documents(chosen, page=page, per_page=per_page)


register(
    Resource(
        path="documents",
        schema=DOCUMENT,
        title=_l("Văn bản"),
        description=_l("Văn bản quy phạm pháp luật và văn bản hành chính đã công bố, mới ban hành trước."),
        filters=FILTERS,
        list_rows=list_public_documents,
        get_row=lambda document_id: get_document(document_id),
        not_found=_l("Không có văn bản đã công bố nào với mã số này."),
    )
)
