"""The documents library: legal normative and administrative documents, with their files."""

from __future__ import annotations

import enum
from datetime import date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.db import TenantScoped
from app.extensions import db


class Category(enum.StrEnum):
    NORMATIVE = "normative"
    ADMINISTRATIVE = "administrative"

    @property
    def label(self):
        return {Category.NORMATIVE: _l("Văn bản quy phạm pháp luật"),
                Category.ADMINISTRATIVE: _l("Văn bản hành chính")}[self]


class DocType(enum.StrEnum):
    RESOLUTION = "resolution"
    DECISION = "decision"
    DIRECTIVE = "directive"
    PLAN = "plan"
    NOTICE = "notice"
    OFFICIAL_LETTER = "official-letter"
    REPORT = "report"
    GUIDANCE = "guidance"

    @property
    def label(self):
        return {DocType.RESOLUTION: _l("Nghị quyết"), DocType.DECISION: _l("Quyết định"),
                DocType.DIRECTIVE: _l("Chỉ thị"), DocType.PLAN: _l("Kế hoạch"),
                DocType.NOTICE: _l("Thông báo"), DocType.OFFICIAL_LETTER: _l("Công văn"),
                DocType.REPORT: _l("Báo cáo"), DocType.GUIDANCE: _l("Hướng dẫn")}[self]


class Field(enum.StrEnum):
    LAND = "land"
    CONSTRUCTION = "construction"
    FINANCE = "finance"
    CULTURE_SOCIETY = "culture-society"
    HEALTH = "health"
    EDUCATION = "education"
    JUSTICE = "justice"
    HOME_AFFAIRS = "home-affairs"
    SECURITY = "security"
    ENVIRONMENT = "environment"
    ECONOMY = "economy"
    OTHER = "other"

    @property
    def label(self):
        return {Field.LAND: _l("Đất đai"), Field.CONSTRUCTION: _l("Xây dựng – đô thị"),
                Field.FINANCE: _l("Tài chính – ngân sách"), Field.CULTURE_SOCIETY: _l("Văn hóa – xã hội"),
                Field.HEALTH: _l("Y tế"), Field.EDUCATION: _l("Giáo dục"), Field.JUSTICE: _l("Tư pháp"),
                Field.HOME_AFFAIRS: _l("Nội vụ"), Field.SECURITY: _l("Quốc phòng – an ninh"),
                Field.ENVIRONMENT: _l("Tài nguyên – môi trường"), Field.ECONOMY: _l("Kinh tế"),
                Field.OTHER: _l("Lĩnh vực khác")}[self]


class Status(enum.StrEnum):
    IN_FORCE = "in-force"
    EXPIRED = "expired"
    REPLACED = "replaced"

    @property
    def label(self):
        return {Status.IN_FORCE: _l("Còn hiệu lực"), Status.EXPIRED: _l("Hết hiệu lực"),
                Status.REPLACED: _l("Bị thay thế")}[self]


def _in(values) -> str:
    return "(" + ", ".join(f"'{v.value}'" for v in values) + ")"


class Document(TenantScoped, db.Model):
    __tablename__ = "documents"

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
    search_text: Mapped[str] = mapped_column(sa.Text, default="")  # folded, for diacritic-free search
    is_published: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime] = mapped_column(sa.DateTime(timezone=True), server_default=sa.func.now())

    files: Mapped[list[DocumentFile]] = relationship(
        primaryjoin="and_(Document.tenant_id == DocumentFile.tenant_id, "
                    "Document.id == DocumentFile.document_id)",
        foreign_keys="[DocumentFile.tenant_id, DocumentFile.document_id]", viewonly=True,
        order_by="DocumentFile.id")
    replaced_by: Mapped[Document | None] = relationship(
        primaryjoin="and_(Document.tenant_id == remote(Document.tenant_id), "
                    "Document.replaced_by_id == remote(Document.id))",
        foreign_keys="[Document.tenant_id, Document.replaced_by_id]", viewonly=True)

    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "replaced_by_id"], ["documents.tenant_id", "documents.id"]),
        sa.UniqueConstraint("tenant_id", "number"),
        sa.Index("ix_documents_tenant_id_issued_on", "tenant_id", "issued_on"),
        sa.CheckConstraint(f"category IN {_in(Category)}", name="category"),
        sa.CheckConstraint(f"doc_type IN {_in(DocType)}", name="doc_type"),
        sa.CheckConstraint(f"field IN {_in(Field)}", name="field"),
        sa.CheckConstraint(f"status IN {_in(Status)}", name="status"),
        sa.CheckConstraint("status <> 'replaced' OR replaced_by_id IS NOT NULL", name="replaced_names_successor"),
    )


class DocumentFile(TenantScoped, db.Model):
    """A file of a document, stored through app.uploads (checked by content)."""

    __tablename__ = "document_files"

    document_id: Mapped[int] = mapped_column(sa.BigInteger)
    file_key: Mapped[str] = mapped_column(sa.String(200))
    filename: Mapped[str] = mapped_column(sa.String(200))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int] = mapped_column(sa.Integer)

    __table_args__ = (
        sa.ForeignKeyConstraint(["tenant_id", "document_id"], ["documents.tenant_id", "documents.id"],
                                ondelete="CASCADE"),
        sa.Index("ix_document_files_tenant_id_document_id", "tenant_id", "document_id"),
    )
