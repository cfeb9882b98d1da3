"""The city-wide report: each ward's figures equal what the ward's own back office shows for the
same month; the total row is their sum; exports are formula-safe; only the parent's board sees it."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, datetime, timedelta

from openpyxl import load_workbook

from app.extensions import db
from blueprints.aggregator.report_columns import ReportColumn, _columns, add_report_column
from blueprints.royalties import tables
from blueprints.visits.models import VisitDay
from tenants.context import tenant_scope
from tests.aggregator.helpers import City
from tests.factories import base_url, make_tenant, make_user
from tests.newsroom.helpers import make_board
from tests.royalties.helpers import published, with_rates
from tests.support import sign_in, signed_in_browser


def _city() -> City:
    parent = make_tenant(kind="city")
    wards = [
        with_rates(make_board(make_tenant(parent=parent, name_vi=name)))
        for name in ("Phường Một", '=HYPERLINK("http://x")')
    ]
    now = datetime.now(UTC) - timedelta(minutes=5)
    for board, factors in zip(wards, (["2", "3.5", None], ["5"]), strict=True):
        for factor in factors:
            published(board, now, factor)
        with tenant_scope(board.tenant):
            tables.set_budget(now.year, 50_000_000)
            db.session.add(VisitDay(day=board.tenant.today(), count=37 * len(factors)))
            db.session.flush()
    return City(parent, wards)


def _digits(text: str) -> int:
    return int(re.sub(r"\D", "", text))


def test_each_wards_figures_equal_its_own_back_office(client):
    city = _city()
    month = city.parent.today()
    figures = {}
    for board in city.wards:
        browser = signed_in_browser(client.application, board.tenant, board.editor)
        page = browser.get(
            f"/admin/royalties/?year={month.year}&month={month.month}", base_url=base_url(board.tenant)
        )
        total = _digits(re.search(r'id="month-total">([^<]+)<', page.text).group(1))
        spent = _digits(re.search(r'id="spent">([^<]+)<', page.text).group(1))
        lines = int(
            re.search(
                r"<tfoot><tr><th scope=\"row\">[^<]+</th><td class=\"num\">(\d+)</td>", page.text
            ).group(1)
        )
        visits = browser.get("/admin/visits", base_url=base_url(board.tenant))
        seen = _digits(re.search(r"30 ngày gần nhất: ([\d.,]+)", visits.text).group(1))
        figures[board.tenant.name_vi] = {
            "published": lines,
            "royalties": total,
            "spent_to_date": spent,
            "visits": seen,
            "budget": 50_000_000,
        }
    head = make_user(roles={city.parent: ["board-head"]})
    sign_in(client, city.parent, head)
    report = client.get(
        f"/admin/city-board/report?year={month.year}&month={month.month}", base_url=base_url(city.parent)
    )
    assert report.status_code == 200 and "<svg" in report.text and 'role="img"' in report.text
    exported = client.get(
        f"/admin/city-board/report.csv?year={month.year}&month={month.month}", base_url=base_url(city.parent)
    )
    rows = list(csv.reader(io.StringIO(exported.data.decode("utf-8-sig"))))
    header = rows[0]
    by_ward = {row[0]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    labels = {
        "published": "Tin, bài đã đăng",
        "royalties": "Nhuận bút trong tháng (đồng)",
        "spent_to_date": "Đã chi từ đầu năm (đồng)",
        "visits": "Lượt truy cập",
        "budget": "Dự toán năm (đồng)",
    }
    for name, expected in figures.items():
        shown = by_ward["'" + name if name.startswith("=") else name]
        assert {key: int(shown[label]) for key, label in labels.items()} == expected
    total = by_ward["Tổng cộng"]
    for key, label in labels.items():
        assert int(total[label]) == sum(f[key] for f in figures.values())
    assert figures["Phường Một"]["published"] == 3 and figures["Phường Một"]["royalties"] > 0
    book = load_workbook(
        io.BytesIO(
            client.get(
                f"/admin/city-board/report.xlsx?year={month.year}&month={month.month}",
                base_url=base_url(city.parent),
            ).data
        )
    )
    cells = [c for row in book.active.iter_rows() for c in row]
    # The name exactly as typed, in a text cell; no cell anywhere is a formula.
    assert [c.data_type for c in cells if c.value == '=HYPERLINK("http://x")'] == ["s"]
    assert not any(c.data_type == "f" for c in cells)


def test_a_registered_column_appears_without_changing_the_aggregator(client):
    city = _city()
    add_report_column(ReportColumn("questions", "Câu hỏi đã nhận", lambda month: 4, order=50))
    try:
        head = make_user(roles={city.parent: ["board-head"]})
        sign_in(client, city.parent, head)
        page = client.get("/admin/city-board/report", base_url=base_url(city.parent))
        assert "Câu hỏi đã nhận" in page.text and 'data-column="questions">8<' in page.text
    finally:
        _columns.pop("questions")
    page = client.get("/admin/city-board/report", base_url=base_url(city.parent))
    assert "Câu hỏi đã nhận" not in page.text


def test_only_the_parents_board_and_platform_admins_see_the_report(client):
    city = _city()
    ward_editor = city.wards[0].editor
    sign_in(client, city.parent, make_user(platform_admin=True))
    assert client.get("/admin/city-board/report", base_url=base_url(city.parent)).status_code == 200
    other = signed_in_browser(client.application, city.wards[0].tenant, ward_editor)
    assert other.get("/admin/city-board/report", base_url=base_url(city.parent)).status_code in (
        302,
        401,
        403,
    )
    ward_view = other.get("/admin/city-board/report", base_url=base_url(city.wards[0].tenant))
    assert ward_view.status_code == 200 and "HYPERLINK" not in ward_view.text
    assert "chưa có cổng thành phần" in ward_view.text
