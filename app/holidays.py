"""The platform's calendar of public holidays, kept by the platform administrator.

Global (not per portal): the days off are the country's. Deadlines counted in working days
(`app.workdays`) take `holidays(...)` as their calendar: the Q&A due days, the units' monthly
reminders.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db


class PublicHoliday(db.Model):  # type: ignore[name-defined]  # Flask-SQLAlchemy makes db.Model at run time
    """A public holiday (a day off for public offices)."""

    __tablename__ = "public_holidays"

    day: Mapped[date] = mapped_column(sa.Date, primary_key=True)
    name_vi: Mapped[str] = mapped_column(sa.String(200))
    name_en: Mapped[str] = mapped_column(sa.String(200), default="")

    def name(self, locale: str) -> str:
        return self.name_en if locale == "en" and self.name_en else self.name_vi


def holidays(first_year: int | None = None, last_year: int | None = None) -> set[date]:
    """The platform's public holidays (all of them, or of a range of years)."""
    stmt = sa.select(PublicHoliday.day)
    if first_year is not None:
        stmt = stmt.where(PublicHoliday.day >= date(first_year, 1, 1))
    if last_year is not None:
        stmt = stmt.where(PublicHoliday.day <= date(last_year, 12, 31))
    return set(db.session.scalars(stmt))
