"""The writing desk in Chromium: the rich-text editor writes paragraphs, cleans what is pasted
from Word, stops a submission whose image has no alt text at that image's field, autosaves
(and keeps the text in the browser when the connection is lost), and previews the article as
its public page shows it."""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from pathlib import Path

from PIL import Image

from app.extensions import db
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.e2e.conftest import screenshot, sign_in
from tests.factories import PASSWORD
from tests.newsroom.helpers import load, make_article, make_board

WORD_SAMPLE = (Path(__file__).parent / "samples" / "word_paste.html").read_text(encoding="utf-8")


def _editor(page):
    return page.get_by_label("Nội dung", exact=True)


def _source(page) -> str:
    return page.locator("textarea[name=body]").input_value()


def _open_edit(page, portal, board, article_id):
    sign_in(page, portal(board.tenant, "/login"), board.collaborator.email, PASSWORD)
    page.goto(portal(board.tenant, f"/admin/newsroom/articles/{article_id}/edit"))
    page.locator(".nr-editor-ready").wait_for()


def _editing(page, portal, **article_fields):
    """A board's article (made with `article_fields`) open in the editor for its collaborator."""
    board = make_board()
    article_id = make_article(board, **article_fields)
    _open_edit(page, portal, board, article_id)
    return board, article_id


def test_typing_two_paragraphs_gives_two_p_and_the_toolbar_is_named(laptop, portal):
    board, article_id = _editing(laptop, portal, body="")
    toolbar = laptop.get_by_role("toolbar", name="Định dạng văn bản")
    assert toolbar.get_by_role("button", name="Chữ đậm (Ctrl+B)").is_visible()
    assert laptop.locator("textarea[name=body]").is_hidden()  # the editor took its place
    editor = _editor(laptop)
    editor.click()
    editor.press("Control+A")
    editor.press("Delete")
    editor.press_sequentially("Đoạn thứ nhất.")
    editor.press("Enter")
    editor.press_sequentially("Đoạn thứ hai.")
    assert _source(laptop) == "<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p>"
    assert laptop.locator("[data-word-count]").inner_text().startswith("6 từ")
    laptop.get_by_role("button", name="Lưu", exact=True).click()
    laptop.wait_for_url(f"**/admin/newsroom/articles/{article_id}")
    with tenant_scope(board.tenant):
        assert load(board, article_id).body == "<p>Đoạn thứ nhất.</p><p>Đoạn thứ hai.</p>"


def test_a_click_on_the_toolbar_leaves_the_caret_in_the_text(laptop, portal):
    """The button takes no focus, so the next key acts where the caret is, not a frame later
    on the selection the command saw."""
    _editing(laptop, portal, body="<p>Một đoạn.</p>")
    editor = _editor(laptop)
    editor.click()
    editor.press("End")
    bold = laptop.get_by_role("toolbar", name="Định dạng văn bản").get_by_role(
        "button", name="Chữ đậm (Ctrl+B)"
    )
    pressed = "b => !b.dispatchEvent(new MouseEvent('mousedown', {bubbles: true, cancelable: true}))"
    assert bold.evaluate(pressed)  # the toolbar cancels the press: focus stays in the text
    bold.click()
    assert editor.evaluate("el => el === document.activeElement")
    laptop.keyboard.type("Chữ đậm.")
    assert _source(laptop) == "<p>Một đoạn.<strong>Chữ đậm.</strong></p>"


def test_pasting_from_word_keeps_structure_and_drops_the_rest(laptop, portal):
    board, article_id = _editing(laptop, portal, body="")
    editor = _editor(laptop)
    editor.click()
    editor.press("Control+A")
    editor.press("Delete")
    editor.evaluate(
        """(el, html) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        data.setData('text/plain', 'plain');
        el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""",
        WORD_SAMPLE,
    )
    html = _source(laptop)
    assert "<h2>Kế hoạch ra quân tháng Mười</h2>" in html
    assert "<strong>ra quân tổng vệ sinh</strong>" in html and "<em>sáng Chủ nhật</em>" in html
    assert '<a href="https://phuong.example.gov.vn/ke-hoach">kế hoạch chi tiết</a>' in html
    assert re.search(
        r"<ul><li><p>Khu phố 1: bờ kè Thùy Vân</p></li><li><p>Khu phố 2: chợ Xóm Lưới</p></li></ul>", html
    )
    assert "<h2>Phân công</h2>" in html and "Đoàn thanh niên chịu trách nhiệm hậu cần." in html
    for junk in ("style=", "class=", "<span", "o:p", "<img", "file:///", "tracker", "<script", "Mso", "·"):
        assert junk not in html, junk
    assert "Ảnh lấy từ trang khác đã bị bỏ ra" in laptop.locator("[data-editor-status]").inner_text()
    screenshot(laptop, "desk-1-word-paste")


def _photo() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (1600, 900), (30, 120, 200)).save(out, "JPEG")
    return out.getvalue()


def test_an_image_without_alt_text_stops_submission_at_its_field(laptop, portal):
    board, article_id = _editing(laptop, portal, body="<p>Ảnh buổi ra quân.</p>", source_type="original")
    _editor(laptop).click()
    laptop.locator("[data-editor-file]").set_input_files(
        files=[{"name": "ra-quan.jpg", "mimeType": "image/jpeg", "buffer": _photo()}]
    )
    alt = laptop.get_by_label("Mô tả ảnh cho người khiếm thị (bắt buộc)")
    alt.wait_for()
    assert alt.evaluate("el => el === document.activeElement")
    laptop.get_by_label("Chú thích dưới ảnh này", exact=True).fill("Buổi ra quân sáng Chủ nhật")
    laptop.get_by_role("button", name="Lưu và gửi duyệt").click()
    assert alt.get_attribute("aria-invalid") == "true"
    assert alt.evaluate("el => el === document.activeElement")
    assert laptop.url.endswith(f"/articles/{article_id}/edit")  # nothing was sent
    screenshot(laptop, "desk-2-alt-missing")
    alt.fill("Người dân nhặt rác trên bãi biển")
    laptop.get_by_role("button", name="Lưu và gửi duyệt").click()
    laptop.wait_for_url(f"**/admin/newsroom/articles/{article_id}")
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        assert article.state == ArticleState.SUBMITTED
        assert 'alt="Người dân nhặt rác trên bãi biển"' in article.body and 'srcset="' in article.body
        assert "<figcaption>Buổi ra quân sáng Chủ nhật</figcaption>" in article.body


def test_autosave_survives_a_reload_and_a_lost_connection_keeps_the_text(laptop, portal):
    board, article_id = _editing(laptop, portal, body="<p>Bản đầu.</p>")
    editor = _editor(laptop)
    editor.click()
    editor.press("End")
    editor.press_sequentially(" Thêm một câu.")
    laptop.locator("[data-autosave-status]").filter(has_text="Đã tự động lưu").wait_for()
    laptop.reload()
    laptop.locator(".nr-editor-ready").wait_for()
    assert _source(laptop) == "<p>Bản đầu. Thêm một câu.</p>"

    laptop.route("**/autosave", lambda route: route.abort())  # the connection is lost
    editor = _editor(laptop)
    editor.click()
    editor.press("End")
    editor.press_sequentially(" Viết khi mất mạng.")
    laptop.locator("[data-autosave-status]").filter(has_text="Mất kết nối").wait_for()
    laptop.unroute("**/autosave")
    laptop.route("**/autosave", lambda route: route.abort())
    laptop.reload()
    offer = laptop.locator("[data-autosave-offer]")
    offer.wait_for()
    assert "chưa được lưu lên máy chủ" in offer.inner_text()
    laptop.get_by_role("button", name="Khôi phục bản trên máy này").click()
    assert _source(laptop) == "<p>Bản đầu. Thêm một câu. Viết khi mất mạng.</p>"


def test_the_preview_matches_the_published_page(laptop, portal):
    board = make_board()
    body = (
        "<h2>Lịch trình</h2><p>Sáng <strong>Chủ nhật</strong>, phường ra quân.</p>"
        "<ul><li>Khu phố 1</li><li>Khu phố 2</li></ul>"
    )
    article_id = make_article(board, ArticleState.PUBLISHED, body=body, title="Ra quân cuối tuần")
    with tenant_scope(board.tenant):
        load(board, article_id).published_at = datetime(2024, 7, 3, 2, 0, tzinfo=UTC)
        db.session.flush()
    sign_in(laptop, portal(board.tenant, "/login"), board.editor.email, PASSWORD)
    laptop.goto(portal(board.tenant, f"/admin/newsroom/articles/{article_id}/preview"))
    phone = laptop.frame_locator("#preview-phone")
    desktop = laptop.frame_locator("#preview-desktop")
    assert laptop.locator("#preview-phone").get_attribute("width") == "375"
    preview_body = phone.locator(".article-body").inner_html()
    assert desktop.locator(".article-body").inner_html() == preview_body
    assert phone.get_by_role("heading", level=1).inner_text() == "Ra quân cuối tuần"
    screenshot(laptop, "desk-3-preview")
    laptop.goto(portal(board.tenant, f"/tin-tuc/{article_id}"))
    assert laptop.locator(".article-body").inner_html() == preview_body
    assert laptop.get_by_role("heading", level=1).inner_text() == "Ra quân cuối tuần"


def test_pasting_from_google_docs_is_not_all_bold(laptop, portal):
    """Google Docs wraps everything in <b style="font-weight:normal">: that is not bold."""
    board, article_id = _editing(laptop, portal, body="")
    editor = _editor(laptop)
    editor.click()
    editor.press("Control+A")
    editor.press("Delete")
    sample = (Path(__file__).parent / "samples" / "google_docs_paste.html").read_text(encoding="utf-8")
    editor.evaluate(
        """(el, html) => {
        const data = new DataTransfer();
        data.setData('text/html', html);
        el.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }""",
        sample,
    )
    html = _source(laptop)
    assert html.startswith(
        "<h2>Lịch tiếp công dân</h2><p>Chủ tịch phường tiếp công dân <strong>sáng thứ Năm</strong>"
    )
    assert "<em>tại trụ sở</em>" in html
    assert "<ol><li><p>Mang căn cước</p></li><li><p>Đăng ký trước</p></li></ol>" in html
    assert html.count("<strong>") == 1 and "style=" not in html and "docs-internal" not in html
