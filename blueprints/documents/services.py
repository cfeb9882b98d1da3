"""Rules and queries of the documents library.

`list_documents` is a plain function with filters and pagination: the public pages call it, and
so will the open data API. Only published documents are public; a file is public only through its
published document. Files are checked by content (app.uploads) and served with `send_stored`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination

from app.extensions import db
from app.search import fold
from app.uploads import StoredFile, store_upload
from blueprints.documents.models import Category, DocType, Document, DocumentFile, Field, Status
from tenants.context import require_tenant

MAX_PER_PAGE = 100

SORTS = {
    "issued-desc": (Document.issued_on.desc(), Document.id.desc()),
    "issued-asc": (Document.issued_on.asc(), Document.id.asc()),
    "effective-desc": (Document.effective_on.desc().nulls_last(), Document.id.desc()),
    "number": (Document.number.asc(),),
}


@dataclass(frozen=True)
class DocumentFilters:
    """What a visitor (or an API client) may filter by; unknown values are ignored, not errors."""

    query: str = ""
    category: str = ""
    doc_type: str = ""
    field: str = ""
    status: str = ""
    year: int | None = None
    sort: str = "issued-desc"

    @classmethod
    def from_args(cls, args) -> DocumentFilters:
        year = args.get("year", "")
        return cls(
            query=args.get("q", "").strip()[:200],
            category=_member(Category, args.get("category", "")),
            doc_type=_member(DocType, args.get("type", "")),
            field=_member(Field, args.get("field", "")),
            status=_member(Status, args.get("status", "")),
            year=int(year) if year.isdigit() and 1900 < int(year) < 3000 else None,
            sort=args.get("sort", "") if args.get("sort", "") in SORTS else "issued-desc",
        )


def _member(enum_type, value: str) -> str:
    return value if value in {m.value for m in enum_type} else ""


def list_documents(
    filters: DocumentFilters = DocumentFilters(),
    *,
    page: int = 1,
    per_page: int = 20,
    published_only: bool = True,
) -> Pagination:
    stmt = sa.select(Document)
    if published_only:
        stmt = stmt.where(Document.is_published)
    for column, value in (
        (Document.category, filters.category),
        (Document.doc_type, filters.doc_type),
        (Document.field, filters.field),
        (Document.status, filters.status),
    ):
        if value:
            stmt = stmt.where(column == value)
    if filters.year:
        stmt = stmt.where(
            Document.issued_on >= date(filters.year, 1, 1), Document.issued_on <= date(filters.year, 12, 31)
        )
    for word in fold(filters.query).split()[:10]:
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(Document.search_text.like(f"%{escaped}%", escape="\\"))
    stmt = stmt.order_by(*SORTS.get(filters.sort, SORTS["issued-desc"]))
    return db.paginate(
        stmt, page=max(page, 1), per_page=min(max(per_page, 1), MAX_PER_PAGE), error_out=False, count=True
    )


def issue_years() -> list[int]:
    """The years in which published documents were issued, newest first, for the year filter."""
    year = sa.extract("year", Document.issued_on)
    return [
        int(y)
        for y in db.session.scalars(
            sa.select(year).where(Document.is_published).group_by(year).order_by(year.desc())
        )
    ]


def get_document(document_id: int, public: bool = True) -> Document | None:
    document = db.session.get(Document, (require_tenant().id, document_id))
    if document is None or (public and not document.is_published):
        return None
    return document


def get_file(document_id: int, file_id: int, public: bool = True) -> DocumentFile | None:
    """A file, only through a document of this portal (published, for the public)."""
    if get_document(document_id, public=public) is None:
        return None
    file = db.session.get(DocumentFile, (require_tenant().id, file_id))
    return file if file is not None and file.document_id == document_id else None


def successor_choices(document: Document | None) -> list[Document]:
    """Documents that may replace `document`: any other one of this portal, newest first."""
    stmt = sa.select(Document).order_by(Document.issued_on.desc(), Document.id.desc())
    if document is not None and document.id is not None:
        stmt = stmt.where(Document.id != document.id)
    return list(db.session.scalars(stmt))


def number_taken(number: str, document: Document | None) -> bool:
    stmt = sa.select(Document.id).where(sa.func.lower(Document.number) == number.strip().lower())
    if document is not None and document.id is not None:
        stmt = stmt.where(Document.id != document.id)
    return db.session.scalar(stmt) is not None


class DocumentInvalid(ValueError):
    """The values break a rule of the library; `field` names the form field to blame."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def save_document(document: Document | None, **values) -> Document:
    """Create or update a document. A replaced document must name another document of this portal."""

    document = document or Document()
    english_before = document.english_before_edit()
    status = values.get("status") or Status.IN_FORCE.value
    replaced_by_id = values.get("replaced_by_id") or None
    if status == Status.REPLACED:
        successor = get_document(replaced_by_id, public=False) if replaced_by_id else None
        if successor is None or successor.id == document.id:
            raise DocumentInvalid("replaced_by_id", _("Chọn văn bản thay thế."))
    else:
        replaced_by_id = None
    effective_on = values.get("effective_on")
    if effective_on and effective_on < values["issued_on"]:
        raise DocumentInvalid("effective_on", _("Ngày có hiệu lực không được trước ngày ban hành."))
    for name in ("number", "issuer", "signer", "summary", "summary_en"):
        setattr(document, name, (values.get(name) or "").strip())
    document.after_translation_edit(english_before, bool(values.get("reviewed")))
    document.category = values["category"]
    document.doc_type = values["doc_type"]
    document.field = values["field"]
    document.issued_on = values["issued_on"]
    document.effective_on = effective_on
    document.status = status
    document.replaced_by_id = replaced_by_id
    document.is_published = bool(values.get("is_published"))
    document.search_text = fold(
        " ".join([document.number, document.summary, document.issuer, document.signer])
    )
    db.session.add(document)
    db.session.flush()
    return document


def add_file(document: Document, upload) -> DocumentFile:
    """Attach an uploaded file after checking what it is (UploadRejected otherwise)."""
    return attach_stored(document, store_upload(upload, kind="document"))


def attach_stored(document: Document, stored: StoredFile) -> DocumentFile:
    return DocumentFile.attach(stored, document_id=document.id)


def remove_file(file: DocumentFile) -> None:
    db.session.delete(file)
    db.session.flush()
