"""Forms of consultations: the citizen's comment and subscription (PublicForm: CSRF, honeypot,
length limits) and the back office's consultation, revision, moderation and report forms."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
    BooleanField,
    DateTimeLocalField,
    EmailField,
    HiddenField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Email, InputRequired, Length

from app.forms import enum_choices
from app.public_forms import PublicForm
from blueprints.consultations.models import Moderation

CONSENT = _l(
    "Tôi đồng ý để cơ quan soạn thảo xử lý họ tên, thư điện tử và tổ chức tôi cung cấp nhằm tiếp "
    "nhận, tổng hợp và phản hồi ý kiến góp ý dự thảo (Nghị định 13/2023/NĐ-CP). Họ tên, tổ chức và ý "
    "kiến được công khai; thư điện tử không bao giờ được công khai."
)


def _email_field(label, **options) -> EmailField:
    """A required e-mail address, checked and kept to 254 characters."""
    return EmailField(
        label,
        validators=[
            DataRequired(_l("Nhập thư điện tử.")),
            Email(_l("Thư điện tử không hợp lệ.")),
            Length(max=254),
        ],
        **options,
    )


class CommentForm(PublicForm):
    clause = SelectField(_l("Góp ý về"), validate_choice=False)
    body = TextAreaField(
        _l("Ý kiến góp ý"),
        validators=[DataRequired(_l("Nhập ý kiến góp ý.")), Length(max=5000)],
        render_kw={"rows": 7},
    )
    name = StringField(
        _l("Họ và tên"),
        validators=[DataRequired(_l("Nhập họ và tên.")), Length(max=120)],
        render_kw={"autocomplete": "name"},
    )
    email = _email_field(_l("Thư điện tử (không công khai)"), render_kw={"autocomplete": "email"})
    organisation = StringField(
        _l("Cơ quan, tổ chức (không bắt buộc)"),
        validators=[Length(max=200)],
        render_kw={"autocomplete": "organization"},
    )
    consent = BooleanField(CONSENT, validators=[InputRequired(_l("Cần đồng ý để gửi ý kiến."))])
    submit = SubmitField(_l("Gửi ý kiến"))


class SubscribeForm(PublicForm):
    email = _email_field(_l("Thư điện tử"), render_kw={"autocomplete": "email"})
    consent = BooleanField(
        _l(
            "Tôi đồng ý để cổng thông tin lưu địa chỉ thư điện tử này chỉ nhằm gửi thông báo "
            "về việc lấy ý kiến dự thảo (Nghị định 13/2023/NĐ-CP); tôi có thể hủy bất cứ lúc "
            "nào."
        ),
        validators=[InputRequired(_l("Cần đồng ý để đăng ký."))],
    )
    submit = SubmitField(_l("Đăng ký nhận thư"))


class ConsultationForm(FlaskForm):
    title = StringField(
        _l("Tên dự thảo"), validators=[DataRequired(_l("Nhập tên dự thảo.")), Length(max=300)]
    )
    summary = TextAreaField(_l("Tóm tắt"), validators=[Length(max=5000)], render_kw={"rows": 4})
    drafting_body = StringField(_l("Cơ quan chủ trì soạn thảo"), validators=[Length(max=200)])
    opens_at = DateTimeLocalField(
        _l("Bắt đầu lấy ý kiến (giờ địa phương)"),
        format="%Y-%m-%dT%H:%M",
        validators=[DataRequired(_l("Nhập thời điểm bắt đầu."))],
    )
    closes_at = DateTimeLocalField(
        _l("Hạn góp ý (giờ địa phương)"),
        format="%Y-%m-%dT%H:%M",
        validators=[DataRequired(_l("Nhập hạn góp ý."))],
    )
    agency_name = StringField(
        _l("Cơ quan tiếp nhận ý kiến"),
        validators=[DataRequired(_l("Nhập cơ quan tiếp nhận.")), Length(max=200)],
    )
    agency_address = StringField(
        _l("Địa chỉ cơ quan tiếp nhận"), validators=[DataRequired(_l("Nhập địa chỉ.")), Length(max=300)]
    )
    agency_email = _email_field(_l("Thư điện tử cơ quan tiếp nhận"))
    agency_phone = StringField(
        _l("Điện thoại cơ quan tiếp nhận"),
        validators=[DataRequired(_l("Nhập số điện thoại.")), Length(max=50)],
    )
    upload = FileField(_l("Thêm tệp dự thảo (PDF hoặc Word)"))
    is_published = BooleanField(_l("Công khai trên cổng thông tin"), default=True)
    submit = SubmitField(_l("Lưu"))


class RevisionForm(FlaskForm):
    text = TextAreaField(
        _l("Toàn văn dự thảo"),
        validators=[DataRequired(_l("Nhập toàn văn dự thảo.")), Length(max=200_000)],
        render_kw={"rows": 24},
    )
    note = StringField(_l("Ghi chú về lần sửa đổi"), validators=[Length(max=500)])
    submit = SubmitField(_l("Lưu thành bản dự thảo mới"))


class ModerationForm(FlaskForm):
    action = HiddenField()
    reason = TextAreaField(
        _l("Lý do từ chối (gửi cho người góp ý)"), validators=[Length(max=1000)], render_kw={"rows": 2}
    )


class ResponseForm(FlaskForm):
    response = TextAreaField(
        _l("Ý kiến tiếp thu, giải trình"), validators=[Length(max=5000)], render_kw={"rows": 3}
    )
    submit = SubmitField(_l("Lưu ý kiến tiếp thu"))


class ReportForm(FlaskForm):
    report = TextAreaField(
        _l("Báo cáo tiếp thu, giải trình"),
        validators=[DataRequired(_l("Nhập báo cáo tiếp thu, giải trình.")), Length(max=50_000)],
        render_kw={"rows": 12},
    )
    submit = SubmitField(_l("Công bố báo cáo và kết thúc"))


class SettingsForm(FlaskForm):
    moderation = RadioField(_l("Kiểm duyệt ý kiến"), choices=enum_choices(Moderation))
    submit = SubmitField(_l("Lưu cài đặt"))
