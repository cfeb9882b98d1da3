"""The city board in a real browser: a ward's editor publishes a highlight; after the job it is
on the city's home page and its link opens the article on the ward's own domain; the ward takes
it down and, after the job, it has left the city. (The aggregator's other tests are in
tests/aggregator; browser tests share tests/e2e's one Chromium.)"""

from __future__ import annotations

import re

from blueprints.newsroom.models import ArticleState
from tests.aggregator.helpers import make_city
from tests.e2e.conftest import screenshot, sign_in
from tests.factories import PASSWORD
from tests.newsroom.helpers import make_article
from tests.support import run_jobs

TITLE = "Phường khánh thành công viên ven biển"


def test_a_wards_highlight_reaches_the_city_and_leaves_it(laptop, new_page, portal):
    city = make_city(1)
    board = city.wards[0]
    ward = board.tenant
    article_id = make_article(
        board,
        ArticleState.APPROVED,
        title=TITLE,
        is_highlight=True,
        summary="Công viên rộng 2 ha mở cửa cho người dân.",
    )

    sign_in(laptop, portal(ward, "/login"), board.editor.email, PASSWORD)
    laptop.goto(portal(ward, f"/admin/newsroom/articles/{article_id}"))
    laptop.get_by_role("button", name="Đăng ngay").click()
    laptop.locator(".flash", has_text="Đã chuyển bài sang trạng thái: Đã đăng.").wait_for()
    run_jobs()  # the sync the ward's commit queued for its parent

    citizen = new_page(1280, 800)
    citizen.goto(portal(city.parent, "/"))
    block = citizen.get_by_role("region", name="Tin các phường, xã")
    assert ward.name_vi in block.inner_text()
    screenshot(citizen, "aggregator-1-city-home")
    block.get_by_role("link", name=TITLE).click()
    citizen.wait_for_url(re.compile(rf"//{re.escape(ward.primary_host)}:\d+/tin-tuc/{article_id}-"))
    assert citizen.get_by_role("heading", level=1).inner_text() == TITLE

    laptop.goto(portal(ward, f"/admin/newsroom/articles/{article_id}"))
    laptop.get_by_label("Lý do (bắt buộc)").fill("Thông tin cần cập nhật")
    laptop.get_by_role("button", name="Gỡ bài").click()
    laptop.locator(".flash", has_text="Đã gỡ").wait_for()
    run_jobs()

    citizen.goto(portal(city.parent, "/"))
    assert citizen.get_by_role("link", name=TITLE).count() == 0
    citizen.goto(portal(city.parent, "/chuyen-muc-cac-xa-phuong"))
    assert TITLE not in citizen.locator("main").inner_text()
    screenshot(citizen, "aggregator-2-city-after-unpublish")
