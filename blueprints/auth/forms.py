"""Sign-in and password forms. Labels are lazy so they follow the page's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, StringField, SubmitField
from wtforms.validators import DataRequired, Email, EqualTo, Length

from blueprints.auth.services import MIN_PASSWORD_LENGTH


def _account_email() -> EmailField:
    """The e-mail address that names an account (signing in, asking for a reset link)."""
    return EmailField(
        _l("Thư điện tử"),
        validators=[
            DataRequired(_l("Nhập địa chỉ thư điện tử của bạn.")),
            Email(_l("Nhập một địa chỉ thư điện tử hợp lệ.")),
        ],
        render_kw={"autocomplete": "username"},
    )


class LoginForm(FlaskForm):
    email = _account_email()
    password = PasswordField(
        _l("Mật khẩu"),
        validators=[DataRequired(_l("Nhập mật khẩu của bạn."))],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField(_l("Đăng nhập"))


class ForgotPasswordForm(FlaskForm):
    email = _account_email()
    submit = SubmitField(_l("Gửi cho tôi liên kết đặt lại mật khẩu"))


def _new_password() -> PasswordField:
    return PasswordField(
        _l("Mật khẩu mới"),
        validators=[
            DataRequired(_l("Nhập mật khẩu mới.")),
            Length(
                min=MIN_PASSWORD_LENGTH,
                max=200,
                message=_l("Dùng ít nhất %(num)d ký tự.", num=MIN_PASSWORD_LENGTH),
            ),
        ],
        render_kw={"autocomplete": "new-password"},
    )


def _confirm_password() -> PasswordField:
    return PasswordField(
        _l("Nhập lại mật khẩu mới"),
        validators=[
            DataRequired(_l("Hãy nhập lại mật khẩu mới.")),
            EqualTo("password", _l("Hai mật khẩu không khớp nhau.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )


class ResetPasswordForm(FlaskForm):
    password = _new_password()
    confirm = _confirm_password()
    submit = SubmitField(_l("Lưu mật khẩu mới"))


class ChangePasswordForm(ResetPasswordForm):
    """The reset form, and the current password: a session left open is not enough to change it."""

    current = PasswordField(
        _l("Mật khẩu hiện tại"),
        validators=[DataRequired(_l("Nhập mật khẩu hiện tại.")), Length(max=200)],
        render_kw={"autocomplete": "current-password"},
    )
    submit = SubmitField(_l("Đổi mật khẩu"))


class CodeForm(FlaskForm):
    """The second factor: six digits from the app, or a recovery code."""

    code = StringField(
        _l("Mã xác thực"),
        validators=[DataRequired(_l("Nhập mã xác thực.")), Length(max=20)],
        render_kw={"autocomplete": "one-time-code", "inputmode": "numeric", "autocapitalize": "off"},
    )
    submit = SubmitField(_l("Xác nhận"))


class RenewCodesForm(FlaskForm):
    submit = SubmitField(_l("Tạo mã khôi phục mới"))
