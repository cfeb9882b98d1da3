"""Thirty days of visit history per portal: about 3,000 a day for the city (as the 2023 report
says), a few hundred for a ward. Idempotent: days already counted are left alone."""

from __future__ import annotations

from datetime import timedelta

import sqlalchemy as sa

from app.extensions import db
from blueprints.visits.counter import vietnam_today
from blueprints.visits.models import VisitDay
from tenants.context import TenantInfo


def seed(tenant: TenantInfo) -> None:
    today = vietnam_today()
    first = today - timedelta(days=30)
    known = set(db.session.scalars(sa.select(VisitDay.day).where(VisitDay.day >= first)))
    base = 3000 if tenant.kind == "city" else 150 + (tenant.id * 37) % 250
    for offset in range(1, 31):
        day = today - timedelta(days=offset)
        if day in known:
            continue
        weekend = day.weekday() >= 5
        wobble = ((tenant.id * 31 + offset * 17) % 21 - 10) / 100
        db.session.add(VisitDay(day=day, count=int(base * (0.7 if weekend else 1.0) * (1 + wobble))))
