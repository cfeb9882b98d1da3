"""Two-factor sign-in: the code step, enrolment, recovery codes, and the person's own account
page (changing the password lives there too)."""

from __future__ import annotations

from flask import redirect, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required, login_user

from app.extensions import db
from app.navigation import add_backoffice_page
from app.templating import render
from blueprints.audit import services as audit
from blueprints.audit.models import AuditAction
from blueprints.auth import two_factor
from blueprints.auth.blueprint import bp
from blueprints.auth.forms import ChangePasswordForm, CodeForm, RenewCodesForm
from blueprints.auth.models import User
from blueprints.auth.services import AccountError, change_password, second_factor
from blueprints.auth.signin import complete_sign_in, pending_target, pending_user, refused_message
from tenants.context import require_tenant

ENROL_SECRET_KEY = "enrol_secret"

add_backoffice_page("auth.account", _l("Tài khoản của tôi"), order=990)


def _address() -> str:
    return request.remote_addr or ""


@bp.route("/login/two-factor", methods=["GET", "POST"], endpoint="two_factor")
def second_step():
    user = pending_user()
    if user is None or not user.two_factor_enabled:
        return redirect(url_for("auth.login"))
    form = CodeForm()
    if form.validate_on_submit():
        result = second_factor(require_tenant().id, user, form.code.data, _address())
        if result.user is not None:
            if result.how == "recovery":
                audit.record(AuditAction.RECOVERY_CODE_USED, user.id, user.email, address=_address())
            return complete_sign_in(user, pending_target(), result.how)
        form.code.errors.append(
            refused_message(result) if result.throttled else _("Mã xác thực không đúng hoặc đã hết hạn.")
        )
        db.session.commit()
        return render("auth/two_factor.html", form=form), 429 if result.throttled else 200
    return render("auth/two_factor.html", form=form)


def _enrolling_user() -> User | None:
    if current_user.is_authenticated:
        return current_user._get_current_object()
    return pending_user()


@bp.route("/login/enrol", methods=["GET", "POST"])
def enrol():
    """Set up the authenticator app: scan the code (or type the key), then prove it with a code.
    The secret waits in the session until then, so a half-done enrolment changes nothing."""
    user = _enrolling_user()
    if user is None:
        return redirect(url_for("auth.login"))
    if user.two_factor_enabled:
        return redirect(url_for("auth.account"))
    secret = session.setdefault(ENROL_SECRET_KEY, two_factor.new_secret())
    form = CodeForm()
    if form.validate_on_submit():
        codes = two_factor.enable(user, secret, form.code.data)
        if codes is not None:
            session.pop(ENROL_SECRET_KEY, None)
            audit.record(AuditAction.TWO_FACTOR_ENABLED, user.id, user.email, address=_address())
            if not current_user.is_authenticated:
                complete_sign_in(user, pending_target(), "enrolment")
            db.session.commit()
            return render("auth/recovery_codes.html", codes=codes, next_url=url_for("admin.dashboard"))
        form.code.errors.append(_("Mã xác thực không đúng. Hãy kiểm tra giờ trên điện thoại rồi thử lại."))
    uri = two_factor.provisioning_uri(secret, user.email, require_tenant().name("vi"))
    return render("auth/enrol.html", form=form, secret=secret, qr=two_factor.qr_svg(uri))


@bp.get("/admin/account")
@login_required
def account():
    return render(
        "auth/account.html",
        password_form=ChangePasswordForm(),
        renew_form=RenewCodesForm(),
        codes_left=len(current_user.recovery_code_hashes or []),
    )


@bp.post("/admin/account/recovery-codes")
@login_required
def renew_recovery_codes():
    form = RenewCodesForm()
    user = current_user._get_current_object()
    if not form.validate_on_submit() or not user.two_factor_enabled:
        return redirect(url_for("auth.account"))
    codes = two_factor.renew_recovery_codes(user)
    audit.record(AuditAction.RECOVERY_CODES_RENEWED, user.id, user.email, address=_address())
    db.session.commit()
    return render("auth/recovery_codes.html", codes=codes, next_url=url_for("auth.account"))


@bp.route("/admin/account/password", methods=["GET", "POST"])
@login_required
def change_password_view():
    """A new password ends the person's other sessions; this one goes on under the new epoch."""
    form = ChangePasswordForm()
    user = current_user._get_current_object()
    if form.validate_on_submit():
        try:
            change_password(user, form.current.data, form.password.data)
        except AccountError:
            form.current.errors.append(_("Mật khẩu hiện tại không đúng."))
        else:
            audit.record(AuditAction.PASSWORD_CHANGED, user.id, user.email, address=_address())
            db.session.commit()
            session.clear()
            login_user(user)
            return redirect(url_for("auth.account"))
    return render("auth/change_password.html", form=form)
