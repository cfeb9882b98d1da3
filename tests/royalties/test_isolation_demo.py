"""One ward's board sees and counts nothing of another's; the demo fills every screen."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime

import sqlalchemy as sa

from app.extensions import db
from blueprints.newsroom import demo as newsroom_demo
from blueprints.royalties import closing, demo, plans
from blueprints.royalties.models import MonthlyPlan, PlanTopicUnit, RoyaltyBudget, RoyaltyRate
from blueprints.royalties.months import Month
from blueprints.royalties.quotas import quota_board
from blueprints.royalties.statements import budget_status, statement
from tenants.context import tenant_scope
from tests.factories import base_url, make_demo_staff, make_tenant
from tests.newsroom.helpers import make_board
from tests.royalties.helpers import published, with_rates
from tests.support import post_form, sign_in, signed_in_browser


def test_a_ward_sees_and_counts_nothing_of_another(app, client):
    ward_a, ward_b = with_rates(make_board()), with_rates(make_board())
    published(ward_a, datetime(2024, 7, 3, 2, 0, tzinfo=UTC), "5", title="Tin riêng của phường A")
    published(ward_b, datetime(2024, 7, 4, 2, 0, tzinfo=UTC), "1", title="Tin của phường B")
    with tenant_scope(ward_a.tenant):
        plan = plans.create_plan(Month(2024, 7), "Kế hoạch bí mật của A", "")
        plans.add_topic(plan, "Chủ đề A", "", date(2024, 7, 10), [ward_a.unit_id])
        plans.publish_plan(plan, ward_a.head)
        plan_id = plan.id
    with tenant_scope(ward_b.tenant):
        b_july = statement(Month(2024, 7))
        assert [line.title for line in b_july.lines] == ["Tin của phường B"]
        assert b_july.total == 234_000
        assert budget_status(2024).spent == 234_000
        assert {row.unit.id for row in quota_board(Month(2024, 7))} == {ward_b.unit_id}
        assert db.session.scalar(sa.select(MonthlyPlan).where(MonthlyPlan.id == plan_id)) is None
        # A topic of B cannot point at A's unit: the id is dropped (not found here).
        own = plans.create_plan(Month(2024, 8), "Kế hoạch B", "")
        topic = plans.add_topic(own, "Chủ đề B", "", date(2024, 8, 5), [ward_a.unit_id, ward_b.unit_id])
        assert [link.unit_id for link in topic.unit_links] == [ward_b.unit_id]
        assert db.session.scalar(sa.select(sa.func.count()).select_from(PlanTopicUnit)) == 1

    sign_in(client, ward_b.tenant, ward_b.editor)
    url = base_url(ward_b.tenant)
    assert client.get(f"/admin/plans/{plan_id}", base_url=url).status_code == 404
    for path, data in (
        (f"/admin/plans/{plan_id}/topics", {"title": "x", "due_date": "2024-07-20"}),
        (f"/admin/plans/{plan_id}/publish", {}),
    ):
        assert post_form(client, ward_b.tenant, path, data, form_url="/admin/").status_code == 404
    page = client.get("/admin/royalties/?year=2024&month=7", base_url=url)
    assert "Tin riêng của phường A" not in page.text and 'id="month-total">234.000<' in page.text
    exported = client.get("/admin/royalties/export.csv?year=2024&month=7", base_url=url).data.decode(
        "utf-8-sig"
    )
    assert "phường A" not in exported and list(csv.reader(io.StringIO(exported)))[-1][-1] == "234000"
    assert "Kế hoạch bí mật của A" not in client.get("/admin/plans/", base_url=url).text
    # A's editor signed in at A is not signed in at B.
    other = signed_in_browser(app, ward_a.tenant, ward_a.editor)
    assert other.get("/admin/royalties/", base_url=base_url(ward_a.tenant)).status_code == 200
    assert other.get("/admin/royalties/", base_url=url).status_code == 302


def test_demo_seed_fills_rates_budget_plan_and_statement_and_is_idempotent(app):
    ward = make_tenant()
    users = make_demo_staff(ward)
    with tenant_scope(ward):
        newsroom_demo.seed(ward)
        demo.seed(ward)
        demo.seed(ward)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(RoyaltyRate)) == len(demo.RATES)
        assert db.session.scalar(sa.select(RoyaltyBudget.amount)) == demo.WARD_BUDGET
        plan = plans.current_plan_for(users["collaborator"])
        assert plan is not None and plan.plan.is_published and len(plan.mine) >= 2
        month = Month.of()
        totals = [statement(m).total for m in (month, month.previous())]
        assert sum(totals) > 0
        assert not [line for m in (month, month.previous()) for line in statement(m).incomplete]
        assert any(row.submitted for row in quota_board(month) + quota_board(month.previous()))
        previous = statement(month.previous())  # closed by the demo's board head, once
        if previous.lines:
            assert previous.closed is not None and previous.closed.total == previous.total
            assert len(closing.history(month.previous())) == 1
        assert statement(month).closed is None
