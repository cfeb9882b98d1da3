"""The old English public paths answer 301 to the Vietnamese ones, walking `app.legacy_urls`' table.

Every row of the table has a sample old path (with the rest of a path, or a query, where the page
takes one) and where it must land. On a ward host each old path, Vietnamese or English, GET or
HEAD, is a 301 to its new path; on a demo-like ward the new path then answers 200; on an unknown
host it is still "no portal here". The pages, feeds, sitemaps and the API only ever show new paths.
"""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
import sqlalchemy as sa

from app.demo import seed_content, seed_people
from app.extensions import db
from app.legacy_urls import LEGACY_PREFIXES, new_path
from blueprints.about.models import Leader
from blueprints.documents.models import Document, DocumentFile
from blueprints.news.services import article_slug
from blueprints.newsroom.public import latest_published
from blueprints.programmes.models import Project, StatisticsReport
from blueprints.promo.models import Banner
from tenants import provisioning
from tenants.context import tenant_scope
from tenants.provisioning import TenantSpec, create_tenant
from tenants.resolver import tenant_info
from tests.factories import base_url, make_tenant, unique

# Table row → (sample old path, the new path it must redirect to). `{name}` is an id of the portal.
SAMPLES = {
    "/introduction": ("/introduction", "/gioi-thieu"),
    "/introduction/images": ("/introduction/images/map", "/gioi-thieu/anh/map"),
    "/introduction/organisation": ("/introduction/organisation", "/so-do-to-chuc"),
    "/introduction/leaders": ("/introduction/leaders", "/lanh-dao"),
    "/introduction/leaders/*/photo": ("/introduction/leaders/{leader}/photo", "/lanh-dao/{leader}/anh"),
    "/introduction/contacts": ("/introduction/contacts?q=tu+phap", "/lien-he?q=tu+phap"),
    "/documents": (
        "/documents?category=normative&sort=issued-asc",
        "/van-ban?category=normative&sort=issued-asc",
    ),
    "/documents/*/files": ("/documents/{document}/files/{file}", "/van-ban/{document}/tep/{file}"),
    "/schedule": ("/schedule?week=2025-W10", "/lich-lam-viec?week=2025-W10"),
    "/schedule/print": ("/schedule/print?week=2025-W10", "/lich-lam-viec/ban-in?week=2025-W10"),
    "/public-services": ("/public-services?period=2023-Q4", "/dich-vu-cong?period=2023-Q4"),
    "/site-map": ("/site-map", "/so-do-trang"),
    "/search": ("/search?q=v%E1%BB%87+sinh", "/tim-kiem?q=v%E1%BB%87+sinh"),
    "/projects": ("/projects?kind=procurement", "/du-an?kind=procurement"),
    "/science-programmes": ("/science-programmes", "/de-tai-khoa-hoc"),
    "/statistics": ("/statistics", "/thong-ke"),
    "/statistics/*/file": ("/statistics/{report}/file", "/thong-ke/{report}/tep"),
    "/tourism": ("/tourism", "/du-lich"),
    "/links": ("/links", "/lien-ket"),
    "/banners/*/image": ("/banners/{banner}/image", "/bang-ron/{banner}/anh"),
    "/tin-tuc/*/print": ("/tin-tuc/{article}/print", "/tin-tuc/{article}/ban-in"),
    "/tin-tuc/*/save": ("/tin-tuc/{article}/save", "/tin-tuc/{article}/luu"),
}
# Deeper than a row: the rest of the path comes along.
DEEPER = [("/documents/{document}", "/van-ban/{document}"), ("/projects/{project}", "/du-an/{project}")]
ALL_SAMPLES = list(SAMPLES.values()) + DEEPER
MADE_UP_IDS = {
    "leader": 7,
    "document": 12,
    "file": 34,
    "report": 5,
    "banner": 3,
    "article": "9-le-hoi",
    "project": 21,
}
LANGUAGES = ("", "/en")


def test_every_row_of_the_table_has_a_sample():
    assert set(SAMPLES) == {old for old, _ in LEGACY_PREFIXES}
    for old, new in ALL_SAMPLES:
        assert new_path(urlsplit(old.format(**MADE_UP_IDS)).path) == urlsplit(new.format(**MADE_UP_IDS)).path


@pytest.mark.parametrize(("old", "new"), ALL_SAMPLES, ids=[old for old, _ in ALL_SAMPLES])
def test_old_paths_answer_301_to_the_new_ones_in_both_languages(client, old, new):
    ward = make_tenant()
    old, new = old.format(**MADE_UP_IDS), new.format(**MADE_UP_IDS)
    for prefix in LANGUAGES:
        for ask in (client.get, client.head):
            response = ask(prefix + old, base_url=base_url(ward))
            assert response.status_code == 301, (ask, prefix + old)
            assert response.headers["Location"] == prefix + new


def test_old_paths_on_an_unknown_host_are_still_no_portal_here(client):
    make_tenant()
    for prefix in LANGUAGES:
        for old, _ in ALL_SAMPLES:
            path = prefix + old.format(**MADE_UP_IDS)
            page = client.get(path, base_url="http://nowhere.test.localhost")
            assert page.status_code == 404 and "Location" not in page.headers, path
            assert ("No portal at this address" if prefix else "Không có cổng thông tin") in page.text
            assert client.head(path, base_url="http://nowhere.test.localhost").status_code == 404


def test_an_alias_domain_sends_an_old_path_to_the_primary_domain_first(client):
    ward = make_tenant()
    provisioning.add_domain(ward.slug, "ten-cu.test.localhost")
    db.session.commit()
    hop = client.get("/en/documents?year=2024", base_url="http://ten-cu.test.localhost")
    assert (
        hop.status_code == 301
        and hop.headers["Location"] == f"http://{ward.primary_host}/en/documents?year=2024"
    )
    landed = client.get("/en/documents?year=2024", base_url=base_url(ward))
    assert landed.status_code == 301 and landed.headers["Location"] == "/en/van-ban?year=2024"


def test_old_paths_that_are_not_pages_are_left_alone(client):
    ward = make_tenant()
    for path in ("/searching", "/documentsx", "/banners", "/tin-tuc/9-le-hoi/printer", "/introductions"):
        assert client.get(path, base_url=base_url(ward)).status_code == 404, path
    assert client.post("/search", base_url=base_url(ward)).status_code == 404  # only GET and HEAD move


def _sample_path(rule) -> str:
    path = re.sub(r"<int:\w+>-<\w+>", "9-le-hoi", rule.rule)
    path = re.sub(r"<any\([^)]*\):\w+>", "rss", path)
    return re.sub(r"<(?:\w+:)?\w+>", "1", path)


def test_the_table_shadows_no_route_and_leads_only_to_routes(app):
    """An old prefix never matches a page that exists (the hook could not hide it anyway, but the
    table would then be wrong), and every new path is a page of the application."""
    for rule in app.url_map.iter_rules():
        assert new_path(_sample_path(rule)) is None, rule.rule
    adapter = app.url_map.bind("ward.test.localhost")
    for _, new in ALL_SAMPLES:
        endpoint, _ = adapter.match(urlsplit(new.format(**MADE_UP_IDS)).path, method="GET")
        assert endpoint, new


def demo_ward() -> tuple:
    """A ward with every capability's demo content, and the ids its sample paths need."""
    tenant, _ = create_tenant(
        TenantSpec(slug=unique("demo"), name_vi="Phường Mẫu", name_en="Sample Ward", kind="ward"),
        hostname=f"{unique('demo')}.test.localhost",
    )
    db.session.flush()
    seed_people([tenant])
    seed_content([tenant])
    ward = tenant_info(tenant)
    today = date.today()
    with tenant_scope(ward):
        document, file = db.session.execute(
            sa.select(DocumentFile.document_id, DocumentFile.id)
            .join(Document, Document.id == DocumentFile.document_id)
            .where(Document.is_published)
            .limit(1)
        ).one()
        article = latest_published(limit=1)[0]
        ids = {
            "leader": db.session.scalar(sa.select(Leader.id).where(Leader.photo_key.is_not(None)).limit(1)),
            "document": document,
            "file": file,
            "report": db.session.scalar(
                sa.select(StatisticsReport.id).where(StatisticsReport.file_key.is_not(None)).limit(1)
            ),
            "banner": db.session.scalar(
                sa.select(Banner.id)
                .where(Banner.starts_on <= today, Banner.ends_on >= today, Banner.image_key.is_not(None))
                .limit(1)
            ),
            "article": f"{article.id}-{article_slug(article)}",
            "project": db.session.scalar(sa.select(Project.id).limit(1)),
        }
    db.session.commit()
    assert all(ids.values()), ids
    return ward, ids


def test_on_a_demo_like_ward_every_old_path_lands_on_a_page_that_answers(client):
    ward, ids = demo_ward()
    for prefix in LANGUAGES:
        for old, new in ALL_SAMPLES:
            old, new = prefix + old.format(**ids), prefix + new.format(**ids)
            moved = client.get(old, base_url=base_url(ward))
            assert moved.status_code == 301 and moved.headers["Location"] == new, old
            assert client.get(new, base_url=base_url(ward)).status_code == 200, new
            assert client.head(old, base_url=base_url(ward)).headers["Location"] == new


LINK = re.compile(r'(?:href|src|action)="([^"#]+)"|<(?:loc|link|id)>([^<]+)</|"(https?://[^"]+)"')


def _paths_shown(text: str, host: str) -> set[str]:
    paths = set()
    for match in LINK.finditer(text):
        url = urlsplit(next(group for group in match.groups() if group).replace("&amp;", "&"))
        if url.netloc in ("", host) and url.path.startswith("/"):
            paths.add(url.path)
    return paths


def test_pages_feeds_sitemaps_and_the_api_show_only_new_paths(client):
    ward, ids = demo_ward()
    shown: set[str] = set()
    for path in (
        "/",
        "/en/",
        "/so-do-trang",
        "/en/so-do-trang",
        "/sitemap.xml",
        "/rss.xml",
        "/en/atom.xml",
        f"/van-ban/{ids['document']}",
        f"/en/du-an/{ids['project']}",
        "/api",
        "/api/v1/openapi.json",
        "/api/v1/documents",
        "/en/api/v1/contacts",
        "/api/v1/schedule",
        "/api/v1/articles",
    ):
        response = client.get(path, base_url=base_url(ward))
        assert response.status_code == 200, path
        shown |= {p.removeprefix("/en") or "/" for p in _paths_shown(response.text, ward.primary_host)}
    assert [p for p in shown if new_path(p) is not None] == []
    for expected in (
        "/gioi-thieu",
        "/van-ban",
        f"/van-ban/{ids['document']}",
        "/lich-lam-viec",
        "/so-do-trang",
        "/lien-he",
        "/du-an",
        "/dich-vu-cong",
        f"/tin-tuc/{ids['article']}",
    ):
        assert expected in shown, expected
