"""Royalty amounts: the rule, the one rounding, shares, the month boundary in Vietnam's time,
statements, budget and the exports, all agreeing to the đồng."""

from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime
from decimal import Decimal

import openpyxl

from blueprints.royalties import tables
from blueprints.royalties.models import RoyaltyBase
from blueprints.royalties.months import Month
from blueprints.royalties.rates import article_amount
from blueprints.royalties.statements import budget_status, split, statement
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import make_board
from tests.royalties.helpers import co_written, published, with_rates
from tests.support import csrf_token, sign_in, signed_in_browser


def test_amount_is_factor_times_percent_of_base_salary_rounded_once_half_up():
    base = RoyaltyBase(base_salary=1_800_000, percent=Decimal("10"))
    assert article_amount(Decimal("2.5"), base) == 450_000
    assert (
        article_amount(Decimal("1.33"), RoyaltyBase(base_salary=2_340_000, percent=Decimal("10"))) == 311_220
    )
    half = RoyaltyBase(base_salary=1_000_001, percent=Decimal("50"))
    assert article_amount(Decimal("1"), half) == 500_001  # 500,000.5 rounds up
    odd = RoyaltyBase(base_salary=2_340_000, percent=Decimal("7.777"))
    assert article_amount(Decimal("2.25"), odd) == 409_459  # 409,459.05 rounds down


def test_shares_add_up_to_the_amount():
    people = ["a", "b", "c"]
    assert split(100_001, people) == [("a", 33_334), ("b", 33_334), ("c", 33_333)]
    assert sum(s for _, s in split(7, people)) == 7
    assert split(0, people) == [("a", 0), ("b", 0), ("c", 0)]


# 30 June 2024 23:30 in Vietnam is 16:30 UTC the same day; 1 July 00:30 in Vietnam is still
# 30 June (17:30) in UTC. The first belongs to June (old base salary), the second to July (new).
LATE_JUNE = datetime(2024, 6, 30, 16, 30, tzinfo=UTC)
EARLY_JULY = datetime(2024, 6, 30, 17, 30, tzinfo=UTC)


def test_month_boundary_is_vietnams_and_the_base_salary_follows_the_day():
    board = with_rates(make_board())
    june = published(board, LATE_JUNE, "2", title="Tin cuối tháng Sáu")
    july = published(board, EARLY_JULY, "2", title="Tin đầu tháng Bảy")
    with tenant_scope(board.tenant):
        in_june = statement(Month(2024, 6))
        in_july = statement(Month(2024, 7))
    assert [line.article_id for line in in_june.lines] == [june]
    assert [line.article_id for line in in_july.lines] == [july]
    assert in_june.total == 2 * 180_000
    assert in_july.total == 2 * 234_000
    assert in_july.lines[0].published_local.strftime("%d/%m/%Y %H:%M") == "01/07/2024 00:30"


def test_totals_agree_between_people_units_months_and_budget():
    board = with_rates(make_board(), percent="12.345")  # amounts with fractions of a đồng
    co_written(board, "1.33")
    published(board, datetime(2024, 7, 9, 2, 0, tzinfo=UTC), "3.17")
    published(board, datetime(2024, 7, 20, 2, 0, tzinfo=UTC), "7.01", kind="article")
    published(board, datetime(2024, 8, 2, 2, 0, tzinfo=UTC), "2.99")
    published(board, datetime(2024, 8, 5, 2, 0, tzinfo=UTC), None)  # not yet given a factor
    with tenant_scope(board.tenant):
        tables.set_budget(2024, 5_000_000)
        july, august = statement(Month(2024, 7)), statement(Month(2024, 8))
        status = budget_status(2024)
    exact = [Decimal(f) * 2_340_000 * Decimal("12.345") / 100 for f in ("1.33", "3.17", "7.01")]
    assert [line.amount for line in july.lines] == [
        int(x.quantize(Decimal(1), "ROUND_HALF_UP")) for x in exact
    ]
    assert july.total == sum(g.total for g in july.by_person) == sum(g.total for g in july.by_unit)
    assert len(august.incomplete) == 1 and august.total == august.lines[0].amount
    assert status.spent == july.total + august.total
    assert status.by_month == {7: july.total, 8: august.total}
    assert status.remaining == 5_000_000 - status.spent


def test_exports_and_printable_statement_match_the_screen(client):
    board = with_rates(make_board())
    co_written(board, "1.5", title="Hội nghị tổng kết")
    published(board, datetime(2024, 7, 9, 2, 0, tzinfo=UTC), "4.25", title="Ra quân vệ sinh")
    with tenant_scope(board.tenant):
        total = statement(Month(2024, 7)).total
    assert total == 1_345_500  # (1.5 + 4.25) × 234,000
    sign_in(client, board.tenant, board.editor)
    url = base_url(board.tenant)
    page = client.get("/admin/royalties/?year=2024&month=7", base_url=url)
    assert page.status_code == 200
    assert 'id="month-total">1.345.500<' in page.text
    english = client.get("/en/admin/royalties/?year=2024&month=7", base_url=url)
    assert 'id="month-total">1,345,500<' in english.text and "Royalties" in english.text

    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/admin/royalties/export.csv?year=2024&month=7", base_url=url).data.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[0][-1] == "Thành tiền (đồng)"
    assert sum(int(r[-1]) for r in rows[1:-1]) == int(rows[-1][-1]) == total

    response = client.get("/admin/royalties/export.xlsx?year=2024&month=7", base_url=url)
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    sheet = book.worksheets[0]
    values = [row[-1] for row in sheet.iter_rows(min_row=3, values_only=True)]
    assert sum(values[:-1]) == values[-1] == total
    people = list(book.worksheets[1].iter_rows(min_row=2, values_only=True))
    assert sum(r[2] for r in people[:-1]) == people[-1][2] == total

    printed = client.get("/admin/royalties/print?year=2024&month=7", base_url=url)
    assert printed.status_code == 200
    assert "1.345.500" in printed.text and board.collaborator.name in printed.text
    assert "Ký nhận" in printed.text and "@media print" in printed.text


def test_collaborator_sees_only_their_own_share(client):
    board = with_rates(make_board())
    co_written(board, "1", title="Tin viết chung")
    published(
        board,
        datetime(2024, 7, 4, 2, 0, tzinfo=UTC),
        "3",
        title="Tin của người khác",
        author_ids=[board.other_collaborator.id],
    )
    sign_in(client, board.tenant, board.collaborator)
    page = client.get("/admin/royalties/mine?year=2024&month=7", base_url=base_url(board.tenant))
    assert page.status_code == 200
    assert "Tin viết chung" in page.text and "117.000" in page.text
    assert "Tin của người khác" not in page.text


def _post_table(client, url: str, token: str, form: str, **fields: str):
    """Post one of the tables' forms (rate, base, budget): its fields carry the form's prefix."""
    return client.post(
        f"/admin/royalties/tables/{form}",
        base_url=url,
        data={f"{form}-csrf_token": token, **{f"{form}-{name}": value for name, value in fields.items()}},
    )


def test_who_may_see_statements_and_change_tables(app):
    board = with_rates(make_board())
    url = base_url(board.tenant)
    for person, allowed in (
        (board.collaborator, False),
        (board.approver, False),
        (board.editor, True),
        (board.head, True),
    ):
        browser = signed_in_browser(app, board.tenant, person)
        for page in (
            "/admin/royalties/",
            "/admin/royalties/export.csv",
            "/admin/royalties/export.xlsx",
            "/admin/royalties/print",
            "/admin/royalties/tables",
        ):
            assert browser.get(page, base_url=url).status_code == (200 if allowed else 403), (person, page)
        token = csrf_token(browser.get("/admin/", base_url=url).text)
        response = _post_table(browser, url, token, "budget", year="2024", amount="1000")
        assert response.status_code == (302 if allowed else 403), (person, response.status_code)
    anonymous = app.test_client().get("/admin/royalties/", base_url=url)
    assert anonymous.status_code == 302


def test_board_enters_rates_bases_and_budgets_and_errors_keep_the_input(client):
    board = make_board()
    sign_in(client, board.tenant, board.head)
    url = base_url(board.tenant)
    page = client.get("/admin/royalties/tables", base_url=url)
    assert page.status_code == 200 and 'name="rate-csrf_token"' in page.text
    token = csrf_token(client.get("/admin/", base_url=url).text)  # one token per session
    wrong = _post_table(
        client, url, token, "rate", kind="news", effective_from="2024-07-01", factor_min="5", factor_max="2"
    )
    assert wrong.status_code == 422
    assert "Hệ số cao nhất phải lớn hơn hoặc bằng hệ số thấp nhất." in wrong.text
    assert 'value="2024-07-01"' in wrong.text
    done = _post_table(
        client, url, token, "rate", kind="news", effective_from="2024-07-01", factor_min="1", factor_max="8.5"
    )
    assert done.status_code == 302
    base = _post_table(
        client,
        url,
        token,
        "base",
        effective_from="2024-07-01",
        base_salary="2340000",
        percent="10",
        note="Nghị định 73/2024/NĐ-CP",
    )
    assert base.status_code == 302
    budget = _post_table(client, url, token, "budget", year="2024", amount="790000000")
    assert budget.status_code == 302
    with tenant_scope(board.tenant):
        assert [(r.factor_min, r.factor_max) for r in tables.rates()] == [(Decimal("1.00"), Decimal("8.50"))]
        assert tables.bases()[0].base_amount == 234_000
        assert tables.budgets()[0].amount == 790_000_000
        assert tables.bases()[0].effective_from == date(2024, 7, 1)
