"""The officials' contact directory (published contacts only): name, position, unit, phone,
e-mail and the date someone last confirmed them. These e-mail addresses are the ones the law
asks the portal to publish; no other address appears in the API."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from blueprints.about.services import get_contact, list_contacts
from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema, page_url

UNIT = Schema(
    "ContactUnit",
    (
        schema.integer("id"),
        schema.string("name_vi"),
        schema.string("name_en", description=_l("Rỗng khi chưa có tên tiếng Anh.")),
    ),
    _l("Đơn vị trong sơ đồ tổ chức."),
)

CONTACT = Schema(
    "Contact",
    (
        schema.integer("id"),
        schema.string("name"),
        schema.string("position_vi"),
        schema.string("position_en", description=_l("Rỗng khi chưa có bản tiếng Anh.")),
        schema.one("unit", UNIT, lambda c: c.unit, nullable=True),
        schema.string("phone"),
        schema.string("email"),
        schema.day("checked_on", description=_l("Ngày kiểm tra thông tin lần cuối.")),
        schema.link("url", lambda c: page_url("about.contacts"), _l("Trang danh bạ cán bộ.")),
    ),
    _l("Một cán bộ đầu mối trong danh bạ."),
)

FILTERS = (
    params.text("q", _l("Tìm theo họ tên, chức vụ, đơn vị (có dấu hoặc không dấu)."), max_length=100),
    params.integer("unit", _l("Mã đơn vị.")),
)


def list_public_contacts(filters: dict, page: int, per_page: int):
    return list_contacts(page=page, per_page=per_page, query=filters["q"] or "", unit_id=filters["unit"])


register(
    Resource(
        path="contacts",
        schema=CONTACT,
        title=_l("Danh bạ cán bộ"),
        description=_l("Cán bộ đầu mối đã công bố, theo đơn vị."),
        filters=FILTERS,
        list_rows=list_public_contacts,
        get_row=lambda contact_id: get_contact(contact_id, public=True),
        not_found=_l("Không có cán bộ nào với mã số này."),
    )
)
