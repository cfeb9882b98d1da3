"""The search page: Vietnamese as people type it, ranking, filters, pagination, the helpful
page when nothing matches, and hostile queries."""

from __future__ import annotations

import unicodedata

import pytest

from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import make_board
from tests.search.helpers import days_ago, links, make_document, publish_article, search, titles
from tests.support import h1_count


@pytest.fixture
def ward_news():
    board = make_board(make_tenant(name_vi="Phường Thắng Tam"))
    ids = {
        "thang_tam": publish_article(
            board,
            title="Phường Thắng Tam ra quân tổng vệ sinh",
            summary="Hơn 200 đoàn viên tham gia.",
            body="<p>Các tuyến đường ven biển được dọn sạch.</p>",
        ),
        "road": publish_article(
            board,
            title="Nâng cấp đường Hoàng Hoa Thám",
            summary="Công trình hoàn thành trước Tết.",
            body="<p>Mặt đường rộng 12 mét.</p>",
        ),
        "hoa_binh": publish_article(
            board,
            title="Lễ kỷ niệm ngày Hoà Bình",
            summary="Người dân dự lễ đông đủ.",
            body="<p>Chương trình văn nghệ.</p>",
        ),
    }
    return board, ids


@pytest.mark.parametrize(
    "typed",
    [
        "thang tam",
        "Thắng Tam",
        "THẮNG TAM",
        "tHẮnG tAm",
        unicodedata.normalize("NFD", "Thắng Tam"),
    ],
)
def test_with_or_without_diacritics_in_any_case_or_normal_form(client, ward_news, typed):
    board, _ = ward_news
    response = search(client, board.tenant, typed)
    assert response.status_code == 200
    assert titles(response.text) == ["Phường Thắng Tam ra quân tổng vệ sinh"]


@pytest.mark.parametrize("typed", ["duong", "đường", "ĐƯỜNG", "Ðường"])
def test_duong_finds_duong_with_the_stroke(client, ward_news, typed):
    board, _ = ward_news
    found = titles(search(client, board.tenant, typed).text)
    # the road in its title first, then the clean-up whose body has "đường"
    assert found == ["Nâng cấp đường Hoàng Hoa Thám", "Phường Thắng Tam ra quân tổng vệ sinh"]


@pytest.mark.parametrize(
    "typed", ["hoà bình", "hòa bình", "hoa binh", unicodedata.normalize("NFD", "hoà bình")]
)
def test_old_and_new_tone_placement(client, ward_news, typed):
    board, _ = ward_news
    assert titles(search(client, board.tenant, typed).text) == ["Lễ kỷ niệm ngày Hoà Bình"]


def test_the_query_stays_in_the_box_and_words_are_highlighted_escaped(client, ward_news):
    board, _ = ward_news
    response = search(client, board.tenant, "thang tam")
    assert 'id="search-q" type="search" name="q" value="thang tam"' in response.text
    assert "<mark>Thắng</mark> <mark>Tam</mark>" in response.text
    assert h1_count(response.text) == 1 and '<html lang="vi">' in response.text


def test_markup_in_content_never_reaches_the_page(client):
    board = make_board()
    publish_article(
        board,
        title="Cảnh báo <script>alert(1)</script> lừa đảo",
        summary="Người dân cần cảnh giác <img src=x onerror=alert(2)>.",
        body="<p>Nội dung.</p>",
    )
    response = search(client, board.tenant, "canh bao")
    assert "<script>alert(1)" not in response.text and "onerror=alert(2)>" not in response.text
    assert "&lt;script&gt;" in response.text


def test_ranking_title_over_summary_over_body_then_recent_before_old(client):
    board = make_board()
    publish_article(
        board,
        title="Họp dân khu phố 3",
        summary="Bàn về kế hoạch năm mới.",
        body="<p>Nhiều ý kiến về chợ Xóm Lưới.</p>",
        published_at=days_ago(1),
    )
    publish_article(
        board,
        title="Giải tỏa lấn chiếm vỉa hè",
        summary="Ban quản lý chợ Xóm Lưới phối hợp.",
        body="<p>Không có gì thêm.</p>",
        published_at=days_ago(2),
    )
    publish_article(
        board,
        title="Chợ Xóm Lưới sau cải tạo",
        summary="Tiểu thương vui mừng.",
        body="<p>Mái che mới.</p>",
        published_at=days_ago(900),
    )
    publish_article(
        board,
        title="Chợ Xóm Lưới đón Tết",
        summary="Hàng hóa phong phú.",
        body="<p>Giá cả ổn định.</p>",
        published_at=days_ago(10),
    )
    found = titles(search(client, board.tenant, "cho xom luoi").text)
    assert found == [
        "Chợ Xóm Lưới đón Tết",
        "Chợ Xóm Lưới sau cải tạo",
        "Giải tỏa lấn chiếm vỉa hè",
        "Họp dân khu phố 3",
    ]


def test_exact_phrase_in_quotes_and_phrase_matches_first(client):
    board = make_board()
    publish_article(
        board,
        title="Vệ sinh trường học trước năm học mới",
        summary="Môi trường sạch.",
        published_at=days_ago(1),
    )
    publish_article(
        board,
        title="Cải thiện môi trường, vệ sinh khu dân cư",
        summary="Ra quân cuối tuần.",
        published_at=days_ago(2),
    )
    publish_article(
        board,
        title="Tổng vệ sinh môi trường khu phố 1",
        summary="Đông đảo người dân.",
        published_at=days_ago(300),
    )
    loose = titles(search(client, board.tenant, "ve sinh moi truong").text)
    assert loose[0] == "Tổng vệ sinh môi trường khu phố 1" and len(loose) == 3
    quoted = titles(search(client, board.tenant, '"vệ sinh môi trường"').text)
    assert quoted == ["Tổng vệ sinh môi trường khu phố 1"]


def test_a_document_number_finds_that_document_first(client):
    board = make_board()
    make_document(board.tenant, "15/2023/QĐ-UBND", "Về việc ban hành quy chế quản lý chợ")
    make_document(board.tenant, "16/2023/QĐ-UBND", "Quy chế phối hợp, thay thế Quyết định 15/2023/QĐ-UBND")
    publish_article(
        board, title="Triển khai Quyết định 15/2023/QĐ-UBND về chợ", summary="Theo quyết định mới."
    )
    response = search(client, board.tenant, "15/2023/QĐ-UBND")
    found = titles(response.text)
    assert found[0] == "Về việc ban hành quy chế quản lý chợ" and len(found) == 3
    assert titles(search(client, board.tenant, "15/2023/qd-ubnd").text)[0] == found[0]
    assert "van-ban/" in links(response.text)[0]


def test_filters_by_type_section_and_dates(client):
    board = make_board()
    publish_article(board, title="Lịch tiếp công dân tháng 5", published_at=days_ago(5))
    publish_article(board, title="Lịch tiếp công dân tháng 1", published_at=days_ago(200))
    make_document(board.tenant, "7/TB-UBND", "Thông báo lịch tiếp công dân", issued_on=days_ago(30).date())
    assert len(titles(search(client, board.tenant, "lich tiep cong dan").text)) == 3
    only_documents = titles(search(client, board.tenant, "lich tiep cong dan", type="document").text)
    assert only_documents == ["Thông báo lịch tiếp công dân"]
    recent = titles(
        search(
            client,
            board.tenant,
            "lich tiep cong dan",
            **{"from": days_ago(60).date().isoformat(), "to": days_ago(0).date().isoformat()},
        ).text
    )
    assert recent == ["Lịch tiếp công dân tháng 5", "Thông báo lịch tiếp công dân"]
    in_section = titles(
        search(client, board.tenant, "lich tiep cong dan", section=str(board.section_id)).text
    )
    assert in_section == ["Lịch tiếp công dân tháng 5", "Lịch tiếp công dân tháng 1"]
    page = search(client, board.tenant, "lich", type="document").text
    assert '<option value="document" selected>' in page


def test_pagination_keeps_the_query_and_filters(client):
    board = make_board()
    for number in range(23):
        publish_article(board, title=f"Bản tin khu phố số {number}", published_at=days_ago(number))
    first = search(client, board.tenant, "ban tin", type="article")
    assert len(titles(first.text)) == 20 and "23 kết quả" in first.text
    assert 'rel="next"' in first.text and "page=2" in first.text and "type=article" in first.text
    second = search(client, board.tenant, "ban tin", type="article", page="2")
    assert titles(second.text) == [f"Bản tin khu phố số {n}" for n in (20, 21, 22)]
    assert '<ol class="search-results" aria-labelledby="results-heading" start="21">' in second.text
    beyond = search(client, board.tenant, "ban tin", page="9")
    assert beyond.status_code == 200 and not titles(beyond.text)


def test_a_helpful_page_when_nothing_matches_with_typo_suggestions(client, ward_news):
    board, _ = ward_news
    response = search(client, board.tenant, "thang tamm", type="article")
    assert response.status_code == 200 and not titles(response.text)
    assert "Không tìm thấy" in response.text and "Có phải bạn muốn tìm" in response.text
    assert "Phường Thắng Tam ra quân tổng vệ sinh" in response.text
    assert "Bỏ các bộ lọc" in response.text


@pytest.mark.parametrize(
    "hostile",
    [
        '"unbalanced',
        'a"b"c"',
        "&|!():*",
        "!!!",
        "'; DROP TABLE search_documents; --",
        "<b>bold</b>",
        "x" * 200,
        "ra & quân | (tổng) !vệ:* sinh",
        "\u200b\u200b",
        "%00%27",
        "\\",
    ],
)
def test_hostile_queries_get_a_normal_page(client, ward_news, hostile):
    board, _ = ward_news
    response = search(client, board.tenant, hostile)
    assert response.status_code == 200 and h1_count(response.text) == 1
    assert "<b>bold</b>" not in response.text.split("<main", 1)[1]


def test_punctuation_only_ranks_nothing_and_says_so(client, ward_news):
    board, _ = ward_news
    response = search(client, board.tenant, "&|!():*")
    assert response.status_code == 200 and "không có chữ hay số" in response.text


def test_an_overlong_query_is_a_400_with_a_message(client, ward_news):
    board, _ = ward_news
    response = search(client, board.tenant, "thang tam " * 200)
    assert response.status_code == 400 and "quá dài" in response.text and h1_count(response.text) == 1


def test_tsquery_operators_are_words_not_syntax(client, ward_news):
    board, _ = ward_news
    found = titles(search(client, board.tenant, "thắng & tam | !quân").text)
    assert found == ["Phường Thắng Tam ra quân tổng vệ sinh"]


def test_english_page_and_opensearch(client, ward_news):
    board, _ = ward_news
    english = client.get("/en/tim-kiem?q=thang+tam", base_url=base_url(board.tenant))
    assert english.status_code == 200 and '<html lang="en">' in english.text
    assert titles(english.text) == ["Phường Thắng Tam ra quân tổng vệ sinh"]
    home = client.get("/", base_url=base_url(board.tenant)).text
    assert '<link rel="search" type="application/opensearchdescription+xml"' in home
    description = client.get("/opensearch.xml", base_url=base_url(board.tenant))
    assert description.mimetype == "application/opensearchdescription+xml"
    assert f"http://{board.tenant.primary_host}/tim-kiem?q={{searchTerms}}" in description.text
    assert "<ShortName>" in description.text


def test_the_masthead_box_goes_to_this_page(client):
    ward = make_tenant()
    home = client.get("/", base_url=base_url(ward)).text
    assert 'action="/tim-kiem"' in home


def test_pages_run_on_from_title_matches_into_body_only_matches_newest_first(client):
    board = make_board()
    for number in range(3):
        publish_article(
            board, title=f"Hiến máu tình nguyện đợt {number}", published_at=days_ago(400 + number)
        )
    for number in range(25):
        publish_article(
            board,
            title=f"Tin hoạt động số {number}",
            summary="Nhiều phong trào.",
            body="<p>Trong đó có hiến máu tình nguyện.</p>",
            published_at=days_ago(number),
        )
    first = titles(search(client, board.tenant, "hien mau").text)
    assert first[:3] == [f"Hiến máu tình nguyện đợt {n}" for n in range(3)]
    assert first[3:] == [f"Tin hoạt động số {n}" for n in range(17)]
    second = titles(search(client, board.tenant, "hien mau", page="2").text)
    assert second == [f"Tin hoạt động số {n}" for n in range(17, 25)]
