"""Administrative-procedure figures: the CSV import and what the public-services page shows.

The import is all or nothing: every row is checked first and any error (with its line number)
stops the whole file, so a portal never shows half of a period's figures. Headers may be written
with or without Vietnamese diacritics, in any order; Excel's UTF-8 BOM and `;` separators work.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

import sqlalchemy as sa
from flask_babel import gettext as _

from app.extensions import db
from app.search import fold
from blueprints.programmes.models import ProcedureFigure

MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000
PERIOD = re.compile(r"^\d{4}(-Q[1-4]|-(0[1-9]|1[0-2]))?$")

# column -> accepted headings, folded (no diacritics, lower case)
COLUMNS = {
    "period": ("ky", "ky bao cao", "period"),
    "field": ("linh vuc", "field"),
    "procedure": ("thu tuc", "ten thu tuc", "procedure"),
    "received": ("tiep nhan", "so tiep nhan", "received"),
    "on_time": ("dung han", "giai quyet dung han", "on time"),
    "late": ("tre han", "qua han", "late"),
    "in_progress": ("dang giai quyet", "dang xu ly", "in progress"),
}
REQUIRED = ("period", "field", "received", "on_time", "late", "in_progress")
NUMBERS = ("received", "on_time", "late", "in_progress")


@dataclass(frozen=True)
class RowError:
    line: int  # 0 for the file as a whole
    message: str


@dataclass(frozen=True)
class ImportResult:
    rows: int
    periods: tuple[str, ...]
    errors: tuple[RowError, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.errors


def _decode(data: bytes) -> str | None:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None


def _header_map(header: list[str]) -> tuple[dict[str, int], list[str]]:
    found: dict[str, int] = {}
    for index, heading in enumerate(header):
        key = fold(heading).strip()
        for column, names in COLUMNS.items():
            if key in names and column not in found:
                found[column] = index
    missing = [column for column in REQUIRED if column not in found]
    return found, missing


def _read_row(line: int, cells: list[str], columns: dict[str, int], errors: list[RowError]) -> dict | None:
    def cell(name: str) -> str:
        index = columns.get(name)
        return cells[index].strip() if index is not None and index < len(cells) else ""

    row: dict = {name: cell(name) for name in COLUMNS}
    before = len(errors)
    if not PERIOD.match(row["period"]):
        errors.append(
            RowError(
                line, _("Kỳ “%(value)s” không hợp lệ (dùng 2024, 2024-Q1 hoặc 2024-03).", value=row["period"])
            )
        )
    if not row["field"]:
        errors.append(RowError(line, _("Thiếu lĩnh vực.")))
    elif len(row["field"]) > 200 or len(row["procedure"]) > 300:
        errors.append(RowError(line, _("Tên lĩnh vực hoặc thủ tục quá dài.")))
    for name in NUMBERS:
        value = row[name].replace(".", "").replace(",", "").replace(" ", "")
        if not value.isdigit() or len(value) > 9:
            errors.append(
                RowError(
                    line,
                    _(
                        "Cột “%(column)s”: “%(value)s” không phải số nguyên không âm.",
                        column=_column_label(name),
                        value=row[name],
                    ),
                )
            )
        else:
            row[name] = int(value)
    return row if len(errors) == before else None


def _column_label(name: str) -> str:
    return {
        "received": _("Tiếp nhận"),
        "on_time": _("Đúng hạn"),
        "late": _("Trễ hạn"),
        "in_progress": _("Đang giải quyết"),
    }[name]


def parse_figures(data: bytes) -> tuple[list[dict], list[RowError]]:
    """Rows ready to store, or the errors that stop the import (line numbers as in the file)."""
    if len(data) > MAX_BYTES:
        return [], [RowError(0, _("Tệp lớn hơn %(mb)d MB.", mb=MAX_BYTES // (1024 * 1024)))]
    text = _decode(data)
    if text is None:
        return [], [RowError(0, _("Tệp không phải văn bản UTF-8. Hãy lưu lại dưới dạng “CSV UTF-8”."))]
    first = text.split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        return [], [RowError(0, _("Tệp trống."))]
    columns, missing = _header_map(header)
    if missing:
        names = ", ".join(COLUMNS[m][0] for m in missing)
        return [], [RowError(1, _("Thiếu cột: %(names)s.", names=names))]
    rows: list[dict] = []
    errors: list[RowError] = []
    seen: dict[tuple, int] = {}
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            if len(rows) + len(errors) >= MAX_ROWS:
                errors.append(RowError(line, _("Tệp có quá %(n)d dòng.", n=MAX_ROWS)))
                break
            row = _read_row(line, cells, columns, errors)
            if row is None:
                continue
            key = (row["period"], row["field"], row["procedure"])
            if key in seen:
                errors.append(RowError(line, _("Trùng với dòng %(line)d.", line=seen[key])))
                continue
            seen[key] = line
            rows.append(row)
    except csv.Error as exc:
        errors.append(RowError(reader.line_num, _("Dòng không đọc được: %(error)s", error=str(exc))))
    if not rows and not errors:
        errors.append(RowError(0, _("Tệp không có dòng số liệu nào.")))
    return rows, errors


def import_figures(data: bytes) -> ImportResult:
    """Store every row of the file, replacing the same period and procedure, or nothing at all."""
    rows, errors = parse_figures(data)
    if errors:
        return ImportResult(0, (), tuple(errors))
    existing = {
        (f.period, f.field, f.procedure): f
        for f in db.session.scalars(
            sa.select(ProcedureFigure).where(ProcedureFigure.period.in_({r["period"] for r in rows}))
        )
    }
    for row in rows:
        figure = existing.get((row["period"], row["field"], row["procedure"])) or ProcedureFigure(
            period=row["period"], field=row["field"], procedure=row["procedure"]
        )
        for name in NUMBERS:
            setattr(figure, name, row[name])
        db.session.add(figure)
    db.session.flush()
    return ImportResult(len(rows), tuple(sorted({r["period"] for r in rows})))


def periods() -> list[str]:
    """Periods with figures, newest first."""
    return list(
        db.session.scalars(
            sa.select(ProcedureFigure.period).distinct().order_by(ProcedureFigure.period.desc())
        )
    )


@dataclass(frozen=True)
class PeriodFigures:
    period: str
    rows: list[ProcedureFigure]
    totals: dict[str, int]

    @property
    def on_time_rate(self) -> float | None:
        resolved = self.totals["on_time"] + self.totals["late"]
        return round(100 * self.totals["on_time"] / resolved, 1) if resolved else None


def figures_for(period: str | None) -> PeriodFigures | None:
    """One period's figures (the newest when `period` is unknown), with totals."""
    known = periods()
    if not known:
        return None
    chosen = period if period in known else known[0]
    rows = list(
        db.session.scalars(
            sa.select(ProcedureFigure)
            .where(ProcedureFigure.period == chosen)
            .order_by(ProcedureFigure.field, ProcedureFigure.procedure)
        )
    )
    totals = {name: sum(getattr(r, name) for r in rows) for name in NUMBERS}
    return PeriodFigures(chosen, rows, totals)


def delete_period(period: str) -> int:
    result = db.session.execute(sa.delete(ProcedureFigure).where(ProcedureFigure.period == period))
    return result.rowcount
