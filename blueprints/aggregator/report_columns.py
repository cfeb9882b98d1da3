"""The columns of the city-wide report, as a registry other capabilities add to.

A column is computed for ONE ward at a time, inside `tenant_scope(ward)`, by the same services
that ward's own back office uses, so the city's figure for a ward and month is the ward's own
figure by construction. A capability that has something to report (questions received, answered
and overdue, once participation exists) calls `add_report_column(...)` from its `init_app`; the
report shows it without this package changing. Until then the column is absent, not zero.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from blueprints.royalties.months import Month


@dataclass(frozen=True)
class ReportColumn:
    key: str  # stable identifier (CSV header in English exports too)
    label: object  # lazy_gettext
    value: Callable[[Month], int | None]  # called inside tenant_scope(ward); None = not applicable
    order: int = 100
    total: bool = True  # sum it in the city's total row
    money: bool = False  # shown with thousands separators and "đ"
    chart: bool = False  # the chart draws this column


_columns: dict[str, ReportColumn] = {}


def add_report_column(column: ReportColumn) -> None:
    """Add a column (registering the same key twice keeps the last)."""
    _columns[column.key] = column


def report_columns() -> list[ReportColumn]:
    return sorted(_columns.values(), key=lambda c: (c.order, c.key))
