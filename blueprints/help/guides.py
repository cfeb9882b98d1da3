"""The guides of the help centre and their sections: titles and anchors in one place.

Each guide's text lives in `templates/help/guides/<slug>.html` (so it is translated like every
other page); this registry holds what other pages need without rendering a guide: the table of
contents, which roles a guide is written for, and the anchors that contextual "?" links point at.
`help_url()` refuses an unknown guide or anchor, so a "?" link can never point nowhere.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from flask import url_for
from flask_babel import lazy_gettext as _l

from app.roles import PLATFORM_ADMIN, Role


@dataclass(frozen=True)
class Section:
    anchor: str
    title: object  # a lazy_gettext string


@dataclass(frozen=True)
class Guide:
    slug: str
    title: object
    summary: object
    roles: tuple[str, ...]  # the roles it is written for (everyone may read it)
    sections: tuple[Section, ...]

    def section(self, anchor: str) -> Section:
        for section in self.sections:
            if section.anchor == anchor:
                return section
        raise LookupError(f"guide {self.slug!r} has no section {anchor!r}")


def _sections(*pairs) -> tuple[Section, ...]:
    return tuple(Section(anchor, title) for anchor, title in pairs)


GUIDES: dict[str, Guide] = {
    g.slug: g
    for g in (
        Guide(
            "collaborator",
            _l("Tôi là cộng tác viên: viết và gửi một bài"),
            _l("Viết bài, ghi nguồn, gửi duyệt, sửa bài bị trả lại và xem nhuận bút của mình."),
            (Role.COLLABORATOR,),
            _sections(
                ("write", _l("Viết và gửi một bài")),
                ("editor", _l("Khung soạn thảo: định dạng, ảnh, tự động lưu, xem trước")),
                ("source", _l("Ghi nguồn tin: bắt buộc, và vì sao")),
                ("returned", _l("Khi bài bị trả lại")),
                ("conflict", _l("Khi người khác sửa bài cùng lúc")),
                ("quota", _l("Chỉ tiêu: 3 đến 5 bài mỗi tháng")),
                ("my-royalties", _l("Xem nhuận bút của tôi")),
            ),
        ),
        Guide(
            "approver",
            _l("Phó Trưởng ban: duyệt bài trên điện thoại"),
            _l("Tìm bài chờ duyệt, kiểm tra, duyệt với hệ số nhuận bút hoặc trả lại có lý do."),
            (Role.APPROVER,),
            _sections(
                ("phone", _l("Mở trang duyệt bài trên điện thoại")),
                ("dashboard", _l("Đọc bảng Tòa soạn")),
                ("late", _l("Thế nào là “trễ hạn”")),
                ("check", _l("Kiểm tra một bài trước khi duyệt")),
                ("approve", _l("Duyệt bài và cho hệ số nhuận bút")),
                ("factor", _l("Khung hệ số hoạt động thế nào")),
                ("return", _l("Trả lại bài cho tác giả")),
            ),
        ),
        Guide(
            "editor",
            _l("Biên tập viên: đăng, hẹn giờ, gỡ bài"),
            _l("Đăng ngay hoặc hẹn giờ bài đã duyệt, gỡ hay lưu trữ bài, sửa và khôi phục phiên bản."),
            (Role.EDITOR,),
            _sections(
                ("publish", _l("Đăng ngay một bài đã duyệt")),
                ("schedule", _l("Hẹn giờ đăng và hủy hẹn giờ")),
                ("unpublish", _l("Gỡ bài và lưu trữ")),
                ("revisions", _l("Sửa bài và khôi phục phiên bản cũ")),
                ("settings", _l("Đơn vị, chỉ tiêu và ngày trễ hạn")),
                ("questions", _l("Hỏi đáp, góp ý: ai giao, ai trả lời, ai đăng")),
            ),
        ),
        Guide(
            "office",
            _l("Văn phòng: tổng hợp nhuận bút tháng"),
            _l(
                "Nhập bảng hệ số và mức cơ sở, lập kế hoạch tháng, theo dõi chỉ tiêu, "
                "in và xuất bảng nhuận bút."
            ),
            (Role.EDITOR, Role.BOARD_HEAD),
            _sections(
                ("tables", _l("Nhập hệ số, mức cơ sở và dự toán")),
                ("formula", _l("Cách tính nhuận bút")),
                ("plan", _l("Lập và ban hành kế hoạch tháng")),
                ("quotas", _l("Theo dõi chỉ tiêu của các đơn vị")),
                ("statement", _l("Tổng hợp, in và xuất bảng nhuận bút tháng")),
                ("close", _l("Chốt tháng, mở lại và bảng in để thanh toán")),
            ),
        ),
        Guide(
            "directory",
            _l("Cập nhật danh bạ, văn bản, lịch làm việc"),
            _l("Giữ danh bạ cán bộ đúng, đăng văn bản và lịch làm việc hằng tuần của lãnh đạo."),
            (Role.EDITOR, Role.BOARD_HEAD),
            _sections(
                ("contacts", _l("Danh bạ cán bộ")),
                ("documents", _l("Đăng một văn bản")),
                ("schedule", _l("Lịch làm việc hằng tuần")),
                ("other-pages", _l("Các trang giới thiệu khác")),
            ),
        ),
        Guide(
            "consultations",
            _l("Lấy ý kiến dự thảo: đăng, kiểm duyệt, báo cáo"),
            _l(
                "Đăng toàn văn dự thảo, sửa đổi trong khi lấy ý kiến, kiểm duyệt và trả lời ý kiến, "
                "công bố báo cáo."
            ),
            (Role.EDITOR, Role.BOARD_HEAD),
            _sections(
                ("who", _l("Ai làm gì")),
                ("create", _l("Đăng một dự thảo")),
                ("text", _l("Nhập và sửa toàn văn")),
                ("moderate", _l("Kiểm duyệt ý kiến")),
                ("conclude", _l("Tiếp thu, giải trình và báo cáo")),
            ),
        ),
    )
}


def guide(slug: str) -> Guide | None:
    return GUIDES.get(slug)


def guides_for(roles: Iterable[str]) -> tuple[list[Guide], list[Guide]]:
    """(the guides written for one of `roles`, the others), each in the registry's order.

    A platform administrator holds every role, so every guide is theirs."""
    roles = set(roles)
    if PLATFORM_ADMIN in roles:
        return list(GUIDES.values()), []
    mine = [g for g in GUIDES.values() if roles.intersection(g.roles)]
    return mine, [g for g in GUIDES.values() if g not in mine]


def help_section(slug: str, anchor: str) -> Section:
    """A section of a guide; an unknown guide or section raises LookupError."""
    if slug not in GUIDES:
        raise LookupError(f"no guide {slug!r}")
    return GUIDES[slug].section(anchor)


def help_url(slug: str, anchor: str | None = None) -> str:
    """The address of a guide (at one section); an unknown guide or section raises LookupError."""
    if anchor is not None:
        help_section(slug, anchor)
    elif slug not in GUIDES:
        raise LookupError(f"no guide {slug!r}")
    return url_for("help.guide_page", slug=slug, _anchor=anchor)
