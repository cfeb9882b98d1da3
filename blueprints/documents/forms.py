"""Back-office form for a document of the library."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional

from app.forms import OptionalIdField, enum_choices, reviewed_field
from blueprints.documents.models import Category, DocType, Field, Status


class DocumentForm(FlaskForm):
    number = StringField(
        _l("Số, ký hiệu"), validators=[DataRequired(_l("Nhập số, ký hiệu văn bản.")), Length(max=100)]
    )
    category = SelectField(_l("Nhóm văn bản"), choices=enum_choices(Category))
    doc_type = SelectField(_l("Loại văn bản"), choices=enum_choices(DocType))
    field = SelectField(_l("Lĩnh vực"), choices=enum_choices(Field))
    issuer = StringField(
        _l("Cơ quan ban hành"), validators=[DataRequired(_l("Nhập cơ quan ban hành.")), Length(max=200)]
    )
    signer = StringField(_l("Người ký"), validators=[Length(max=200)])
    issued_on = DateField(_l("Ngày ban hành"), validators=[DataRequired(_l("Nhập ngày ban hành."))])
    effective_on = DateField(_l("Ngày có hiệu lực"), validators=[Optional()])
    status = SelectField(_l("Tình trạng hiệu lực"), choices=enum_choices(Status))
    replaced_by_id = OptionalIdField(_l("Bị thay thế bởi văn bản"))
    summary = TextAreaField(
        _l("Trích yếu"),
        validators=[DataRequired(_l("Nhập trích yếu.")), Length(max=2000)],
        render_kw={"rows": 4},
    )
    summary_en = TextAreaField(
        _l("Trích yếu (tiếng Anh)"), validators=[Length(max=2000)], render_kw={"rows": 4, "lang": "en"}
    )
    reviewed = reviewed_field()
    upload = FileField(_l("Thêm tệp (PDF, Word, Excel hoặc OpenDocument)"))
    is_published = BooleanField(_l("Công khai trên cổng thông tin"), default=True)
    submit = SubmitField(_l("Lưu"))
