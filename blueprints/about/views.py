"""Public pages of the introduction (`/gioi-thieu`, `/so-do-to-chuc`, `/lanh-dao`, `/lien-he`),
in English at `/en/…`."""

from __future__ import annotations

from flask import abort, request
from flask_babel import lazy_gettext as _l

from app.bilingual import page_languages
from app.i18n import current_locale
from app.navigation import add_public_page
from app.templating import render
from app.uploads import send_stored
from blueprints.about.blueprint import bp
from blueprints.about.models import SectionKind
from blueprints.about.services import (
    all_units,
    get_leader,
    get_section,
    intro_sections,
    list_contacts,
    org_chart,
    public_leaders,
)

add_public_page(
    "about.introduction",
    _l("Giới thiệu"),
    _l("Chức năng, nhiệm vụ, lịch sử, bản đồ, điều kiện tự nhiên, văn hóa và danh thắng."),
    order=10,
)
add_public_page(
    "about.organisation",
    _l("Cơ cấu tổ chức"),
    _l("Sơ đồ tổ chức bộ máy và chức năng của từng đơn vị."),
    order=11,
    in_main_menu=False,
)
add_public_page(
    "about.leaders",
    _l("Lãnh đạo"),
    _l("Tiểu sử tóm tắt và nhiệm vụ của lãnh đạo."),
    order=12,
    in_main_menu=False,
)
add_public_page(
    "about.contacts",
    _l("Danh bạ cán bộ"),
    _l("Họ tên, chức vụ, đơn vị, điện thoại và thư điện tử của cán bộ đầu mối."),
    order=13,
)


def _int_arg(name: str, default: int = 0) -> int:
    value = request.args.get(name, "")
    return int(value) if value.isdigit() and len(value) < 10 else default


@bp.get("/gioi-thieu")
def introduction():
    sections = intro_sections()
    return render(
        "about/introduction.html",
        sections=sections,
        kinds=list(SectionKind),
        locale=current_locale(),
        **page_languages(sections.values()),
    )


def _send_image(key: str, content_type: str, stem: str):
    """A stored image shown in the page, named `stem` with the stored file's extension."""
    return send_stored(key, content_type, f"{stem}.{key.rsplit('.', 1)[-1]}", as_attachment=False)


@bp.get("/gioi-thieu/anh/<kind>")
def section_image(kind: str):
    section = get_section(kind) if kind in set(SectionKind) else None
    if section is None or not section.image_key:
        abort(404)
    return _send_image(section.image_key, section.image_type, kind)


@bp.get("/so-do-to-chuc")
def organisation():
    units = all_units()
    return render(
        "about/organisation.html", chart=org_chart(units), locale=current_locale(), **page_languages(units)
    )


@bp.get("/lanh-dao")
def leaders():
    leaders = public_leaders()
    return render("about/leaders.html", leaders=leaders, locale=current_locale(), **page_languages(leaders))


@bp.get("/lanh-dao/<int:leader_id>/anh")
def leader_photo(leader_id: int):
    leader = get_leader(leader_id, public=True)
    if leader is None or not leader.photo_key:
        abort(404)
    return _send_image(leader.photo_key, leader.photo_type, f"leader-{leader.id}")


@bp.get("/lien-he")
def contacts():
    query = request.args.get("q", "").strip()[:100]
    unit_id = _int_arg("unit") or None
    page = list_contacts(page=_int_arg("page", 1), query=query, unit_id=unit_id)
    return render(
        "about/contacts.html",
        page=page,
        query=query,
        unit_id=unit_id,
        units=all_units(),
        locale=current_locale(),
        **page_languages(page.items),
    )
