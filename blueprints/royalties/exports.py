"""The month's statement as CSV and XLSX: one row per article, then the total; the XLSX adds a
sheet per collaborator's totals. Text cells are written as text, never formulas
(`app.spreadsheets`). Amounts are the statement's own integers (no re-computation),
so the files add up to the screen's and the budget's totals to the đồng."""

from __future__ import annotations

import io

from flask_babel import gettext
from openpyxl import Workbook
from openpyxl.styles import Font

from app.spreadsheets import append_row, csv_bytes
from blueprints.royalties.statements import Statement
from tenants.context import portal_zone


def _headers() -> list[str]:
    return [
        gettext("STT"),
        gettext("Ngày đăng"),
        gettext("Tiêu đề"),
        gettext("Thể loại"),
        gettext("Đơn vị"),
        gettext("Tác giả"),
        gettext("Hệ số"),
        gettext("Mức cơ sở (đồng)"),
        gettext("Thành tiền (đồng)"),
    ]


def _rows(statement: Statement, locale: str) -> list[list]:
    rows = []
    for number, line in enumerate(statement.lines, start=1):
        rows.append(
            [
                number,
                line.published_local.strftime("%d/%m/%Y %H:%M"),
                line.title,
                str(line.kind_label),
                line.unit_name(locale),
                line.author_names,
                line.factor if line.factor is not None else "",
                line.base_amount if line.base_amount is not None else "",
                line.amount,
            ]
        )
    return rows


def status_text(statement: Statement) -> str:
    if statement.closed is None:
        return gettext("Chưa chốt: số liệu tạm tính, có thể còn thay đổi.")
    return gettext(
        "Đã chốt ngày %(day)s.", day=statement.closed.closed_at.astimezone(portal_zone()).strftime("%d/%m/%Y")
    )


def statement_csv(statement: Statement, locale: str) -> bytes:
    total = ["", "", gettext("Tổng cộng"), "", "", "", "", "", statement.total]
    return csv_bytes([_headers(), *_rows(statement, locale), total])


def statement_xlsx(statement: Statement, locale: str) -> bytes:

    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Bảng kê")[:31]
    append_row(
        sheet,
        [
            gettext("Bảng kê nhuận bút tháng %(month)s", month=str(statement.month)),
            "",
            status_text(statement),
        ],
    )
    append_row(sheet, _headers())
    for row in _rows(statement, locale):
        append_row(sheet, [float(v) if not isinstance(v, (int, str)) else v for v in row])
    append_row(sheet, ["", "", gettext("Tổng cộng"), "", "", "", "", "", statement.total])
    for cell in (*sheet[2], *sheet[sheet.max_row]):
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=3, min_col=8, max_col=9):
        for cell in row:
            cell.number_format = "#,##0"
    people = book.create_sheet(gettext("Theo cộng tác viên")[:31])
    append_row(people, [gettext("Cộng tác viên"), gettext("Số bài"), gettext("Thành tiền (đồng)")])
    for group in statement.by_person:
        append_row(people, [group.name, len(group.lines), group.total])
    append_row(
        people, [gettext("Tổng cộng"), len(statement.lines), sum(g.total for g in statement.by_person)]
    )
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
