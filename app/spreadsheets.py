"""Spreadsheets the back office exports (CSV and XLSX), safe to open whatever people typed.

A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is a formula to Excel and
LibreOffice (CSV injection: a title "=HYPERLINK(…)" typed by anyone would run on a board
member's computer). So every text cell is written as text:

- CSV has no types: such a cell gets a leading apostrophe, which spreadsheets read as "text".
- XLSX has types: every string goes in as a string cell (never a formula), exactly as typed.

Numbers stay numbers in both. Exports call `csv_bytes` and `append_row` rather than the csv and
openpyxl writers directly, so no export can forget.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from flask import Response

CSV_MIMETYPE = "text/csv; charset=utf-8"
XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def attachment(body: bytes, filename: str, mimetype: str) -> Response:
    """An export as a download named `filename` (ASCII: the names are made from slugs)."""
    return Response(
        body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'}
    )


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A CSV cell: text a spreadsheet would run gets a leading apostrophe; anything else as is."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_bytes(rows: Iterable[Iterable]) -> bytes:
    """UTF-8 with a byte-order mark (so spreadsheet programs show Vietnamese correctly), every
    text cell neutralised."""
    out = io.StringIO()
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([neutralise(value) for value in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def append_row(sheet, values: Iterable) -> None:
    """`sheet.append(values)`, with every string a text cell: openpyxl would store one that starts
    with "=" as a formula."""
    values = list(values)
    sheet.append(values)
    for cell, value in zip(sheet[sheet.max_row], values, strict=False):
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"
