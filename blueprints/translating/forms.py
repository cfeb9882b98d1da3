"""The form of a portal's name and footer, in both languages."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, StringField, SubmitField
from wtforms.validators import Email, Length, Optional

from app.forms import reviewed_field


def _text(label, size: int = 300, english: bool = False) -> StringField:
    return StringField(label, validators=[Length(max=size)], render_kw={"lang": "en"} if english else None)


class PortalTextsForm(FlaskForm):
    owner = _text(_l("Cơ quan chủ quản"))
    responsible = _text(_l("Người chịu trách nhiệm"))
    address = _text(_l("Địa chỉ"))
    phone = _text(_l("Điện thoại"), 40)
    email = EmailField(
        _l("Thư điện tử"),
        validators=[Optional(), Email(_l("Nhập một địa chỉ thư điện tử hợp lệ.")), Length(max=254)],
    )
    name_en = _text(_l("Tên cổng thông tin (tiếng Anh)"), 200, english=True)
    owner_en = _text(_l("Cơ quan chủ quản (tiếng Anh)"), english=True)
    responsible_en = _text(_l("Người chịu trách nhiệm (tiếng Anh)"), english=True)
    address_en = _text(_l("Địa chỉ (tiếng Anh)"), english=True)
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu"))
