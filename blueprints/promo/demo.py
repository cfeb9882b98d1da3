"""Demo banners, tourism places and links for every portal (richer for the four showcase ones).

The tours point at Google Maps embeds; they show as iframes when the deployment allows the host
(`PORTAL_EMBED_HOSTS=www.google.com`) and as plain links otherwise.
"""

from __future__ import annotations

import io
from datetime import timedelta
from urllib.parse import quote_plus

import sqlalchemy as sa
from PIL import Image, ImageDraw

from app.extensions import db
from app.uploads import store_bytes
from blueprints.promo.models import Banner, Link, TourismPlace
from tenants.context import TenantInfo, require_tenant

RICH = {"vungtau", "phuong-1", "thang-tam", "long-son"}

PLACES = [
    (
        "Tượng Chúa Kitô Vua – Núi Nhỏ",
        "Christ the King statue – Small Mountain",
        "<p>Công trình cao 32 m trên đỉnh Núi Nhỏ, nhìn ra Bãi Trước và Bãi Sau; du khách leo 811 bậc thang "
        "để lên tới chân tượng.</p>",
        "<p>A 32 m statue on top of Small Mountain overlooking Front and Back Beaches; "
        "visitors climb 811 steps.</p>",
    ),
    (
        "Bạch Dinh (Villa Blanche)",
        "White Palace (Villa Blanche)",
        "<p>Dinh thự xây năm 1898 trên sườn Núi Lớn, "
        "nay là bảo tàng trưng bày cổ vật và hiện vật lịch sử.</p>",
        "<p>A villa built in 1898 on Big Mountain, now a museum of antiques and historical objects.</p>",
    ),
    (
        "Làng chài và rừng ngập mặn Long Sơn",
        "Long Son fishing village and mangroves",
        "<p>Làng bè nuôi hàu, rừng ngập mặn và nhà lớn Long Sơn – "
        "di tích kiến trúc nghệ thuật cấp quốc gia.</p>",
        "<p>Oyster rafts, mangrove forests and the Long Son Great House, a national architectural relic.</p>",
    ),
]

LINKS = [
    (
        "province",
        "Cổng thông tin điện tử tỉnh Bà Rịa – Vũng Tàu",
        "Ba Ria – Vung Tau provincial portal",
        "https://baria-vungtau.gov.vn",
    ),
    ("province", "Cổng Dịch vụ công quốc gia", "National Public Service Portal", "https://dichvucong.gov.vn"),
    ("newspaper", "Báo Bà Rịa – Vũng Tàu", "Ba Ria – Vung Tau Newspaper", "https://baobariavungtau.com.vn"),
    ("government", "Cổng thông tin điện tử Chính phủ", "Government portal", "https://chinhphu.vn"),
    (
        "ministry",
        "Bộ Thông tin và Truyền thông",
        "Ministry of Information and Communications",
        "https://mic.gov.vn",
    ),
    ("ministry", "Bộ Nội vụ", "Ministry of Home Affairs", "https://moha.gov.vn"),
]


def _banner_png(text: str, colour: tuple[int, int, int]) -> bytes:
    image = Image.new("RGB", (1200, 240), colour)
    ImageDraw.Draw(image).text((40, 100), text, fill=(255, 255, 255))
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def seed(tenant: TenantInfo) -> None:
    rich = tenant.slug in RICH
    today = require_tenant().today()
    if not db.session.scalar(sa.select(sa.func.count()).select_from(Banner)):
        banners = [
            ("Chào mừng kỷ niệm Ngày Quốc khánh 2/9", "Celebrating National Day, 2 September", (176, 30, 36)),
            (
                "Chuyển đổi số – vì nhân dân phục vụ",
                "Digital transformation in service of the people",
                (0, 84, 147),
            ),
        ]
        for index, (alt_vi, alt_en, colour) in enumerate(banners[: 2 if rich else 1]):
            stored = store_bytes(_banner_png(alt_en, colour), "image/png", "png", f"banner-{index}.png")
            db.session.add(
                Banner(
                    alt_vi=alt_vi,
                    alt_en=alt_en,
                    starts_on=today - timedelta(days=3),
                    ends_on=today + timedelta(days=30),
                    position=index,
                    image_key=stored.key,
                    image_type=stored.content_type,
                )
            )
    if not db.session.scalar(sa.select(sa.func.count()).select_from(TourismPlace)):
        for index, (title_vi, title_en, body_vi, body_en) in enumerate(PLACES[: 3 if rich else 1]):
            db.session.add(
                TourismPlace(
                    title_vi=title_vi,
                    title_en=title_en,
                    body_vi=body_vi,
                    body_en=body_en,
                    position=index,
                    embed_url=f"https://www.google.com/maps?q={quote_plus(title_vi + ' Vũng Tàu')}"
                    "&output=embed",
                    embed_title_vi=f"Tham quan 360° và bản đồ: {title_vi}",
                    embed_title_en=f"360° visit and map: {title_en}",
                )
            )
    if not db.session.scalar(sa.select(sa.func.count()).select_from(Link)):
        for index, (group, title_vi, title_en, url) in enumerate(LINKS if rich else LINKS[:4]):
            db.session.add(Link(group=group, title_vi=title_vi, title_en=title_en, url=url, position=index))
