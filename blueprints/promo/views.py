"""Public tourism and links pages, banner images, the home-page banner partial's data, and the
back-office screens of all three."""

from __future__ import annotations

from flask import abort
from flask_babel import lazy_gettext as _l

from app.crud import Crud, find_row, register
from app.navigation import add_public_page
from app.templating import render
from app.uploads import send_stored
from blueprints.promo.blueprint import bp
from blueprints.promo.forms import BannerForm, LinkForm, TourismPlaceForm
from blueprints.promo.models import Banner, Link, LinkGroup, TourismPlace
from blueprints.promo.services import (
    active_banners,
    embed_allowed,
    grouped_links,
    list_places,
    save_banner,
    save_link,
    save_place,
)

add_public_page(
    "promo.tourism",
    _l("Du lịch địa phương"),
    _l("Điểm đến, di tích và tham quan 360° trên địa bàn."),
    order=50,
)
add_public_page(
    "promo.links",
    _l("Liên kết website"),
    _l("Cổng thông tin của tỉnh, báo chí, Chính phủ và các bộ, ngành."),
    order=85,
    in_main_menu=False,
)


@bp.app_context_processor
def banner_context():
    """`active_banners()` for the home page's banner partial, queried only when called."""
    return {"active_banners": active_banners}


@bp.get("/du-lich")
def tourism():
    return render("promo/tourism.html", places=list_places(), embed_allowed=embed_allowed)


@bp.get("/lien-ket")
def links():
    return render("promo/links.html", groups=grouped_links())


@bp.get("/bang-ron/<int:banner_id>/anh")
def banner_image(banner_id: int):
    banner = find_row(Banner, banner_id)
    if not banner.image_key:
        abort(404)
    return send_stored(banner.image_key, banner.image_type, f"banner-{banner.id}", as_attachment=False)


register(
    Crud(
        bp,
        "banners",
        Banner,
        BannerForm,
        _l("Băng-rôn"),
        order=300,
        save=save_banner,
        order_by=lambda m: [m.starts_on.desc(), m.position],
        columns=[
            (_l("Mô tả ảnh (tiếng Việt)"), lambda r: r.alt_vi),
            (_l("Ngày bắt đầu"), lambda r: r.starts_on.strftime("%d/%m/%Y")),
            (_l("Ngày kết thúc"), lambda r: r.ends_on.strftime("%d/%m/%Y")),
        ],
    )
)
register(
    Crud(
        bp,
        "tourism",
        TourismPlace,
        TourismPlaceForm,
        _l("Du lịch địa phương"),
        order=310,
        save=save_place,
        order_by=lambda m: [m.position, m.id],
        columns=[
            (_l("Tên địa điểm (tiếng Việt)"), lambda r: r.title_vi),
            (_l("Địa chỉ trang 360° để nhúng"), lambda r: r.embed_url),
        ],
    )
)
register(
    Crud(
        bp,
        "links",
        Link,
        LinkForm,
        _l("Liên kết website"),
        order=320,
        save=save_link,
        order_by=lambda m: [m.group, m.position, m.id],
        columns=[
            (_l("Tên (tiếng Việt)"), lambda r: r.title_vi),
            (_l("Nhóm"), lambda r: LinkGroup(r.group).label),
            (_l("Địa chỉ"), lambda r: r.url),
        ],
    )
)
