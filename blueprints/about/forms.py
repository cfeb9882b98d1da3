"""Back-office forms for the introduction. Labels are lazy and Vietnamese (the msgids)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    EmailField,
    IntegerField,
    SelectChoice,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, Length, NumberRange, Optional

from app.forms import OptionalIdField, reviewed_field


def optional_email():
    return [Optional(), Email(_l("Nhập một địa chỉ thư điện tử hợp lệ.")), Length(max=254)]


def order_field():
    return IntegerField(
        _l("Thứ tự hiển thị"), default=0, validators=[Optional(), NumberRange(min=0, max=10000)]
    )


def required(message):
    return [DataRequired(message), Length(max=200)]


class SectionForm(FlaskForm):
    body_vi = TextAreaField(_l("Nội dung (tiếng Việt)"), render_kw={"rows": 12})
    body_en = TextAreaField(_l("Nội dung (tiếng Anh)"), render_kw={"rows": 12})
    image = FileField(_l("Ảnh (JPEG, PNG, WebP hoặc GIF)"))
    image_alt_vi = StringField(
        _l("Mô tả ảnh cho người không xem được ảnh (tiếng Việt)"), validators=[Length(max=300)]
    )
    image_alt_en = StringField(
        _l("Mô tả ảnh cho người không xem được ảnh (tiếng Anh)"), validators=[Length(max=300)]
    )
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu"))


class UnitForm(FlaskForm):
    name_vi = StringField(_l("Tên đơn vị (tiếng Việt)"), validators=required(_l("Nhập tên đơn vị.")))
    name_en = StringField(
        _l("Tên đơn vị (tiếng Anh)"), validators=required(_l("Nhập tên đơn vị bằng tiếng Anh."))
    )
    parent_id = OptionalIdField(_l("Trực thuộc"))
    functions_vi = TextAreaField(_l("Chức năng, nhiệm vụ (tiếng Việt)"), render_kw={"rows": 6})
    functions_en = TextAreaField(_l("Chức năng, nhiệm vụ (tiếng Anh)"), render_kw={"rows": 6})
    address = StringField(_l("Địa chỉ"), validators=[Length(max=300)])
    phone = StringField(_l("Điện thoại"), validators=[Length(max=40)])
    email = EmailField(_l("Thư điện tử"), validators=optional_email())
    position = order_field()
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu"))


class LeaderForm(FlaskForm):
    name = StringField(_l("Họ và tên"), validators=required(_l("Nhập họ và tên.")))
    title_vi = StringField(_l("Chức vụ (tiếng Việt)"), validators=required(_l("Nhập chức vụ.")))
    title_en = StringField(_l("Chức vụ (tiếng Anh)"), validators=required(_l("Nhập chức vụ bằng tiếng Anh.")))
    biography_vi = TextAreaField(_l("Tiểu sử tóm tắt (tiếng Việt)"), render_kw={"rows": 6})
    biography_en = TextAreaField(_l("Tiểu sử tóm tắt (tiếng Anh)"), render_kw={"rows": 6})
    duties_vi = TextAreaField(_l("Nhiệm vụ được phân công (tiếng Việt)"), render_kw={"rows": 6})
    duties_en = TextAreaField(_l("Nhiệm vụ được phân công (tiếng Anh)"), render_kw={"rows": 6})
    phone = StringField(_l("Điện thoại"), validators=[Length(max=40)])
    email = EmailField(_l("Thư điện tử"), validators=optional_email())
    photo = FileField(_l("Ảnh chân dung (JPEG, PNG, WebP hoặc GIF)"))
    position = order_field()
    is_published = BooleanField(_l("Hiển thị trên cổng thông tin"), default=True)
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu"))


class ContactForm(FlaskForm):
    name = StringField(_l("Họ và tên"), validators=required(_l("Nhập họ và tên.")))
    position_vi = StringField(_l("Chức vụ (tiếng Việt)"), validators=required(_l("Nhập chức vụ.")))
    position_en = StringField(
        _l("Chức vụ (tiếng Anh)"), validators=required(_l("Nhập chức vụ bằng tiếng Anh."))
    )
    unit_id = OptionalIdField(_l("Đơn vị"))
    phone = StringField(_l("Điện thoại"), validators=[Length(max=40)])
    email = EmailField(_l("Thư điện tử"), validators=optional_email())
    position = order_field()
    is_published = BooleanField(_l("Hiển thị trên cổng thông tin"), default=True)
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu và xác nhận đã kiểm tra hôm nay"))


def unit_choices(units, locale: str, none_label) -> list[SelectChoice]:
    return [SelectChoice(0, str(none_label))] + [SelectChoice(u.id, u.local("name", locale)) for u in units]
