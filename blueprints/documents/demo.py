"""Demo documents for every portal, each with a small real PDF generated here. The city and the
three richly seeded wards get a full library; other portals a few documents. Idempotent by number."""

from __future__ import annotations

from datetime import date, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.uploads import store_bytes
from blueprints.documents.models import Document
from blueprints.documents.pdf import text_pdf
from blueprints.documents.services import attach_stored, save_document
from tenants.context import TenantInfo, require_tenant

RICH = {"vungtau", "phuong-1", "thang-tam", "long-son"}

# symbol suffix, category, type, field, summary, days before today, status
LIBRARY = [
    (
        "KH-UBND",
        "administrative",
        "plan",
        "culture-society",
        "Kế hoạch tổ chức các hoạt động chào mừng Tết Nguyên đán và mừng Đảng, mừng Xuân",
        12,
        "in-force",
    ),
    (
        "QĐ-UBND",
        "administrative",
        "decision",
        "home-affairs",
        "Quyết định kiện toàn Ban biên tập Cổng thông tin điện tử",
        40,
        "in-force",
    ),
    (
        "TB-UBND",
        "administrative",
        "notice",
        "land",
        "Thông báo lịch tiếp công dân định kỳ của lãnh đạo Ủy ban nhân dân",
        5,
        "in-force",
    ),
    (
        "BC-UBND",
        "administrative",
        "report",
        "economy",
        "Báo cáo tình hình kinh tế – xã hội, quốc phòng – an ninh 6 tháng đầu năm",
        90,
        "in-force",
    ),
    (
        "CV-UBND",
        "administrative",
        "official-letter",
        "environment",
        "Công văn về việc tăng cường công tác vệ sinh môi trường, phòng chống sốt xuất huyết",
        25,
        "expired",
    ),
    (
        "CT-UBND",
        "administrative",
        "directive",
        "security",
        "Chỉ thị về tăng cường bảo đảm trật tự an toàn giao thông dịp cuối năm",
        200,
        "in-force",
    ),
    (
        "HD-UBND",
        "administrative",
        "guidance",
        "justice",
        "Hướng dẫn thực hiện thủ tục đăng ký khai sinh, kết hôn trực tuyến",
        60,
        "in-force",
    ),
    (
        "QĐ-UBND",
        "normative",
        "decision",
        "construction",
        "Quyết định ban hành Quy chế quản lý trật tự xây dựng trên địa bàn",
        400,
        "replaced",
    ),
    (
        "QĐ-UBND",
        "normative",
        "decision",
        "construction",
        "Quyết định ban hành Quy chế quản lý trật tự xây dựng trên địa bàn (thay thế)",
        100,
        "in-force",
    ),
]


def seed(tenant: TenantInfo) -> None:
    today = require_tenant().today()
    issuer = f"Ủy ban nhân dân {tenant.name_vi}"
    rows = LIBRARY if tenant.slug in RICH else LIBRARY[:4]
    signer = "Chủ tịch Ủy ban nhân dân"
    saved: list[Document] = []
    for index, (suffix, category, doc_type, field, summary, days_ago, status) in enumerate(reversed(rows)):
        issued = today - timedelta(days=days_ago)
        number = (
            f"{10 + index * 7}/{issued.year}/{suffix}"
            if category == "normative"
            else f"{100 + index * 13}/{suffix}"
        )
        document = db.session.scalar(sa.select(Document).where(Document.number == number))
        if document is None:
            replaced_by = saved[-1].id if status == "replaced" and saved else None
            document = save_document(
                None,
                number=number,
                category=category,
                doc_type=doc_type,
                field=field,
                issuer=issuer,
                signer=signer,
                issued_on=issued,
                effective_on=_effective(issued, category),
                summary=summary,
                status=status if replaced_by or status != "replaced" else "expired",
                replaced_by_id=replaced_by,
                is_published=True,
            )
            pdf = text_pdf(
                f"{issuer} - So {number}",
                [
                    "CONG HOA XA HOI CHU NGHIA VIET NAM",
                    "Doc lap - Tu do - Hanh phuc",
                    "",
                    f"Vung Tau, ngay {issued.day} thang {issued.month} nam {issued.year}",
                    "",
                    summary,
                    "",
                    "Noi dung van ban mau phuc vu trinh dien he thong Cong thong tin dien tu.",
                    "",
                    signer,
                ],
            )
            attach_stored(
                document, store_bytes(pdf, "application/pdf", "pdf", f"{number.replace('/', '-')}.pdf")
            )
        saved.append(document)


def _effective(issued: date, category: str) -> date:
    return issued + timedelta(days=10) if category == "normative" else issued
