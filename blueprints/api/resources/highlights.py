"""The wards' highlights as the parent portal shows them (the city board's channel): ward, title,
summary, image, date and the canonical URL on the ward's own domain. Empty on a portal without
children; hidden and withdrawn items are never listed."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from app.extensions import db
from blueprints.aggregator.links import item_image, item_url
from blueprints.aggregator.services import filtered, ordered, visible, visible_item
from blueprints.api import params, schema
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema

HIGHLIGHT = Schema(
    "Highlight",
    (
        schema.integer("id"),
        schema.integer(
            "ward_id",
            lambda i: i.source_tenant_id,
            _l("Mã cổng của phường, xã; null với nguồn ngoài."),
            nullable=True,
        ),
        schema.string("ward", lambda i: i.source_name, _l("Tên phường, xã hoặc nguồn ngoài.")),
        schema.string("title"),
        schema.string("summary"),
        schema.link("image_url", item_image, nullable=True),
        schema.moment("published_at"),
        schema.link("url", item_url, _l("Trang gốc của tin trên cổng của phường, xã.")),
        schema.boolean("pinned"),
    ),
    _l("Một tin nổi bật của phường, xã trên cổng cấp trên."),
)

FILTERS = (
    params.integer("ward", _l("Mã cổng của phường, xã.")),
    params.day("published_from", _l("Đăng từ ngày này (giờ địa phương của cổng).")),
    params.day("published_to", _l("Đăng đến hết ngày này (giờ địa phương của cổng).")),
)


def list_highlights(filters: dict, page: int, per_page: int):
    start = schema.local_midnight(filters["published_from"]) if filters["published_from"] else None
    end = (
        schema.local_midnight(filters["published_to"] + timedelta(days=1))
        if filters["published_to"]
        else None
    )
    query = ordered(filtered(visible(), filters["ward"], start, end))
    return db.paginate(query, page=page, per_page=per_page, error_out=False, count=True)


register(
    Resource(
        path="highlights",
        schema=HIGHLIGHT,
        title=_l("Tin các phường, xã"),
        description=_l("Tin nổi bật của các phường, xã trên cổng cấp trên: ghim trước, rồi mới nhất."),
        filters=FILTERS,
        list_rows=list_highlights,
        get_row=visible_item,
        not_found=_l("Không có tin nào với mã số này."),
        check=params.check_published_range,
    )
)
