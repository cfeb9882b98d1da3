"""Back-office forms of banners, tourism places and links."""

from __future__ import annotations

from datetime import date, timedelta

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from app.forms import enum_choices
from blueprints.promo.models import LinkGroup


class BannerForm(FlaskForm):
    image = FileField(_l("Ảnh băng-rôn (JPEG, PNG, WebP)"))
    alt_vi = StringField(
        _l("Mô tả ảnh (tiếng Việt)"),
        validators=[DataRequired(), Length(max=250)],
        description=_l("Người khiếm thị nghe câu này thay cho ảnh."),
    )
    alt_en = StringField(_l("Mô tả ảnh (tiếng Anh)"), validators=[Optional(), Length(max=250)])
    link_url = StringField(_l("Liên kết khi bấm vào"), validators=[Optional(), Length(max=500)])
    starts_on = DateField(_l("Ngày bắt đầu"), default=date.today, validators=[DataRequired()])
    ends_on = DateField(
        _l("Ngày kết thúc"), default=lambda: date.today() + timedelta(days=14), validators=[DataRequired()]
    )
    position = IntegerField(_l("Thứ tự"), default=0, validators=[Optional()])


class TourismPlaceForm(FlaskForm):
    title_vi = StringField(_l("Tên địa điểm (tiếng Việt)"), validators=[DataRequired(), Length(max=250)])
    title_en = StringField(_l("Tên địa điểm (tiếng Anh)"), validators=[Optional(), Length(max=250)])
    body_vi = TextAreaField(_l("Giới thiệu (tiếng Việt)"), validators=[Optional(), Length(max=20000)])
    body_en = TextAreaField(_l("Giới thiệu (tiếng Anh)"), validators=[Optional(), Length(max=20000)])
    embed_url = StringField(
        _l("Địa chỉ trang 360° để nhúng"),
        validators=[Optional(), Length(max=500)],
        description=_l("Chỉ nhận địa chỉ https:// từ các máy chủ được phép."),
    )
    embed_title_vi = StringField(
        _l("Tiêu đề nội dung nhúng (tiếng Việt)"), validators=[Optional(), Length(max=250)]
    )
    embed_title_en = StringField(
        _l("Tiêu đề nội dung nhúng (tiếng Anh)"), validators=[Optional(), Length(max=250)]
    )
    position = IntegerField(_l("Thứ tự"), default=0, validators=[Optional()])


class LinkForm(FlaskForm):
    group = SelectField(_l("Nhóm"), choices=enum_choices(LinkGroup))
    title_vi = StringField(_l("Tên (tiếng Việt)"), validators=[DataRequired(), Length(max=250)])
    title_en = StringField(_l("Tên (tiếng Anh)"), validators=[Optional(), Length(max=250)])
    url = StringField(_l("Địa chỉ"), validators=[DataRequired(), Length(max=500)])
    position = IntegerField(_l("Thứ tự"), default=0, validators=[Optional()])
