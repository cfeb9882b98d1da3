"""The demo newsroom: every state present, dashboards not empty, and safe to run twice."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.newsroom import demo
from blueprints.newsroom.dashboard import dashboard
from blueprints.newsroom.models import Article, ArticleState, BoardMember, ContributingUnit
from tenants.context import tenant_scope
from tests.factories import make_demo_staff, make_tenant


def test_demo_seed_fills_every_dashboard_and_is_idempotent(app):
    ward = make_tenant()
    users = make_demo_staff(ward)
    with tenant_scope(ward):
        demo.seed(ward)
        demo.seed(ward)
        states = set(db.session.scalars(sa.select(Article.state)))
        assert states == set(ArticleState)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Article)) == len(demo.STATES)
        assert db.session.scalar(sa.select(sa.func.count()).select_from(BoardMember)) == 5
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ContributingUnit)) == 5
        assert dashboard(users["approver"]).waiting and dashboard(users["approver"]).late_submitted
        assert dashboard(users["editor"]).waiting and dashboard(users["editor"]).late_scheduled
        assert dashboard(users["collaborator"]).returned and dashboard(users["editor"]).scheduled
