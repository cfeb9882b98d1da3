"""RSS and Atom feeds parse with a real feed parser and carry only this portal's published items."""

from __future__ import annotations

import html
import re
from datetime import UTC

import feedparser

from app.extensions import db
from blueprints.newsroom.models import ArticleState, Section
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.news.helpers import publish
from tests.newsroom.helpers import load, make_article, make_board

S = ArticleState


def _parse(client, url: str, host: str):
    response = client.get(url, base_url=host)
    assert response.status_code == 200, url
    parsed = feedparser.parse(response.data)
    assert not parsed.bozo, (url, parsed.get("bozo_exception"))
    return response, parsed


def test_portal_feeds_are_valid_and_hold_only_this_portals_published_items(client):
    a, b = make_board(), make_board()
    shown = publish(a, title="Tin đã đăng của phường A", summary="Tóm tắt <b>có ký tự đặc biệt</b> & dấu")
    for state in (S.DRAFT, S.SUBMITTED, S.APPROVED, S.SCHEDULED, S.UNPUBLISHED, S.ARCHIVED):
        make_article(a, state, title=f"Bài ẩn {state}")
    publish(b, title="Tin của phường B")
    host = base_url(a.tenant)
    for url, kind, version in (
        ("/rss.xml", "application/rss+xml", "rss20"),
        ("/atom.xml", "application/atom+xml", "atom10"),
    ):
        response, parsed = _parse(client, url, host)
        assert response.mimetype == kind and parsed.version == version
        assert [e.title for e in parsed.entries] == ["Tin đã đăng của phường A"]
        entry = parsed.entries[0]
        assert entry.link == f"{host}/tin-tuc/{shown}-tin-da-dang-cua-phuong-a"
        # plain text both ways: RSS carries it escaped (shown, not run, as HTML), Atom as type="text"
        assert html.unescape(entry.summary) == "Tóm tắt <b>có ký tự đặc biệt</b> & dấu"
        assert (kind == "application/atom+xml") == ("<b>" in entry.summary)
        assert entry.author == "Nguyễn Văn A"
        assert parsed.feed.link == f"{host}/tin-tuc"


def test_english_feeds_link_to_english_pages(client):
    a = make_board()
    shown = publish(a, title="Tin tiếng Việt")
    _, parsed = _parse(client, "/en/rss.xml", base_url(a.tenant))
    assert parsed.entries[0].link == f"{base_url(a.tenant)}/en/tin-tuc/{shown}-tin-tieng-viet"
    assert parsed.feed.title == a.tenant.name_en


def test_section_feeds_hold_the_sections_items_only(client):
    a, b = make_board(), make_board()
    with tenant_scope(a.tenant):
        other = Section(name_vi="Văn hóa – Xã hội", slug="van-hoa-xa-hoi")
        db.session.add(other)
        db.session.flush()
        other_id = other.id
        slug = db.session.get(Section, (a.tenant.id, a.section_id)).slug
    publish(a, title="Tin chuyên mục chính")
    publish(a, title="Tin văn hóa", section_id=other_id)
    host = base_url(a.tenant)
    for kind in ("rss", "atom"):
        _, parsed = _parse(client, f"/chuyen-muc/van-hoa-xa-hoi/{kind}.xml", host)
        assert [e.title for e in parsed.entries] == ["Tin văn hóa"]
        _, parsed = _parse(client, f"/chuyen-muc/{slug}/{kind}.xml", host)
        assert [e.title for e in parsed.entries] == ["Tin chuyên mục chính"]
    with tenant_scope(b.tenant):
        b_slug = db.session.get(Section, (b.tenant.id, b.section_id)).slug
    assert client.get(f"/chuyen-muc/{b_slug}/rss.xml", base_url=host).status_code == 404


def test_every_page_names_the_feeds_in_its_head(client):
    a = make_board()
    host = base_url(a.tenant)
    for url in ("/", "/en/", "/gioi-thieu"):
        head = client.get(url, base_url=host).text.split("</head>")[0]
        prefix = f"{host}/en" if url.startswith("/en") else host
        assert '<link rel="alternate" type="application/rss+xml" title="' in head
        assert f'href="{prefix}/rss.xml"' in head and f'href="{prefix}/atom.xml"' in head


def test_an_empty_portal_has_valid_empty_feeds(client):
    a = make_board()
    for url in ("/rss.xml", "/atom.xml"):
        _, parsed = _parse(client, url, base_url(a.tenant))
        assert parsed.entries == []


def test_a_retitled_article_keeps_its_feed_id(client):
    a = make_board()
    shown = publish(a, title="Tiêu đề đầu tiên")
    host = base_url(a.tenant)
    with tenant_scope(a.tenant):
        day = load(a, shown).created_at.astimezone(UTC).date().isoformat()
    expected = f"tag:{a.tenant.primary_host},{day}:article/{shown}"
    before = {kind: _parse(client, f"/{kind}.xml", host)[1].entries[0] for kind in ("rss", "atom")}
    with tenant_scope(a.tenant):
        article = load(a, shown)
        article.title, article.slug = "Tiêu đề đã sửa", "tieu-de-da-sua"
        db.session.flush()
    for kind in ("rss", "atom"):
        response, parsed = _parse(client, f"/{kind}.xml", host)
        after = parsed.entries[0]
        assert after.title == "Tiêu đề đã sửa" and after.link.endswith(f"/{shown}-tieu-de-da-sua")
        assert before[kind].id == after.id == expected
        assert re.fullmatch(r"tag:[a-z0-9.-]+,\d{4}-\d{2}-\d{2}:article/\d+", after.id)
    rss = client.get("/rss.xml", base_url=host).text
    assert f'<guid isPermaLink="false">{expected}</guid>' in rss
    english = _parse(client, "/en/atom.xml", host)[1].entries[0]
    assert english.id == expected  # one article, one id, whatever the interface's language


def test_feeds_send_an_etag_and_answer_304_when_unchanged(client):
    a = make_board()
    publish(a, title="Tin có ETag")
    host = base_url(a.tenant)
    for url in ("/rss.xml", "/atom.xml", f"/chuyen-muc/{_section_slug(a)}/rss.xml"):
        first = client.get(url, base_url=host)
        etag = first.headers["ETag"]
        assert first.status_code == 200 and etag
        assert first.headers["Cache-Control"] == "public, max-age=300"
        again = client.get(url, base_url=host, headers={"If-None-Match": etag})
        assert again.status_code == 304 and again.data == b""
        assert client.get(url, base_url=host, headers={"If-None-Match": '"stale"'}).status_code == 200
    etag = client.get("/rss.xml", base_url=host).headers["ETag"]
    publish(a, title="Tin mới hơn")
    changed = client.get("/rss.xml", base_url=host, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Tin mới hơn" in changed.text


def _section_slug(board) -> str:
    with tenant_scope(board.tenant):
        return db.session.get(Section, (board.tenant.id, board.section_id)).slug
