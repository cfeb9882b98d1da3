"""Ward A's editors and visitors cannot read, change or detect ward B's rows, screen by screen."""

import pytest
import sqlalchemy as sa

from app.extensions import db
from blueprints.programmes.models import Project, ScienceProgramme, StatisticsReport
from blueprints.promo.models import Link, TourismPlace
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.support import post_form, sign_in

MARKER = "Riêng-của-phường-B"
ROWS = {
    "projects": (Project, {"kind": "project", "name": MARKER}, "/du-an"),
    "science-programmes": (ScienceProgramme, {"code": "B-01", "name": MARKER}, "/de-tai-khoa-hoc"),
    "statistics": (StatisticsReport, {"title": MARKER, "period": "2024"}, "/thong-ke"),
    "tourism": (TourismPlace, {"title_vi": MARKER}, "/du-lich"),
    "links": (Link, {"title_vi": MARKER, "url": "https://example.org", "group": "other"}, "/lien-ket"),
}


@pytest.mark.parametrize("screen", sorted(ROWS))
def test_another_portals_row_is_invisible_and_untouchable(client, screen):
    model, fields, public_path = ROWS[screen]
    ward_a, ward_b = make_tenant(), make_tenant()
    with tenant_scope(ward_b):
        row = model(**fields)
        db.session.add(row)
        db.session.flush()
        row_id = row.id
    assert MARKER in client.get(public_path, base_url=base_url(ward_b)).text
    assert MARKER not in client.get(public_path, base_url=base_url(ward_a)).text
    assert MARKER not in client.get("/en" + public_path, base_url=base_url(ward_a)).text
    sign_in(client, ward_a, make_user(roles={ward_a: ["editor", "board-head"]}))
    assert MARKER not in client.get(f"/admin/{screen}", base_url=base_url(ward_a)).text
    assert client.get(f"/admin/{screen}/{row_id}", base_url=base_url(ward_a)).status_code == 404
    edit = post_form(
        client,
        ward_a,
        f"/admin/{screen}/{row_id}",
        {"name": "x", "title_vi": "x"},
        form_url=f"/admin/{screen}/new",
    )
    assert edit.status_code == 404
    delete = post_form(
        client, ward_a, f"/admin/{screen}/{row_id}/delete", {}, form_url=f"/admin/{screen}/new"
    )
    assert delete.status_code == 404
    with tenant_scope(ward_b):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(model)) == 1
        assert db.session.get(model, (ward_b.id, row_id)) is not None
