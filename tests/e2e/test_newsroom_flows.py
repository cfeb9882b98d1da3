"""An article's life in a real browser: a collaborator writes it on a laptop, the deputy head
approves it on a phone, the editor publishes it, and a citizen reads it on a phone. Then two
people saving the same article at once.

Elements are found by their labels and roles, as a screen-reader user finds them.
"""

from __future__ import annotations

import re

from app import mail
from tests.e2e.conftest import screenshot, sign_in
from tests.factories import PASSWORD
from tests.newsroom.helpers import make_article, make_board
from tests.royalties.helpers import with_rates
from tests.support import run_jobs

TITLE = "Phường ra quân tổng vệ sinh bãi biển Thùy Vân"
SUMMARY = "Hơn 300 đoàn viên, hội viên và người dân tham gia làm sạch 2 km bờ biển."
FIRST_PARAGRAPH = "Sáng Chủ nhật, Ủy ban nhân dân phường phát động ra quân."
SECOND_PARAGRAPH = "Chương trình thu gom hơn 2 tấn rác thải nhựa."
SOURCE_NAME = "Báo Bà Rịa – Vũng Tàu"
SOURCE_URL = "https://baobariavungtau.example.org/ve-sinh-bai-bien"


def body_source(page) -> str:
    """What the form posts as the body: the textarea the editor keeps in sync."""
    return page.locator("textarea[name=body]").input_value()


def write_article(page) -> None:
    """Fill the guided form as a collaborator would, formatting the body with the toolbar."""
    page.get_by_label("Tiêu đề", exact=True).fill(TITLE)
    page.get_by_label("Sapo (tóm tắt)", exact=True).fill(SUMMARY)
    body = page.get_by_label("Nội dung", exact=True)
    toolbar = page.get_by_role("toolbar", name="Định dạng văn bản")
    body.fill(FIRST_PARAGRAPH)
    body.press("Control+A")
    toolbar.get_by_role("button", name="Đoạn văn thường").click()
    body.press("End")
    body.press("Enter")
    body.press_sequentially(SECOND_PARAGRAPH)
    for _ in " rác thải nhựa.":  # select "hơn 2 tấn" with the keyboard
        body.press("ArrowLeft")
    for _ in "hơn 2 tấn":
        body.press("Shift+ArrowLeft")
    toolbar.get_by_role("button", name="Chữ đậm").click()
    page.get_by_label("Thể loại", exact=True).select_option(label="Tin")
    page.get_by_label("Chuyên mục", exact=True).select_option(label="Tin tức")


def test_an_article_from_the_laptop_to_the_citizens_phone(laptop, new_page, portal):
    board = with_rates(make_board())
    ward = board.tenant

    # 1. The collaborator writes on a laptop and forgets the source.
    sign_in(laptop, portal(ward, "/login"), board.collaborator.email, PASSWORD)
    laptop.get_by_role("navigation", name="Danh mục quản trị").get_by_role(
        "link", name="Viết bài mới"
    ).click()
    laptop.wait_for_url("**/admin/newsroom/articles/new")
    laptop.locator(".nr-editor-ready").wait_for()
    write_article(laptop)
    expected_body = (
        f"<p>{FIRST_PARAGRAPH}</p><p>{SECOND_PARAGRAPH[: -len('hơn 2 tấn rác thải nhựa.')]}"
        f"<strong>hơn 2 tấn</strong> rác thải nhựa.</p>"
    )
    assert body_source(laptop) == expected_body
    laptop.get_by_role("button", name="Lưu và gửi duyệt").click()

    summary = laptop.get_by_role("alert")
    assert "Cho biết bài tự viết hay trích dẫn từ nguồn khác." in summary.inner_text()
    # The radio group is named by its question, and the error is tied to the group.
    source = laptop.get_by_role("group", name="Nguồn tin", exact=True)
    assert source.get_by_role("radio").count() == 2
    assert (
        source.evaluate(
            "el => el.getAttribute('aria-describedby').split(' ')"
            ".map(id => document.getElementById(id).innerText).join(' ')"
        )
        == "Cho biết bài tự viết hay trích dẫn từ nguồn khác."
    )
    # Nothing typed is lost.
    assert laptop.get_by_label("Tiêu đề", exact=True).input_value() == TITLE
    assert laptop.get_by_label("Sapo (tóm tắt)", exact=True).input_value() == SUMMARY
    assert body_source(laptop) == expected_body
    assert (
        laptop.get_by_label("Chuyên mục", exact=True).evaluate("el => el.selectedOptions[0].text")
        == "Tin tức"
    )
    assert laptop.get_by_label("Thể loại", exact=True).evaluate("el => el.selectedOptions[0].text") == "Tin"
    screenshot(laptop, "newsroom-1-source-missing-laptop")

    laptop.get_by_label("Trích dẫn, sử dụng lại từ nguồn khác", exact=True).check()
    laptop.get_by_label("Tên nguồn (báo, trang web, cơ quan)", exact=True).fill(SOURCE_NAME)
    laptop.get_by_label("Đường dẫn đến nguồn", exact=True).fill(SOURCE_URL)
    laptop.get_by_label("Tác giả gốc (nếu biết)", exact=True).fill("Minh Châu")
    laptop.get_by_role("button", name="Lưu và gửi duyệt").click()
    laptop.wait_for_url(re.compile(r"/admin/newsroom/articles/\d+$"))
    assert laptop.get_by_role("heading", level=1).inner_text() == TITLE
    assert "Chờ duyệt" in laptop.locator("main").inner_text()
    article_path = re.search(r"/admin/newsroom/articles/\d+$", laptop.url).group(0)
    screenshot(laptop, "newsroom-2-submitted-laptop")

    # 2. The deputy head approves on a phone, from "waiting for me".
    run_jobs()
    assert [m["To"] for m in mail.outbox] == [board.approver.email]
    mail.outbox.clear()
    approver = new_page(360)
    sign_in(approver, portal(ward, "/login"), board.approver.email, PASSWORD)
    approver.get_by_role("link", name="Tòa soạn").click()
    waiting = approver.get_by_role("region", name=re.compile("Chờ tôi xử lý"))
    waiting.get_by_role("link", name=TITLE).click()
    approver.wait_for_url(f"**{article_path}")
    factor = approver.get_by_label("Hệ số nhuận bút", exact=True)
    assert "từ 1.00 đến 10.00" in approver.get_by_text(re.compile("hệ số từ")).inner_text()
    factor.fill("12")
    approver.get_by_role("button", name="Duyệt bài").click()
    approver.wait_for_url("**/do/approve")  # the page again, with the factor marked
    assert "phải từ 1.00 đến 10.00" in approver.get_by_label("Hệ số nhuận bút", exact=True).evaluate(
        "el => document.getElementById(el.getAttribute('aria-describedby').split(' ').pop()).innerText"
    )
    approver.get_by_label("Hệ số nhuận bút", exact=True).fill("4.5")
    approver.get_by_role("button", name="Duyệt bài").click()
    approver.wait_for_url(f"**{article_path}")
    assert "Đã chuyển bài sang trạng thái: Đã duyệt." in approver.locator(".flash").inner_text()
    assert approver.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(approver, "newsroom-3-approved-phone")
    run_jobs()
    to_author = [m for m in mail.outbox if m["To"] == board.collaborator.email]
    assert len(to_author) == 1 and to_author[0]["Subject"] == f"Bài đã được duyệt: {TITLE}"
    assert article_path in to_author[0].get_content()

    # 3. The editor publishes; a citizen finds it on the home page of a phone.
    editor = new_page(1280, 800)
    sign_in(editor, portal(ward, "/login"), board.editor.email, PASSWORD)
    editor.goto(portal(ward, "/admin/newsroom/"))
    editor.get_by_role("region", name=re.compile("Chờ tôi xử lý")).get_by_role("link", name=TITLE).click()
    editor.get_by_role("button", name="Đăng ngay").click()
    editor.locator(".flash", has_text="Đã chuyển bài sang trạng thái: Đã đăng.").wait_for()

    citizen = new_page(360)
    citizen.goto(portal(ward, "/"))
    citizen.get_by_role("link", name=TITLE).first.click()
    citizen.wait_for_url(re.compile(r"/tin-tuc/\d+-"))
    assert citizen.get_by_role("heading", level=1).inner_text() == TITLE
    source = citizen.locator(".article-source")
    assert "Nguồn:" in source.inner_text() and "Tác giả gốc: Minh Châu" in source.inner_text()
    assert source.get_by_role("link", name=SOURCE_NAME).get_attribute("href") == SOURCE_URL
    assert citizen.locator(".article-body strong").inner_text() == "hơn 2 tấn"
    screenshot(citizen, "newsroom-4-published-phone")
    citizen.get_by_role("link", name="English").click()
    citizen.wait_for_url(re.compile(r"/en/tin-tuc/\d+-"))
    assert citizen.evaluate("document.documentElement.lang") == "en"
    assert "available in Vietnamese only" in citizen.locator(".language-note").inner_text()
    assert citizen.locator(".article-source").inner_text().startswith("Source:")
    citizen.get_by_role("link", name="Tiếng Việt").click()
    citizen.wait_for_url(re.compile(r"//[^/]+/tin-tuc/\d+-"))
    assert citizen.evaluate("document.documentElement.lang") == "vi"
    assert citizen.get_by_role("heading", level=1).inner_text() == TITLE


def test_the_second_of_two_people_saving_sees_the_conflict_and_keeps_their_text(new_page, portal):
    board = make_board()
    article_id = make_article(board, title="Lịch tiếp công dân tháng Mười")
    path = f"/admin/newsroom/articles/{article_id}/edit"
    author, editor = new_page(1280, 800), new_page(1280, 800)
    sign_in(author, portal(board.tenant, "/login"), board.collaborator.email, PASSWORD)
    sign_in(editor, portal(board.tenant, "/login"), board.editor.email, PASSWORD)
    author.goto(portal(board.tenant, path))
    editor.goto(portal(board.tenant, path))

    editor.get_by_label("Tiêu đề", exact=True).fill("Lịch tiếp công dân tháng Mười (đã sửa)")
    editor.get_by_role("button", name="Lưu", exact=True).click()
    editor.wait_for_url(f"**/admin/newsroom/articles/{article_id}")

    sentence = "Chủ tịch UBND phường tiếp công dân vào sáng thứ Năm hằng tuần."
    mine = f"<p>{sentence}</p>"
    author.get_by_label("Tiêu đề", exact=True).fill("Lịch tiếp công dân của lãnh đạo phường")
    author.get_by_label("Nội dung", exact=True).fill(sentence)
    author.get_by_role("button", name="Lưu", exact=True).click()
    conflict = author.get_by_role("alert").filter(has_text="Bài đã được người khác sửa")
    conflict.wait_for()
    assert "Lịch tiếp công dân tháng Mười (đã sửa)" in conflict.inner_text()  # theirs, to compare
    assert (
        author.get_by_label("Tiêu đề", exact=True).input_value() == "Lịch tiếp công dân của lãnh đạo phường"
    )
    assert body_source(author) == mine
    screenshot(author, "newsroom-5-conflict-laptop")

    # Saving again is a deliberate overwrite, and it goes through.
    author.get_by_role("button", name="Lưu", exact=True).click()
    author.wait_for_url(f"**/admin/newsroom/articles/{article_id}")
    assert author.get_by_role("heading", level=1).inner_text() == "Lịch tiếp công dân của lãnh đạo phường"
