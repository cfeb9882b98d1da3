"""Demo schedule: the current week for every portal (and the weeks around it for the city and the
three richly seeded wards), so the home page and the schedule are never empty. Idempotent per week."""

from __future__ import annotations

from datetime import time, timedelta

import sqlalchemy as sa

from app.extensions import db
from blueprints.schedule.models import ScheduleEntry
from blueprints.schedule.services import week_of
from tenants.context import TenantInfo, require_tenant

RICH = {"vungtau", "phuong-1", "thang-tam", "long-son"}

# weekday, start, end, presider, content vi, content en, participants, location
WEEK = [
    (
        0,
        time(7, 30),
        time(9, 0),
        "Chủ tịch",
        "Họp giao ban lãnh đạo đầu tuần",
        "Weekly leadership briefing",
        "Các Phó Chủ tịch, trưởng các bộ phận",
        "Phòng họp Ủy ban",
    ),
    (
        0,
        time(14, 0),
        time(16, 30),
        "Phó Chủ tịch (kinh tế)",
        "Kiểm tra trật tự xây dựng trên địa bàn",
        "Inspection of building order",
        "Bộ phận Địa chính – Xây dựng, Công an",
        "Các khu phố",
    ),
    (
        1,
        time(8, 0),
        time(11, 0),
        "Chủ tịch",
        "Tiếp công dân định kỳ",
        "Regular citizens' reception",
        "Công chức Tư pháp, Địa chính",
        "Phòng tiếp công dân",
    ),
    (
        2,
        time(8, 0),
        time(10, 0),
        "Phó Chủ tịch (văn hóa – xã hội)",
        "Làm việc với Ban biên tập Cổng thông tin điện tử",
        "Meeting with the e-portal editorial board",
        "Ban biên tập, cộng tác viên",
        "Phòng họp Ủy ban",
    ),
    (
        3,
        time(14, 0),
        time(17, 0),
        "Chủ tịch",
        "Dự hội nghị sơ kết công tác cải cách hành chính của thành phố",
        "City conference on administrative reform",
        "Văn phòng – Thống kê",
        "Hội trường UBND thành phố",
    ),
    (
        4,
        time(8, 0),
        time(9, 30),
        "Phó Chủ tịch (văn hóa – xã hội)",
        "Kiểm tra công tác vệ sinh an toàn thực phẩm",
        "Food safety inspection",
        "Trạm Y tế, Văn hóa – Xã hội",
        "Chợ và các cơ sở kinh doanh",
    ),
    (
        5,
        time(6, 30),
        time(8, 0),
        "Phó Chủ tịch (kinh tế)",
        "Ra quân ngày Chủ nhật xanh – sạch – đẹp",
        "Green and clean weekend campaign",
        "Đoàn viên, hội viên, nhân dân các khu phố",
        "Các tuyến đường",
    ),
]


def seed(tenant: TenantInfo) -> None:
    this_week = week_of(require_tenant().today())
    weeks = [this_week.previous, this_week, this_week.next] if tenant.slug in RICH else [this_week]
    for week in weeks:
        exists = db.session.scalar(
            sa.select(sa.func.count())
            .select_from(ScheduleEntry)
            .where(ScheduleEntry.day >= week.monday, ScheduleEntry.day <= week.sunday)
        )
        if exists:
            continue
        rows = WEEK if tenant.slug in RICH else WEEK[:4]
        for weekday, start, end, presider, content_vi, content_en, participants, location in rows:
            db.session.add(
                ScheduleEntry(
                    day=week.monday + timedelta(days=weekday),
                    starts_at=start,
                    ends_at=end,
                    presider=f"{presider} UBND",
                    content_vi=content_vi,
                    content_en=content_en,
                    participants=participants,
                    location=location,
                    is_published=True,
                )
            )
