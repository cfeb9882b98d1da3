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
    IntegerField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import (
    URL,
    DataRequired,
    InputRequired,
    Length,
    NumberRange,
    Optional,
    ValidationError,
)

from app.forms import enum_choices, reviewed_field
from blueprints.newsroom.models import ArticleKind, ArticleState, SourceType, UnitKind


def _optional_int(value):
    return int(value) if value not in (None, "", "None") else None


class ArticleForm(FlaskForm):
    """The guided form of a part-time collaborator: few fields, each with a hint."""

    version = HiddenField()
    title = StringField(_l("Tiêu đề"), validators=[DataRequired(_l("Nhập tiêu đề.")), Length(max=300)])
    summary = TextAreaField(_l("Sapo (tóm tắt)"), validators=[Length(max=2000)], render_kw={"rows": 3})
    body = TextAreaField(_l("Nội dung"), render_kw={"rows": 16, "class": "richtext"})
    kind = SelectField(_l("Thể loại"), choices=enum_choices(ArticleKind))
    section_id = SelectField(_l("Chuyên mục"), coerce=_optional_int, validate_choice=False)
    unit_id = SelectField(_l("Đơn vị"), coerce=_optional_int, validate_choice=False)
    author_ids = SelectMultipleField(_l("Tác giả"), coerce=int, validate_choice=False)
    tags = StringField(_l("Từ khóa (cách nhau bởi dấu phẩy)"), validators=[Length(max=500)])
    is_highlight = BooleanField(_l("Tin nổi bật (đề xuất lên Cổng thành phố)"))
    cover = FileField(_l("Ảnh đại diện (JPEG, PNG, WebP)"))
    cover_alt = StringField(
        _l("Mô tả ảnh cho người khiếm thị (bắt buộc khi có ảnh)"), validators=[Length(max=300)]
    )
    cover_caption = StringField(_l("Chú thích ảnh"), validators=[Length(max=500)])
    source_type = RadioField(_l("Nguồn tin"), choices=enum_choices(SourceType), validators=[Optional()])
    source_name = StringField(_l("Tên nguồn (báo, trang web, cơ quan)"), validators=[Length(max=300)])
    source_url = StringField(
        _l("Đường dẫn đến nguồn"),
        validators=[
            Optional(),
            URL(message=_l("Nhập một đường dẫn đầy đủ, bắt đầu bằng http:// hoặc https://.")),
            Length(max=1000),
        ],
    )
    source_author = StringField(_l("Tác giả gốc (nếu biết)"), validators=[Length(max=200)])
    save = SubmitField(_l("Lưu"))
    save_and_submit = SubmitField(_l("Lưu và gửi duyệt"))


class TransitionForm(FlaskForm):
    comment = TextAreaField(_l("Ghi chú / lý do"), validators=[Length(max=2000)], render_kw={"rows": 2})
    publish_at = DateTimeLocalField(_l("Thời điểm đăng"), format="%Y-%m-%dT%H:%M", validators=[Optional()])
    factor = DecimalField(
        _l("Hệ số nhuận bút"), places=2, validators=[Optional(), NumberRange(min=0, max=999)]
    )


class FilterForm(FlaskForm):
    class Meta:
        csrf = False

    state = SelectField(
        _l("Trạng thái"), choices=enum_choices(ArticleState, blank=_l("Tất cả")), validate_choice=False
    )
    kind = SelectField(
        _l("Thể loại"), choices=enum_choices(ArticleKind, blank=_l("Tất cả")), validate_choice=False
    )
    section_id = SelectField(_l("Chuyên mục"), coerce=_optional_int, validate_choice=False)
    unit_id = SelectField(_l("Đơn vị"), coerce=_optional_int, validate_choice=False)
    q = StringField(_l("Tìm theo tiêu đề"))
    submit = SubmitField(_l("Lọc"))


class RestoreForm(FlaskForm):
    version = HiddenField()
    submit = SubmitField(_l("Khôi phục phiên bản này"))


def _cap_not_below_minimum(form, field):
    if (
        field.data is not None
        and form.monthly_minimum.data is not None
        and field.data < form.monthly_minimum.data
    ):
        raise ValidationError(_l("Mức tối đa không được nhỏ hơn mức tối thiểu."))


class UnitForm(FlaskForm):
    name_vi = StringField(
        _l("Tên đơn vị"), validators=[DataRequired(_l("Nhập tên đơn vị.")), Length(max=200)]
    )
    name_en = StringField(_l("Tên tiếng Anh"), validators=[Length(max=200)])
    kind = SelectField(_l("Loại đơn vị"), choices=enum_choices(UnitKind))
    monthly_minimum = IntegerField(
        _l("Số bài tối thiểu mỗi tháng"), validators=[Optional(), NumberRange(min=0, max=100)]
    )
    monthly_cap = IntegerField(
        _l("Số bài tối đa mỗi tháng"),
        validators=[Optional(), NumberRange(min=0, max=100), _cap_not_below_minimum],
    )
    submit = SubmitField(_l("Thêm đơn vị"))


class MemberForm(FlaskForm):
    full_name = StringField(
        _l("Họ và tên"), validators=[DataRequired(_l("Nhập họ và tên.")), Length(max=200)]
    )
    title_vi = StringField(_l("Chức vụ"), validators=[DataRequired(_l("Nhập chức vụ.")), Length(max=300)])
    title_en = StringField(_l("Chức vụ (tiếng Anh)"), validators=[Length(max=300)])
    unit_id = SelectField(_l("Đơn vị"), coerce=_optional_int, validate_choice=False)
    on_board = BooleanField(_l("Thành viên Ban biên tập (hiện trên trang công khai)"), default=True)
    submit = SubmitField(_l("Thêm người"))


def _order_field():
    return IntegerField(
        _l("Thứ tự hiển thị"),
        validators=[InputRequired(_l("Nhập thứ tự hiển thị.")), NumberRange(min=0, max=999)],
    )


class UnitEditForm(UnitForm):
    """Editing a unit: the quota is stated (no portal default to fall back on); a merged unit is
    deactivated, not deleted, so its articles and royalty history keep their unit."""

    monthly_minimum = IntegerField(
        _l("Số bài tối thiểu mỗi tháng"),
        validators=[InputRequired(_l("Nhập số bài.")), NumberRange(min=0, max=100)],
    )
    monthly_cap = IntegerField(
        _l("Số bài tối đa mỗi tháng"),
        validators=[InputRequired(_l("Nhập số bài.")), NumberRange(min=0, max=100), _cap_not_below_minimum],
    )
    is_active = BooleanField(_l("Đang hoạt động (hiện trong danh sách chọn đơn vị)"))
    position = _order_field()
    submit = SubmitField(_l("Lưu thay đổi"))


class MemberEditForm(MemberForm):
    """Editing a person: someone who left the board is hidden (`on_board`), not deleted."""

    position = _order_field()
    submit = SubmitField(_l("Lưu thay đổi"))


class SettingsForm(FlaskForm):
    late_after_days = IntegerField(
        _l("Số ngày chờ duyệt thì coi là trễ"),
        validators=[DataRequired(_l("Nhập số ngày.")), NumberRange(min=1, max=60)],
    )
    default_monthly_minimum = IntegerField(
        _l("Số bài tối thiểu mặc định"), validators=[Optional(), NumberRange(min=0, max=100)]
    )
    default_monthly_cap = IntegerField(
        _l("Số bài tối đa mặc định"), validators=[Optional(), NumberRange(min=0, max=100)]
    )
    submit = SubmitField(_l("Lưu cài đặt"))


class TranslationForm(FlaskForm):
    """The English version of an article, on its own page ("Bản dịch tiếng Anh")."""

    title_en = StringField(_l("Tiêu đề tiếng Anh"), validators=[Length(max=300)], render_kw={"lang": "en"})
    summary_en = TextAreaField(
        _l("Sapo tiếng Anh"), validators=[Length(max=2000)], render_kw={"rows": 3, "lang": "en"}
    )
    body_en = TextAreaField(_l("Nội dung tiếng Anh"), render_kw={"rows": 16, "lang": "en"})
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu bản dịch"))


class SectionNamesForm(FlaskForm):
    name_vi = StringField(
        _l("Tên chuyên mục"), validators=[DataRequired(_l("Nhập tên chuyên mục.")), Length(max=200)]
    )
    name_en = StringField(
        _l("Tên chuyên mục (tiếng Anh)"), validators=[Length(max=200)], render_kw={"lang": "en"}
    )
    reviewed = reviewed_field()
    submit = SubmitField(_l("Lưu"))
