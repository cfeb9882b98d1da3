"""Demo Q&A: Vietnam's 2026 public holidays (platform-wide), categories on every portal, and on
the city and four wards/commune a year of questions: answered and published, answered privately,
pending and overdue, so the inbox, the dashboard, the public list and the record show something.

Idempotent: holidays are added when missing; a portal's items only when it has none. The askers
are invented; their addresses are on example.org.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.holidays import holidays
from app.workdays import add_working_days
from blueprints.feedback.calendar import seed_vietnam_2026
from blueprints.feedback.codes import new_code
from blueprints.feedback.models import FeedbackCategory, FeedbackItem, FeedbackNote, ItemKind, ItemState
from blueprints.feedback.services import due_day, search_text_of
from blueprints.newsroom.models import ContributingUnit
from tenants.context import TenantInfo, require_tenant

RICH = {"vungtau", "phuong-1", "phuong-2", "thang-tam", "long-son"}

CATEGORIES = [
    ("Đất đai, xây dựng", "Land and construction"),
    ("Môi trường, đô thị", "Environment and urban order"),
    ("Hộ tịch, cư trú", "Civil status and residence"),
    ("Chính sách xã hội", "Social policy"),
    ("Góp ý về cổng thông tin", "About this portal"),
]

# kind, category index, subject, body, answer, asker, days ago received, answered after (working
# days; None: not answered), publish
ITEMS = [
    (
        ItemKind.QUESTION,
        0,
        "Thủ tục xin cấp phép sửa chữa nhà ở",
        "Nhà tôi ở hẻm, cần sửa lại mái và nâng nền. Tôi có phải xin giấy phép xây dựng không, và nộp hồ sơ ở đâu?",
        "Sửa chữa, cải tạo bên trong và thay mái không làm thay đổi kết cấu chịu lực thì được miễn giấy phép "
        "xây dựng. Nâng nền làm thay đổi cao độ thì cần thông báo cho Ủy ban.\nHồ sơ nộp tại Bộ phận Một cửa, "
        "hoặc trực tuyến trên Cổng dịch vụ công của tỉnh.",
        "Nguyễn Văn Bình",
        300,
        9,
        True,
    ),
    (
        ItemKind.QUESTION,
        2,
        "Đăng ký khai sinh cho con khi bố mẹ chưa đăng ký kết hôn",
        "Vợ chồng tôi chưa đăng ký kết hôn, nay muốn làm giấy khai sinh cho con thì cần giấy tờ gì?",
        "Cần tờ khai đăng ký khai sinh, giấy chứng sinh và giấy tờ tùy thân của người đi đăng ký. Nếu muốn ghi "
        "tên cha, hai người cùng làm thủ tục nhận cha con ngay khi đăng ký khai sinh.",
        "Trần Thị Mai",
        240,
        12,
        True,
    ),
    (
        ItemKind.FEEDBACK,
        1,
        "Đèn đường hẻm 12 bị hỏng",
        "Đèn chiếu sáng ở đầu hẻm 12 đã hỏng hơn hai tuần, buổi tối rất tối, mong phường cho sửa.",
        "Cảm ơn ông đã phản ánh. Phường đã báo Công ty chiếu sáng đô thị; đèn đã được thay ngày hôm sau.",
        "Lê Văn Hùng",
        180,
        4,
        True,
    ),
    (
        ItemKind.QUESTION,
        3,
        "Hồ sơ hưởng trợ cấp cho người cao tuổi",
        "Mẹ tôi 80 tuổi, chưa có lương hưu. Xin hỏi thủ tục nhận trợ cấp xã hội hằng tháng?",
        "Người từ đủ 80 tuổi không có lương hưu, trợ cấp bảo hiểm xã hội hằng tháng được hưởng trợ cấp xã hội "
        "hằng tháng. Gia đình nộp tờ khai tại Ủy ban; công chức Lao động – Thương binh và Xã hội sẽ hướng dẫn.",
        "Phạm Thu Hà",
        120,
        18,
        True,
    ),
    (
        ItemKind.FEEDBACK,
        4,
        "Đề nghị thêm lịch tiếp công dân trên cổng",
        "Mong cổng thông tin đăng lịch tiếp công dân sớm hơn để người dân sắp xếp thời gian.",
        "Ban biên tập đã đăng lịch làm việc hằng tuần của lãnh đạo, trong đó có lịch tiếp công dân, từ thứ Sáu "
        "tuần trước.",
        "Võ Minh Khoa",
        75,
        6,
        True,
    ),
    (
        ItemKind.QUESTION,
        0,
        "Tách thửa đất nông nghiệp",
        "Gia đình tôi muốn tách thửa đất trồng cây lâu năm cho hai con. Diện tích tối thiểu là bao nhiêu?",
        "Diện tích tối thiểu được tách thửa theo quyết định của Ủy ban nhân dân tỉnh; bộ phận Địa chính sẽ kiểm "
        "tra thực tế thửa đất và hướng dẫn trực tiếp.",
        "Huỳnh Văn Nam",
        40,
        11,
        False,
    ),
    (
        ItemKind.FEEDBACK,
        1,
        "Rác thải tập kết sai giờ ở chợ",
        "Xe rác ở khu chợ tập kết từ chiều, mùi hôi ảnh hưởng các hộ xung quanh.",
        "",
        "Đặng Thị Yến",
        8,
        None,
        False,
    ),
    (
        ItemKind.QUESTION,
        2,
        "Đăng ký tạm trú cho người thuê trọ",
        "Tôi cho sinh viên thuê phòng. Ai phải đăng ký tạm trú và đăng ký ở đâu?",
        "",
        "Bùi Thanh Tuấn",
        3,
        None,
        False,
    ),
    (
        ItemKind.QUESTION,
        3,
        "Hỗ trợ học phí cho con hộ cận nghèo",
        "Con tôi học lớp 10, gia đình thuộc hộ cận nghèo. Xin hỏi thủ tục được giảm học phí?",
        "",
        "Phan Ngọc Lan",
        40,
        None,
        False,
    ),
    (
        ItemKind.FEEDBACK,
        1,
        "Cây xanh nghiêng trên đường Lê Lợi",
        "Một cây xanh lớn trước số 45 bị nghiêng sau cơn mưa, có nguy cơ ngã.",
        "",
        "Đỗ Hữu Phúc",
        35,
        None,
        False,
    ),
]


def seed(tenant: TenantInfo) -> None:
    seed_vietnam_2026()
    _categories()
    if tenant.slug in RICH and not db.session.scalar(sa.select(sa.func.count()).select_from(FeedbackItem)):
        _items(tenant)


def _categories() -> list[FeedbackCategory]:
    existing = {c.name_vi: c for c in db.session.scalars(sa.select(FeedbackCategory))}
    for position, (vi, en) in enumerate(CATEGORIES):
        if vi not in existing:
            existing[vi] = FeedbackCategory(name_vi=vi, name_en=en, position=position)
            db.session.add(existing[vi])
    db.session.flush()
    return [existing[vi] for vi, _ in CATEGORIES]


def _items(tenant: TenantInfo) -> None:
    from app.demo import demo_email
    from blueprints.auth.services import find_user

    categories = _categories()
    today = require_tenant().today()
    days_off = holidays(today.year - 1, today.year + 1)
    units = list(
        db.session.scalars(
            sa.select(ContributingUnit).order_by(ContributingUnit.position, ContributingUnit.id)
        )
    )
    approver = find_user(demo_email("approver", tenant.slug))
    editor = find_user(demo_email("editor", tenant.slug))
    for number, (kind, category, subject, body, answer, asker, ago, after, publish) in enumerate(ITEMS):
        received = today - timedelta(days=ago)
        while received.weekday() >= 5:
            received -= timedelta(days=1)
        item = FeedbackItem(
            code=new_code(kind.prefix),
            kind=kind,
            category_id=categories[category].id,
            subject=subject,
            body=body,
            name=asker,
            email=f"nguoidan{number + 1}.{tenant.slug}@example.org",
            may_publish=publish or number == 6,
            show_name=number % 2 == 0,
            consented_at=datetime.combine(received, time(9), UTC),
            received_at=datetime.combine(received, time(9, 30), UTC),
            received_on=received,
            due_on=due_day(received),
            unit_id=units[number % len(units)].id if units else None,
            assignee_id=approver.id if approver and number % 3 else None,
        )
        item.state = ItemState.ASSIGNED if item.unit_id or item.assignee_id else ItemState.RECEIVED
        if after is not None:
            answered_on = add_working_days(received, after, days_off)
            item.answer, item.answered_on, item.state = answer, answered_on, ItemState.ANSWERED
            item.answered_at = datetime.combine(answered_on, time(15), UTC)
            item.answered_by_id = (approver or editor).id if (approver or editor) else None
            if publish:
                item.published_at = item.answered_at + timedelta(hours=1)
        db.session.add(item)
        db.session.flush()
        if item.published_at:
            item.search_text = search_text_of(item)
        if editor and number in (6, 9):
            db.session.add(
                FeedbackNote(
                    item_id=item.id,
                    author_id=editor.id,
                    body="Đã chuyển bộ phận chuyên môn kiểm tra thực tế; chờ báo cáo.",
                )
            )
    db.session.flush()
