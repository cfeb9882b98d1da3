"""Months as the portal counts them: in its own time zone (Asia/Ho_Chi_Minh), not in UTC.

An article published at 23:30 on 31 January in Vietnam is stored as 16:30 UTC on 31 January and
counts in January; one published at 06:30 on 1 February in Vietnam is 23:30 UTC on 31 January
and counts in February. Every count of the package goes through `month_bounds`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from tenants.context import portal_zone


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @classmethod
    def of(cls, moment: datetime | None = None) -> Month:
        """The portal's month at `moment` (now by default)."""
        local = (moment or datetime.now(UTC)).astimezone(portal_zone())
        return cls(local.year, local.month)

    @classmethod
    def parse(cls, year: int | None, month: int | None) -> Month:
        """A month from query arguments; the current one where they are missing or wrong."""
        if year and month and 2000 <= year <= 2100 and 1 <= month <= 12:
            return cls(year, month)
        return cls.of()

    @property
    def first_day(self) -> date:
        return date(self.year, self.month, 1)

    def next(self) -> Month:
        return Month(self.year + self.month // 12, self.month % 12 + 1)

    def previous(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    def bounds(self) -> tuple[datetime, datetime]:
        """[start, end) of the month in the portal's zone, as aware datetimes."""
        zone = portal_zone()
        start = datetime(self.year, self.month, 1, tzinfo=zone)
        following = self.next()
        return start, datetime(following.year, following.month, 1, tzinfo=zone)

    def __str__(self) -> str:
        return f"{self.month:02d}/{self.year}"


def local_date(moment: datetime) -> date:
    return moment.astimezone(portal_zone()).date()
