"""The home page of every portal: the lead story, the latest news by section, feeds, and the
blocks it had before (the city's wards, quick links)."""

from __future__ import annotations

import re

from app.extensions import db
from blueprints.newsroom.models import Section
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant
from tests.news.helpers import add_cover, publish
from tests.newsroom.helpers import make_board


def test_the_home_page_leads_with_a_highlight_and_lists_news_by_section(client):
    board = make_board()
    publish(board, days_ago=0.1, title="Tin mới nhất nhưng không nổi bật")
    lead = publish(board, days_ago=2, title="Tin nổi bật của tuần", is_highlight=True)
    add_cover(board, lead)
    with tenant_scope(board.tenant):
        culture = Section(name_vi="Văn hóa", name_en="Culture", slug="van-hoa", position=5)
        db.session.add(culture)
        db.session.flush()
        culture_id = culture.id
    publish(board, title="Lễ hội Nghinh Ông", section_id=culture_id)
    host = base_url(board.tenant)
    for url in ("/", "/en/"):
        page = client.get(url, base_url=host)
        assert page.status_code == 200
        assert len(re.findall(r"<h1[\s>]", page.text)) == 1
        lead_block = page.text.split('class="home-lead"')[1].split("</section>")[0]
        assert "Tin nổi bật của tuần" in lead_block.split("<ul")[0]
        assert (
            f'/anh-bai-viet/{lead}/800"' in lead_block and 'alt="Người dân dọn vệ sinh bờ biển"' in lead_block
        )
        latest = page.text.split('id="latest-news-heading"')[1]
        assert "Tin mới nhất nhưng không nổi bật" in latest and "Lễ hội Nghinh Ông" in latest
        assert 'href="' + ("/en" if url == "/en/" else "") + '/chuyen-muc/van-hoa"' in latest
        assert "rss.xml" in page.text.split("<body")[1]  # the feed links, not only in the head
    assert "Latest news by section" in client.get("/en/", base_url=host).text
    assert "Quick links" in client.get("/en/", base_url=host).text


def test_without_highlights_the_newest_article_leads(client):
    board = make_board()
    publish(board, days_ago=3, title="Tin cũ")
    publish(board, days_ago=0.5, title="Tin mới")
    page = client.get("/", base_url=base_url(board.tenant)).text
    assert "Tin mới" in page.split('class="home-lead"')[1].split("</article>")[0]


def test_an_empty_portal_home_still_has_its_quick_links_and_no_empty_blocks(client):
    tenant = make_tenant()
    page = client.get("/", base_url=base_url(tenant)).text
    assert "Liên kết nhanh" in page
    assert 'class="home-lead"' not in page and "latest-news-heading" not in page


def test_the_city_home_keeps_its_wards_list(client):
    city = make_tenant(kind="city")
    make_tenant(parent=city, name_vi="Phường Thắng Nhất")
    page = client.get("/", base_url=base_url(city)).text
    assert "Các phường, xã" in page and "Phường Thắng Nhất" in page


def _section(board, slug: str, position: int, parent_id: int | None = None) -> int:
    with tenant_scope(board.tenant):
        section = Section(
            name_vi=f"Mục {slug}", name_en=slug, slug=slug, position=position, parent_id=parent_id
        )
        db.session.add(section)
        db.session.flush()
        return section.id


def test_each_section_block_holds_its_sub_sections_newest_four_and_at_most_four_blocks_show(client):
    board = make_board()
    first = _section(board, "muc-mot", 1)
    child = _section(board, "muc-con", 2, parent_id=first)
    for n in range(5):  # five in the sub-section: the parent's block shows the newest four
        publish(board, days_ago=n + 1, title=f"Tin mục con số {n}", section_id=child)
    for position in range(2, 7):  # five more top sections with one article each
        publish(
            board,
            title=f"Tin của mục {position}",
            section_id=_section(board, f"muc-{position}", position + 10),
        )
    page = client.get("/", base_url=base_url(board.tenant)).text
    latest = page.split('class="home-sections"')[1].split("Xem tất cả tin tức")[0]
    blocks = latest.split("<h3")[1:]
    assert len(blocks) == 4 and "Mục muc-mot" in blocks[0]
    assert [f"Tin mục con số {n}" in blocks[0] for n in range(5)] == [True] * 4 + [False]
    assert [f"Tin của mục {p}" in latest for p in range(2, 7)] == [True] * 3 + [False] * 2


def test_a_city_home_names_a_bounded_number_of_wards_and_links_to_all(client):
    from blueprints.pages.services import HOME_PORTALS

    city, other_city = make_tenant(kind="city"), make_tenant(kind="city")
    names = [f"Phường Số {n:03d}" for n in range(HOME_PORTALS + 3)]
    wards = [make_tenant(parent=city, name_vi=name) for name in names]
    make_tenant(parent=other_city, name_vi="Phường Của Thành Phố Khác")
    home = client.get("/", base_url=base_url(city)).text
    assert sum(name in home for name in names) == HOME_PORTALS
    assert 'href="/cac-phuong-xa"' in home
    everyone = client.get("/cac-phuong-xa", base_url=base_url(city))
    assert everyone.status_code == 200 and all(name in everyone.text for name in names)
    assert "Phường Của Thành Phố Khác" not in everyone.text
    assert len(re.findall(r"<h1[\s>]", everyone.text)) == 1
    assert client.get("/cac-phuong-xa", base_url=base_url(wards[0])).status_code == 404
