"""Back-office forms of the programmes capability (labels are lazy Vietnamese msgids)."""

from __future__ import annotations

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional, Regexp

from app.forms import enum_choices
from blueprints.programmes.models import ProjectKind


class ProjectForm(FlaskForm):
    kind = SelectField(_l("Loại thông tin"), choices=enum_choices(ProjectKind))
    name = StringField(_l("Tên"), validators=[DataRequired(), Length(max=300)])
    goal = TextAreaField(_l("Mục tiêu"), validators=[Optional(), Length(max=5000)])
    field = StringField(_l("Lĩnh vực"), validators=[Optional(), Length(max=120)])
    project_type = StringField(
        _l("Loại dự án"),
        validators=[Optional(), Length(max=120)],
        description=_l("Ví dụ: nhóm C, đầu tư công, gói thầu xây lắp."),
    )
    duration = StringField(_l("Thời gian thực hiện"), validators=[Optional(), Length(max=120)])
    budget_vnd = IntegerField(_l("Tổng mức đầu tư (đồng)"), validators=[Optional(), NumberRange(min=0)])
    funder = StringField(_l("Nguồn vốn"), validators=[Optional(), Length(max=200)])
    status = StringField(_l("Tình trạng"), validators=[Optional(), Length(max=120)])


class ScienceProgrammeForm(FlaskForm):
    code = StringField(_l("Mã số"), validators=[DataRequired(), Length(max=60)])
    name = StringField(_l("Tên chương trình, đề tài"), validators=[DataRequired(), Length(max=300)])
    level = StringField(
        _l("Cấp quản lý"),
        validators=[Optional(), Length(max=80)],
        description=_l("Ví dụ: cấp tỉnh, cấp thành phố, cấp cơ sở."),
    )
    field = StringField(_l("Lĩnh vực"), validators=[Optional(), Length(max=120)])
    lead_unit = StringField(_l("Đơn vị chủ trì"), validators=[Optional(), Length(max=200)])
    duration = StringField(_l("Thời gian thực hiện"), validators=[Optional(), Length(max=120)])
    results = TextAreaField(_l("Kết quả"), validators=[Optional(), Length(max=5000)])


class StatisticsReportForm(FlaskForm):
    title = StringField(_l("Tên báo cáo"), validators=[DataRequired(), Length(max=300)])
    period = StringField(
        _l("Kỳ báo cáo"),
        validators=[DataRequired(), Length(max=80)],
        description=_l("Ví dụ: Quý I năm 2024, 6 tháng đầu năm 2024."),
    )
    published_on = DateField(_l("Ngày công bố"), default=date.today, validators=[DataRequired()])
    file = FileField(_l("Tệp báo cáo (PDF, Word, Excel)"))


class FiguresImportForm(FlaskForm):
    file = FileField(_l("Tệp CSV số liệu"), validators=[FileRequired()])


class PeriodForm(FlaskForm):
    period = StringField(validators=[DataRequired(), Regexp(r"^\d{4}(-Q[1-4]|-\d{2})?$")])
