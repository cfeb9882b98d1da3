"""Demo content: plans and projects, science programmes, statistics reports and procedure figures.

Rich for the city, Phường 1, Thắng Tam and Long Sơn; a smaller set for every other ward.
Idempotent: each kind of row is added only when the portal has none yet.
"""

from __future__ import annotations

import csv
import io
from datetime import date

import sqlalchemy as sa

from app.extensions import db
from app.uploads import store_bytes
from blueprints.programmes.figures import import_figures
from blueprints.programmes.models import ProcedureFigure, Project, ScienceProgramme, StatisticsReport
from tenants.context import TenantInfo

RICH = {"vungtau", "phuong-1", "thang-tam", "long-son"}

PROJECTS = [
    (
        "planning",
        "Kế hoạch phát triển kinh tế – xã hội năm 2024",
        "Tăng trưởng thương mại – dịch vụ, du lịch; giữ vững quốc phòng, an ninh.",
        "Kinh tế – xã hội",
        "Kế hoạch năm",
        "01/2024 – 12/2024",
        None,
        "Ngân sách địa phương",
        "Đang thực hiện",
    ),
    (
        "project",
        "Nâng cấp, mở rộng hẻm và hệ thống thoát nước khu dân cư",
        "Chống ngập cục bộ mùa mưa, cải thiện điều kiện sống của người dân.",
        "Hạ tầng đô thị",
        "Đầu tư công, nhóm C",
        "2024 – 2025",
        14_500_000_000,
        "Ngân sách thành phố",
        "Đang thi công",
    ),
    (
        "project",
        "Cải tạo trường mầm non và nhà văn hoá khu phố",
        "Bảo đảm cơ sở vật chất cho giáo dục mầm non và sinh hoạt cộng đồng.",
        "Giáo dục – văn hoá",
        "Đầu tư công, nhóm C",
        "2023 – 2024",
        6_200_000_000,
        "Ngân sách tỉnh hỗ trợ",
        "Đã hoàn thành",
    ),
    (
        "procurement",
        "Gói thầu mua sắm thiết bị bộ phận một cửa",
        "Trang bị máy tính, máy quét và ki-ốt tra cứu thủ tục hành chính.",
        "Cải cách hành chính",
        "Chào hàng cạnh tranh",
        "Quý II/2024",
        850_000_000,
        "Ngân sách địa phương",
        "Đã có kết quả lựa chọn nhà thầu",
    ),
]

PROGRAMMES = [
    (
        "KH-2024-01",
        "Ứng dụng chuyển đổi số trong giải quyết thủ tục hành chính cấp phường",
        "Cấp thành phố",
        "Khoa học xã hội – quản lý",
        "Văn phòng HĐND và UBND",
        "2024 – 2025",
        "Đã xây dựng quy trình số hoá hồ sơ; đang thử nghiệm tại bộ phận một cửa.",
    ),
    (
        "KH-2023-04",
        "Giải pháp bảo vệ rừng ngập mặn và nuôi trồng thủy sản bền vững",
        "Cấp tỉnh",
        "Nông nghiệp – môi trường",
        "Phòng Kinh tế",
        "2023 – 2024",
        "Đề xuất mô hình nuôi hàu kết hợp bảo vệ rừng; đã nghiệm thu giai đoạn 1.",
    ),
]

REPORTS = [
    ("Báo cáo tình hình kinh tế – xã hội quý I năm 2024", "Quý I/2024", date(2024, 4, 5)),
    ("Báo cáo thống kê dân số và lao động năm 2023", "Năm 2023", date(2024, 1, 20)),
    ("Báo cáo kết quả giải quyết thủ tục hành chính 6 tháng đầu năm 2024", "6 tháng/2024", date(2024, 7, 8)),
]

FIELDS = [
    ("Hộ tịch", "Đăng ký khai sinh"),
    ("Hộ tịch", "Đăng ký kết hôn"),
    ("Hộ tịch", "Trích lục hộ tịch"),
    ("Chứng thực", "Chứng thực bản sao từ bản chính"),
    ("Đất đai", "Xác nhận tình trạng nhà, đất"),
    ("Bảo trợ xã hội", "Trợ cấp xã hội hằng tháng"),
]

# A minimal, valid one-page PDF, so the demo's download links work.
PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>"
    b"endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


def _figures_csv(seed: int, rich: bool) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Kỳ", "Lĩnh vực", "Thủ tục", "Tiếp nhận", "Đúng hạn", "Trễ hạn", "Đang giải quyết"])
    periods = ["2024-Q1", "2024-Q2", "2024-Q3"] if rich else ["2024-Q3"]
    for p_index, period in enumerate(periods):
        for f_index, (field, procedure) in enumerate(FIELDS):
            received = 20 + (seed * 7 + f_index * 13 + p_index * 5) % 90
            late = (seed + f_index + p_index) % 3
            in_progress = (seed + f_index) % 5
            writer.writerow(
                [period, field, procedure, received, received - late - in_progress, late, in_progress]
            )
    return buffer.getvalue().encode("utf-8")


def seed(tenant: TenantInfo) -> None:
    rich = tenant.slug in RICH
    if not db.session.scalar(sa.select(sa.func.count()).select_from(Project)):
        for kind, name, goal, field, ptype, duration, budget, funder, status in PROJECTS[: 4 if rich else 2]:
            db.session.add(
                Project(
                    kind=kind,
                    name=name,
                    goal=goal,
                    field=field,
                    project_type=ptype,
                    duration=duration,
                    budget_vnd=budget,
                    funder=funder,
                    status=status,
                )
            )
    if not db.session.scalar(sa.select(sa.func.count()).select_from(ScienceProgramme)):
        for code, name, level, field, unit, duration, results in PROGRAMMES[: 2 if rich else 1]:
            db.session.add(
                ScienceProgramme(
                    code=code,
                    name=name,
                    level=level,
                    field=field,
                    lead_unit=unit,
                    duration=duration,
                    results=results,
                )
            )
    if not db.session.scalar(sa.select(sa.func.count()).select_from(StatisticsReport)):
        for title, period, published in REPORTS[: 3 if rich else 1]:
            stored = store_bytes(PDF, "application/pdf", "pdf", f"{title}.pdf")
            db.session.add(
                StatisticsReport(
                    title=f"{title} – {tenant.name_vi}",
                    period=period,
                    published_on=published,
                    file_key=stored.key,
                    file_name=stored.filename,
                    file_type=stored.content_type,
                )
            )
    if not db.session.scalar(sa.select(sa.func.count()).select_from(ProcedureFigure)):
        result = import_figures(_figures_csv(tenant.id, rich))
        if not result.ok:
            raise ValueError(f"demo figures rejected: {result.errors}")
