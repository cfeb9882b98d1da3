"""The city-wide report: per child portal, one month, every registered column; and its exports.

Each ward's figures are computed inside `tenant_scope(ward)` by the ward's own services (the
registry in `report_columns`), so they equal the ward's back office by construction; the city's
total row is the sum of the rows. CSV cells that a spreadsheet would run as a formula are
neutralised.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from flask_babel import gettext

from app.spreadsheets import append_row, csv_bytes
from blueprints.aggregator.children import Child, children_of
from blueprints.aggregator.report_columns import ReportColumn, report_columns
from blueprints.royalties.months import Month
from tenants.context import require_tenant, tenant_scope
from tenants.resolver import tenant_by_id


@dataclass
class ReportRow:
    child: Child
    values: dict[str, int | None]


@dataclass
class CityReport:
    month: Month
    columns: list[ReportColumn]
    rows: list[ReportRow]

    def total(self, column: ReportColumn) -> int | None:
        if not column.total:
            return None
        values = [row.values[column.key] for row in self.rows if row.values.get(column.key) is not None]
        return sum(values) if values else None

    def chart(self) -> ReportColumn | None:
        return next((c for c in self.columns if c.chart), None)

    def peak(self, column: ReportColumn) -> int:
        return max([row.values.get(column.key) or 0 for row in self.rows] + [1])


def city_report(month: Month) -> CityReport:
    """Every child's figures for `month` (the current portal's children)."""
    columns = report_columns()
    rows = []
    for child in children_of(require_tenant().id):
        info = tenant_by_id(child.id)
        with tenant_scope(info):
            rows.append(ReportRow(child, {c.key: c.value(month) for c in columns}))
    return CityReport(month, columns, rows)


def _table(report: CityReport, locale: str) -> list[list]:
    header = [gettext("Phường, xã")] + [str(c.label) for c in report.columns]
    body = [[row.child.name(locale)] + [row.values.get(c.key) for c in report.columns] for row in report.rows]
    total = [gettext("Tổng cộng")] + [report.total(c) for c in report.columns]
    return [header, *body, total]


def report_csv(report: CityReport, locale: str) -> bytes:
    """UTF-8 with a byte-order mark, so spreadsheet programs show Vietnamese correctly."""
    return csv_bytes(_table(report, locale))


def report_xlsx(report: CityReport, locale: str) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = gettext("Báo cáo")[:31]
    append_row(sheet, [gettext("Báo cáo các phường, xã tháng %(month)s", month=str(report.month))])
    for row in _table(report, locale):
        append_row(sheet, row)
    for cell in (*sheet[2], *sheet[sheet.max_row]):
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
