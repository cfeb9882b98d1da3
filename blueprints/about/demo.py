"""Demo introduction for every portal: sections (with a drawn boundary map), the organisation
chart, three leaders with portraits, and a contact directory with one entry overdue for checking.
Idempotent: each kind of row is added only when the portal has none yet."""

from __future__ import annotations

import io
from datetime import timedelta

import sqlalchemy as sa
from PIL import Image, ImageDraw

from app.extensions import db
from app.search import fold
from app.uploads import store_bytes
from blueprints.about import demo_content as content
from blueprints.about.models import Contact, IntroSection, Leader, OrgChartUnit
from tenants.context import TenantInfo, require_tenant


def seed(tenant: TenantInfo) -> None:
    texts = content.RICH.get(tenant.slug) or content.generic(tenant.name_vi, tenant.name_en)
    _sections(tenant, texts)
    units = _units(tenant)
    _leaders(tenant)
    _contacts(tenant, units)


def _png(draw, size=(480, 320)) -> bytes:

    image = Image.new("RGB", size, (235, 242, 248))
    draw(ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def _map_image(seed_number: int) -> bytes:
    def draw(d):
        d.rectangle([0, 0, 479, 319], fill=(190, 220, 240))  # the sea
        shift = seed_number % 40
        d.polygon(
            [(60 + shift, 40), (400, 60 + shift), (430, 250), (200, 290 - shift), (40, 200)],
            fill=(236, 228, 200),
            outline=(160, 40, 40),
            width=4,
        )
        d.line([(120, 120), (360, 140 + shift)], fill=(120, 120, 120), width=3)

    return _png(draw)


def _portrait(index: int) -> bytes:
    def draw(d):
        d.rectangle([0, 0, 239, 299], fill=(214, 226, 240 - index * 20))
        d.ellipse([70, 50, 170, 150], fill=(150, 120, 100))
        d.rectangle([45, 170, 195, 299], fill=(40, 60, 110))

    return _png(draw, (240, 300))


def _sections(tenant: TenantInfo, texts: dict) -> None:
    existing = set(db.session.scalars(sa.select(IntroSection.kind)))
    functions = content.WARD_FUNCTIONS
    rows = {
        "functions": (functions[0].format(name=tenant.name_vi), functions[1].format(name_en=tenant.name_en)),
        **texts,
        "map": (
            f"<p>Bản đồ thể hiện ranh giới hành chính của {tenant.name_vi}; đường viền đỏ là ranh giới, "
            "phần màu xanh là biển.</p>",
            f"<p>The map shows the administrative boundary of {tenant.name_en}; the red outline is the "
            "boundary, blue is the sea.</p>",
        ),
    }
    for kind, (body_vi, body_en) in rows.items():
        if kind in existing:
            continue
        section = IntroSection(kind=kind, body_vi=body_vi, body_en=body_en)
        if kind == "map":
            stored = store_bytes(_map_image(tenant.id), "image/png", "png", "ban-do.png")
            section.image_key, section.image_type = stored.key, stored.content_type
            section.image_alt_vi = f"Bản đồ địa giới hành chính {tenant.name_vi}"
            section.image_alt_en = f"Boundary map of {tenant.name_en}"
        db.session.add(section)


def _units(tenant: TenantInfo) -> list[OrgChartUnit]:
    units = list(db.session.scalars(sa.select(OrgChartUnit).order_by(OrgChartUnit.position)))
    if units:
        return units
    root = OrgChartUnit(
        name_vi=f"Ủy ban nhân dân {tenant.name_vi}",
        name_en=f"People's Committee of {tenant.name_en}",
        functions_vi=content.WARD_FUNCTIONS[0].format(name=tenant.name_vi),
        functions_en=content.WARD_FUNCTIONS[1].format(name_en=tenant.name_en),
        address=tenant.contact.get("address", ""),
        phone=tenant.contact.get("phone", ""),
        email=tenant.contact.get("email", ""),
        position=0,
    )
    db.session.add(root)
    db.session.flush()
    children = content.CITY_UNITS if tenant.kind == "city" else content.WARD_UNITS
    units = [root]
    for position, (name_vi, name_en, functions_vi, functions_en) in enumerate(children, start=1):
        unit = OrgChartUnit(
            name_vi=name_vi,
            name_en=name_en,
            functions_vi=f"<p>{functions_vi}</p>",
            functions_en=f"<p>{functions_en}</p>",
            parent_id=root.id,
            position=position,
        )
        db.session.add(unit)
        units.append(unit)
    db.session.flush()
    return units


def _person(tenant: TenantInfo, index: int) -> str:
    return content.PEOPLE[(tenant.id * 3 + index) % len(content.PEOPLE)]


def _leaders(tenant: TenantInfo) -> None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(Leader)):
        return
    for index, (title_vi, title_en, duties_vi, duties_en) in enumerate(content.LEADER_TITLES):
        name = _person(tenant, index)
        born = 1970 + (tenant.id + index * 5) % 15
        stored = store_bytes(_portrait(index), "image/png", "png", "chan-dung.png")
        db.session.add(
            Leader(
                name=name,
                title_vi=title_vi,
                title_en=title_en,
                duties_vi=duties_vi,
                duties_en=duties_en,
                biography_vi=(
                    f"<p>Sinh năm {born}, quê quán tỉnh Bà Rịa – Vũng Tàu. Trình độ: Thạc sĩ Quản lý công, "
                    "Cao cấp lý luận chính trị.</p>"
                    "<p>Có hơn 20 năm công tác trong hệ thống chính quyền cơ sở.</p>"
                ),
                biography_en=(
                    f"<p>Born in {born} in Ba Ria – Vung Tau province. Master of Public Administration, "
                    "advanced political theory.</p><p>More than 20 years in local government.</p>"
                ),
                phone=f"0254 38{tenant.id % 10}{index} {100 + index * 11}",
                email=f"{fold(name).replace(' ', '.')}@example.org",
                photo_key=stored.key,
                photo_type=stored.content_type,
                position=index,
            )
        )


def _contacts(tenant: TenantInfo, units: list[OrgChartUnit]) -> None:
    if db.session.scalar(sa.select(sa.func.count()).select_from(Contact)):
        return
    today = require_tenant().today()
    rows = [(units[0], "Chủ tịch", "Chairman"), (units[0], "Phó Chủ tịch", "Vice-Chairman")]
    for unit in units[1:]:
        rows.append(
            (
                unit,
                "Trưởng bộ phận" if tenant.kind != "city" else "Trưởng phòng",
                "Head of section" if tenant.kind != "city" else "Head of division",
            )
        )
    for index, (unit, position_vi, position_en) in enumerate(rows):
        name = _person(tenant, index + 3)
        db.session.add(
            Contact(
                unit_id=unit.id,
                name=name,
                position_vi=position_vi,
                position_en=position_en,
                phone=f"0254 3{tenant.id % 9}{index:02d} {200 + index * 7}",
                email=f"{fold(name).replace(' ', '.')}.{index}@example.org",
                position=index,
                # the last one was confirmed long ago, so the back office shows a stale flag
                checked_on=today - timedelta(days=400 if index == len(rows) - 1 else 20 + index * 9),
            )
        )
