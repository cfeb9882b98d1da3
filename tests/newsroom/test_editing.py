"""Conflicts between two people, revisions of published articles, compare and restore."""

from __future__ import annotations

import re

import pytest

from app.extensions import db
from blueprints.newsroom.editing import compare, revision, revisions
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import edit_form, load, make_article, make_board
from tests.support import csrf_token, sign_in


def _version(html: str) -> str:
    match = re.search(r'<input[^>]*name="version"[^>]*>', html)
    return re.search(r'value="(\d+)"', match.group(0)).group(1)


def _edit_url(article: int) -> str:
    return f"/admin/newsroom/articles/{article}/edit"


def _save(client, board, article: int, page: str, **changes):
    """Save the edit form `page` (its HTML: the version it was opened at) with `changes`."""
    data = edit_form(board, version=_version(page), csrf_token=csrf_token(page), **changes)
    return client.post(_edit_url(article), base_url=base_url(board.tenant), data=data)


def _edit(client, board, article: int, **changes):
    """Open the article's edit form and save it with `changes`, as the person who opened it."""
    page = client.get(_edit_url(article), base_url=base_url(board.tenant))
    return _save(client, board, article, page.text, **changes)


def test_second_save_gets_a_conflict_and_keeps_its_text(app, client):
    board = make_board()
    article = make_article(board, ArticleState.SUBMITTED)
    first, second = app.test_client(), app.test_client()
    sign_in(first, board.tenant, board.approver)
    sign_in(second, board.tenant, board.editor)
    url, host = _edit_url(article), base_url(board.tenant)
    page_1, page_2 = first.get(url, base_url=host), second.get(url, base_url=host)
    saved = _save(first, board, article, page_1.text, title="Tiêu đề của người thứ nhất")
    assert saved.status_code == 302
    late = _save(second, board, article, page_2.text, body="<p>Đoạn văn của người thứ hai.</p>")
    assert late.status_code == 409
    assert "Bài đã được người khác sửa" in late.text
    assert "Đoạn văn của người thứ hai." in late.text  # their text is shown back to them
    assert "Tiêu đề của người thứ nhất" in late.text  # beside what is there now
    with tenant_scope(board.tenant):
        current = load(board, article)
        assert current.title == "Tiêu đề của người thứ nhất"
        assert "người thứ hai" not in current.body
    # Saving again, knowingly, goes through.
    again = _save(second, board, article, late.text, body="<p>Đoạn văn của người thứ hai.</p>")
    assert again.status_code == 302


def test_editing_a_published_article_makes_a_revision_and_keeps_it_published(client):
    board = make_board()
    article = make_article(board, ArticleState.PUBLISHED)
    sign_in(client, board.tenant, board.editor)
    host = base_url(board.tenant)
    response = _edit(client, board, article, body="<p>Đã sửa số liệu: 250 người.</p>")
    assert response.status_code == 302
    with tenant_scope(board.tenant):
        current = load(board, article)
        assert current.state == ArticleState.PUBLISHED
        numbers = [r.number for r in revisions(current)]
        assert numbers == [2, 1]
        diff = compare(revision(current, 1), revision(current, 2))
        assert ("added", "Đã sửa số liệu: 250 người.") in [(d.op, d.text) for d in diff]
        assert ("removed", "Sáng nay, phường tổ chức ra quân.") in [(d.op, d.text) for d in diff]
    compared = client.get(f"/admin/newsroom/articles/{article}/revisions?a=1&b=2", base_url=host)
    assert compared.status_code == 200 and "250 người" in compared.text


def test_restore_brings_back_an_old_text_as_a_new_revision(client):
    board = make_board()
    article = make_article(board, ArticleState.DRAFT)
    sign_in(client, board.tenant, board.collaborator)
    host = base_url(board.tenant)
    _edit(client, board, article, body="<p>Bản viết lại.</p>")
    listing = client.get(f"/admin/newsroom/articles/{article}/revisions", base_url=host)
    restored = client.post(
        f"/admin/newsroom/articles/{article}/revisions/1/restore",
        base_url=host,
        data={"version": _version(listing.text), "csrf_token": csrf_token(listing.text)},
    )
    assert restored.status_code == 302
    with tenant_scope(board.tenant):
        current = load(board, article)
        assert "Sáng nay, phường tổ chức ra quân." in current.body
        assert [r.number for r in revisions(current)] == [3, 2, 1]
        assert "1" in revision(current, 3).note


def test_body_html_is_sanitised(client):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    page = client.get("/admin/newsroom/articles/new", base_url=base_url(board.tenant))
    response = client.post(
        "/admin/newsroom/articles/new",
        base_url=base_url(board.tenant),
        data=edit_form(
            board,
            title="Thắng Tam ra quân",
            body='<p onclick="x()">Chữ<script>alert(1)</script></p>',
            csrf_token=csrf_token(page.text),
        ),
    )
    assert response.status_code == 302
    with tenant_scope(board.tenant):
        from blueprints.newsroom.models import Article

        article = db.session.scalar(db.select(Article).where(Article.title == "Thắng Tam ra quân"))
        assert article.body == "<p>Chữ</p>"
        assert article.slug == "thang-tam-ra-quan"
        assert [a.id for a in article.authors] == [board.collaborator.id]


def test_revision_diff_shows_plain_text_escaped_once(client):
    board = make_board()
    article = make_article(board, ArticleState.DRAFT, body="<p>Trước &amp; sau</p>")
    sign_in(client, board.tenant, board.collaborator)
    host = base_url(board.tenant)
    _edit(client, board, article, body="<p>A &amp; B &lt;i&gt;</p>")
    with tenant_scope(board.tenant):
        current = load(board, article)
        diff = [(d.op, d.text) for d in compare(revision(current, 1), revision(current, 2))]
        assert ("added", "A & B <i>") in diff
        assert ("removed", "Trước & sau") in diff
    compared = client.get(f"/admin/newsroom/articles/{article}/revisions?a=1&b=2", base_url=host)
    assert compared.text.count("A &amp; B &lt;i&gt;") == 1
    assert "&amp;amp;" not in compared.text and "&amp;lt;" not in compared.text


def _new_article(client, board, title: str, body: str):
    page = client.get("/admin/newsroom/articles/new", base_url=base_url(board.tenant))
    response = client.post(
        "/admin/newsroom/articles/new",
        base_url=base_url(board.tenant),
        data=edit_form(board, title=title, body=body, csrf_token=csrf_token(page.text)),
    )
    assert response.status_code == 302
    with tenant_scope(board.tenant):
        from blueprints.newsroom.models import Article

        article = db.session.scalar(db.select(Article).where(Article.title == title))
        return article.id, article.body


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("Đoạn một.\n\nĐoạn hai.", "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>"),
        ("Đoạn một.\r\n\r\n\r\nĐoạn hai.\r\nDòng sau.", "<p>Đoạn một.</p>\n<p>Đoạn hai.<br>\nDòng sau.</p>"),
    ],
)
def test_a_blank_line_in_plain_text_starts_a_paragraph(client, typed, stored):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    article, body = _new_article(client, board, "Hai đoạn văn", typed)
    assert body == stored
    shown = client.get(f"/admin/newsroom/articles/{article}", base_url=base_url(board.tenant))
    assert shown.status_code == 200 and stored in shown.text
    # the form shows the stored HTML; saving it unchanged changes nothing (no new revision)
    saved = _edit(client, board, article, title="Hai đoạn văn", body=body)
    assert saved.status_code == 302
    with tenant_scope(board.tenant):
        current = load(board, article)
        assert current.body == stored and [r.number for r in revisions(current)] == [1]


def test_text_between_blocks_becomes_paragraphs_and_html_paragraphs_stay_as_written(client):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    written = "<p>Đoạn có sẵn,\ncùng một đoạn.</p>\n<ul><li>Mục một</li></ul>"
    _, body = _new_article(client, board, "Bài HTML", written)
    assert body == written
    _, mixed = _new_article(
        client, board, "Bài pha trộn", "Mở đầu <strong>đậm</strong>.\n\n<h2>Phần hai</h2>\nKết."
    )
    assert mixed == "<p>Mở đầu <strong>đậm</strong>.</p>\n\n<h2>Phần hai</h2>\n<p>Kết.</p>"
