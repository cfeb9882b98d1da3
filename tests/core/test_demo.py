"""The demo seed: every portal of the report, with its people, and safe to run twice."""

import pytest
import sqlalchemy as sa

from app.demo import WARDS, seed_demo
from app.extensions import db
from blueprints.auth.models import Membership, User
from blueprints.auth.services import authenticate
from tenants.context import tenant_scope
from tenants.models import Tenant
from tenants.resolver import tenant_by_slug

pytestmark = pytest.mark.usefixtures("demo")


def test_the_demo_has_the_city_and_its_17_wards_and_can_run_twice(app):
    list(seed_demo())  # the second time: the `demo` fixture seeded it once already
    slugs = set(db.session.scalars(sa.select(Tenant.slug)))
    assert {"vungtau", *(slug for slug, *_ in WARDS)} <= slugs
    assert len(WARDS) == 17
    thang_tam = tenant_by_slug("thang-tam")
    assert thang_tam.primary_host == f"thang-tam.{app.config['PORTAL_BASE_DOMAIN']}"
    assert (
        thang_tam.name_vi == "Phường Thắng Tam" and thang_tam.parent_host == app.config["PORTAL_BASE_DOMAIN"]
    )
    with tenant_scope(thang_tam):
        assert sorted(db.session.scalars(sa.select(Membership.role))) == [
            "approver",
            "board-head",
            "collaborator",
            "editor",
        ]
        assert authenticate(thang_tam.id, "approver.thang-tam@example.org", "demo-password", "127.0.0.1").user
    assert (
        db.session.scalar(
            sa.select(sa.func.count()).select_from(User).where(User.email.like("%.thang-tam@example.org"))
        )
        == 4
    )


def test_the_home_page_shows_the_news_the_schedule_and_the_banners(client):
    thang_tam = tenant_by_slug("thang-tam")
    page = client.get("/", base_url=f"http://{thang_tam.primary_host}")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    for block in ('id="home-schedule-heading"', 'class="banner-list"', "/tin-tuc/", 'rel="external"'):
        assert block in page.text, block
    english = client.get("/en/", base_url=f"http://{thang_tam.primary_host}")
    assert (
        "The leaders&#39; schedule this week" in english.text
        or "The leaders' schedule this week" in english.text
    )
