"""Search (`/api/v1/search?q=…`): the results of the search page, as JSON, ranked the same way.

Each item is an entry of the portal's search index; `/search/{id}` reads one entry again. On a
city portal, `all=true` searches its wards too, each result naming its portal and linking to
that portal's own domain.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from blueprints.api import params, schema
from blueprints.api.params import ApiError
from blueprints.api.registry import Resource, register
from blueprints.api.schema import Schema
from blueprints.search.links import hit_url
from blueprints.search.models import Kind
from blueprints.search.services import Filters, Hit, get_hit, search
from blueprints.search.text import highlight, parse_query, snippet
from tenants.context import require_tenant


@dataclass
class Found:
    """A hit with the words to highlight in it."""

    hit: Hit
    words: tuple[str, ...] = ()


RESULT = Schema(
    "SearchResult",
    (
        schema.integer("id", lambda f: f.hit.id, _l("Mã của mục trong chỉ mục tìm kiếm.")),
        schema.enum("kind", Kind, lambda f: str(f.hit.kind)),
        schema.integer("item_id", lambda f: f.hit.item_id, _l("Mã của tin bài, văn bản… trên cổng của nó.")),
        schema.string("title", lambda f: f.hit.title),
        schema.string(
            "title_html",
            lambda f: str(highlight(f.hit.title, f.words)),
            _l("Tiêu đề đã thoát HTML, các từ khớp trong <mark>."),
        ),
        schema.string(
            "snippet_html",
            lambda f: str(snippet(f.hit, f.words)),
            _l("Đoạn trích đã thoát HTML, các từ khớp trong <mark>."),
        ),
        schema.string(
            "number", lambda f: f.hit.extra_key or None, _l("Số, ký hiệu của văn bản."), nullable=True
        ),
        schema.moment("published_at", lambda f: f.hit.published_at, nullable=True),
        schema.string(
            "portal",
            lambda f: f.hit.portal.name_vi if f.hit.portal else None,
            _l("Tên phường, xã khi kết quả thuộc cổng thông tin khác."),
            nullable=True,
        ),
        schema.link("url", lambda f: hit_url(f.hit, external=True), _l("Trang của nội dung."), nullable=True),
    ),
    _l("Một kết quả tìm kiếm."),
)

FILTERS = (
    params.text(
        "q", _l("Từ cần tìm, có dấu hoặc không dấu; cụm từ chính xác trong dấu ngoặc kép. Bắt buộc.")
    ),
    params.choice("type", Kind, _l("Loại nội dung.")),
    params.integer("section", _l("Chuyên mục (kể cả chuyên mục con).")),
    params.day("from", _l("Đăng hoặc ban hành từ ngày.")),
    params.day("to", _l("Đăng hoặc ban hành đến ngày.")),
    params.flag("all", _l("Trên cổng thành phố: tìm cả trên cổng của các phường, xã.")),
    params.flag(
        "all_time",
        _l(
            "Với all=true: tìm trong mọi thời gian. Mặc định, khi hơn 1.000 kết quả khớp ở tiêu đề "
            "hoặc tóm tắt và không có from, to, chỉ tìm trong 30 ngày gần đây."
        ),
    ),
)


def _check(filters: dict) -> None:
    if not filters["q"]:
        raise ApiError(400, _("Tham số “q” là bắt buộc."), "q")
    if filters["from"] and filters["to"] and filters["to"] < filters["from"]:
        raise ApiError(400, _("Ngày “to” phải sau ngày “from”."), "to")


def list_results(filters: dict, page: int, per_page: int):
    query = parse_query(filters["q"])
    chosen = Filters(
        kind=filters["type"] or "",
        section_id=filters["section"],
        date_from=filters["from"],
        date_to=filters["to"],
        everywhere=bool(filters["all"]),
        all_time=bool(filters["all_time"]),
    )
    results = search(query, chosen, require_tenant(), page=page, per_page=per_page)
    results.hits = [Found(hit, query.all_words) for hit in results.hits]
    return results


def get_result(entry_id: int):
    hit = get_hit(entry_id)
    return Found(hit) if hit is not None else None


register(
    Resource(
        path="search",
        schema=RESULT,
        title=_l("Tìm kiếm"),
        description=_l(
            "Tìm tin bài, văn bản, trang giới thiệu, lãnh đạo và danh bạ đã công bố, "
            "kết quả phù hợp nhất trước (như trang tìm kiếm)."
        ),
        filters=FILTERS,
        list_rows=list_results,
        get_row=get_result,
        not_found=_l("Không có mục nào với mã số này trong chỉ mục tìm kiếm."),
        check=_check,
    )
)
