"""Closing a month: the statement is frozen (later edits change nothing), the exports and the
printed statement use the frozen copy, reopening needs a reason and is kept in the history."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl

from app.extensions import db
from blueprints.royalties import closing, tables
from blueprints.royalties.months import Month
from blueprints.royalties.statements import statement
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import load, make_board
from tests.royalties.helpers import co_written, published, with_rates
from tests.support import post_form, sign_in, signed_in_browser

JULY = Month(2024, 7)


def _board_with_july():
    board = with_rates(make_board())
    first = co_written(board, "1.5", title="Hội nghị tổng kết")
    second = published(board, datetime(2024, 7, 9, 2, 0, tzinfo=UTC), "4.25", title="Ra quân vệ sinh")
    return board, first, second


def test_an_edit_after_closing_leaves_the_closed_statement_unchanged():
    board, first, _ = _board_with_july()
    with tenant_scope(board.tenant):
        closing.close_month(JULY, board.editor)
        article = load(board, first)
        article.royalty_factor = Decimal("9")
        article.title = "Tiêu đề đã sửa"
        tables.set_base(date(2024, 7, 1), 9_999_999, Decimal("10"))  # a "correction" of the base
        frozen = statement(JULY)
    assert frozen.closed is not None
    assert frozen.total == 1_345_500  # (1.5 + 4.25) × 234,000, as on the day it was closed
    assert [line.title for line in frozen.lines] == ["Hội nghị tổng kết", "Ra quân vệ sinh"]
    assert frozen.lines[0].factor == Decimal("1.5") and frozen.lines[0].base_salary == 2_340_000
    assert {g.name: g.total for g in frozen.by_person}[board.collaborator.name] == 175_500


def test_close_then_reopen_with_a_reason_is_recorded_and_live_figures_come_back(client):
    board, first, _ = _board_with_july()
    url = base_url(board.tenant)
    sign_in(client, board.tenant, board.head)
    page = client.get("/admin/royalties/?year=2024&month=7", base_url=url)
    assert "Chưa chốt" in page.text
    closed = post_form(
        client,
        board.tenant,
        "/admin/royalties/close?year=2024&month=7",
        {},
        form_url="/admin/royalties/?year=2024&month=7",
    )
    assert closed.status_code == 302
    page = client.get("/admin/royalties/?year=2024&month=7", base_url=url)
    assert "Đã chốt" in page.text and board.head.name in page.text
    with tenant_scope(board.tenant):
        load(board, first).royalty_factor = Decimal("2")
        db.session.flush()
    no_reason = post_form(
        client,
        board.tenant,
        "/admin/royalties/reopen?year=2024&month=7",
        {"reason": "  "},
        form_url="/admin/royalties/?year=2024&month=7",
    )
    assert no_reason.status_code == 422 and "Nhập lý do mở lại tháng." in no_reason.text
    reopened = post_form(
        client,
        board.tenant,
        "/admin/royalties/reopen?year=2024&month=7",
        {"reason": "Sửa hệ số bài hội nghị"},
        form_url="/admin/royalties/?year=2024&month=7",
    )
    assert reopened.status_code == 302
    page = client.get("/admin/royalties/?year=2024&month=7", base_url=url)
    assert 'id="month-total">1.462.500<' in page.text  # (2 + 4.25) × 234,000, live again
    history = page.text.split('id="month-history"')[1].split("</ul>")[0]
    assert history.index("Mở lại") < history.index("Chốt tháng")
    assert "Sửa hệ số bài hội nghị" in history and history.count(board.head.name) == 2


def test_exports_and_print_use_the_closed_snapshot(client):
    board, first, _ = _board_with_july()
    url = base_url(board.tenant)
    with tenant_scope(board.tenant):
        closing.close_month(JULY, board.editor)
        load(board, first).royalty_factor = Decimal("9")  # an edit after closing
        db.session.flush()
    sign_in(client, board.tenant, board.editor)
    response = client.get("/admin/royalties/export.csv?year=2024&month=7", base_url=url)
    assert "chua-chot" not in response.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig"))))
    assert int(rows[-1][-1]) == 1_345_500 and rows[1][6] == "1.50"
    book = openpyxl.load_workbook(
        io.BytesIO(client.get("/admin/royalties/export.xlsx?year=2024&month=7", base_url=url).data)
    )
    assert book.worksheets[0].cell(row=1, column=3).value.startswith("Đã chốt")
    assert list(book.worksheets[0].iter_rows(values_only=True))[-1][-1] == 1_345_500
    printed = client.get("/admin/royalties/print?year=2024&month=7", base_url=url)
    assert "1.345.500" in printed.text and "CHƯA CHỐT" not in printed.text
    assert "Một triệu ba trăm bốn mươi lăm nghìn năm trăm đồng" in printed.text
    for title in ("Người lập biểu", "Kế toán trưởng", "Thủ trưởng đơn vị"):
        assert title in printed.text
    assert 'class="rb-unit"' in printed.text and "tbody.rb-unit{break-inside:avoid" in printed.text
    english = client.get("/en/admin/royalties/print?year=2024&month=7", base_url=url)
    assert "One million three hundred forty-five thousand five hundred dong" in english.text


def test_an_open_month_is_labelled_as_not_closed_everywhere(client):
    board, _, _ = _board_with_july()
    url = base_url(board.tenant)
    sign_in(client, board.tenant, board.editor)
    printed = client.get("/admin/royalties/print?year=2024&month=7", base_url=url)
    assert "BẢN TẠM TÍNH — CHƯA CHỐT" in printed.text
    response = client.get("/admin/royalties/export.csv?year=2024&month=7", base_url=url)
    assert "-chua-chot.csv" in response.headers["Content-Disposition"]


def test_a_month_cannot_be_closed_twice_nor_before_it_ends_nor_with_missing_factors(client):
    board, _, _ = _board_with_july()
    published(board, datetime(2024, 8, 3, 2, 0, tzinfo=UTC), None, title="Chưa có hệ số")
    sign_in(client, board.tenant, board.editor)
    first = post_form(
        client, board.tenant, "/admin/royalties/close?year=2024&month=7", {}, form_url="/admin/"
    )
    assert first.status_code == 302
    again = post_form(
        client, board.tenant, "/admin/royalties/close?year=2024&month=7", {}, form_url="/admin/"
    )
    assert again.status_code == 422 and "Tháng 07/2024 đã được chốt." in again.text
    missing = post_form(
        client, board.tenant, "/admin/royalties/close?year=2024&month=8", {}, form_url="/admin/"
    )
    assert missing.status_code == 422 and "Còn 1 bài chưa có hệ số" in missing.text
    with tenant_scope(board.tenant):
        current = Month.of()
    early = post_form(
        client,
        board.tenant,
        f"/admin/royalties/close?year={current.year}&month={current.month}",
        {},
        form_url="/admin/",
    )
    assert early.status_code == 422 and "Chỉ chốt được tháng đã kết thúc." in early.text


def test_collaborators_and_approvers_cannot_close_or_reopen(app):
    board, _, _ = _board_with_july()
    for person in (board.collaborator, board.approver):
        browser = signed_in_browser(app, board.tenant, person)
        for action in ("close", "reopen"):
            response = post_form(
                browser,
                board.tenant,
                f"/admin/royalties/{action}?year=2024&month=7",
                {"reason": "x"},
                form_url="/admin/",
            )
            assert response.status_code == 403


def test_a_closed_month_of_ward_a_is_invisible_to_ward_b(client):
    board, _, _ = _board_with_july()
    with tenant_scope(board.tenant):
        closing.close_month(JULY, board.editor)
    other = make_board(make_tenant())
    sign_in(client, other.tenant, other.editor)
    page = client.get("/admin/royalties/?year=2024&month=7", base_url=base_url(other.tenant))
    assert "Chưa chốt" in page.text and "Hội nghị tổng kết" not in page.text
    reopen = post_form(
        client, other.tenant, "/admin/royalties/reopen?year=2024&month=7", {"reason": "x"}, form_url="/admin/"
    )
    assert reopen.status_code == 422
    with tenant_scope(board.tenant):
        assert statement(JULY).closed is not None
