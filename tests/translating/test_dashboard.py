"""The translation dashboard: per portal, what visitors see without English or with out-of-date
English (the law's required pages first); on the city, the same figures for each ward. Never
another portal's items, and no ward sees the others' figures."""

from __future__ import annotations

import re
from datetime import date

from app.extensions import db
from blueprints.about.models import Contact, Leader, OrgChartUnit
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.news.helpers import publish, translate
from tests.newsroom.helpers import make_article, make_board
from tests.support import sign_in

URL = "/admin/ban-dich"


def _figures(html: str, label: str) -> list[int]:
    """(missing, out of date, current, total) of one row of the figures table."""
    row = re.search(rf'<th scope="row">{re.escape(label)}.*?</th>(.*?)</tr>', html, re.S)
    assert row, label
    return [int(n) for n in re.findall(r"<td>(\d+)</td>", row.group(1))]


def _seed_introduction(tenant, *, english: bool) -> dict[str, int]:
    with tenant_scope(tenant):
        unit = OrgChartUnit(name_vi="Văn phòng UBND", name_en="Office" if english else "")
        untranslated = OrgChartUnit(name_vi="Công an phường", name_en="")
        contact = Contact(
            name="Trần Thị B",
            position_vi="Chánh Văn phòng",
            position_en="Chief of Office",
            checked_on=date.today(),
        )
        hidden = Leader(name="Lê Văn C", title_vi="Chủ tịch", title_en="", is_published=False)
        db.session.add_all([unit, untranslated, contact, hidden])
        db.session.flush()
        return {"unit": unit.id, "untranslated": untranslated.id, "contact": contact.id, "hidden": hidden.id}


def test_a_portals_figures_and_the_items_to_translate(client):
    board = make_board()
    ids = _seed_introduction(board.tenant, english=True)
    translated = publish(board, title="Tin đã dịch")
    translate(board, translated, "A translated story")
    vietnamese = publish(board, title="Tin chưa dịch")
    make_article(board, title="Bản nháp chưa dịch")  # drafts are nobody's business yet
    sign_in(client, board.tenant, board.editor)
    page = client.get(URL, base_url=base_url(board.tenant))
    assert page.status_code == 200
    html = page.text
    assert _figures(html, "Cơ cấu tổ chức") == [1, 0, 1, 2]
    assert _figures(html, "Danh bạ cán bộ") == [0, 0, 1, 1]
    assert _figures(html, "Lãnh đạo") == [0, 0, 0, 0]  # an unpublished leader is not counted
    assert _figures(html, "Tin bài đã đăng") == [1, 0, 1, 2]
    assert f'href="/admin/units/{ids["untranslated"]}"' in html
    assert f'href="/admin/units/{ids["unit"]}"' not in html
    assert f'href="/admin/newsroom/articles/{vietnamese}/ban-dich"' in html
    assert f"/articles/{translated}/" not in html and "Bản nháp chưa dịch" not in html
    required = html.split('id="required-h"')[1].split("</section>")[0]
    assert "Cơ cấu tổ chức</strong><br>1 chưa dịch, 0 đã cũ, trên 2 mục." in required
    assert "Danh bạ cán bộ</strong><br>Đủ bản tiếng Anh (1 mục)." in required


def test_a_change_of_the_vietnamese_lists_the_item_as_out_of_date(client):
    board = make_board()
    ids = _seed_introduction(board.tenant, english=True)
    with tenant_scope(board.tenant):
        db.session.get(
            Contact, (board.tenant.id, ids["contact"])
        ).position_vi = "Chánh Văn phòng HĐND và UBND"
        db.session.flush()
    sign_in(client, board.tenant, board.editor)
    html = client.get(URL, base_url=base_url(board.tenant)).text
    assert _figures(html, "Danh bạ cán bộ") == [0, 1, 0, 1]
    item = re.search(rf'href="/admin/contacts/{ids["contact"]}".*?</li>', html, re.S).group(0)
    assert "translation-outdated" in item


def test_the_city_sees_each_wards_figures_and_no_ward_sees_another(client):
    city = make_tenant(kind="city")
    north, south = (
        make_tenant(parent=city, name_vi="Phường Bắc"),
        make_tenant(parent=city, name_vi="Phường Nam"),
    )
    north_ids = _seed_introduction(north, english=False)
    _seed_introduction(south, english=True)
    editor = make_user(roles={city: ["editor"], north: ["editor"]})
    sign_in(client, city, editor)
    html = client.get(URL, base_url=base_url(city)).text
    wards = html.split('id="children-h"')[1]
    rows = dict(re.findall(r'<tr><th scope="row">(Phường [^<]+)</th>(.*?)</tr>', wards, re.S))
    assert set(rows) == {"Phường Bắc", "Phường Nam"}
    assert "2 / 0" in rows["Phường Bắc"] and "Còn thiếu" in rows["Phường Bắc"]
    assert "1 / 0" in rows["Phường Nam"]
    # the city's own lists hold none of the wards' items
    assert f'/admin/units/{north_ids["untranslated"]}"' not in html
    assert _figures(html, "Cơ cấu tổ chức") == [0, 0, 0, 0]

    sign_in(client, north, editor)
    ward_page = client.get(URL, base_url=base_url(north)).text
    assert 'id="children-h"' not in ward_page and "Phường Nam" not in ward_page
    assert f'/admin/units/{north_ids["untranslated"]}"' in ward_page


def test_only_the_boards_office_opens_the_dashboard(client):
    board = make_board()
    host = base_url(board.tenant)
    assert client.get(URL, base_url=host).status_code == 302  # to the sign-in page
    sign_in(client, board.tenant, board.collaborator)
    assert client.get(URL, base_url=host).status_code == 403
    outsider = make_board()
    sign_in(client, outsider.tenant, outsider.editor)
    assert client.get(URL, base_url=host).status_code in (302, 403)


def test_approvers_see_the_items_but_links_only_to_screens_they_may_open(client):
    board = make_board()
    ids = _seed_introduction(board.tenant, english=False)
    vietnamese = publish(board, title="Tin chưa dịch")
    sign_in(client, board.tenant, board.approver)
    html = client.get(URL, base_url=base_url(board.tenant)).text
    assert f'href="/admin/newsroom/articles/{vietnamese}/ban-dich"' in html  # approvers translate
    assert f'href="/admin/units/{ids["untranslated"]}"' not in html
    assert '<span lang="vi">Công an phường</span>' in html
