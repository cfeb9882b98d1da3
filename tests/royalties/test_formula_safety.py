"""Exported spreadsheets keep typed text as text: a title that starts like a formula never runs."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import openpyxl

from app.extensions import db
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import load, make_board
from tests.royalties.helpers import published, with_rates
from tests.support import sign_in

RISKY = ["=1+2", "+SUM(A1:A3)", "-2+3", "@SUM(A1)", "\t=1+1", '\r=HYPERLINK("http://x")']


def _board_with_risky_titles():
    board = with_rates(make_board())
    for day, title in enumerate(RISKY, start=1):
        article_id = published(board, datetime(2024, 7, day, 2, 0, tzinfo=UTC), "2")
        with tenant_scope(board.tenant):
            load(board, article_id).title = title  # as stored, whatever a form would trim
            db.session.flush()
    return board


def test_the_royalty_xlsx_holds_every_risky_title_as_text(client):
    board = _board_with_risky_titles()
    sign_in(client, board.tenant, board.editor)
    response = client.get("/admin/royalties/export.xlsx?year=2024&month=7", base_url=base_url(board.tenant))
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    titles = [row[2] for row in book.worksheets[0].iter_rows(min_row=3, max_row=2 + len(RISKY))]
    # Exactly as typed (XML reads a carriage return back as a line feed).
    assert sorted(cell.value for cell in titles) == sorted(t.replace("\r", "\n") for t in RISKY)
    assert {cell.data_type for cell in titles} == {"s"}  # strings, not formulas


def test_the_royalty_csv_prefixes_every_risky_title(client):
    board = _board_with_risky_titles()
    sign_in(client, board.tenant, board.editor)
    data = client.get("/admin/royalties/export.csv?year=2024&month=7", base_url=base_url(board.tenant)).data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert sorted(row[2] for row in rows[1:-1]) == sorted("'" + t for t in RISKY)
