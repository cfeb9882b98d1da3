"""A collaborator's own history by month, and its CSV (formulas neutralised)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from blueprints.royalties import closing
from blueprints.royalties.months import Month
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import make_board
from tests.royalties.helpers import co_written, published, with_rates
from tests.support import sign_in, signed_in_browser


def test_collaborator_sees_their_months_and_downloads_them(client):
    board = with_rates(make_board())
    co_written(board, "1", title='=HYPERLINK("http://x")')
    published(board, datetime(2024, 9, 4, 2, 0, tzinfo=UTC), "2", title="Tin tháng Chín")
    published(
        board,
        datetime(2024, 9, 5, 2, 0, tzinfo=UTC),
        "3",
        title="Tin của người khác",
        author_ids=[board.other_collaborator.id],
    )
    with tenant_scope(board.tenant):
        closing.close_month(Month(2024, 7), board.editor)
    sign_in(client, board.tenant, board.collaborator)
    url = base_url(board.tenant)
    page = client.get("/admin/royalties/mine/history?year=2024", base_url=url)
    assert page.status_code == 200
    assert "Tháng 07/2024" in page.text and "Tháng 09/2024" in page.text and "Tháng 08/2024" not in page.text
    assert "Tin tháng Chín" in page.text and "Tin của người khác" not in page.text
    assert "585.000" in page.text  # 117,000 (half of 234,000) + 468,000 for the year
    rows = list(
        csv.reader(
            io.StringIO(
                client.get("/admin/royalties/mine/history.csv?year=2024", base_url=url).data.decode(
                    "utf-8-sig"
                )
            )
        )
    )
    assert rows[1][2] == '\'=HYPERLINK("http://x")' and rows[1][6] == "Đã chốt"
    assert rows[2][2] == "Tin tháng Chín" and rows[2][6] == "Chưa chốt"
    assert int(rows[-1][5]) == 117_000 + 468_000


def test_history_is_the_collaborators_own_and_the_portals_own(app):
    board = with_rates(make_board())
    published(board, datetime(2024, 7, 3, 2, 0, tzinfo=UTC), "1", title="Tin phường A")
    other = make_board(make_tenant())
    browser = signed_in_browser(app, other.tenant, other.collaborator)
    page = browser.get("/admin/royalties/mine/history?year=2024", base_url=base_url(other.tenant))
    assert page.status_code == 200 and "Tin phường A" not in page.text
    editor = signed_in_browser(app, board.tenant, board.editor)
    assert editor.get("/admin/royalties/mine/history", base_url=base_url(board.tenant)).status_code == 403
