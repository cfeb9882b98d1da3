"""English news: articles with an English version are shown in English; the others are marked
Vietnamese only (never a silent mix), say so on their page and have no English alternate."""

from __future__ import annotations

import re

from app.extensions import db
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.news.helpers import publish, translate
from tests.newsroom.helpers import load, make_article, make_board

VI_ONLY = "Họp dân về dự án mở rộng hẻm"
TRANSLATED = "Ra quân dọn vệ sinh bãi biển"


def _portal():
    board = make_board()
    vi_only = publish(board, days_ago=2, title=VI_ONLY, summary="Tóm tắt chỉ có tiếng Việt.")
    translated = publish(board, days_ago=1, title=TRANSLATED, summary="Hơn 300 người tham gia.")
    translate(board, translated, "Beach clean-up day", "Over 300 people took part.", "<p>In English.</p>")
    return board, vi_only, translated


def _item(html: str, title: str) -> str:
    """The list item of the news list that links to `title`."""
    found = re.search(
        r'<li class="news-item[^"]*">(?:(?!</li>).)*?' + re.escape(title) + r".*?</li>", html, re.S
    )
    assert found, title
    return found.group(0)


def test_the_english_news_list_shows_english_and_marks_vietnamese_only_items(client):
    board, vi_only, translated = _portal()
    page = client.get("/en/tin-tuc", base_url=base_url(board.tenant)).text
    english = _item(page, "Beach clean-up day")
    assert 'lang="vi"' not in english and "Over 300 people took part." in english
    assert TRANSLATED not in page  # the Vietnamese title of a translated article is not shown
    vietnamese = _item(page, VI_ONLY)
    assert '<div lang="vi">' in vietnamese
    assert '<p class="language-badge" lang="en">Vietnamese only</p>' in vietnamese
    vi_page = client.get("/tin-tuc", base_url=base_url(board.tenant)).text
    assert TRANSLATED in vi_page and "Beach clean-up day" not in vi_page and "Vietnamese only" not in vi_page


def test_the_english_home_page_marks_only_the_vietnamese_titles(client):
    board, vi_only, translated = _portal()
    home = client.get("/en/", base_url=base_url(board.tenant)).text
    assert re.search(rf'href="/en/tin-tuc/{vi_only}-[^"]+" lang="vi">{VI_ONLY}</a>', home)
    assert re.search(rf'href="/en/tin-tuc/{translated}-[^"]+">Beach clean-up day</a>', home)


def test_a_translated_article_in_english(client):
    board, _, translated = _portal()
    host = base_url(board.tenant)
    path = f"/tin-tuc/{translated}-ra-quan-don-ve-sinh-bai-bien"
    page = client.get("/en" + path, base_url=host).text
    assert '<article lang="en">' in page and "<h1>Beach clean-up day</h1>" in page
    assert "<p>In English.</p>" in page and "available in Vietnamese only" not in page
    assert f'<link rel="alternate" hreflang="en" href="{host}/en{path}">' in page
    assert f'<link rel="canonical" href="{host}/en{path}">' in page


def test_an_untranslated_article_says_so_links_to_the_vietnamese_and_names_no_english_twin(client):
    board, vi_only, _ = _portal()
    host = base_url(board.tenant)
    path = f"/tin-tuc/{vi_only}-hop-dan-ve-du-an-mo-rong-hem"
    page = client.get("/en" + path, base_url=host).text
    assert "This article is available in Vietnamese only." in page
    assert f'<a href="{path}" hreflang="vi">Read the Vietnamese article</a>' in page
    assert '<article lang="vi">' in page and f"<h1>{VI_ONLY}</h1>" in page
    assert 'hreflang="en"' not in page.split("</head>")[0]
    assert f'<link rel="canonical" href="{host}{path}">' in page  # the Vietnamese page is the one
    vi = client.get(path, base_url=host).text
    assert 'hreflang="en"' not in vi.split("</head>")[0]


def test_a_field_without_english_is_marked_vietnamese_inside_an_english_article(client):
    board = make_board()
    article_id = publish(board, title="Tin có sapo", summary="Sapo tiếng Việt.")
    translate(board, article_id, "A story", body="<p>English body.</p>")  # no English summary
    page = client.get(f"/en/tin-tuc/{article_id}-tin-co-sapo", base_url=base_url(board.tenant)).text
    assert '<article lang="en">' in page
    assert '<p class="article-summary" lang="vi">Sapo tiếng Việt.</p>' in page


def test_english_made_from_an_earlier_vietnamese_is_flagged_on_its_page(client):
    board = make_board()
    article_id = publish(board, title="Tin sẽ được sửa")
    translate(board, article_id, "A story to be corrected", body="<p>English.</p>")
    with tenant_scope(board.tenant):
        load(board, article_id).body = "<p>Nội dung đã sửa.</p>"
        db.session.flush()
    page = client.get(f"/en/tin-tuc/{article_id}-tin-se-duoc-sua", base_url=base_url(board.tenant)).text
    assert "<h1>A story to be corrected</h1>" in page
    assert "has been updated since it was translated" in page


def test_the_english_pages_of_another_portals_article_are_not_found(client):
    board, _, translated = _portal()
    other = make_board()
    answer = client.get(
        f"/en/tin-tuc/{translated}-ra-quan-don-ve-sinh-bai-bien", base_url=base_url(other.tenant)
    )
    assert answer.status_code == 404
    assert "Beach clean-up day" not in client.get("/en/tin-tuc", base_url=base_url(other.tenant)).text
    assert make_article  # the builder stays importable for the drafts below
