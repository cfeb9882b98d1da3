"""A portal filled with one row of each kind in each state, and checks against the OpenAPI
document the API serves."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from jsonschema import Draft202012Validator
from referencing import Registry
from referencing import Resource as SchemaResource
from referencing.jsonschema import DRAFT202012

from app.extensions import db
from app.uploads import store_bytes
from blueprints.about.models import Contact, OrgChartUnit
from blueprints.documents.models import Document
from blueprints.documents.services import attach_stored
from blueprints.newsroom.models import Article, ArticleState, Section
from blueprints.schedule.models import ScheduleEntry
from blueprints.schedule.services import week_of
from tenants.context import TenantInfo, require_tenant, tenant_scope
from tests.about.helpers import PDF
from tests.factories import base_url, make_tenant, unique
from tests.newsroom.helpers import make_article, make_board


@dataclass
class Portal:
    tenant: TenantInfo
    author_email: str
    section: int
    child_section: int
    article: int  # published, in the child section, a highlight
    older_article: int  # published, in the parent section, a photo report
    draft: int
    document: int  # published, with a file
    file: int
    hidden_document: int
    replaced_document: int  # published, replaced by the hidden one
    entry: int  # published, this week
    next_week_entry: int
    hidden_entry: int
    contact: int
    hidden_contact: int
    unit: int

    @property
    def url(self) -> str:
        return base_url(self.tenant)


def make_portal(tenant: TenantInfo | None = None) -> Portal:
    board = make_board(tenant or make_tenant())
    tenant = board.tenant
    ids: dict[str, int] = {}
    with tenant_scope(tenant):
        child = Section(
            name_vi="Tin phường", name_en="Ward news", slug=unique("tin-phuong"), parent_id=board.section_id
        )
        db.session.add(child)
        db.session.flush()
        ids["child_section"] = child.id
    ids["article"] = make_article(
        board,
        ArticleState.PUBLISHED,
        title="Ra quân tổng vệ sinh môi trường",
        section_id=ids["child_section"],
        is_highlight=True,
    )
    ids["older_article"] = make_article(
        board, ArticleState.PUBLISHED, title="Phóng sự ảnh lễ hội Nghinh Ông", kind="photo"
    )
    ids["draft"] = make_article(board, ArticleState.DRAFT, title="Bản nháp chưa đăng")
    with tenant_scope(tenant):
        now = datetime.now(UTC)
        for key, when in (("article", now - timedelta(hours=1)), ("older_article", now - timedelta(days=40))):
            db.session.get(Article, (tenant.id, ids[key])).published_at = when
        db.session.flush()
        ids |= _documents() | _schedule() | _contacts()
    return Portal(tenant, board.collaborator.email, board.section_id, **ids)


def _documents() -> dict[str, int]:
    common = dict(doc_type="decision", field="land", issuer="UBND phường", signer="Trần Văn Bảy")
    hidden = Document(
        number=unique("99/QĐ-UBND"),
        category="administrative",
        issued_on=date(2024, 6, 1),
        summary="Dự thảo chưa công bố",
        is_published=False,
        **common,
    )
    shown = Document(
        number=unique("12/2024/QĐ-UBND"),
        category="normative",
        issued_on=date(2024, 3, 1),
        effective_on=date(2024, 3, 15),
        summary="Về việc ban hành quy chế quản lý đất công",
        search_text="ve viec ban hanh quy che quan ly dat cong",
        **common,
    )
    db.session.add_all([hidden, shown])
    db.session.flush()
    replaced = Document(
        number=unique("5/2023/QĐ-UBND"),
        category="normative",
        issued_on=date(2023, 2, 1),
        summary="Quy chế cũ",
        status="replaced",
        replaced_by_id=hidden.id,
        **common | {"field": "finance", "doc_type": "resolution"},
    )
    db.session.add(replaced)
    db.session.flush()
    file = attach_stored(shown, store_bytes(PDF, "application/pdf", "pdf", "quy-che.pdf"))
    return {
        "document": shown.id,
        "file": file.id,
        "hidden_document": hidden.id,
        "replaced_document": replaced.id,
    }


def _schedule() -> dict[str, int]:
    monday = week_of(require_tenant().today()).monday
    rows = {
        "entry": ScheduleEntry(
            day=monday + timedelta(days=1),
            starts_at=time(8, 0),
            ends_at=time(10, 30),
            content_vi="Họp giao ban",
            content_en="Weekly briefing",
            presider="Chủ tịch UBND",
        ),
        "next_week_entry": ScheduleEntry(
            day=monday + timedelta(days=8),
            starts_at=time(14, 0),
            content_vi="Tiếp công dân",
            presider="Phó Chủ tịch UBND",
        ),
        "hidden_entry": ScheduleEntry(
            day=monday + timedelta(days=2),
            starts_at=time(9, 0),
            content_vi="Lịch nội bộ",
            presider="Chủ tịch UBND",
            is_published=False,
        ),
    }
    db.session.add_all(rows.values())
    db.session.flush()
    return {key: row.id for key, row in rows.items()}


def _contacts() -> dict[str, int]:
    unit = OrgChartUnit(name_vi=unique("Văn phòng HĐND và UBND"), name_en="Office of the People's Committee")
    db.session.add(unit)
    db.session.flush()
    shown = Contact(
        name="Lê Thị Hoa",
        position_vi="Chánh Văn phòng",
        position_en="Chief of Office",
        phone="0254 3852 123",
        email="vanphong@example.org",
        checked_on=date(2024, 5, 2),
        unit_id=unit.id,
    )
    hidden = Contact(
        name="Phạm Văn Ẩn",
        position_vi="Chuyên viên",
        email="an.private@example.org",
        checked_on=date(2024, 5, 2),
        is_published=False,
    )
    db.session.add_all([shown, hidden])
    db.session.flush()
    return {"contact": shown.id, "hidden_contact": hidden.id, "unit": unit.id}


# -- the OpenAPI document -------------------------------------------------------------------


def openapi_document(client, tenant: TenantInfo, prefix: str = "") -> dict:
    response = client.get(f"{prefix}/api/v1/openapi.json", base_url=base_url(tenant))
    assert response.status_code == 200
    return response.get_json()


def check_response(document: dict, path: str, response) -> dict:
    """Validate a live response against the schema the document declares for that operation and
    status; returns the JSON body."""
    route = re.sub(r"/\d+$", "/{id}", path.split("?")[0].removeprefix("/en").removeprefix("/api/v1"))
    declared = document["paths"][route]["get"]["responses"][str(response.status_code)]
    assert response.mimetype == "application/json"
    schema = declared["content"]["application/json"]["schema"]
    registry = Registry().with_resource(
        "urn:wardportal-openapi", SchemaResource.from_contents(document, default_specification=DRAFT202012)
    )
    validator = Draft202012Validator(
        {"$ref": "urn:wardportal-openapi" + schema["$ref"]},
        registry=registry,
        format_checker=Draft202012Validator.FORMAT_CHECKER,
    )
    body = response.get_json()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(body)]
    assert not errors, errors
    return body
