"""Demo consultations for the city, three wards and the commune: one open, revised once (a
clause edited, one removed) with comments on clauses of both revisions, one concluded with its
report and the agency's responses, and one upcoming. Idempotent by title."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.uploads import store_bytes
from blueprints.consultations import services
from blueprints.consultations.models import CommentState, Consultation
from blueprints.documents.pdf import text_pdf
from tenants.context import TenantInfo

RICH = {"vungtau", "phuong-1", "thang-tam", "long-son"}

OPEN_TITLE = "Dự thảo Quy chế quản lý, sử dụng tạm thời một phần lòng đường, hè phố"
FIRST_TEXT = """Phần I. QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Quy chế này quy định việc quản lý, sử dụng tạm thời một phần lòng đường, hè phố trên địa bàn.
Điều 2. Đối tượng áp dụng
1. Hộ gia đình, cá nhân kinh doanh có nhu cầu sử dụng tạm thời hè phố.
2. Cơ quan, tổ chức tổ chức sự kiện văn hóa, thể thao.
Phần II. QUY ĐỊNH CỤ THỂ
Điều 3. Điều kiện sử dụng hè phố
1. Phần hè phố còn lại dành cho người đi bộ rộng tối thiểu 1,5 mét.
2. Không sử dụng hè phố trước cửa trường học, bệnh viện, trụ sở cơ quan.
3. Thời gian sử dụng từ 6 giờ đến 22 giờ hằng ngày.
Điều 4. Phí sử dụng
Mức phí do Hội đồng nhân dân tỉnh quyết định.
"""
SECOND_TEXT = FIRST_TEXT.replace(
    "1. Phần hè phố còn lại dành cho người đi bộ rộng tối thiểu 1,5 mét.",
    "1. Phần hè phố còn lại dành cho người đi bộ rộng tối thiểu 2 mét; riêng các tuyến phố đi bộ không cho "
    "sử dụng.",
).replace("3. Thời gian sử dụng từ 6 giờ đến 22 giờ hằng ngày.\n", "")
CONCLUDED_TITLE = "Dự thảo Kế hoạch chỉnh trang đô thị, trồng cây xanh năm 2026"
CONCLUDED_TEXT = """Điều 1. Mục tiêu
Tăng diện tích cây xanh công cộng, chỉnh trang vỉa hè các tuyến đường chính.
Điều 2. Nhiệm vụ
1. Trồng mới 500 cây xanh trên các tuyến đường.
2. Lát lại vỉa hè các tuyến đường xuống cấp.
Điều 3. Kinh phí
Từ ngân sách phường và vận động xã hội hóa.
"""
UPCOMING_TITLE = "Dự thảo Quy định về giữ gìn vệ sinh môi trường khu dân cư"


def _local(tenant: TenantInfo, day, hour: int) -> datetime:
    return datetime.combine(day, time(hour, 0), tzinfo=tenant.zone).astimezone(UTC)


def _consultation(tenant: TenantInfo, title: str, opens: datetime, closes: datetime) -> Consultation | None:
    if db.session.scalar(sa.select(Consultation.id).where(Consultation.title == title)) is not None:
        return None
    agency = f"Ủy ban nhân dân {tenant.name_vi}"
    consultation = services.save_consultation(
        None,
        title=title,
        opens_at=opens,
        closes_at=closes,
        is_published=True,
        summary="Dự thảo được đăng toàn văn để người dân, tổ chức, doanh nghiệp góp ý trước khi ban hành.",
        drafting_body=f"Phòng Quản lý đô thị – {agency}",
        agency_name=agency,
        agency_address=tenant.contact.get("address") or f"Trụ sở {agency}",
        agency_email=tenant.contact.get("email") or f"{tenant.slug}@example.org",
        agency_phone=tenant.contact.get("phone") or "0254 3 000 000",
    )
    pdf = text_pdf(title, ["DU THAO", "", "Noi dung du thao mau phuc vu trinh dien he thong."])
    services.attach_stored(consultation, store_bytes(pdf, "application/pdf", "pdf", "du-thao.pdf"))
    return consultation


def _key(consultation: Consultation, article: str, clause: str | None = None) -> str:
    labels = dict((label, key) for key, label in services.clause_choices(consultation))
    wanted = f"Điều {article}, khoản {clause}" if clause else f"Điều {article}"
    return next(key for label, key in labels.items() if label.startswith(wanted))


def _comment(consultation, key, name, body, when, state=CommentState.ACCEPTED, organisation="", response=""):
    comment = services.submit_comment(
        consultation,
        clause_key=key,
        name=name,
        email="nguoi.dan@example.org",
        organisation=organisation,
        body=body,
        now=when,
    )
    comment.state = state.value
    comment.moderated_at = when if state != CommentState.PENDING else None
    comment.response = response
    return comment


def seed(tenant: TenantInfo) -> None:
    if tenant.slug not in RICH:
        return
    today = tenant.today()
    opens = _local(tenant, today - timedelta(days=10), 8)
    open_one = _consultation(tenant, OPEN_TITLE, opens, _local(tenant, today + timedelta(days=20), 17))
    if open_one is not None:
        services.revise(open_one, FIRST_TEXT, "Bản dự thảo lần 1", now=opens)
        day = opens + timedelta(days=1)
        _comment(
            open_one,
            _key(open_one, "3", "1"),
            "Trần Văn Bình",
            "Đề nghị nâng bề rộng phần hè phố dành cho người đi bộ lên 2 mét.",
            day,
        )
        _comment(
            open_one,
            _key(open_one, "3", "3"),
            "Lê Thị Hoa",
            "Đề nghị bỏ khoản này: giờ giấc nên để từng tuyến phố quy định.",
            day + timedelta(hours=3),
            organisation="Hội Liên hiệp Phụ nữ phường",
        )
        _comment(
            open_one,
            None,
            "Phạm Minh Tuấn",
            "Dự thảo rõ ràng, cần công khai danh sách các tuyến phố được sử dụng.",
            day + timedelta(hours=5),
        )
        services.revise(open_one, SECOND_TEXT, "Tiếp thu ý kiến về Điều 3", now=opens + timedelta(days=3))
        later = opens + timedelta(days=4)
        _comment(
            open_one,
            _key(open_one, "3", "1"),
            "Nguyễn Thị Mai",
            "Đồng ý với bề rộng 2 mét.\nĐề nghị bổ sung chế tài khi vi phạm.",
            later,
        )
        _comment(
            open_one,
            _key(open_one, "4"),
            "Võ Đức Nam",
            "Đề nghị công khai mức phí cụ thể.",
            later + timedelta(hours=2),
            state=CommentState.PENDING,
        )
    closed_opens = _local(tenant, today - timedelta(days=75), 8)
    closed_closes = _local(tenant, today - timedelta(days=45), 17)
    concluded = _consultation(tenant, CONCLUDED_TITLE, closed_opens, closed_closes)
    if concluded is not None:
        services.revise(concluded, CONCLUDED_TEXT, "", now=closed_opens)
        day = closed_opens + timedelta(days=2)
        _comment(
            concluded,
            _key(concluded, "2", "1"),
            "Hoàng Thu Hà",
            "Nên ưu tiên cây bản địa, ít rụng lá.",
            day,
            response="Tiếp thu: danh mục cây trồng ưu tiên cây bản địa.",
        )
        _comment(
            concluded,
            None,
            "Đặng Hữu Phúc",
            "Cần lấy ý kiến các hộ dân trên từng tuyến trước khi lát vỉa hè.",
            day + timedelta(days=1),
            organisation="Tổ dân phố 5",
            response="Tiếp thu: tổ chức họp dân từng tuyến trước khi thi công.",
        )
        _comment(
            concluded, None, "Khách", "Quảng cáo dịch vụ.", day + timedelta(days=2), state=CommentState.SPAM
        )
        services.conclude(
            concluded,
            "Đã nhận 3 ý kiến, trong đó 2 ý kiến hợp lệ; cả 2 ý kiến được tiếp thu "
            "như nêu trong bảng tổng hợp.",
            now=closed_closes + timedelta(days=5),
        )
        concluded.announced_open_at = concluded.announced_closed_at = closed_closes
    upcoming = _consultation(
        tenant,
        UPCOMING_TITLE,
        _local(tenant, today + timedelta(days=5), 8),
        _local(tenant, today + timedelta(days=35), 17),
    )
    if upcoming is not None:
        services.revise(upcoming, "Điều 1. Phạm vi\nQuy định về giữ gìn vệ sinh môi trường khu dân cư.\n")
    for consultation in (open_one,):
        if consultation is not None:
            consultation.announced_open_at = opens
    db.session.flush()
