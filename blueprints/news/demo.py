"""Demo covers for the newsroom's published demo articles, so every portal's home page opens on
a lead story with a picture and the article pages show `srcset`, alt text and a caption.

The pictures are drawn here (a coast at different times of day: Vũng Tàu is a seaside city) and
stored and resized exactly as an uploaded cover is. Idempotent: articles with a cover are skipped.
"""

from __future__ import annotations

import io
import random

import sqlalchemy as sa
from PIL import Image, ImageDraw

from app.extensions import db
from blueprints.newsroom.images import clean_and_resize
from blueprints.newsroom.models import Article, ArticleState
from tenants.context import TenantInfo

# sky top, sky bottom, sea, sand; alt text (Vietnamese: the articles' language)
SCENES = [
    ((35, 99, 170), (150, 200, 235), (20, 90, 140), (226, 205, 160), "Bờ biển buổi sáng, trời trong xanh"),
    ((240, 140, 70), (250, 210, 150), (60, 90, 130), (210, 180, 140), "Bờ biển lúc hoàng hôn"),
    ((90, 150, 210), (200, 225, 240), (30, 120, 150), (235, 220, 180), "Bãi biển và hàng dương ven biển"),
]
WIDTH, HEIGHT = 1200, 675


def draw_cover(scene: int, rng: random.Random) -> bytes:
    top, bottom, sea, sand, _ = SCENES[scene % len(SCENES)]
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    horizon, shore = int(HEIGHT * 0.55), int(HEIGHT * 0.8)
    for y in range(horizon):
        t = y / horizon
        draw.line(
            [(0, y), (WIDTH, y)], fill=tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
        )
    sun_x = rng.randint(150, WIDTH - 150)
    draw.ellipse([sun_x - 45, horizon - 160, sun_x + 45, horizon - 70], fill=(255, 236, 170))
    draw.rectangle([0, horizon, WIDTH, shore], fill=sea)
    for _ in range(40):
        x, y = rng.randint(0, WIDTH), rng.randint(horizon + 5, shore - 5)
        draw.line([(x, y), (x + rng.randint(20, 60), y)], fill=(235, 245, 250), width=2)
    draw.polygon([(0, shore), (WIDTH, shore - 25), (WIDTH, HEIGHT), (0, HEIGHT)], fill=sand)
    out = io.BytesIO()
    image.save(out, format="JPEG", quality=82)
    return out.getvalue()


def seed(tenant: TenantInfo) -> None:
    rng = random.Random(f"covers-{tenant.slug}")
    articles = db.session.scalars(
        sa.select(Article)
        .where(Article.state == ArticleState.PUBLISHED, Article.cover_key.is_(None))
        .order_by(Article.id)
    ).all()
    for n, article in enumerate(articles):
        original, sizes = clean_and_resize(draw_cover(n, rng), "anh-minh-hoa.jpg")
        article.cover_key, article.cover_content_type = original.key, original.content_type
        article.cover_sizes = {size: stored.key for size, stored in sizes.items()}
        article.cover_alt = f"Ảnh minh họa: {SCENES[n % len(SCENES)][4].lower()}"
        article.cover_caption = f"Ảnh minh họa – Cổng thông tin điện tử {tenant.name_vi}"
    db.session.flush()
