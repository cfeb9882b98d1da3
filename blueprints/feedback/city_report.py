"""The Q&A columns of the parent portal's city-wide report (blueprints/aggregator).

Each value is computed inside the ward's own scope by the functions behind the ward's public
record page, so the city's figures for a ward are that ward's own.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from blueprints.aggregator.report_columns import ReportColumn, add_report_column
from blueprints.feedback.record import figures_of, overdue_in
from blueprints.royalties.months import Month


def received(month: Month) -> int | None:
    figures = figures_of(month.first_day)
    return figures.received if figures else None


def answered(month: Month) -> int | None:
    figures = figures_of(month.first_day)
    return figures.answered if figures else None


def overdue(month: Month) -> int | None:
    return overdue_in(month.first_day)


def register() -> None:
    add_report_column(ReportColumn("questions_received", _l("Câu hỏi, góp ý nhận được"), received, 50))
    add_report_column(ReportColumn("questions_answered", _l("Câu hỏi, góp ý đã trả lời"), answered, 51))
    add_report_column(ReportColumn("questions_overdue", _l("Câu hỏi, góp ý quá hạn"), overdue, 52))
