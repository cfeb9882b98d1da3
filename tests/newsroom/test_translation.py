"""The English version of an article: its own page, cleaned like the Vietnamese, marked out of
date when the Vietnamese changes, listed until it is reviewed; never across portals."""

from __future__ import annotations

import re

from app.extensions import db
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.news.helpers import publish
from tests.newsroom.helpers import edit_form, load, make_article, make_board
from tests.support import post_form, sign_in, signed_in_browser

ENGLISH = {"title_en": "Beach clean-up day", "summary_en": "Over 200 people took part.", "body_en": ""}


def _url(article_id: int) -> str:
    return f"/admin/newsroom/articles/{article_id}/ban-dich"


def _translate(client, board, article_id: int, **fields):
    return post_form(client, board.tenant, _url(article_id), {**ENGLISH, **fields})


def _state(board, article_id: int) -> str:
    with tenant_scope(board.tenant):
        return load(board, article_id).translation_state.value


def test_an_editor_translates_an_article_and_the_body_is_cleaned_like_the_vietnamese(client):
    board = make_board()
    article_id = publish(board)
    sign_in(client, board.tenant, board.editor)
    with tenant_scope(board.tenant):
        version = load(board, article_id).version
    body = '<p onclick="steal()">Morning.</p><script>alert(1)</script>\n\nSecond paragraph.'
    answer = _translate(client, board, article_id, body_en=body)
    assert answer.status_code == 302
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        assert article.title_en == "Beach clean-up day"
        assert "<p>Morning.</p>" in article.body_en and "<p>Second paragraph.</p>" in article.body_en
        assert "script" not in article.body_en and "onclick" not in article.body_en
        assert article.version == version  # an editor's open Vietnamese form stays valid
        assert article.translation_state.value == "current"
    page = client.get(f"/admin/newsroom/articles/{article_id}", base_url=base_url(board.tenant)).text
    assert _url(article_id) in page and "English up to date" not in page  # the badge is Vietnamese
    assert "Bản tiếng Anh đã cập nhật" in page


def test_a_change_of_the_vietnamese_puts_the_english_out_of_date_until_it_is_reviewed(client):
    board = make_board()
    article_id = publish(board)
    sign_in(client, board.tenant, board.editor)
    _translate(client, board, article_id)
    host = base_url(board.tenant)
    form = client.get(f"/admin/newsroom/articles/{article_id}/edit", base_url=host).text
    version = re.search(r'name="version"[^>]*value="(\d+)"', form).group(1)
    edited = post_form(
        client,
        board.tenant,
        f"/admin/newsroom/articles/{article_id}/edit",
        edit_form(board, version=version, summary="Hơn 300 người tham gia."),  # a corrected figure
    )
    assert edited.status_code == 302
    assert _state(board, article_id) == "outdated"
    page = client.get(_url(article_id), base_url=host).text
    assert "Bản tiếng Việt đã thay đổi sau khi dịch" in page
    assert "Hơn 300 người tham gia." in page and "Hơn 200 người tham gia." in page  # what changed
    assert (
        f"/admin/newsroom/articles/{article_id}/ban-dich" in client.get("/admin/ban-dich", base_url=host).text
    )
    _translate(client, board, article_id)  # saved unchanged, without ticking "checked": still out of date
    assert _state(board, article_id) == "outdated"
    _translate(client, board, article_id, reviewed="y")
    assert _state(board, article_id) == "current"
    assert (
        f"/admin/newsroom/articles/{article_id}/ban-dich"
        not in client.get("/admin/ban-dich", base_url=host).text
    )


def test_a_changed_english_text_counts_as_made_from_the_current_vietnamese(client):
    board = make_board()
    article_id = publish(board)
    sign_in(client, board.tenant, board.editor)
    _translate(client, board, article_id)
    with tenant_scope(board.tenant):
        load(board, article_id).summary = "Sapo mới."
        db.session.flush()
    assert _state(board, article_id) == "outdated"
    _translate(client, board, article_id, summary_en="A new summary.")
    assert _state(board, article_id) == "current"


def test_a_translation_without_a_title_is_refused_and_what_was_typed_is_kept(client):
    board = make_board()
    article_id = publish(board)
    sign_in(client, board.tenant, board.editor)
    answer = _translate(client, board, article_id, title_en="", body_en="Text kept.")
    assert answer.status_code == 422
    assert "Enter the English title" not in answer.text and "Nhập tiêu đề tiếng Anh" in answer.text
    assert "Text kept." in answer.text
    assert _state(board, article_id) == "missing"


def test_who_may_translate(app, client):
    board = make_board()
    article_id = make_article(board, ArticleState.DRAFT)
    archived = make_article(board, ArticleState.ARCHIVED)
    host = base_url(board.tenant)
    sign_in(client, board.tenant, board.collaborator)
    assert client.get(_url(article_id), base_url=host).status_code == 403
    approver = signed_in_browser(app, board.tenant, board.approver)
    assert approver.get(_url(article_id), base_url=host).status_code == 200
    assert approver.get(_url(archived), base_url=host).status_code == 403


def test_another_portals_article_cannot_be_translated_or_seen(client):
    board, other = make_board(), make_board()
    article_id = publish(other)
    sign_in(client, board.tenant, board.editor)
    assert client.get(_url(article_id), base_url=base_url(board.tenant)).status_code == 404
    answer = client.post(_url(article_id), base_url=base_url(board.tenant), data=ENGLISH)
    assert answer.status_code in (400, 404)
    assert _state(other, article_id) == "missing"


def test_sections_get_their_english_name_and_another_portals_section_is_not_found(client):
    board, other = make_board(), make_board()
    host = base_url(board.tenant)
    sign_in(client, board.tenant, board.editor)
    listing = client.get("/admin/newsroom/sections", base_url=host).text
    assert f"/admin/newsroom/sections/{board.section_id}" in listing
    assert f'/admin/newsroom/sections/{other.section_id}"' not in listing
    url = f"/admin/newsroom/sections/{board.section_id}"
    answer = post_form(
        client, board.tenant, url, {"name_vi": "Tin tức – Sự kiện", "name_en": "News and events"}
    )
    assert answer.status_code == 302
    assert "News and events" in client.get("/en/tin-tuc", base_url=host).text
    refused = post_form(client, board.tenant, url, {"name_vi": "", "name_en": "Kept"})
    assert refused.status_code == 422 and 'value="Kept"' in refused.text
    assert client.get(f"/admin/newsroom/sections/{other.section_id}", base_url=host).status_code == 404
