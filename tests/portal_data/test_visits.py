import pytest
import sqlalchemy as sa

import workers.queue
from app.extensions import db, redis_client, redis_key
from blueprints.visits.counter import is_page_view, live_key, vietnam_today
from blueprints.visits.models import VisitDay, VisitFlush
from blueprints.visits.services import CLAIMED, claim_live_counts
from blueprints.visits.tasks import flush_visits
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.portal_data.helpers import BROWSER
from tests.support import run_jobs, sign_in


def view(client, tenant, path="/", times=1, **headers):
    for _ in range(times):
        client.get(path, base_url=base_url(tenant), headers={**BROWSER, **headers})


def live(tenant) -> int:
    return int(redis_client().get(live_key(tenant.id, vietnam_today())) or 0)


def stored(tenant) -> int:
    with tenant_scope(tenant):
        return db.session.scalar(sa.select(sa.func.coalesce(sa.func.sum(VisitDay.count), 0)))


def flush(app) -> None:
    workers.queue.get_queue().enqueue(flush_visits)
    run_jobs()


@pytest.mark.parametrize(
    "ua",
    [
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "curl/8.5.0",
        "python-requests/2.32",
        "Mozilla/5.0 zgrab/0.x scanner",
        "",
    ],
)
def test_bots_and_probes_are_not_counted(client, ua):
    ward = make_tenant()
    view(client, ward, **{"User-Agent": ua})
    assert live(ward) == 0


def test_only_successful_public_html_page_views_count(client):
    ward = make_tenant()
    view(client, ward, "/")
    view(client, ward, "/en/du-an")
    assert live(ward) == 2
    view(client, ward, "/no-such-page")  # 404
    view(client, ward, "/sitemap.xml")  # not HTML
    view(client, ward, "/admin/")  # back office (redirect to sign-in)
    view(client, ward, "/login")  # sign-in page
    view(client, ward, "/", **{"Sec-Purpose": "prefetch"})
    client.head("/", base_url=base_url(ward), headers=BROWSER)
    client.post("/", base_url=base_url(ward), headers=BROWSER)
    assert live(ward) == 2


def test_counts_are_per_portal_and_shown_in_the_footer(client):
    ward_a, ward_b = make_tenant(), make_tenant()
    view(client, ward_a, times=3)
    view(client, ward_b, times=1)
    assert (live(ward_a), live(ward_b)) == (3, 1)
    page = client.get("/", base_url=base_url(ward_a), headers=BROWSER)
    assert "Lượt truy cập hôm nay: 3 – Tổng số: 3" in page.text
    english = client.get("/en/", base_url=base_url(ward_b), headers=BROWSER)
    assert "Visits today: 1 – Total: 1" in english.text


def test_footer_figures_are_grouped_the_way_each_language_writes_numbers(client):
    from datetime import timedelta

    ward = make_tenant()
    with tenant_scope(ward):
        db.session.add(VisitDay(day=vietnam_today() - timedelta(days=1), count=1_000_000))
        db.session.flush()
    redis_client().set(live_key(ward.id, vietnam_today()), 1234)
    vietnamese = client.get("/", base_url=base_url(ward), headers=BROWSER)
    assert "Lượt truy cập hôm nay: 1.234 – Tổng số: 1.001.234" in vietnamese.text
    english = client.get("/en/", base_url=base_url(ward), headers=BROWSER)  # the page above counted
    assert "Visits today: 1,235 – Total: 1,001,235" in english.text


def test_flush_moves_counts_to_postgresql_and_never_doubles_them(client, app):
    ward_a, ward_b = make_tenant(), make_tenant()
    view(client, ward_a, times=3)
    view(client, ward_b, times=2)
    flush(app)
    assert (stored(ward_a), stored(ward_b)) == (3, 2)
    assert (live(ward_a), live(ward_b)) == (0, 0)
    assert list(redis_client().scan_iter(match=redis_key(CLAIMED, ward_a.id, "*"))) == []
    flush(app)  # nothing new: nothing added
    assert (stored(ward_a), stored(ward_b)) == (3, 2)
    view(client, ward_a, times=2)
    flush(app)
    assert stored(ward_a) == 5
    with tenant_scope(ward_a):
        day = db.session.scalars(sa.select(VisitDay)).one()
        assert (day.day, day.count) == (vietnam_today(), 5)
    page = client.get("/", base_url=base_url(ward_a), headers=BROWSER)
    assert "Lượt truy cập hôm nay: 5 – Tổng số: 5" in page.text


def test_a_flush_that_died_after_claiming_loses_nothing(client, app):
    ward = make_tenant()
    view(client, ward, times=4)
    assert claim_live_counts() >= {ward.id}  # the worker dies here: counts only in claimed keys
    view(client, ward, times=1)  # a new live key meanwhile
    flush(app)
    assert stored(ward) == 5 and live(ward) == 0


def test_a_claimed_key_whose_delete_was_lost_is_not_counted_again(client, app):
    ward = make_tenant()
    view(client, ward, times=3)
    flush(app)
    with tenant_scope(ward):
        batch = db.session.scalars(sa.select(VisitFlush.batch)).one()
    day, batch_id = batch.split(":")
    redis_client().set(redis_key(CLAIMED, ward.id, day, batch_id), 3)  # as if DEL never happened
    flush(app)
    assert stored(ward) == 3
    assert list(redis_client().scan_iter(match=redis_key(CLAIMED, ward.id, "*"))) == []


def test_back_office_chart_is_accessible_and_shows_only_this_portal(client, app):
    ward_a, ward_b = make_tenant(), make_tenant()
    view(client, ward_a, times=2)
    view(client, ward_b, times=7)
    flush(app)
    view(client, ward_a, times=1)
    sign_in(client, ward_a, make_user(roles={ward_a: ["editor"]}))
    page = client.get("/admin/visits", base_url=base_url(ward_a))
    assert page.status_code == 200
    assert "<svg" in page.text and 'role="img"' in page.text and "<title" in page.text
    assert "<caption>" in page.text and 'scope="row"' in page.text
    today = vietnam_today().strftime("%d/%m/%Y")
    assert f'<th scope="row">{today}</th><td>3</td>' in page.text
    assert "<td>7</td>" not in page.text


def test_is_page_view_rules():
    firefox = BROWSER["User-Agent"]
    assert is_page_view("GET", "/du-lich", 200, "text/html", firefox)
    assert not is_page_view("GET", "/admin/visits", 200, "text/html", firefox)
    assert not is_page_view("GET", "/.env", 200, "text/html", firefox)
    assert not is_page_view("GET", "/wp-login.php", 200, "text/html", firefox)
    assert not is_page_view("GET", "/", 200, "application/json", firefox)
