"""Forms of the Q&A: the citizen's question or feedback, the status lookup, and the back office's
assignment, note, answer, publication, category and settings forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateField,
    EmailField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Email, InputRequired, Length, NumberRange, Optional, Regexp

from app.public_forms import PublicForm
from blueprints.feedback.models import ItemKind

SUBJECT_MAX, BODY_MAX, NAME_MAX, PHONE_MAX = 200, 5000, 120, 30


def _optional_id(value):
    return int(value) if value not in (None, "", "None") else None


class AskForm(PublicForm):
    kind = RadioField(
        _l("Bạn muốn gửi"),
        choices=[SelectChoice(k.value, k.label) for k in ItemKind],
        default=ItemKind.QUESTION.value,
        validators=[InputRequired(_l("Chọn câu hỏi hay góp ý."))],
    )
    category_id = SelectField(_l("Lĩnh vực"), coerce=_optional_id, validate_choice=False)
    subject = StringField(
        _l("Tiêu đề"),
        validators=[
            DataRequired(_l("Nhập tiêu đề.")),
            Length(max=SUBJECT_MAX, message=_l("Tiêu đề tối đa 200 ký tự.")),
        ],
    )
    body = TextAreaField(
        _l("Nội dung"),
        render_kw={"rows": 8},
        validators=[
            DataRequired(_l("Nhập nội dung.")),
            Length(min=10, max=BODY_MAX, message=_l("Nội dung từ 10 đến 5.000 ký tự.")),
        ],
    )
    name = StringField(
        _l("Họ và tên"),
        render_kw={"autocomplete": "name"},
        validators=[
            DataRequired(_l("Nhập họ và tên.")),
            Length(max=NAME_MAX, message=_l("Họ và tên tối đa 120 ký tự.")),
        ],
    )
    email = EmailField(
        _l("Thư điện tử"),
        render_kw={"autocomplete": "email"},
        validators=[
            DataRequired(_l("Nhập địa chỉ thư điện tử để nhận mã theo dõi và câu trả lời.")),
            Email(_l("Nhập một địa chỉ thư điện tử hợp lệ.")),
            Length(max=254),
        ],
    )
    phone = StringField(
        _l("Số điện thoại (không bắt buộc)"),
        render_kw={"autocomplete": "tel", "inputmode": "tel"},
        validators=[
            Optional(),
            Length(max=PHONE_MAX),
            Regexp(r"^[0-9 +().-]+$", message=_l("Số điện thoại chỉ gồm chữ số, dấu cách và + ( ) . -")),
        ],
    )
    attachment = FileField(_l("Tệp đính kèm (không bắt buộc): PDF, JPEG hoặc PNG, tối đa 10 MB"))
    consent = BooleanField(
        _l("Tôi đồng ý cho cơ quan xử lý dữ liệu cá nhân của tôi theo mục đích nêu trên."),
        validators=[DataRequired(_l("Cần sự đồng ý của bạn để cơ quan tiếp nhận và trả lời."))],
    )
    may_publish = BooleanField(
        _l(
            "Đồng ý đăng câu hỏi và câu trả lời trong mục Hỏi đáp công khai "
            "(không kèm thư điện tử, số điện thoại, tệp đính kèm)."
        )
    )
    show_name = BooleanField(_l("Hiện họ tên của tôi khi đăng công khai."))
    submit = SubmitField(_l("Gửi"))


class LookupForm(PublicForm):
    code = StringField(
        _l("Mã theo dõi"),
        render_kw={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"},
        validators=[DataRequired(_l("Nhập mã theo dõi.")), Length(max=40)],
    )
    email = EmailField(
        _l("Thư điện tử"),
        render_kw={"autocomplete": "email"},
        validators=[DataRequired(_l("Nhập địa chỉ thư điện tử đã dùng khi gửi.")), Length(max=254)],
    )
    submit = SubmitField(_l("Tra cứu"))


class AssignForm(FlaskForm):
    unit_id = SelectField(_l("Đơn vị xử lý"), coerce=_optional_id, validate_choice=False)
    assignee_id = SelectField(_l("Người trả lời"), coerce=_optional_id, validate_choice=False)
    submit = SubmitField(_l("Giao xử lý"))


class NoteForm(FlaskForm):
    body = TextAreaField(
        _l("Ghi chú nội bộ"),
        render_kw={"rows": 3},
        validators=[DataRequired(_l("Nhập ghi chú.")), Length(max=BODY_MAX)],
    )
    submit = SubmitField(_l("Thêm ghi chú"))


class AnswerForm(FlaskForm):
    answer = TextAreaField(
        _l("Nội dung trả lời"),
        render_kw={"rows": 10},
        validators=[DataRequired(_l("Nhập nội dung trả lời.")), Length(max=20000)],
    )
    submit = SubmitField(_l("Lưu và gửi trả lời"))


class PublishForm(FlaskForm):
    submit = SubmitField(_l("Đăng công khai"))


class WithdrawForm(FlaskForm):
    submit = SubmitField(_l("Gỡ khỏi Hỏi đáp công khai"))


class CategoryForm(FlaskForm):
    name_vi = StringField(
        _l("Tên lĩnh vực (tiếng Việt)"), validators=[DataRequired(_l("Nhập tên lĩnh vực.")), Length(max=200)]
    )
    name_en = StringField(_l("Tên lĩnh vực (tiếng Anh)"), validators=[Length(max=200)])
    position = IntegerField(_l("Thứ tự"), default=0, validators=[Optional(), NumberRange(min=0, max=999)])
    is_active = BooleanField(_l("Đang dùng"), default=True)


class SettingsForm(FlaskForm):
    answer_days = IntegerField(
        _l("Số ngày làm việc để trả lời"),
        validators=[
            InputRequired(_l("Nhập số ngày.")),
            NumberRange(min=1, max=90, message=_l("Từ 1 đến 90 ngày.")),
        ],
    )
    retention_months = IntegerField(
        _l("Số tháng giữ dữ liệu cá nhân sau khi trả lời"),
        validators=[
            InputRequired(_l("Nhập số tháng.")),
            NumberRange(min=1, max=120, message=_l("Từ 1 đến 120 tháng.")),
        ],
    )
    submit = SubmitField(_l("Lưu cài đặt"))


class HolidayForm(FlaskForm):
    day = DateField(_l("Ngày"), validators=[DataRequired(_l("Nhập ngày."))])
    name_vi = StringField(
        _l("Tên ngày nghỉ (tiếng Việt)"),
        validators=[DataRequired(_l("Nhập tên ngày nghỉ.")), Length(max=200)],
    )
    name_en = StringField(_l("Tên ngày nghỉ (tiếng Anh)"), validators=[Length(max=200)])
    submit = SubmitField(_l("Thêm ngày nghỉ"))


class DeleteForm(FlaskForm):
    submit = SubmitField(_l("Xóa"))
