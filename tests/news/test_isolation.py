"""Drafts, unpublished articles and other portals' articles are 404 on every public news route,
and nothing of another portal shows on this one's pages, feeds or images."""

from __future__ import annotations

from app.extensions import db
from blueprints.newsroom.models import ArticleState, Section
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.news.helpers import add_cover, publish
from tests.newsroom.helpers import load, make_article, make_board

S = ArticleState


def _routes(article_id: int) -> list[str]:
    slug = "bai-an"
    return [
        f"/tin-tuc/{article_id}",
        f"/tin-tuc/{article_id}-{slug}",
        f"/en/tin-tuc/{article_id}-{slug}",
        f"/tin-tuc/{article_id}-{slug}?print=1",
        f"/tin-tuc/{article_id}-{slug}/ban-in",
        f"/tin-tuc/{article_id}-{slug}/luu",
        f"/anh-bai-viet/{article_id}/800",
        f"/anh-bai-viet/{article_id}/original",
    ]


def test_unpublished_articles_are_404_on_every_route(client):
    a = make_board()
    host = base_url(a.tenant)
    for state in (S.DRAFT, S.SUBMITTED, S.RETURNED, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED, S.ARCHIVED):
        article_id = make_article(a, state, title="Bài ẩn")
        add_cover(a, article_id)
        for url in _routes(article_id):
            assert client.get(url, base_url=host).status_code == 404, (state, url)


def test_another_portals_published_article_is_404_and_never_listed(client):
    a, b = make_board(), make_board()
    theirs = publish(b, title="Bài ẩn")
    add_cover(b, theirs)
    host = base_url(a.tenant)
    for url in _routes(theirs):
        assert client.get(url, base_url=host).status_code == 404, url
    with tenant_scope(b.tenant):
        b_slug = db.session.get(Section, (b.tenant.id, b.section_id)).slug
    assert client.get(f"/chuyen-muc/{b_slug}", base_url=host).status_code == 404
    for url in ("/", "/en/", "/tin-tuc", "/rss.xml", "/atom.xml"):
        assert "Bài ẩn" not in client.get(url, base_url=host).text, url
    # on its own portal it is there, so the 404s above are isolation, not a broken route
    assert client.get(f"/tin-tuc/{theirs}-bai-an", base_url=base_url(b.tenant)).status_code == 200
    assert client.get(f"/anh-bai-viet/{theirs}/800", base_url=base_url(b.tenant)).status_code == 200


def test_a_portal_cannot_serve_another_portals_cover_through_its_own_article(client):
    a, b = make_board(), make_board()
    mine, theirs = publish(a, title="Bài của A"), publish(b, title="Bài của B")
    keys = add_cover(b, theirs)
    with tenant_scope(a.tenant):
        load(a, mine).cover_key = keys["original"]  # a forged key naming ward B's file
        db.session.flush()
    assert client.get(f"/anh-bai-viet/{mine}/original", base_url=base_url(a.tenant)).status_code == 404


def test_an_unpublished_article_disappears_from_pages_and_feeds(client):
    a = make_board()
    article_id = publish(a, title="Tin sắp gỡ")
    host = base_url(a.tenant)
    assert "Tin sắp gỡ" in client.get("/rss.xml", base_url=host).text
    with tenant_scope(a.tenant):
        load(a, article_id).state = S.UNPUBLISHED
        db.session.flush()
    assert client.get(f"/tin-tuc/{article_id}-tin-sap-go", base_url=host).status_code == 404
    for url in ("/", "/tin-tuc", "/rss.xml", "/atom.xml"):
        assert "Tin sắp gỡ" not in client.get(url, base_url=host).text, url
