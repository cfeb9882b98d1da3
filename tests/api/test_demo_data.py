"""The demo portal's data, every state of it, through the API: each answer matches the document
and nothing unpublished leaks (the demo has drafts, unpublished documents and hidden rows)."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.about import demo as about_demo
from blueprints.documents import demo as documents_demo
from blueprints.newsroom import demo as newsroom_demo
from blueprints.newsroom.models import Article, ArticleState
from blueprints.schedule import demo as schedule_demo
from tenants.context import tenant_scope
from tests.api.helpers import check_response, openapi_document
from tests.factories import base_url, make_demo_staff, make_tenant


def test_demo_data_through_every_endpoint(client):
    ward = make_tenant(slug="thang-tam-api-test")
    make_demo_staff(ward)
    with tenant_scope(ward):
        for module in (newsroom_demo, about_demo, documents_demo, schedule_demo):
            module.seed(ward)
        db.session.flush()
        published = set(
            db.session.scalars(sa.select(Article.id).where(Article.state == ArticleState.PUBLISHED))
        )
        unpublished = set(db.session.scalars(sa.select(Article.id))) - published
    assert published and unpublished
    doc = openapi_document(client, ward)
    seen: dict[str, list[int]] = {}
    for path in ("articles", "sections", "documents", "schedule", "contacts"):
        for prefix in ("", "/en"):
            url = f"{prefix}/api/v1/{path}?per_page=100"
            body = check_response(doc, url, client.get(url, base_url=base_url(ward)))
            seen[path] = [item["id"] for item in body["items"]]
        assert seen[path], path
        for item_id in seen[path][:3]:
            url = f"/api/v1/{path}/{item_id}"
            check_response(doc, url, client.get(url, base_url=base_url(ward)))
    assert set(seen["articles"]) == published
    for article_id in unpublished:
        assert client.get(f"/api/v1/articles/{article_id}", base_url=base_url(ward)).status_code == 404
