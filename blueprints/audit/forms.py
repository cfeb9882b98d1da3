"""The audit log's filter: read from the query string, so a filtered page has its own address."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectChoice, SelectField, StringField
from wtforms.validators import Length, Optional

from blueprints.audit.models import AuditAction


class AuditFilterForm(FlaskForm):
    class Meta:
        csrf = False  # a GET search changes nothing

    action = SelectField(
        _l("Hành động"),
        choices=[SelectChoice("", _l("Tất cả"))] + [SelectChoice(str(a), a.label) for a in AuditAction],
        default="",
        validate_choice=False,
    )
    who = StringField(_l("Người thực hiện (thư điện tử)"), validators=[Optional(), Length(max=254)])
    since = DateField(_l("Từ ngày"), validators=[Optional()])
    until = DateField(_l("Đến ngày"), validators=[Optional()])
