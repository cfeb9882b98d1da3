"""A collaborator's own royalties, month by month through a year, and its CSV.

Each month is the month's statement (the closed copy once the month is closed), so what a
collaborator sees and downloads is what the board pays; only their own share is shown.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import gettext

from app.spreadsheets import csv_bytes
from blueprints.auth.models import User
from blueprints.royalties.months import Month
from blueprints.royalties.statements import Group, person_statement, statement


@dataclass
class MonthOfPerson:
    month: Month
    group: Group
    closed: bool


def person_history(user: User, year: int) -> list[MonthOfPerson]:
    """The months of `year` in which `user` has paid articles, January first."""
    months = []
    for number in range(1, 13):
        month = Month(year, number)
        group = person_statement(month, user)
        if group.lines:
            months.append(MonthOfPerson(month, group, statement(month).closed is not None))
    return months


def history_csv(months: list[MonthOfPerson]) -> bytes:
    """UTF-8 with a byte-order mark; text cells that look like formulas are neutralised."""
    rows: list[list] = [
        [
            gettext("Tháng"),
            gettext("Ngày đăng"),
            gettext("Tiêu đề"),
            gettext("Thể loại"),
            gettext("Hệ số"),
            gettext("Phần của tôi (đồng)"),
            gettext("Tình trạng"),
        ]
    ]
    for item in months:
        state = gettext("Đã chốt") if item.closed else gettext("Chưa chốt")
        for line, share in item.group.lines:
            rows.append(
                [
                    str(item.month),
                    line.published_local.strftime("%d/%m/%Y"),
                    line.title,
                    str(line.kind_label),
                    "" if line.factor is None else str(line.factor),
                    share,
                    state,
                ]
            )
    rows.append(["", "", gettext("Tổng cộng"), "", "", sum(m.group.total for m in months), ""])
    return csv_bytes(rows)
