"""Sections of the newsroom (a tree): names in both languages, parent, order."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from app.extensions import db
from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, page_url
from blueprints.newsroom.models import Section

SECTION = Schema(
    "Section",
    (
        schema.integer("id"),
        schema.integer("parent_id", nullable=True, description=_l("Chuyên mục cha; null ở cấp đầu.")),
        schema.string("name_vi"),
        schema.string("name_en", description=_l("Rỗng khi chưa có tên tiếng Anh.")),
        schema.string("slug"),
        schema.integer("position"),
        schema.link(
            "url",
            lambda s: page_url("news.section", slug=s.slug),
            _l("Trang HTML của chuyên mục."),
            nullable=True,
        ),
    ),
    _l("Một chuyên mục tin, bài."),
)

FILTERS = (
    params.integer("parent", _l("Chỉ các chuyên mục con trực tiếp của chuyên mục này.")),
    params.flag("top", _l("true: chỉ các chuyên mục cấp đầu.")),
)


def list_sections(filters: dict, page: int, per_page: int):
    query = sa.select(Section).order_by(Section.position, Section.name_vi, Section.id)
    if filters["parent"] is not None:
        query = query.where(Section.parent_id == filters["parent"])
    if filters["top"] is not None:
        query = query.where(Section.parent_id.is_(None) if filters["top"] else Section.parent_id.is_not(None))
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


def get_section(section_id: int) -> Section | None:
    return db.session.scalar(sa.select(Section).where(Section.id == section_id))


register(
    Resource(
        path="sections",
        schema=SECTION,
        title=_l("Các chuyên mục"),
        description=_l("Các chuyên mục tin, bài của cổng, theo thứ tự hiển thị."),
        filters=FILTERS,
        list_rows=list_sections,
        get_row=get_section,
        not_found=_l("Không có chuyên mục nào với mã số này."),
    )
)
