"""Demo data: the city of Vũng Tàu and its 16 wards and 1 commune (as in 2023), with people.

Idempotent: every step finds what exists and adds only what is missing, so `make demo` can run it
on every start. Each capability adds its own sample content through a `demo.py` module in its
package with a `seed(tenant: TenantInfo) -> None` function, called inside that tenant's scope.
Contacts and people here are illustrative, not real officials.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

from flask import current_app

from app.extensions import db
from app.roles import Role
from app.security import hash_password
from blueprints.auth.services import create_user, grant_role
from tenants.context import tenant_scope
from tenants.provisioning import TenantSpec, create_tenant
from tenants.resolver import tenant_info

CITY_SLUG = "vungtau"
DEMO_PASSWORD = "demo-password"
ADMIN_EMAIL = "admin@example.org"

# slug, Vietnamese name, English name, kind
WARDS = [
    ("phuong-1", "Phường 1", "Ward 1", "ward"),
    ("phuong-2", "Phường 2", "Ward 2", "ward"),
    ("phuong-3", "Phường 3", "Ward 3", "ward"),
    ("phuong-4", "Phường 4", "Ward 4", "ward"),
    ("phuong-5", "Phường 5", "Ward 5", "ward"),
    ("phuong-7", "Phường 7", "Ward 7", "ward"),
    ("phuong-8", "Phường 8", "Ward 8", "ward"),
    ("phuong-9", "Phường 9", "Ward 9", "ward"),
    ("phuong-10", "Phường 10", "Ward 10", "ward"),
    ("phuong-11", "Phường 11", "Ward 11", "ward"),
    ("phuong-12", "Phường 12", "Ward 12", "ward"),
    ("thang-nhat", "Phường Thắng Nhất", "Thang Nhat Ward", "ward"),
    ("thang-nhi", "Phường Thắng Nhì", "Thang Nhi Ward", "ward"),
    ("thang-tam", "Phường Thắng Tam", "Thang Tam Ward", "ward"),
    ("rach-dua", "Phường Rạch Dừa", "Rach Dua Ward", "ward"),
    ("nguyen-an-ninh", "Phường Nguyễn An Ninh", "Nguyen An Ninh Ward", "ward"),
    ("long-son", "Xã Long Sơn", "Long Son Commune", "commune"),
]

# The demo accounts of every portal: <role>.<slug>@example.org
DEMO_ROLES = (Role.COLLABORATOR, Role.APPROVER, Role.EDITOR, Role.BOARD_HEAD)

# Illustrative names, combined deterministically so every portal's board has its own people.
FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Võ", "Đặng", "Bùi", "Đỗ")
MIDDLE = ("Thị", "Văn", "Minh", "Ngọc", "Đức", "Thanh", "Hữu", "Thu")
GIVEN = (
    "Lan",
    "Hùng",
    "Mai",
    "Tuấn",
    "Hà",
    "Dũng",
    "Hương",
    "Nam",
    "Thảo",
    "Khoa",
    "Linh",
    "Phúc",
    "Trang",
    "Bình",
    "Yến",
    "Quân",
    "Vy",
)


def demo_person(number: int, role_index: int) -> str:
    seed = number * len(DEMO_ROLES) + role_index
    return (
        f"{FAMILY[seed % len(FAMILY)]} {MIDDLE[(seed // 3) % len(MIDDLE)]} {GIVEN[(seed * 7) % len(GIVEN)]}"
    )


def _contact(name_vi: str, name_en: str, slug: str, number: int) -> dict:
    return {
        "owner": f"Ủy ban nhân dân {name_vi}",
        "owner_en": f"People's Committee of {name_en}",
        "responsible": f"Trưởng Ban biên tập Cổng thông tin điện tử {name_vi}",
        "responsible_en": f"Head of the Editorial Board of the {name_en} e-portal",
        "address": f"Trụ sở UBND {name_vi}, thành phố Vũng Tàu, tỉnh Bà Rịa – Vũng Tàu",
        "address_en": f"People's Committee of {name_en}, Vung Tau City, Ba Ria – Vung Tau Province",
        "phone": f"0254 3{number:02d}0 {100 + number:03d}",
        "email": f"{slug}@example.org",
    }


def demo_email(role: str, slug: str) -> str:
    return f"{role.replace('-', '')}.{slug}@example.org"


def seed_portals() -> list:
    city, _ = create_tenant(
        TenantSpec(
            slug=CITY_SLUG,
            name_vi="Thành phố Vũng Tàu",
            name_en="Vung Tau City",
            kind="city",
            contact=_contact("thành phố Vũng Tàu", "Vung Tau City", CITY_SLUG, 0)
            | {"owner": "Ủy ban nhân dân thành phố Vũng Tàu"},
        )
    )
    tenants = [city]
    for number, (slug, name_vi, name_en, kind) in enumerate(WARDS, start=1):
        tenant, _ = create_tenant(
            TenantSpec(
                slug=slug,
                name_vi=name_vi,
                name_en=name_en,
                kind=kind,
                parent_slug=CITY_SLUG,
                contact=_contact(name_vi, name_en, slug, number),
            )
        )
        tenants.append(tenant)
    db.session.flush()
    return tenants


def seed_people(tenants: list) -> None:
    hashed = hash_password(DEMO_PASSWORD)
    create_user(ADMIN_EMAIL, DEMO_PASSWORD, "Quản trị nền tảng", platform_admin=True, password_hash=hashed)
    for number, tenant in enumerate(tenants):
        with tenant_scope(tenant_info(tenant)):
            for role_index, role in enumerate(DEMO_ROLES):
                user, _ = create_user(
                    demo_email(role, tenant.slug),
                    DEMO_PASSWORD,
                    demo_person(number, role_index),
                    password_hash=hashed,
                )
                grant_role(user, role)
            db.session.flush()


def seed_content(tenants: list) -> None:
    """Each capability's `demo.seed`, per tenant."""
    from app import BLUEPRINTS

    for name in BLUEPRINTS:
        try:
            module = importlib.import_module(f"blueprints.{name}.demo")
        except ModuleNotFoundError as exc:
            if exc.name != f"blueprints.{name}.demo":
                raise
            continue
        for tenant in tenants:
            info = tenant_info(tenant)
            with tenant_scope(info):
                module.seed(info)
                db.session.flush()


def seed_demo() -> Iterator[str]:
    tenants = seed_portals()
    db.session.commit()
    seed_people(tenants)
    db.session.commit()
    seed_content(tenants)
    db.session.commit()
    yield f"{len(tenants)} portals ready."


def demo_summary(port: int) -> str:
    """What `make demo` prints: where to go and how to sign in."""
    base = current_app.config["PORTAL_BASE_DOMAIN"]
    lines = [
        f"City portal:      http://{base}:{port}/   (English: http://{base}:{port}/en/)",
        "Ward portals:     " + ", ".join(f"http://{s}.{base}:{port}/" for s, *_ in WARDS[:3]) + ", …",
        "                  all 17: " + " ".join(s for s, *_ in WARDS),
        "",
        f"Sign in at /login on any portal; every demo password is: {DEMO_PASSWORD}",
        f"  platform administrator: {ADMIN_EMAIL}",
        "  on each portal:         " + ", ".join(demo_email(r, "<slug>") for r in DEMO_ROLES),
        f"  e.g. the approver of Thắng Tam: {demo_email(Role.APPROVER, 'thang-tam')}",
        f"Mail (password resets) is written to {current_app.instance_path}/mail/",
    ]
    return "\n".join(lines)
