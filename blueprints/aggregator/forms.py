"""Forms of the city board's back office and of platform administration."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, ValidationError


class CurateForm(FlaskForm):
    """One button of the board's list (pin, hide, …) or the position field."""

    action = HiddenField(validators=[DataRequired(), Length(max=16)])
    position = IntegerField(_l("Thứ tự"), validators=[Optional(), NumberRange(min=-9999, max=9999)])


class FeedForm(FlaskForm):
    name = StringField(
        _l("Tên nguồn"),
        validators=[DataRequired(), Length(max=200)],
        description=_l("Hiện bên cạnh mỗi tin, ví dụ “Cổng thông tin tỉnh”."),
    )
    url = StringField(
        _l("Địa chỉ RSS hoặc Atom"),
        validators=[DataRequired(), Length(max=1000)],
        description=_l("Bắt đầu bằng http:// hoặc https://"),
    )
    is_active = BooleanField(_l("Đang lấy tin"), default=True)

    def validate_url(self, field):
        if not field.data.strip().startswith(("http://", "https://")):
            raise ValidationError(_l("Địa chỉ phải bắt đầu bằng http:// hoặc https://"))


class ParentForm(FlaskForm):
    tenant = HiddenField(validators=[DataRequired(), Length(max=63)])
    parent = SelectField(_l("Cổng cấp trên"), choices=[], validate_choice=False, validators=[Length(max=63)])
