"""The public news pages in both languages: index, sections, article, slug redirects, print, save."""

from __future__ import annotations

import re

from app.extensions import db
from blueprints.newsroom.models import Section, SourceType
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.news.helpers import add_cover, publish, translate
from tests.newsroom.helpers import make_board

TITLE = "Phường Thắng Tam ra quân dọn vệ sinh bãi biển"
SLUG = "phuong-thang-tam-ra-quan-don-ve-sinh-bai-bien"


def _one_h1(html: str) -> None:
    assert len(re.findall(r"<h1[\s>]", html)) == 1, re.findall(r"<h1.*?</h1>", html)


def test_the_article_page_in_both_languages(client):
    board = make_board()
    article_id = publish(board, title=TITLE, summary="Hơn 300 người tham gia.")
    host = base_url(board.tenant)
    vi = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=host)
    assert vi.status_code == 200
    _one_h1(vi.text)
    assert f"<h1>{TITLE}</h1>" in vi.text and 'lang="vi"' in vi.text
    assert "Tác giả: Nguyễn Văn A" in vi.text
    assert "Bài viết gốc của Cổng thông tin điện tử" in vi.text  # the source line of original work
    assert re.search(r"<time datetime=\"[^\"]+\">\d\d/\d\d/\d{4} \d\d:\d\d</time>", vi.text)
    assert "chỉ có bản tiếng Việt" not in vi.text

    en = client.get(f"/en/tin-tuc/{article_id}-{SLUG}", base_url=host)
    assert en.status_code == 200
    _one_h1(en.text)
    assert '<html lang="en">' in en.text and f"<h1>{TITLE}</h1>" in en.text
    assert "This article is available in Vietnamese only." in en.text
    assert f'<a href="/tin-tuc/{article_id}-{SLUG}" hreflang="vi">Read the Vietnamese article</a>' in en.text
    assert '<article lang="vi">' in en.text
    assert "Print this article" in en.text and "Share on Zalo" in en.text and "Authors:" in en.text
    assert re.search(r"<time datetime=\"[^\"]+\">\d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d</time>", en.text)


def test_dates_are_shown_in_the_portals_time_zone(client):
    board = make_board()
    article_id = publish(board, title=TITLE)
    from datetime import UTC, datetime

    from tests.newsroom.helpers import load

    with tenant_scope(board.tenant):
        load(board, article_id).published_at = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)
        db.session.flush()
    page = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=base_url(board.tenant))
    assert "02/03/2026 06:30" in page.text  # Asia/Ho_Chi_Minh is UTC+7


def test_a_missing_wrong_or_old_slug_redirects_permanently(client):
    board = make_board()
    article_id = publish(board, title=TITLE)
    host = base_url(board.tenant)
    for url, target in (
        (f"/tin-tuc/{article_id}", f"/tin-tuc/{article_id}-{SLUG}"),
        (f"/tin-tuc/{article_id}-ten-cu-cua-bai", f"/tin-tuc/{article_id}-{SLUG}"),
        (f"/en/tin-tuc/{article_id}-sai?print=1", f"/en/tin-tuc/{article_id}-{SLUG}?print=1"),
        (f"/tin-tuc/{article_id}-sai/ban-in", f"/tin-tuc/{article_id}-{SLUG}/ban-in"),
        (f"/tin-tuc/{article_id}-sai/luu", f"/tin-tuc/{article_id}-{SLUG}/luu"),
    ):
        response = client.get(url, base_url=host)
        assert response.status_code == 301, url
        assert response.headers["Location"] == target, url


def test_open_graph_canonical_and_hreflang(client):
    board = make_board()
    article_id = publish(board, title=TITLE, summary="Hơn 300 người tham gia.")
    translate(board, article_id, "Thang Tam ward cleans up the beach", "Over 300 people took part.")
    add_cover(board, article_id)
    host = base_url(board.tenant)
    vi = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=host).text
    url = f"{host}/tin-tuc/{article_id}-{SLUG}"
    assert f'<link rel="canonical" href="{url}">' in vi
    assert f'<meta property="og:url" content="{url}">' in vi
    assert f'<meta property="og:title" content="{TITLE}">' in vi
    assert '<meta property="og:description" content="Hơn 300 người tham gia.">' in vi
    assert '<meta property="og:type" content="article">' in vi
    assert f'<meta property="og:image" content="{host}/anh-bai-viet/{article_id}/1200">' in vi
    assert f'<link rel="alternate" hreflang="en" href="{host}/en/tin-tuc/{article_id}-{SLUG}">' in vi
    en = client.get(f"/en/tin-tuc/{article_id}-{SLUG}", base_url=host).text
    assert f'<link rel="canonical" href="{host}/en/tin-tuc/{article_id}-{SLUG}">' in en
    assert '<meta property="og:locale" content="en_US">' in en
    assert '<meta property="og:title" content="Thang Tam ward cleans up the beach">' in en


def test_cover_with_srcset_alt_and_caption(client):
    board = make_board()
    article_id = publish(board, title=TITLE)
    keys = add_cover(board, article_id)
    assert set(keys) == {"original", "1200", "800", "400"}
    page = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=base_url(board.tenant)).text
    assert f'src="/anh-bai-viet/{article_id}/800"' in page
    assert (
        f'srcset="/anh-bai-viet/{article_id}/400 400w, /anh-bai-viet/{article_id}/800 800w, '
        f'/anh-bai-viet/{article_id}/1200 1200w"'
    ) in page
    assert 'alt="Người dân dọn vệ sinh bờ biển"' in page
    assert "<figcaption>Ảnh: Văn phòng UBND</figcaption>" in page
    image = client.get(f"/anh-bai-viet/{article_id}/400", base_url=base_url(board.tenant))
    assert image.status_code == 200 and image.mimetype == "image/jpeg"
    assert "attachment" not in image.headers.get("Content-Disposition", "")


def test_the_source_line_of_quoted_material_names_source_link_and_author(client):
    board = make_board()
    article_id = publish(
        board,
        title=TITLE,
        source_type=SourceType.QUOTED,
        source_name="Báo Bà Rịa – Vũng Tàu",
        source_url="https://baobariavungtau.com.vn/bai-goc",
        source_author="Minh Châu",
    )
    page = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=base_url(board.tenant)).text
    assert "Nguồn:" in page
    assert (
        '<a href="https://baobariavungtau.com.vn/bai-goc" rel="noopener noreferrer nofollow">'
        "Báo Bà Rịa – Vũng Tàu</a>"
    ) in page
    assert "Tác giả gốc: Minh Châu" in page
    assert "Bài viết gốc của" not in page


def test_share_links_are_plain_links_without_scripts(client):
    board = make_board()
    article_id = publish(board, title=TITLE)
    page = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=base_url(board.tenant)).text
    encoded = f"http%3A%2F%2F{board.tenant.primary_host}%2Ftin-tuc%2F{article_id}-{SLUG}"
    assert f"https://www.facebook.com/sharer/sharer.php?u={encoded}" in page
    assert f"https://sp.zalo.me/share_inline?url={encoded}" in page
    assert 'href="mailto:?subject=' in page
    assert "<script" not in page


def test_print_view_is_clean_and_save_is_a_self_contained_download(client):
    board = make_board()
    article_id = publish(board, title=TITLE, body="<p>Nội dung chi tiết của bài.</p>")
    add_cover(board, article_id)
    host = base_url(board.tenant)
    for url in (f"/tin-tuc/{article_id}-{SLUG}/ban-in", f"/tin-tuc/{article_id}-{SLUG}?print=1"):
        printable = client.get(url, base_url=host)
        assert printable.status_code == 200, url
        _one_h1(printable.text)
        assert "Nội dung chi tiết của bài." in printable.text
        assert 'class="main-menu"' not in printable.text and "Chia sẻ qua Facebook" not in printable.text
        assert '<meta name="robots" content="noindex">' in printable.text
    assert "@media print" in client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=host).text

    saved = client.get(f"/tin-tuc/{article_id}-{SLUG}/luu", base_url=host)
    assert saved.status_code == 200 and saved.mimetype == "text/html"
    assert saved.headers["Content-Disposition"] == f'attachment; filename="{SLUG}.html"'
    assert "Nội dung chi tiết của bài." in saved.text
    assert 'src="data:image/jpeg;base64,' in saved.text  # the cover travels inside the file
    assert '<link rel="stylesheet"' not in saved.text and "<style>" in saved.text
    assert f'<base href="{host}/tin-tuc/{article_id}-{SLUG}">' in saved.text  # relative links still work
    english = client.get(f"/en/tin-tuc/{article_id}-{SLUG}/luu", base_url=host)
    assert "This article is available in Vietnamese only." in english.text


def test_section_pages_paginate_and_include_sub_sections(client):
    board = make_board()
    with tenant_scope(board.tenant):
        child = Section(
            name_vi="Tin phường", name_en="Ward news", slug="tin-phuong", parent_id=board.section_id
        )
        db.session.add(child)
        db.session.flush()
        child_id = child.id
        parent_slug = db.session.get(Section, (board.tenant.id, board.section_id)).slug
    for n in range(13):
        publish(board, days_ago=n + 1, title=f"Tin số {n + 1:02d}")
    publish(board, days_ago=0.5, title="Tin của chuyên mục con", section_id=child_id)
    host = base_url(board.tenant)
    first = client.get(f"/chuyen-muc/{parent_slug}", base_url=host)
    assert first.status_code == 200
    _one_h1(first.text)
    assert (
        "Tin của chuyên mục con" in first.text and "Tin số 11" in first.text and "Tin số 12" not in first.text
    )
    assert (
        f'href="/chuyen-muc/{parent_slug}?page=2"' in first.text and 'aria-label="Phân trang"' in first.text
    )
    second = client.get(f"/chuyen-muc/{parent_slug}?page=2", base_url=host)
    assert "Tin số 12" in second.text and "Tin số 13" in second.text and "Tin số 01" not in second.text
    assert client.get(f"/chuyen-muc/{parent_slug}?page=9", base_url=host).status_code == 404
    child_page = client.get("/chuyen-muc/tin-phuong", base_url=host)
    assert "Tin của chuyên mục con" in child_page.text and "Tin số 01" not in child_page.text
    en = client.get("/en/chuyen-muc/tin-phuong", base_url=host)
    assert "<h1>Ward news</h1>" in en.text and '<html lang="en">' in en.text
    assert f'href="http://{board.tenant.primary_host}/en/chuyen-muc/tin-phuong/rss.xml"' in en.text
    assert client.get("/chuyen-muc/khong-co", base_url=host).status_code == 404


def test_the_news_index_lists_sections_and_articles(client):
    board = make_board()
    publish(board, title=TITLE)
    host = base_url(board.tenant)
    for url, heading in (("/tin-tuc", "<h1>Tin tức</h1>"), ("/en/tin-tuc", "<h1>News</h1>")):
        page = client.get(url, base_url=host)
        assert page.status_code == 200
        _one_h1(page.text)
        assert heading in page.text and TITLE in page.text
    menu = client.get("/", base_url=host).text
    assert 'href="/tin-tuc"' in menu  # registered as a public page


def test_related_items_are_from_the_same_section_only(client):
    board = make_board()
    article_id = publish(board, title=TITLE)
    publish(board, title="Tin liên quan cùng chuyên mục")
    with tenant_scope(board.tenant):
        other = Section(name_vi="Văn hóa", slug="van-hoa-khac")
        db.session.add(other)
        db.session.flush()
        other_id = other.id
    publish(board, title="Tin của chuyên mục khác", section_id=other_id)
    page = client.get(f"/tin-tuc/{article_id}-{SLUG}", base_url=base_url(board.tenant)).text
    related = page.split('id="related-heading"')[1]
    assert "Tin liên quan cùng chuyên mục" in related and "Tin của chuyên mục khác" not in related
    assert TITLE not in related
