"""Jobs of the accounts package."""

from __future__ import annotations

from flask import url_for
from flask_babel import force_locale, gettext

from app import mail
from app.extensions import db
from blueprints.auth.models import User
from blueprints.auth.services import make_reset_token
from tenants.context import require_tenant
from workers.jobs import portal_request_context, tenant_job


@tenant_job
def send_password_reset_mail(user_id: int, locale: str = "vi", port: int | None = None) -> None:
    """Mail a reset link for the current portal (on `port`, the one the form was asked on, if
    any). Safe to run twice: it only sends a link."""
    user = db.session.get(User, user_id)
    if user is None or not user.is_active:
        return
    tenant = require_tenant()
    with portal_request_context(locale, port), force_locale(locale):
        link = url_for(
            "auth.reset_password", token=make_reset_token(user, tenant.primary_host), _external=True
        )
        portal = tenant.name(locale)
        subject = gettext("Đặt lại mật khẩu trên %(portal)s", portal=portal)
        body = gettext(
            "Xin chào %(name)s,\n\nCó người (chúng tôi mong là bạn) đã yêu cầu đặt lại mật khẩu "
            "trên %(portal)s.\nHãy mở liên kết sau trong vòng một giờ để chọn mật khẩu mới:\n\n"
            "%(link)s\n\nNếu bạn không yêu cầu, hãy bỏ qua thư này; mật khẩu của bạn vẫn giữ nguyên.\n",
            name=user.name,
            portal=portal,
            link=link,
        )
    mail.send(mail.build_message(user.email, subject, body, sender_name=portal))
