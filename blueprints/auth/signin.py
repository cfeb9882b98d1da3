"""The web side of signing in: the pending step between password and code, and the last step.

A pending sign-in is a note in the (fresh, host-bound) session naming the user and the epoch of
their sessions, valid for a few minutes; nothing else is reachable with it.
"""

from __future__ import annotations

import time
from urllib.parse import urlsplit

from flask import redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import login_user

from app.extensions import db
from blueprints.audit import services as audit
from blueprints.audit.models import AuditAction
from blueprints.auth.models import User
from blueprints.auth.services import SignIn, user_for_session

PENDING_SECONDS = 600
PENDING_KEY = "pending_signin"


def safe_next(target: str | None) -> str:
    """Only same-site paths: never an open redirect to another host."""
    if target and target.startswith("/") and not target.startswith("//") and not urlsplit(target).netloc:
        return target
    return url_for("admin.dashboard")


def refused_message(result: SignIn) -> str:
    if result.throttled:
        return _("Đăng nhập sai quá nhiều lần. Vui lòng chờ 15 phút hoặc đặt lại mật khẩu.")
    return _("Thư điện tử hoặc mật khẩu không đúng, hoặc bạn không có vai trò trên cổng thông tin này.")


def begin_pending(user: User, target: str, step: str):
    """The password was right; the second factor (or its enrolment) comes next."""
    session.clear()  # a fresh session at the change of privilege
    session[PENDING_KEY] = {"user": user.get_id(), "at": int(time.time()), "next": target}
    db.session.commit()
    return redirect(url_for(step))


def pending_user() -> User | None:
    pending = session.get(PENDING_KEY)
    if not isinstance(pending, dict) or time.time() - pending.get("at", 0) > PENDING_SECONDS:
        return None
    user = user_for_session(str(pending.get("user", "")))
    return user if user is not None and user.roles_here() else None


def pending_target() -> str:
    return safe_next((session.get(PENDING_KEY) or {}).get("next"))


def complete_sign_in(user: User, target: str, how: str = ""):
    session.clear()
    login_user(user)
    audit.record(AuditAction.SIGNED_IN, user.id, user.email, detail=how, address=request.remote_addr or "")
    db.session.commit()
    return redirect(target)
