"""The report's own columns, each a call to the ward's own service (see `report_columns`):
articles published and royalties from the royalties statement, quota compliance from the quota
board, the budget from the budget status, visits from the visit counter's daily counts."""

from __future__ import annotations

from datetime import timedelta

from flask_babel import lazy_gettext as _l

from blueprints.aggregator.report_columns import ReportColumn, add_report_column
from blueprints.royalties.months import Month
from blueprints.royalties.quotas import quota_board
from blueprints.royalties.statements import budget_status, statement
from blueprints.visits.services import daily_counts
from tenants.context import require_tenant


def published(month: Month) -> int:
    """The articles on the ward's statement of the month (published in it, still public)."""
    return len(statement(month).lines)


def units_meeting_quota(month: Month) -> int:
    return sum(1 for row in quota_board(month) if not row.behind)


def units_with_quota(month: Month) -> int:
    return len(quota_board(month))


def royalties(month: Month) -> int:
    return statement(month).total


def budget(month: Month) -> int | None:
    return budget_status(month.year).budget


def spent_to_date(month: Month) -> int:
    return budget_status(month.year, until=month).spent


def visits(month: Month) -> int | None:
    """Page views in the month, from the same daily counts the ward's visits chart shows."""
    today = require_tenant().today()
    first = month.first_day
    if first > today:
        return None
    days = (today - first).days + 1
    last = month.next().first_day - timedelta(days=1)
    return sum(count for day, count in daily_counts(days) if first <= day <= last)


def register() -> None:
    for column in (
        ReportColumn("published", _l("Tin, bài đã đăng"), published, 10, chart=True),
        ReportColumn("units_meeting_quota", _l("Đơn vị đạt chỉ tiêu"), units_meeting_quota, 20),
        ReportColumn("units", _l("Số đơn vị"), units_with_quota, 21),
        ReportColumn("royalties", _l("Nhuận bút trong tháng (đồng)"), royalties, 30, money=True),
        ReportColumn("spent_to_date", _l("Đã chi từ đầu năm (đồng)"), spent_to_date, 31, money=True),
        ReportColumn("budget", _l("Dự toán năm (đồng)"), budget, 32, money=True),
        ReportColumn("visits", _l("Lượt truy cập"), visits, 40),
    ):
        add_report_column(column)
