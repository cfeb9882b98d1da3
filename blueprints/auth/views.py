"""Sign-in views. Thin: parse the form, call a service, render."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from app.extensions import db, login_manager
from app.i18n import current_locale
from app.security import request_host
from app.templating import render
from blueprints.auth.blueprint import bp
from blueprints.auth.forms import ForgotPasswordForm, LoginForm, ResetPasswordForm
from blueprints.auth.models import User
from blueprints.auth.services import (
    authenticate,
    find_user,
    reset_mail_allowed,
    set_password,
    user_for_reset_token,
)
from blueprints.auth.tasks import send_password_reset_mail
from tenants.context import require_tenant
from workers.queue import enqueue_after_commit

login_manager.login_view = "auth.login"
login_manager.login_message = None  # the login page explains itself


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id))
    # A user whose role here was withdrawn is signed out on the next request.
    if user is None or not user.roles_here():
        return None
    return user


def _safe_next(target: str | None) -> str:
    """Only same-site paths: never an open redirect to another host."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("admin.dashboard")


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(
            require_tenant().id, form.email.data, form.password.data, request.remote_addr or "-"
        )
        if result.throttled:
            form.email.errors.append(
                _("Đăng nhập sai quá nhiều lần. Vui lòng chờ 15 phút hoặc đặt lại mật khẩu.")
            )
            return render("auth/login.html", form=form), 429
        if result.user is None:
            form.password.errors.append(
                _("Thư điện tử hoặc mật khẩu không đúng, hoặc bạn không có vai trò trên cổng thông tin này.")
            )
            return render("auth/login.html", form=form), 200
        session.clear()  # a fresh session at the change of privilege
        login_user(result.user)
        db.session.commit()
        return redirect(_safe_next(request.args.get("next")))
    return render("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    logout_user()
    session.clear()
    flash(_("Bạn đã đăng xuất."), "info")
    return redirect(url_for("pages.home"))


@bp.route("/forgot-password", methods=["GET", "POST"])
def forgot_password():
    form = ForgotPasswordForm()
    if form.validate_on_submit():
        user = find_user(form.email.data)
        tenant_id = require_tenant().id
        if (
            user is not None
            and user.is_active
            and user.roles_here()
            and reset_mail_allowed(tenant_id, user.email)
        ):
            enqueue_after_commit(send_password_reset_mail, tenant_id, user.id, current_locale())
        db.session.commit()
        # The same answer whether or not the address is known: it reveals nobody's account.
        flash(
            _(
                "Nếu địa chỉ này thuộc về một tài khoản trên cổng thông tin, "
                "liên kết đặt lại mật khẩu đang được gửi đến."
            ),
            "info",
        )
        return redirect(url_for("auth.login"))
    return render("auth/forgot_password.html", form=form)


@bp.route("/reset-password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    user = user_for_reset_token(token, request_host())
    if user is None:
        return render("auth/reset_invalid.html"), 400
    form = ResetPasswordForm()
    if form.validate_on_submit():
        set_password(user, form.password.data)
        db.session.commit()
        flash(_("Mật khẩu của bạn đã được thay đổi. Vui lòng đăng nhập."), "success")
        return redirect(url_for("auth.login"))
    return render("auth/reset_password.html", form=form)
