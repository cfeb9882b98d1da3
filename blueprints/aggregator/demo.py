"""Demo: on a portal with children, an external feed (a local address that answers nothing, so
the back office shows a failing source) and a first sync, so the wards' seeded highlights are on
the city's home page as soon as `demo seed` ends. Idempotent like every demo step."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.aggregator.external import refresh_due_feeds
from blueprints.aggregator.models import ExternalFeed
from blueprints.aggregator.sync import sync_parent
from tenants.children import has_active_children
from tenants.context import TenantInfo

DEMO_FEED_URL = "http://127.0.0.1:9/tinh/rss.xml"  # the discard port: refused at once, harmlessly


def seed(tenant: TenantInfo) -> None:
    if not has_active_children(tenant.id):
        return
    if db.session.scalar(sa.select(ExternalFeed.id).where(ExternalFeed.url == DEMO_FEED_URL)) is None:
        db.session.add(ExternalFeed(name="Cổng thông tin điện tử tỉnh (ví dụ)", url=DEMO_FEED_URL))
        db.session.flush()
    sync_parent()
    refresh_due_feeds()
