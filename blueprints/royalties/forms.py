"""Forms of the plan, the quota setting and the royalty tables (lazy Vietnamese labels)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    DateField,
    DecimalField,
    IntegerField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, ValidationError

from app.forms import enum_choices
from blueprints.newsroom.models import ArticleKind
from blueprints.royalties.models import OverCapPolicy

MONTHS = [SelectChoice(m, f"{m:02d}") for m in range(1, 13)]


class PlanForm(FlaskForm):
    year = IntegerField(
        _l("Năm"), validators=[InputRequired(_l("Nhập năm.")), NumberRange(min=2000, max=2100)]
    )
    month = SelectField(_l("Tháng"), coerce=int, choices=MONTHS)
    title = StringField(
        _l("Tên kế hoạch"), validators=[DataRequired(_l("Nhập tên kế hoạch.")), Length(max=300)]
    )
    intro = TextAreaField(_l("Định hướng chung"), validators=[Length(max=5000)], render_kw={"rows": 4})
    submit = SubmitField(_l("Tạo kế hoạch"))


class TopicForm(FlaskForm):
    title = StringField(_l("Chủ đề"), validators=[DataRequired(_l("Nhập chủ đề.")), Length(max=300)])
    description = TextAreaField(_l("Gợi ý nội dung"), validators=[Length(max=3000)], render_kw={"rows": 2})
    due_date = DateField(_l("Hạn gửi bài"), validators=[InputRequired(_l("Chọn hạn gửi bài."))])
    unit_ids = SelectMultipleField(
        _l("Đơn vị thực hiện (để trống: tất cả)"), coerce=int, validate_choice=False
    )
    submit = SubmitField(_l("Thêm chủ đề"))


class ConfirmForm(FlaskForm):
    """A button with its CSRF token (publish, delete)."""

    submit = SubmitField(_l("Xác nhận"))


class QuotaSettingsForm(FlaskForm):
    over_cap_policy = SelectField(
        _l("Khi đơn vị vượt mức tối đa trong tháng"), choices=enum_choices(OverCapPolicy)
    )
    submit = SubmitField(_l("Lưu cài đặt"))


class RateForm(FlaskForm):
    kind = SelectField(_l("Thể loại"), choices=enum_choices(ArticleKind))
    effective_from = DateField(_l("Áp dụng từ ngày"), validators=[InputRequired(_l("Chọn ngày áp dụng."))])
    factor_min = DecimalField(
        _l("Hệ số thấp nhất"),
        places=2,
        validators=[InputRequired(_l("Nhập hệ số.")), NumberRange(min=0, max=999)],
    )
    factor_max = DecimalField(
        _l("Hệ số cao nhất"),
        places=2,
        validators=[InputRequired(_l("Nhập hệ số.")), NumberRange(min=0, max=999)],
    )
    submit = SubmitField(_l("Thêm mức hệ số"))

    def validate_factor_max(self, field):
        if self.factor_min.data is not None and field.data is not None and field.data < self.factor_min.data:
            raise ValidationError(_l("Hệ số cao nhất phải lớn hơn hoặc bằng hệ số thấp nhất."))


class BaseForm(FlaskForm):
    effective_from = DateField(_l("Áp dụng từ ngày"), validators=[InputRequired(_l("Chọn ngày áp dụng."))])
    base_salary = IntegerField(
        _l("Mức lương cơ sở (đồng)"),
        validators=[InputRequired(_l("Nhập mức lương cơ sở.")), NumberRange(min=1, max=10**12)],
    )
    percent = DecimalField(
        _l("Tỷ lệ tính mức cơ sở nhuận bút (%)"),
        places=3,
        default=10,
        validators=[InputRequired(_l("Nhập tỷ lệ.")), NumberRange(min=0.001, max=100)],
    )
    note = StringField(_l("Căn cứ (văn bản)"), validators=[Optional(), Length(max=300)])
    submit = SubmitField(_l("Thêm mức cơ sở"))


class BudgetForm(FlaskForm):
    year = IntegerField(
        _l("Năm"), validators=[InputRequired(_l("Nhập năm.")), NumberRange(min=2000, max=2100)]
    )
    amount = IntegerField(
        _l("Dự toán nhuận bút cả năm (đồng)"),
        validators=[InputRequired(_l("Nhập số tiền.")), NumberRange(min=0, max=10**13)],
    )
    submit = SubmitField(_l("Lưu dự toán"))


class CloseMonthForm(FlaskForm):
    """Close the month shown (its year and month travel in the URL)."""

    submit = SubmitField(_l("Chốt tháng"))


class ReopenMonthForm(FlaskForm):
    reason = TextAreaField(
        _l("Lý do mở lại"),
        validators=[DataRequired(_l("Nhập lý do mở lại tháng.")), Length(max=2000)],
        render_kw={"rows": 2},
    )
    submit = SubmitField(_l("Mở lại tháng"))
