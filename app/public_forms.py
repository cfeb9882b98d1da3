"""What every form that citizens post without an account shares: rate limits and a honeypot.

Questions, feedback, consultation comments and e-mail subscriptions are open to anyone, so each
post is counted per client address and per portal (`app.rate_limits`: on Redis, or counted in this
process while Redis cannot be asked, so an unlimited form is never the fallback). When a limit is
reached the view refuses the post with `refusal()`'s message and shows the form again with what
was typed.

The honeypot is a text field that people do not see (hidden by CSS, out of the tab order, its
label telling screen-reader users to leave it empty); software that fills every field fills it.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from limits import RateLimitItem, parse_many
from wtforms import StringField, ValidationError

from app import rate_limits
from tenants.context import current_tenant_id

# Per client address, and per portal for all addresses together (a flood from many addresses).
DEFAULT_LIMITS = {
    "PUBLIC_FORM_LIMIT_PER_ADDRESS": "5 per minute;30 per day",
    "PUBLIC_FORM_LIMIT_PER_PORTAL": "300 per hour",
}


def init_app(app: Flask) -> None:
    for name, value in DEFAULT_LIMITS.items():
        app.config.setdefault(name, value)


def refusal(form_name: str) -> str | None:
    """Count one post of `form_name` on the current portal; why it must be refused, or None."""
    tenant, address = str(current_tenant_id()), request.remote_addr or "unknown"
    checks: list[tuple[RateLimitItem, tuple[str, ...]]] = [
        (item, ("address", form_name, tenant, address))
        for item in parse_many(current_app.config["PUBLIC_FORM_LIMIT_PER_ADDRESS"])
    ]
    checks += [
        (item, ("portal", form_name, tenant))
        for item in parse_many(current_app.config["PUBLIC_FORM_LIMIT_PER_PORTAL"])
    ]
    for item, identifiers in checks:
        if not rate_limits.hit(item, *identifiers):
            return _(
                "Bạn đã gửi quá nhiều lần trong thời gian ngắn. Vui lòng thử lại sau ít phút; "
                "nội dung bạn nhập vẫn còn dưới đây."
            )
    return None


class PublicForm(FlaskForm):
    """A citizen's form: CSRF (from FlaskForm) plus the honeypot field `website`.

    Render the honeypot with `{% include themed("partials/honeypot.html") %}` inside the form.
    """

    website = StringField(_l("Không điền vào ô này (ô kiểm tra chống thư rác)"))

    def validate_website(self, field) -> None:
        if field.data:
            raise ValidationError(_l("Ô kiểm tra chống thư rác phải để trống."))
