"""The office's routine in a real browser: the month's royalty statement and its CSV, and the
way in to the newsroom with the keyboard alone (focus always visible)."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime

from tests.e2e.conftest import screenshot, sign_in
from tests.factories import PASSWORD
from tests.newsroom.helpers import make_board
from tests.royalties.helpers import published, with_rates
from tests.support import current_totp


def amount(text: str) -> int:
    """An amount as the page writes it (1.521.000 in Vietnamese) in whole đồng."""
    return int(re.sub(r"[^\d]", "", text))


def test_the_clerk_downloads_the_months_statement_and_it_adds_up(laptop, portal):
    board = with_rates(make_board())
    now = datetime.now(UTC)
    published(board, now, "4.5", title="Hội nghị tiếp xúc cử tri")
    published(board, now, "2", title="Ra quân dọn vệ sinh kênh Bến Đình")
    published(board, now, "3.25", title="Trao học bổng cho học sinh nghèo vượt khó")

    sign_in(laptop, portal(board.tenant, "/login"), board.editor.email, PASSWORD)
    laptop.get_by_role("navigation", name="Danh mục quản trị").get_by_role(
        "link", name="Nhuận bút", exact=True
    ).click()
    laptop.wait_for_url("**/admin/royalties/")
    assert laptop.get_by_role("heading", level=1).inner_text().startswith("Nhuận bút tháng")
    page_total = amount(laptop.locator("#month-total").inner_text())
    # The base in force (2,340,000 đồng × 10 %) times each factor, rounded once per article.
    assert page_total == 234_000 * 4.5 + 234_000 * 2 + 234_000 * 3.25
    assert laptop.get_by_role("definition").first.inner_text() == "3"  # articles counted
    screenshot(laptop, "royalties-statement-laptop")

    with laptop.expect_download() as download_info:
        laptop.get_by_role("link", name="Tải CSV").click()
    download = download_info.value
    assert re.fullmatch(
        rf"nhuan-but-{board.tenant.slug}-\d{{4}}-\d{{2}}-chua-chot\.csv", download.suggested_filename
    )
    with open(download.path(), encoding="utf-8-sig") as handle:
        rows = list(csv.reader(io.StringIO(handle.read())))
    header, *lines, total_row = rows
    assert header[-1] == "Thành tiền (đồng)" and total_row[2] == "Tổng cộng"
    assert len(lines) == 3
    assert int(total_row[-1]) == page_total == sum(int(line[-1]) for line in lines)


def focus_state(page) -> dict:
    """The focused element, its outline, and the outline's contrast with what lies around it
    (the nearest opaque background behind the element: the ring is drawn outside it)."""
    return page.evaluate("""() => {
      const el = document.activeElement, style = getComputedStyle(el);
      const rgb = c => (c.match(/[\\d.]+/g) || []).map(Number);
      const lum = ([r, g, b]) => [r, g, b]
          .map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
                                         .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i], 0);
      let back = el.parentElement, bg = [255, 255, 255];
      for (; back; back = back.parentElement) {
        const c = rgb(getComputedStyle(back).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0.5)) { bg = c.slice(0, 3); break; }
      }
      const [a, b] = [lum(rgb(style.outlineColor)), lum(bg)].sort((x, y) => y - x);
      return {tag: el.tagName.toLowerCase(), name: el.name || '', text: (el.innerText || '').trim(),
              outline: style.outlineStyle, width: parseFloat(style.outlineWidth),
              contrast: Math.round((a + 0.05) / (b + 0.05) * 10) / 10};
    }""")


def tab_to(page, wanted, limit: int = 60) -> list[dict]:
    """Press Tab until `wanted(focus)` holds; every element on the way must show its focus."""
    visited = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = focus_state(page)
        visited.append(focus)
        assert focus["outline"] not in ("none", "") and focus["width"] > 0, f"focus not visible on {focus}"
        assert focus["contrast"] >= 3, f"focus ring too faint against its background: {focus}"
        if wanted(focus):
            return visited
    raise AssertionError(f"never reached the target; went through {visited}")


def test_a_keyboard_user_signs_in_and_reaches_the_newsroom(phone, portal):
    board = make_board()
    phone.goto(portal(board.tenant, "/login"))
    tab_to(phone, lambda f: f["name"] == "email")
    phone.keyboard.type(board.approver.email)
    tab_to(phone, lambda f: f["name"] == "password")
    phone.keyboard.type(PASSWORD)
    tab_to(phone, lambda f: f["tag"] in ("button", "input") and f["name"] == "submit")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/login/two-factor")  # an approver gives the code from their app
    tab_to(phone, lambda f: f["name"] == "code")
    phone.keyboard.type(current_totp(board.approver.email))
    tab_to(phone, lambda f: f["tag"] in ("button", "input") and f["name"] == "submit")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/admin/")
    tab_to(phone, lambda f: f["tag"] == "a" and f["text"] == "Tòa soạn")
    screenshot(phone, "keyboard-focus-phone")
    phone.keyboard.press("Enter")
    phone.wait_for_url("**/admin/newsroom/")
    assert phone.get_by_role("heading", level=1).inner_text() == "Tòa soạn"
