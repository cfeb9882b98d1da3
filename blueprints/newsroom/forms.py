"""Forms of the newsroom. Labels are lazy and Vietnamese; the English comes from the catalogue."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    DecimalField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import URL, DataRequired, Length, NumberRange, Optional

from blueprints.newsroom.models import ArticleKind, ArticleState, SourceType


def _optional_int(value):
    return int(value) if value not in (None, "", "None") else None


class ArticleForm(FlaskForm):
    """The guided form of a part-time collaborator: few fields, each with a hint."""

    version = HiddenField()
    title = StringField(_l("Tiêu đề"), validators=[DataRequired(_l("Nhập tiêu đề.")), Length(max=300)])
    summary = TextAreaField(_l("Sapo (tóm tắt)"), validators=[Length(max=2000)], render_kw={"rows": 3})
    body = TextAreaField(_l("Nội dung"), render_kw={"rows": 16, "class": "richtext"})
    kind = SelectField(_l("Thể loại"), choices=[(k.value, k.label) for k in ArticleKind])
    section_id = SelectField(_l("Chuyên mục"), coerce=_optional_int, validate_choice=False)
    unit_id = SelectField(_l("Đơn vị"), coerce=_optional_int, validate_choice=False)
    author_ids = SelectMultipleField(_l("Tác giả"), coerce=int, validate_choice=False)
    tags = StringField(_l("Từ khóa (cách nhau bởi dấu phẩy)"), validators=[Length(max=500)])
    is_highlight = BooleanField(_l("Tin nổi bật (đề xuất lên Cổng thành phố)"))
    cover = FileField(_l("Ảnh đại diện (JPEG, PNG, WebP)"))
    cover_alt = StringField(_l("Mô tả ảnh cho người khiếm thị (bắt buộc khi có ảnh)"), validators=[Length(max=300)])
    cover_caption = StringField(_l("Chú thích ảnh"), validators=[Length(max=500)])
    source_type = RadioField(_l("Nguồn tin"), choices=[(s.value, s.label) for s in SourceType],
                             validators=[Optional()])
    source_name = StringField(_l("Tên nguồn (báo, trang web, cơ quan)"), validators=[Length(max=300)])
    source_url = StringField(_l("Đường dẫn đến nguồn"), validators=[
        Optional(), URL(message=_l("Nhập một đường dẫn đầy đủ, bắt đầu bằng http:// hoặc https://.")),
        Length(max=1000)])
    source_author = StringField(_l("Tác giả gốc (nếu biết)"), validators=[Length(max=200)])
    save = SubmitField(_l("Lưu"))
    save_and_submit = SubmitField(_l("Lưu và gửi duyệt"))


class TransitionForm(FlaskForm):
    comment = TextAreaField(_l("Ghi chú / lý do"), validators=[Length(max=2000)], render_kw={"rows": 2})
    publish_at = DateTimeLocalField(_l("Thời điểm đăng"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    factor = DecimalField(_l("Hệ số nhuận bút"), places=2, validators=[
        Optional(), NumberRange(min=0, max=999)])


class FilterForm(FlaskForm):
    class Meta:
        csrf = False

    state = SelectField(_l("Trạng thái"), choices=[("", _l("Tất cả"))] + [(s.value, s.label) for s in ArticleState],
                        validate_choice=False)
    kind = SelectField(_l("Thể loại"), choices=[("", _l("Tất cả"))] + [(k.value, k.label) for k in ArticleKind],
                       validate_choice=False)
    section_id = SelectField(_l("Chuyên mục"), coerce=_optional_int, validate_choice=False)
    unit_id = SelectField(_l("Đơn vị"), coerce=_optional_int, validate_choice=False)
    q = StringField(_l("Tìm theo tiêu đề"))
    submit = SubmitField(_l("Lọc"))


class RestoreForm(FlaskForm):
    version = HiddenField()
    submit = SubmitField(_l("Khôi phục phiên bản này"))
