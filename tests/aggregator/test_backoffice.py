"""The city board's back office: pin / hide / order through HTTP, each change in the audit trail;
a ward's board cannot touch the city's items; platform administrators change parents."""

from __future__ import annotations

from app.extensions import db
from blueprints.aggregator.models import CurationEvent
from tenants.context import tenant_scope
from tenants.resolver import resolve_host
from tests.aggregator.helpers import highlight, items, make_city, sync
from tests.factories import base_url, make_user
from tests.support import csrf_token, post_form, sign_in, signed_in_browser


def test_pin_hide_order_and_audit(client):
    city = make_city(1)
    highlight(city.wards[0], title="Tin để ẩn")
    sync(city)
    item_id = items(city)[0].id
    manager = make_user(roles={city.parent: ["editor"]})
    sign_in(client, city.parent, manager)
    board = client.get("/admin/city-board/", base_url=base_url(city.parent))
    assert board.status_code == 200 and "Tin để ẩn" in board.text
    for action in ("pin", "hide"):
        response = post_form(
            client,
            city.parent,
            f"/admin/city-board/{item_id}",
            {"action": action},
            form_url="/admin/city-board/",
        )
        assert response.status_code == 302
    post_form(
        client,
        city.parent,
        f"/admin/city-board/{item_id}",
        {"action": "move", "position": "-2"},
        form_url="/admin/city-board/",
    )
    item = items(city)[0]
    assert (item.pinned, item.hidden, item.position) == (True, True, -2)
    assert "Tin để ẩn" not in client.get("/", base_url=base_url(city.parent)).text
    post_form(
        client,
        city.parent,
        f"/admin/city-board/{item_id}",
        {"action": "unhide"},
        form_url="/admin/city-board/",
    )
    assert "Tin để ẩn" in client.get("/", base_url=base_url(city.parent)).text
    with tenant_scope(city.parent):
        trail = db.session.query(CurationEvent).order_by(CurationEvent.id).all()
        assert [(e.action, e.actor_id) for e in trail] == [
            ("added", None),
            ("pin", manager.id),
            ("hide", manager.id),
            ("move", manager.id),
            ("unhide", manager.id),
        ]
    audit = client.get("/admin/city-board/audit", base_url=base_url(city.parent))
    assert audit.status_code == 200 and "Hiện lại" in audit.text and manager.name in audit.text
    assert (
        post_form(
            client,
            city.parent,
            f"/admin/city-board/{item_id}",
            {"action": "drop-table"},
            form_url="/admin/city-board/",
        ).status_code
        == 400
    )


def test_another_portals_board_cannot_touch_the_item(client):
    city, other = make_city(1), make_city(1)
    highlight(city.wards[0])
    sync(city)
    item_id = items(city)[0].id
    stranger = make_user(roles={other.parent: ["editor"]})
    sign_in(client, other.parent, stranger)
    response = post_form(
        client,
        other.parent,
        f"/admin/city-board/{item_id}",
        {"action": "hide"},
        form_url="/admin/city-board/",
    )
    assert response.status_code == 404
    assert items(city)[0].hidden is False
    collaborator = make_user(roles={city.parent: ["collaborator"]})
    other_browser = signed_in_browser(client.application, city.parent, collaborator)
    assert other_browser.get("/admin/city-board/", base_url=base_url(city.parent)).status_code == 403


def test_platform_admin_changes_a_parent_and_the_resolver_sees_it(client):
    city, other = make_city(1), make_city(0)
    ward = city.wards[0]
    assert resolve_host(ward.tenant.primary_host).tenant.parent_id == city.parent.id
    admin = make_user(platform_admin=True)
    sign_in(client, city.parent, admin)
    page = client.get("/admin/platform/parents", base_url=base_url(city.parent))
    assert page.status_code == 200
    response = client.post(
        "/admin/platform/parents",
        base_url=base_url(city.parent),
        data={"tenant": ward.tenant.slug, "parent": other.parent.slug, "csrf_token": csrf_token(page.text)},
    )
    assert response.status_code == 302
    assert resolve_host(ward.tenant.primary_host).tenant.parent_id == other.parent.id
    cycle = client.post(
        "/admin/platform/parents",
        base_url=base_url(city.parent),
        data={"tenant": other.parent.slug, "parent": ward.tenant.slug, "csrf_token": csrf_token(page.text)},
    )
    assert cycle.status_code == 422
    editor = make_user(roles={city.parent: ["editor"]})
    other_browser = signed_in_browser(client.application, city.parent, editor)
    assert other_browser.get("/admin/platform/parents", base_url=base_url(city.parent)).status_code == 403


def test_set_parent_command(app):
    city, other = make_city(1), make_city(0)
    ward = city.wards[0]
    db.session.commit()
    runner = app.test_cli_runner()
    result = runner.invoke(args=["tenants", "set-parent", ward.tenant.slug, other.parent.slug])
    assert result.exit_code == 0, result.output
    assert resolve_host(ward.tenant.primary_host).tenant.parent_id == other.parent.id
    assert runner.invoke(args=["tenants", "set-parent", ward.tenant.slug, "none"]).exit_code == 0
    assert resolve_host(ward.tenant.primary_host).tenant.parent_id is None
    refused = runner.invoke(args=["tenants", "set-parent", ward.tenant.slug, ward.tenant.slug])
    assert refused.exit_code != 0
