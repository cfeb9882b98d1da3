"""Back-office form for one engagement of the schedule."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, DateField, StringField, SubmitField, TextAreaField, TimeField
from wtforms.validators import DataRequired, Length, Optional, ValidationError


class EntryForm(FlaskForm):
    day = DateField(_l("Ngày"), validators=[DataRequired(_l("Nhập ngày."))])
    starts_at = TimeField(_l("Giờ bắt đầu"), validators=[DataRequired(_l("Nhập giờ bắt đầu."))])
    ends_at = TimeField(_l("Giờ kết thúc"), validators=[Optional()])
    presider = StringField(
        _l("Lãnh đạo chủ trì"), validators=[DataRequired(_l("Nhập lãnh đạo chủ trì.")), Length(max=200)]
    )
    content_vi = TextAreaField(
        _l("Nội dung (tiếng Việt)"),
        validators=[DataRequired(_l("Nhập nội dung.")), Length(max=2000)],
        render_kw={"rows": 3},
    )
    content_en = TextAreaField(
        _l("Nội dung (tiếng Anh)"), validators=[Length(max=2000)], render_kw={"rows": 3}
    )
    participants = TextAreaField(
        _l("Thành phần tham dự"), validators=[Length(max=2000)], render_kw={"rows": 2}
    )
    location = StringField(_l("Địa điểm"), validators=[Length(max=300)])
    is_published = BooleanField(_l("Công khai trên cổng thông tin"), default=True)
    submit = SubmitField(_l("Lưu"))

    def validate_ends_at(self, field):
        if field.data and self.starts_at.data and field.data <= self.starts_at.data:
            raise ValidationError(_l("Giờ kết thúc phải sau giờ bắt đầu."))
