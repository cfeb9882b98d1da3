"""Sign-in views. Thin: parse the form, call a service, render.

Signing in takes one step, or two for a person with two-factor sign-in (required of approvers,
board heads and platform administrators): after the password the session holds only a pending
sign-in (`signin.py`), and the person is signed in once the code is right (`views_two_factor.py`).
"""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, logout_user

from app.extensions import db, login_manager
from app.i18n import current_locale
from app.security import request_host
from app.templating import render
from blueprints.audit import services as audit
from blueprints.audit.models import AuditAction
from blueprints.auth import two_factor
from blueprints.auth.blueprint import bp
from blueprints.auth.forms import ForgotPasswordForm, LoginForm, ResetPasswordForm
from blueprints.auth.models import User
from blueprints.auth.services import (
    authenticate,
    end_sessions,
    find_user,
    reset_mail_allowed,
    set_password,
    user_for_reset_token,
    user_for_session,
)
from blueprints.auth.signin import begin_pending, complete_sign_in, refused_message, safe_next
from blueprints.auth.tasks import send_password_reset_mail
from tenants.context import require_tenant
from tenants.resolver import split_host_port
from workers.queue import enqueue_after_commit

login_manager.login_view = "auth.login"
login_manager.login_message = None  # the login page explains itself


@login_manager.user_loader
def load_user(session_id: str) -> User | None:
    user = user_for_session(session_id)
    # A user whose role here was withdrawn is signed out on the next request; so is one who now
    # needs a second factor and has none yet (the next sign-in enrols them).
    if user is None or not user.roles_here():
        return None
    if two_factor.required_for(user) and not user.two_factor_enabled:
        return None
    return user


@bp.route("/login", methods=["GET", "POST"])
def login():
    if current_user.is_authenticated:
        return redirect(url_for("admin.dashboard"))
    form = LoginForm()
    if form.validate_on_submit():
        result = authenticate(
            require_tenant().id, form.email.data, form.password.data, request.remote_addr or "-"
        )
        if result.user is None:
            field = form.email if result.throttled else form.password
            field.errors.append(refused_message(result))
            return render("auth/login.html", form=form), 429 if result.throttled else 200
        user, target = result.user, safe_next(request.args.get("next"))
        if user.two_factor_enabled:
            return begin_pending(user, target, "auth.two_factor")
        if two_factor.required_for(user):
            return begin_pending(user, target, "auth.enrol")
        return complete_sign_in(user, target)
    return render("auth/login.html", form=form)


@bp.post("/logout")
@login_required
def logout():
    """Ends every session of the person, not only this one: a copy of the cookie (a shared
    computer, a stolen cookie) stops working too."""
    user = current_user._get_current_object()
    end_sessions(user)
    audit.record(AuditAction.SIGNED_OUT, user.id, user.email, address=request.remote_addr or "")
    logout_user()
    db.session.commit()
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
            # The link keeps the port the form was asked on (a portal served on :5000, say).
            port = split_host_port(request.host)[1]
            enqueue_after_commit(send_password_reset_mail, tenant_id, user.id, current_locale(), port)
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
        audit.record(AuditAction.PASSWORD_RESET, user.id, user.email, address=request.remote_addr or "")
        db.session.commit()
        flash(_("Mật khẩu của bạn đã được thay đổi. Vui lòng đăng nhập."), "success")
        return redirect(url_for("auth.login"))
    return render("auth/reset_password.html", form=form)
