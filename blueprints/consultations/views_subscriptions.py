"""Citizens' e-mail subscriptions: the form, the confirmation link, the one-click unsubscribe."""

from __future__ import annotations

from flask import request
from flask_babel import gettext as _

from app.extensions import csrf, db
from app.i18n import current_locale
from app.public_forms import refusal
from app.templating import render
from blueprints.consultations import subscriptions, tasks
from blueprints.consultations.blueprint import bp
from blueprints.consultations.forms import SubscribeForm
from tenants.context import require_tenant
from workers.queue import enqueue_after_commit


@bp.route("/lay-y-kien/dang-ky", methods=["GET", "POST"])
def subscribe():
    form = SubscribeForm()
    if request.method == "POST":
        if not form.validate():
            return render("consultations/subscribe.html", form=form, refused=None), 422
        message = refusal("consultation-subscribe")
        if message:
            return render("consultations/subscribe.html", form=form, refused=message), 429
        subscriber = subscriptions.subscribe(form.email.data, current_locale())
        if not subscriber.is_active:
            enqueue_after_commit(tasks.mail_confirmation, require_tenant().id, subscriber.id)
        db.session.commit()
        return render(
            "consultations/message.html",
            heading=_("Kiểm tra hộp thư của bạn"),
            text=_(
                "Nếu địa chỉ này chưa đăng ký, chúng tôi vừa gửi một thư có liên kết xác nhận. "
                "Bạn chỉ nhận thông báo sau khi bấm vào liên kết đó."
            ),
        )
    return render("consultations/subscribe.html", form=form, refused=None)


def _message(heading: str, text: str, status: int = 200):
    return render("consultations/message.html", heading=heading, text=text), status


def _outcome(subscriber, done: tuple[str, str], invalid: str):
    """The page after following a mail's link: done (committed) or, for a bad token, a 404."""
    if subscriber is None:
        return _message(_("Liên kết không hợp lệ"), invalid, 404)
    db.session.commit()
    return _message(*done)


@bp.get("/lay-y-kien/dang-ky/xac-nhan/<token>")
def confirm(token: str):
    return _outcome(
        subscriptions.confirm(token),
        (
            _("Đã xác nhận đăng ký"),
            _("Bạn sẽ nhận thư khi có dự thảo bắt đầu lấy ý kiến, hết hạn góp ý hoặc được công bố kết quả."),
        ),
        _("Liên kết xác nhận không đúng hoặc đã quá 7 ngày. Hãy đăng ký lại."),
    )


@bp.route("/lay-y-kien/huy-dang-ky/<token>", methods=["GET", "POST"])
@csrf.exempt
def unsubscribe(token: str):
    """One click: following the link (or the mail client's List-Unsubscribe-Post) unsubscribes."""
    return _outcome(
        subscriptions.unsubscribe(token),
        (
            _("Đã hủy đăng ký"),
            _("Bạn sẽ không nhận thêm thư nào về việc lấy ý kiến dự thảo từ cổng thông tin này."),
        ),
        _("Liên kết hủy đăng ký không đúng."),
    )
