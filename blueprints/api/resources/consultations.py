"""Published consultations on drafts: the structured text of the current revision (clauses with
their stable keys), the agency, the times, and the comments the public sees, with no personal
data (neither the commenters' names nor their e-mail addresses)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, page_url
from blueprints.consultations import presenting, services
from blueprints.consultations.models import ClauseKind, Consultation, ConsultationState

AGENCY = Schema(
    "ConsultationAgency",
    (
        schema.string("name", lambda c: c.agency_name),
        schema.string("address", lambda c: c.agency_address),
        schema.string("email", lambda c: c.agency_email),
        schema.string("phone", lambda c: c.agency_phone),
    ),
    _l("Cơ quan tiếp nhận ý kiến."),
)

CLAUSE = Schema(
    "ConsultationClause",
    (
        schema.string("key", description=_l("Mã ổn định của phần, điều, khoản qua các bản dự thảo.")),
        schema.enum("kind", ClauseKind),
        schema.string("number"),
        schema.string("heading"),
        schema.string("text", lambda c: c.body),
        schema.string("parent_key", nullable=True),
    ),
    _l("Một phần, điều hoặc khoản của bản dự thảo hiện hành."),
)

FILE = Schema(
    "ConsultationFile",
    (
        schema.integer("id"),
        schema.string("filename"),
        schema.string("content_type"),
        schema.integer("size"),
        schema.link(
            "url",
            lambda f: page_url("consultations.download", consultation_id=f.consultation_id, file_id=f.id),
        ),
    ),
    _l("Một tệp dự thảo."),
)

COMMENT = Schema(
    "ConsultationComment",
    (
        schema.integer("id", lambda v: v.comment.id),
        schema.string(
            "clause_key",
            lambda v: v.comment.clause_key,
            nullable=True,
            description=_l("Điều, khoản được góp ý; null: góp ý về toàn bộ dự thảo."),
        ),
        schema.integer(
            "revision", lambda v: v.comment.revision_number, description=_l("Bản dự thảo mà ý kiến góp vào.")
        ),
        schema.integer(
            "clause_removed_in",
            lambda v: v.removed_in,
            nullable=True,
            description=_l("Bản dự thảo đã bỏ điều, khoản này (nếu có)."),
        ),
        schema.string("organisation", lambda v: v.comment.organisation),
        schema.string("text", lambda v: v.comment.body),
        schema.moment("created_at", lambda v: v.comment.created_at),
        schema.string(
            "response", lambda v: v.comment.response, description=_l("Ý kiến tiếp thu, giải trình.")
        ),
    ),
    _l("Một ý kiến đã được đăng, không kèm thông tin cá nhân."),
)


def _view(consultation: Consultation) -> presenting.ConsultationView:
    cached = getattr(consultation, "_api_view", None)
    if cached is None:
        cached = presenting.consultation_view(consultation)
        consultation._api_view = cached
    return cached


CONSULTATION = Schema(
    "Consultation",
    (
        schema.integer("id"),
        schema.string("title"),
        schema.string("summary"),
        schema.string("drafting_body"),
        schema.enum("state", ConsultationState, lambda c: c.state()),
        schema.moment("opens_at"),
        schema.moment("closes_at"),
        schema.moment("concluded_at", nullable=True),
        schema.integer(
            "revision", lambda c: c.current_revision, description=_l("Số của bản dự thảo hiện hành.")
        ),
        schema.one("agency", AGENCY, lambda c: c),
        schema.string("report", description=_l("Báo cáo tiếp thu, giải trình (khi đã kết thúc).")),
        schema.many("clauses", CLAUSE, lambda c: [v.clause for v in _view(c).clauses]),
        schema.many("comments", COMMENT, lambda c: _view(c).comments),
        schema.many("files", FILE, lambda c: c.files),
        schema.link(
            "url",
            lambda c: page_url("consultations.detail", consultation_id=c.id),
            _l("Trang HTML của dự thảo."),
        ),
    ),
    _l("Một dự thảo lấy ý kiến đã công khai."),
)

FILTERS = (params.choice("state", ConsultationState, _l("Tình trạng.")),)


def list_public(filters: dict, page: int, per_page: int):
    return services.list_consultations(filters["state"] or "", page=page, per_page=per_page)


register(
    Resource(
        path="consultations",
        schema=CONSULTATION,
        title=_l("Lấy ý kiến dự thảo"),
        description=_l(
            "Dự thảo lấy ý kiến đã công khai, với toàn văn theo điều, khoản và các ý kiến đã đăng."
        ),
        filters=FILTERS,
        list_rows=list_public,
        get_row=lambda consultation_id: services.get_consultation(consultation_id),
        not_found=_l("Không có dự thảo nào đã công khai với mã số này."),
    )
)
