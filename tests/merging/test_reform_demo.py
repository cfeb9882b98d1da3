"""`flask demo reform-2025`: the demo's 17 portals of Vũng Tàu become the 5 of 2025."""

import pytest

from app.demo import WARDS
from app.demo_reform import PROVINCE, REFORM_2025
from tenants.children import active_children
from tenants.resolver import tenant_by_slug

pytestmark = pytest.mark.usefixtures("demo")


def test_the_reform_merges_the_17_demo_portals_into_5_children_of_the_province(flask_cli):
    assert sorted(s for unit in REFORM_2025 for s in unit.former) == sorted(s for s, *_ in WARDS)
    result = flask_cli("demo", "reform-2025")
    assert result.exit_code == 0, result.output
    assert "17 portals of Vũng Tàu become 5" in result.output
    province = tenant_by_slug(PROVINCE.slug)
    children = {c.name_vi for c in active_children(province.id)}
    assert children == {
        "Phường Vũng Tàu",
        "Phường Tam Thắng",
        "Phường Rạch Dừa",
        "Phường Phước Thắng",
        "Xã Long Sơn",
    }
    for unit in REFORM_2025:
        assert f"== {unit.name_vi}" in result.output
        assert all(tenant_by_slug(slug).status == "suspended" for slug in unit.former)
    assert "thang-tam.vungtau.localhost" in result.output  # an alias, listed under its new ward
    assert "newsroom_sections: 9 by merge" in result.output
    again = flask_cli("demo", "reform-2025")
    assert again.output.count("merged before; nothing to do.") == 5
