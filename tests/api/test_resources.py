"""Every endpoint and filter, each live response validated against the served OpenAPI document,
and only published data."""

from __future__ import annotations

from datetime import date, timedelta

from blueprints.schedule.services import week_of
from tenants.context import require_tenant, tenant_scope
from tests.api.helpers import check_response, make_portal, openapi_document
from tests.factories import make_tenant


def _get(client, portal, doc, path):
    response = client.get(path, base_url=portal.url)
    assert response.status_code == 200, response.text
    return check_response(doc, path, response)


def _ids(body) -> list[int]:
    return [item["id"] for item in body["items"]]


def test_every_resource_lists_and_fetches_matching_the_document(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    for path, item_id in (
        ("articles", portal.article),
        ("sections", portal.section),
        ("documents", portal.document),
        ("schedule", portal.entry),
        ("contacts", portal.contact),
    ):
        listing = _get(client, portal, doc, f"/api/v1/{path}")
        assert item_id in _ids(listing), path
        item = _get(client, portal, doc, f"/api/v1/{path}/{item_id}")
        assert item == next(i for i in listing["items"] if i["id"] == item_id)
        english = client.get(f"/en/api/v1/{path}/{item_id}", base_url=portal.url)
        check_response(doc, f"/en/api/v1/{path}/{item_id}", english)


def test_articles_only_published_with_names_not_emails_and_local_dates(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    body = _get(client, portal, doc, "/api/v1/articles")
    assert _ids(body) == [portal.article, portal.older_article] and body["total"] == 2
    article = body["items"][0]
    assert article["title"] == "Ra quân tổng vệ sinh môi trường" and article["is_highlight"] is True
    assert article["authors"] == ["Nguyễn Văn A"] and portal.author_email not in str(body)
    assert article["published_at"].endswith("+07:00") and article["section_id"] == portal.child_section
    assert article["source"] == {"type": "original", "name": "", "author": "", "url": None}
    assert client.get(f"/api/v1/articles/{portal.draft}", base_url=portal.url).status_code == 404
    assert "Bản nháp" not in client.get("/api/v1/articles?per_page=100", base_url=portal.url).text


def test_article_filters(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    today = tenant_today_of(portal)

    def ids(query):
        return _ids(_get(client, portal, doc, f"/api/v1/articles?{query}"))

    assert ids(f"section={portal.section}") == [portal.article, portal.older_article]  # with sub-sections
    assert ids(f"section={portal.child_section}") == [portal.article]
    assert ids("section=999999") == []
    assert ids("kind=photo") == [portal.older_article]
    assert ids("highlight=true") == [portal.article] and ids("highlight=false") == [portal.older_article]
    assert ids(f"published_from={today - timedelta(days=2)}") == [portal.article]
    assert ids(f"published_to={today - timedelta(days=2)}") == [portal.older_article]
    assert ids(f"published_from={today - timedelta(days=41)}&published_to={today - timedelta(days=39)}") == [
        portal.older_article
    ]


def tenant_today_of(portal) -> date:
    with tenant_scope(portal.tenant):
        return require_tenant().today()


def test_sections_and_their_filters(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    body = _get(client, portal, doc, "/api/v1/sections")
    assert set(_ids(body)) == {portal.section, portal.child_section}
    child = _get(client, portal, doc, f"/api/v1/sections/{portal.child_section}")
    assert child["parent_id"] == portal.section and child["name_en"] == "Ward news"
    assert _ids(_get(client, portal, doc, f"/api/v1/sections?parent={portal.section}")) == [
        portal.child_section
    ]
    assert _ids(_get(client, portal, doc, "/api/v1/sections?top=true")) == [portal.section]
    assert _ids(_get(client, portal, doc, "/api/v1/sections?top=false")) == [portal.child_section]


def test_documents_only_published_files_absolute_and_no_hidden_successor(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    body = _get(client, portal, doc, "/api/v1/documents")
    assert _ids(body) == [portal.document, portal.replaced_document]
    shown = body["items"][0]
    assert shown["issued_on"] == "2024-03-01" and shown["effective_on"] == "2024-03-15"
    assert shown["url"] == f"{portal.url}/van-ban/{portal.document}"
    assert shown["files"][0]["url"] == f"{portal.url}/van-ban/{portal.document}/tep/{portal.file}"
    assert client.get(shown["files"][0]["url"]).status_code == 200
    replaced = body["items"][1]
    assert replaced["status"] == "replaced" and replaced["replaced_by_id"] is None
    assert client.get(f"/api/v1/documents/{portal.hidden_document}", base_url=portal.url).status_code == 404
    assert "Dự thảo chưa công bố" not in client.get("/api/v1/documents?q=du+thao", base_url=portal.url).text


def test_document_filters(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)

    def ids(query):
        return _ids(_get(client, portal, doc, f"/api/v1/documents?{query}"))

    assert ids("q=dat+cong") == [portal.document] and ids("q=đất công") == [portal.document]
    assert ids("category=normative") == [portal.document, portal.replaced_document]
    assert ids("category=administrative") == []
    assert ids("type=resolution") == [portal.replaced_document]
    assert ids("field=finance") == [portal.replaced_document]
    assert ids("status=in-force") == [portal.document] and ids("status=replaced") == [
        portal.replaced_document
    ]
    assert ids("year=2023") == [portal.replaced_document]
    assert ids("sort=issued-asc") == [portal.replaced_document, portal.document]


def test_schedule_weeks_ranges_and_offsets(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    this_week = week_of(tenant_today_of(portal))
    body = _get(client, portal, doc, "/api/v1/schedule")
    assert _ids(body) == [portal.entry]  # the current week; the unpublished entry is not there
    entry = body["items"][0]
    tuesday = this_week.monday + timedelta(days=1)
    assert entry["date"] == tuesday.isoformat()
    assert entry["starts_at"] == f"{tuesday.isoformat()}T08:00:00+07:00"
    assert entry["ends_at"] == f"{tuesday.isoformat()}T10:30:00+07:00"
    assert entry["content_en"] == "Weekly briefing" and entry["url"].endswith(
        f"/lich-lam-viec?week={this_week.key}"
    )
    assert _ids(_get(client, portal, doc, f"/api/v1/schedule?week={this_week.next.key}")) == [
        portal.next_week_entry
    ]
    both = _get(
        client,
        portal,
        doc,
        f"/api/v1/schedule?from={this_week.monday}&to={this_week.monday + timedelta(days=13)}",
    )
    assert _ids(both) == [portal.entry, portal.next_week_entry]
    assert client.get(f"/api/v1/schedule/{portal.hidden_entry}", base_url=portal.url).status_code == 404


def test_schedule_offset_follows_the_portal_time_zone(client):
    portal = make_portal(make_tenant(timezone="Asia/Tokyo"))
    body = client.get(f"/api/v1/schedule/{portal.entry}", base_url=portal.url).get_json()
    assert body["starts_at"].endswith("T08:00:00+09:00")


def test_contacts_only_published_and_filters(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    body = _get(client, portal, doc, "/api/v1/contacts")
    assert _ids(body) == [portal.contact] and "an.private@example.org" not in str(body)
    contact = body["items"][0]
    assert contact["email"] == "vanphong@example.org" and contact["position_en"] == "Chief of Office"
    assert contact["unit"]["id"] == portal.unit and contact["checked_on"] == "2024-05-02"
    assert contact["url"] == f"{portal.url}/lien-he"
    assert _ids(_get(client, portal, doc, "/api/v1/contacts?q=chanh+van+phong")) == [portal.contact]
    assert _ids(_get(client, portal, doc, "/api/v1/contacts?q=khong+co+ai")) == []
    assert _ids(_get(client, portal, doc, f"/api/v1/contacts?unit={portal.unit}")) == [portal.contact]
    assert client.get(f"/api/v1/contacts/{portal.hidden_contact}", base_url=portal.url).status_code == 404


def test_pagination_metadata_and_link_header(client):
    portal = make_portal()
    doc = openapi_document(client, portal.tenant)
    first = client.get("/api/v1/articles?per_page=1", base_url=portal.url)
    body = check_response(doc, "/api/v1/articles", first)
    assert (body["page"], body["per_page"], body["total"], body["pages"]) == (1, 1, 2, 2)
    assert body["prev"] is None and body["next"] == f"{portal.url}/api/v1/articles?per_page=1&page=2"
    assert 'rel="next"' in first.headers["Link"] and 'rel="last"' in first.headers["Link"]
    second = check_response(doc, "/api/v1/articles", client.get(body["next"]))
    assert _ids(second) == [portal.older_article] and second["next"] is None
    assert second["prev"] == f"{portal.url}/api/v1/articles?per_page=1&page=1"
    beyond = check_response(
        doc, "/api/v1/articles", client.get("/api/v1/articles?page=9", base_url=portal.url)
    )
    assert beyond["items"] == [] and beyond["total"] == 2


def test_article_and_section_urls_are_the_news_pages_when_installed(client, app):
    """`url` is null only while no package serves the page (the news pages come with `news`)."""
    from flask import url_for

    portal = make_portal()
    article = client.get(f"/api/v1/articles/{portal.article}", base_url=portal.url).get_json()
    section = client.get(f"/api/v1/sections/{portal.section}", base_url=portal.url).get_json()
    if "news.article" in app.view_functions:
        with app.test_request_context(base_url=portal.url):
            assert article["url"] == url_for(
                "news.article", article_id=portal.article, slug=article["slug"], _external=True
            )
        assert client.get(article["url"]).status_code == 200
        assert client.get(section["url"]).status_code == 200
    else:
        assert article["url"] is None and section["url"] is None


def test_cover_url_is_absolute_and_served(client):
    from app.extensions import db
    from app.uploads import store_bytes
    from blueprints.newsroom.models import Article
    from tests.about.helpers import png_bytes

    portal = make_portal()
    with tenant_scope(portal.tenant):
        article = db.session.get(Article, (portal.tenant.id, portal.article))
        article.cover_key = store_bytes(png_bytes(), "image/png", "png", "cover.png").key
        article.cover_content_type = "image/png"
        db.session.flush()
    body = client.get(f"/api/v1/articles/{portal.article}", base_url=portal.url).get_json()
    assert body["cover_url"] == f"{portal.url}/anh-bai-viet/{portal.article}/800"
    cover = client.get(body["cover_url"])
    assert cover.status_code == 200 and cover.mimetype == "image/png"
