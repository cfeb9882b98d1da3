"""The platform's calendar of public holidays (a global table) and Vietnam's 2026 days off.

Vietnam's 2026 holidays, as the Labour Code (art. 112) and the government's notice for 2026 set
them: New Year (1 Jan), Tết Nguyên Đán (17 Feb 2026 is the first day of the lunar year; public
offices are off from Monday 16 to Friday 20 Feb), Hùng Kings' day (10th of the 3rd lunar month:
26 Apr 2026, a Sunday), Reunification day (30 Apr), Labour day (1 May) and National day (2 Sep
with 1 Sep). A day moved when a holiday falls on a weekend is the administrator's to add.
"""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from app.extensions import db
from app.holidays import PublicHoliday

VIETNAM_2026 = [
    (date(2026, 1, 1), "Tết Dương lịch", "New Year's Day"),
    *((date(2026, 2, day), "Tết Nguyên Đán", "Lunar New Year (Tet)") for day in range(16, 21)),
    (date(2026, 4, 26), "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration Day"),
    (date(2026, 4, 30), "Ngày Chiến thắng (30/4)", "Reunification Day"),
    (date(2026, 5, 1), "Ngày Quốc tế Lao động (1/5)", "International Labour Day"),
    (date(2026, 9, 1), "Quốc khánh (nghỉ liền kề)", "National Day (adjacent day)"),
    (date(2026, 9, 2), "Quốc khánh (2/9)", "National Day"),
]


def years() -> list[int]:
    found = db.session.scalars(sa.select(sa.extract("year", PublicHoliday.day)).distinct()).all()
    return sorted({int(y) for y in found})


def chosen_year(year: int | None) -> int:
    """The year asked for, else the latest year with holidays, else this year."""
    if year and 2000 <= year <= 2100:
        return year
    known = years()
    return known[-1] if known else date.today().year


def holidays_of(year: int) -> list[PublicHoliday]:
    return list(
        db.session.scalars(
            sa.select(PublicHoliday)
            .where(PublicHoliday.day >= date(year, 1, 1), PublicHoliday.day <= date(year, 12, 31))
            .order_by(PublicHoliday.day)
        )
    )


def save_holiday(day: date, name_vi: str, name_en: str = "") -> PublicHoliday:
    """Add a day off, or rename it when it is there already."""
    row = db.session.get(PublicHoliday, day) or PublicHoliday(day=day)
    row.name_vi, row.name_en = name_vi.strip(), (name_en or "").strip()
    db.session.add(row)
    db.session.flush()
    return row


def delete_holiday(day_text: str) -> date | None:
    try:
        day = date.fromisoformat(day_text)
    except ValueError:
        return None
    row = db.session.get(PublicHoliday, day)
    if row is None:
        return None
    db.session.delete(row)
    db.session.flush()
    return day


def seed_vietnam_2026() -> int:
    """Add Vietnam's 2026 holidays that are missing; returns how many were added."""
    added = 0
    for day, name_vi, name_en in VIETNAM_2026:
        if db.session.get(PublicHoliday, day) is None:
            db.session.add(PublicHoliday(day=day, name_vi=name_vi, name_en=name_en))
            added += 1
    db.session.flush()
    return added
