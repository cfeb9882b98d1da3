"""The documents library: legal normative and administrative documents, with their files."""

from __future__ import annotations

from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.bilingual import Translatable
from app.db import TenantScoped, tenant_children, tenant_foreign_key
from app.enums import LabelledEnum, check_in
from app.extensions import db
from app.uploads import StoredFileColumns


class Category(LabelledEnum):
    NORMATIVE = "normative", _l("Văn bản quy phạm pháp luật")
    ADMINISTRATIVE = "administrative", _l("Văn bản hành chính")


class DocType(LabelledEnum):
    RESOLUTION = "resolution", _l("Nghị quyết")
    DECISION = "decision", _l("Quyết định")
    DIRECTIVE = "directive", _l("Chỉ thị")
    PLAN = "plan", _l("Kế hoạch")
    NOTICE = "notice", _l("Thông báo")
    OFFICIAL_LETTER = "official-letter", _l("Công văn")
    REPORT = "report", _l("Báo cáo")
    GUIDANCE = "guidance", _l("Hướng dẫn")


class Field(LabelledEnum):
    LAND = "land", _l("Đất đai")
    CONSTRUCTION = "construction", _l("Xây dựng – đô thị")
    FINANCE = "finance", _l("Tài chính – ngân sách")
    CULTURE_SOCIETY = "culture-society", _l("Văn hóa – xã hội")
    HEALTH = "health", _l("Y tế")
    EDUCATION = "education", _l("Giáo dục")
    JUSTICE = "justice", _l("Tư pháp")
    HOME_AFFAIRS = "home-affairs", _l("Nội vụ")
    SECURITY = "security", _l("Quốc phòng – an ninh")
    ENVIRONMENT = "environment", _l("Tài nguyên – môi trường")
    ECONOMY = "economy", _l("Kinh tế")
    OTHER = "other", _l("Lĩnh vực khác")


class Status(LabelledEnum):
    IN_FORCE = "in-force", _l("Còn hiệu lực")
    EXPIRED = "expired", _l("Hết hiệu lực")
    REPLACED = "replaced", _l("Bị thay thế")


class Document(Translatable, TenantScoped, db.Model):
    """A document of the library; its summary (trích yếu) may have an English version."""

    __tablename__ = "documents"
    TRANSLATED = ("summary",)

    number: Mapped[str] = mapped_column(sa.String(100))  # số ký hiệu, e.g. "15/2024/QĐ-UBND"
    category: Mapped[str] = mapped_column(sa.String(20))
    doc_type: Mapped[str] = mapped_column(sa.String(20))
    field: Mapped[str] = mapped_column(sa.String(20))
    issuer: Mapped[str] = mapped_column(sa.String(200))
    signer: Mapped[str] = mapped_column(sa.String(200), default="")
    issued_on: Mapped[date] = mapped_column(sa.Date)
    effective_on: Mapped[date | None] = mapped_column(sa.Date)
    status: Mapped[str] = mapped_column(sa.String(20), default=Status.IN_FORCE.value)
    replaced_by_id: Mapped[int | None] = mapped_column(sa.BigInteger)
    summary: Mapped[str] = mapped_column(sa.Text)  # trích yếu
    summary_en: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    search_text: Mapped[str] = mapped_column(sa.Text, default="")  # folded, for diacritic-free search
    is_published: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    files: Mapped[list[DocumentFile]] = tenant_children(
        "Document", "DocumentFile", "document_id", viewonly=True, order_by="DocumentFile.id"
    )
    replaced_by: Mapped[Document | None] = relationship(
        primaryjoin="and_(Document.tenant_id == remote(Document.tenant_id), "
        "Document.replaced_by_id == remote(Document.id))",
        foreign_keys="[Document.tenant_id, Document.replaced_by_id]",
        viewonly=True,
    )

    __table_args__ = (
        tenant_foreign_key("replaced_by_id", "documents"),
        sa.UniqueConstraint("tenant_id", "number"),
        sa.Index("ix_documents_tenant_id_issued_on", "tenant_id", "issued_on"),
        sa.CheckConstraint(check_in("category", Category), name="category"),
        sa.CheckConstraint(check_in("doc_type", DocType), name="doc_type"),
        sa.CheckConstraint(check_in("field", Field), name="field"),
        sa.CheckConstraint(check_in("status", Status), name="status"),
        sa.CheckConstraint(
            "status <> 'replaced' OR replaced_by_id IS NOT NULL", name="replaced_names_successor"
        ),
    )


class DocumentFile(TenantScoped, StoredFileColumns, db.Model):
    """A file of a document, stored through app.uploads (checked by content)."""

    __tablename__ = "document_files"

    document_id: Mapped[int] = mapped_column(sa.BigInteger)

    __table_args__ = (
        tenant_foreign_key("document_id", "documents", ondelete="CASCADE"),
        sa.Index("ix_document_files_tenant_id_document_id", "tenant_id", "document_id"),
    )
