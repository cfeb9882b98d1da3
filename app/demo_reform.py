"""The 2025 reform, rehearsed on the demo: Vũng Tàu's 17 wards and commune become 5.

From 1 July 2025 the district level is gone and Vũng Tàu's units are inside Ho Chi Minh City:

- Phường Vũng Tàu: wards 1, 2, 3, 4, 5, Thắng Nhì, Thắng Tam;
- Phường Tam Thắng: wards 7, 8, 9, Nguyễn An Ninh;
- Phường Rạch Dừa: ward 10, Thắng Nhất, Rạch Dừa;
- Phường Phước Thắng: wards 11, 12;
- Xã Long Sơn: Long Sơn.

Each new unit is a new portal (its host follows the `tenphuongxa` pattern), child of the province,
and receives its former portals by `tenants merge`, with the resolutions below for what the demo
portals all have in common. Running it again skips the units already merged.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from app.extensions import db
from tenants import merging
from tenants.merge_report import describe_result
from tenants.merge_rules import Strategy
from tenants.merging import MergeRequest, MergeResult
from tenants.models import Tenant
from tenants.provisioning import TenantSpec, create_tenant

PROVINCE = TenantSpec(
    slug="tphcm",
    name_vi="Thành phố Hồ Chí Minh",
    name_en="Ho Chi Minh City",
    kind="city",
    contact={"owner": "Ủy ban nhân dân Thành phố Hồ Chí Minh"},
)
PROVINCE_HOST = f"{PROVINCE.slug}.localhost"


@dataclass(frozen=True)
class NewUnit:
    slug: str
    name_vi: str
    name_en: str
    kind: str
    former: tuple[str, ...]


REFORM_2025 = (
    NewUnit(
        "phuongvungtau",
        "Phường Vũng Tàu",
        "Vung Tau Ward",
        "ward",
        ("phuong-1", "phuong-2", "phuong-3", "phuong-4", "phuong-5", "thang-nhi", "thang-tam"),
    ),
    NewUnit(
        "phuongtamthang",
        "Phường Tam Thắng",
        "Tam Thang Ward",
        "ward",
        ("phuong-7", "phuong-8", "phuong-9", "nguyen-an-ninh"),
    ),
    NewUnit(
        "phuongrachdua", "Phường Rạch Dừa", "Rach Dua Ward", "ward", ("phuong-10", "thang-nhat", "rach-dua")
    ),
    NewUnit("phuongphuocthang", "Phường Phước Thắng", "Phuoc Thang Ward", "ward", ("phuong-11", "phuong-12")),
    NewUnit("xalongson", "Xã Long Sơn", "Long Son Commune", "commune", ("long-son",)),
)

# What the demo portals share, resolved as a person merging them would: one organisation chart,
# one set of categories and royalty tables; documents and programmes keep their numbers with the
# former ward's name added; budgets and closed months add up; people keep every role.
REFORM_RESOLUTIONS = {
    "documents": Strategy.RENAME,
    "science_programmes": Strategy.RENAME,
    "feedback_items": Strategy.RENAME,
    "feedback_categories": Strategy.MERGE,
    "intro_sections": Strategy.MERGE,
    "org_units": Strategy.MERGE,
    "newsroom_units": Strategy.MERGE,
    "newsroom_board_members": Strategy.MERGE,
    "memberships": Strategy.MERGE,
    "consultation_subscribers": Strategy.MERGE,
    "aggregator_feeds": Strategy.MERGE,
    "royalty_bases": Strategy.MERGE,
    "royalty_rates": Strategy.MERGE,
    "royalty_monthly_plans": Strategy.MERGE,
    "royalty_budgets": Strategy.SUM,
    "royalty_closed_statements": Strategy.SUM,
}


def _already_merged(unit: NewUnit) -> bool:
    merged_into = db.session.scalars(
        sa.select(Tenant.merged_into_id).where(Tenant.slug.in_(unit.former))
    ).all()
    return bool(merged_into) and all(merged_into)


def reform_request(unit: NewUnit) -> MergeRequest:
    return MergeRequest(
        into=unit.slug,
        former=list(unit.former),
        name_vi=unit.name_vi,
        name_en=unit.name_en,
        kind=unit.kind,
        parent=PROVINCE.slug,
        resolutions=dict(REFORM_RESOLUTIONS),
    )


def run_reform() -> list[tuple[NewUnit, MergeResult | None]]:
    """Create the province, then merge each new unit's former portals into it, one transaction
    each; a unit merged before is skipped (None)."""
    create_tenant(PROVINCE, hostname=PROVINCE_HOST)
    db.session.commit()
    results: list[tuple[NewUnit, MergeResult | None]] = []
    for unit in REFORM_2025:
        if _already_merged(unit):
            results.append((unit, None))
            continue
        results.append((unit, merging.merge(reform_request(unit))))
    db.session.expire_all()
    return results


def reform_report(results: list[tuple[NewUnit, MergeResult | None]]) -> str:
    """A readable record: per new unit, what moved, how conflicts were resolved, the aliases."""
    base = current_app.config["PORTAL_BASE_DOMAIN"]
    former = sum(len(unit.former) for unit, _ in results)
    lines = [
        f"Reform of 1 July 2025: {former} portals of Vũng Tàu become {len(results)}, "
        f"children of {PROVINCE.name_vi} ({PROVINCE_HOST}).",
        "",
    ]
    for unit, result in results:
        lines.append(f"== {unit.name_vi}: http://{unit.slug}.{base}/")
        if result is None:
            lines += ["   merged before; nothing to do.", ""]
            continue
        text = describe_result(result, compact=True)
        lines += ["   " + line for line in text.splitlines()] + [""]
    return "\n".join(lines)
