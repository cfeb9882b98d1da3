"""Sign-in and password forms. Labels are lazy so they follow the page's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import EmailField, PasswordField, SubmitField
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


class ResetPasswordForm(FlaskForm):
    password = PasswordField(
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
    confirm = PasswordField(
        _l("Nhập lại mật khẩu mới"),
        validators=[
            DataRequired(_l("Hãy nhập lại mật khẩu mới.")),
            EqualTo("password", _l("Hai mật khẩu không khớp nhau.")),
        ],
        render_kw={"autocomplete": "new-password"},
    )
    submit = SubmitField(_l("Lưu mật khẩu mới"))
