"""Jobs of consultations: the rejection mail, the subscription confirmation, the announcements
to subscribers, and the cron that notices consultations opening and closing.

Every mail is sent once per (event, recipient) even if a job runs twice (`mail.send_once`), and
every mail to a subscriber carries a one-click unsubscribe link and the `List-Unsubscribe` header.
"""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import url_for
from flask_babel import force_locale, gettext

from app import mail
from app.extensions import db, redis_key
from blueprints.consultations import services, subscriptions
from blueprints.consultations.models import Consultation, ConsultationComment, Subscriber
from tenants.context import require_tenant
from workers.jobs import each_active_portal, platform_job, portal_request_context, tenant_job
from workers.queue import enqueue_after_commit

log = logging.getLogger(__name__)
KEEP = 30 * 24 * 3600


@tenant_job
def mail_rejection(comment_id: int) -> bool:
    """Tell the commenter why the comment was not published."""
    comment = db.session.scalar(sa.select(ConsultationComment).where(ConsultationComment.id == comment_id))
    if comment is None or comment.state != "rejected":
        return False
    consultation = services.get_consultation(comment.consultation_id, public=False)
    tenant = require_tenant()
    with portal_request_context(comment.locale), force_locale(comment.locale):
        link = url_for("consultations.detail", consultation_id=consultation.id, _external=True)
        subject = gettext("Ý kiến của bạn về dự thảo “%(title)s” không được đăng", title=consultation.title)
        body = gettext(
            "Kính gửi %(name)s,\n\nÝ kiến bạn gửi về dự thảo “%(title)s” không được đăng trên cổng "
            "thông tin.\nLý do: %(reason)s\n\nNội dung bạn đã gửi:\n%(text)s\n\nXem dự thảo: %(link)s\n",
            name=comment.name,
            title=consultation.title,
            reason=comment.reject_reason,
            text=comment.body,
            link=link,
        )
        sender = tenant.name(comment.locale)
    message = mail.build_message(comment.email, subject, body, sender_name=sender)
    return mail.send_once(redis_key("consultation-reject", tenant.id, comment.id), message, KEEP)


def _with_unsubscribe(message, subscriber: Subscriber) -> None:
    link = url_for(
        "consultations.unsubscribe", token=subscriptions.token(subscriber, "unsubscribe"), _external=True
    )
    message["List-Unsubscribe"] = f"<{link}>"
    message["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"


@tenant_job
def mail_confirmation(subscriber_id: int) -> bool:
    """The link that confirms a subscription (the address's owner must click it)."""
    subscriber = db.session.scalar(sa.select(Subscriber).where(Subscriber.id == subscriber_id))
    if subscriber is None or subscriber.is_active or subscriber.unsubscribed_at is not None:
        return False
    tenant = require_tenant()
    with portal_request_context(subscriber.locale), force_locale(subscriber.locale):
        confirm = url_for(
            "consultations.confirm", token=subscriptions.token(subscriber, "confirm"), _external=True
        )
        unsubscribe = url_for(
            "consultations.unsubscribe", token=subscriptions.token(subscriber, "unsubscribe"), _external=True
        )
        portal = tenant.name(subscriber.locale)
        subject = gettext("Xác nhận đăng ký nhận tin lấy ý kiến dự thảo – %(portal)s", portal=portal)
        body = gettext(
            "Có người (có thể là bạn) đã đăng ký địa chỉ này để nhận thư khi %(portal)s mở, kết thúc "
            "hoặc công bố kết quả lấy ý kiến dự thảo.\n\nBấm vào liên kết sau để xác nhận (trong 7 "
            "ngày):\n%(confirm)s\n\nNếu không phải bạn, hãy bỏ qua thư này. Hủy đăng ký: %(unsubscribe)s\n",
            portal=portal,
            confirm=confirm,
            unsubscribe=unsubscribe,
        )
        message = mail.build_message(subscriber.email, subject, body, sender_name=portal)
        _with_unsubscribe(message, subscriber)
    return mail.send_once(redis_key("consultation-confirm", tenant.id, subscriber.id), message, 3600)


def _announcement(consultation: Consultation, event: str, link: str) -> tuple[str, str]:
    title = consultation.title
    if event == "opened":
        subject = gettext("Mời góp ý dự thảo: %(title)s", title=title)
        body = gettext(
            "Dự thảo “%(title)s” đang được lấy ý kiến. Hạn góp ý: %(closes)s.\n",
            title=title,
            closes=_local(consultation.closes_at),
        )
    elif event == "closed":
        subject = gettext("Đã hết hạn góp ý dự thảo: %(title)s", title=title)
        body = gettext(
            "Việc lấy ý kiến dự thảo “%(title)s” đã kết thúc lúc %(closes)s. Cơ quan soạn thảo sẽ "
            "công bố báo cáo tiếp thu, giải trình.\n",
            title=title,
            closes=_local(consultation.closes_at),
        )
    else:
        subject = gettext("Kết quả lấy ý kiến dự thảo: %(title)s", title=title)
        body = gettext(
            "Cơ quan soạn thảo đã công bố báo cáo tiếp thu, giải trình ý kiến về dự thảo “%(title)s”.\n",
            title=title,
        )
    return subject, body + "\n" + gettext("Xem chi tiết: %(link)s\n", link=link)


def _local(moment) -> str:
    from flask_babel import format_datetime

    return (
        format_datetime(moment.astimezone(require_tenant().zone), "HH:mm dd/MM/yyyy")
        + " ("
        + require_tenant().timezone
        + ")"
    )


@tenant_job
def announce(consultation_id: int, event: str) -> int:
    """Tell every active subscriber that a consultation opened, closed or was concluded."""
    consultation = services.get_consultation(consultation_id, public=True)
    if consultation is None:
        return 0
    tenant = require_tenant()
    sent = 0
    for subscriber in subscriptions.active_subscribers():
        with portal_request_context(subscriber.locale), force_locale(subscriber.locale):
            link = url_for("consultations.detail", consultation_id=consultation.id, _external=True)
            unsubscribe = url_for(
                "consultations.unsubscribe",
                token=subscriptions.token(subscriber, "unsubscribe"),
                _external=True,
            )
            subject, body = _announcement(consultation, event, link)
            body += "\n" + gettext("Hủy đăng ký nhận thư (một lần bấm): %(link)s\n", link=unsubscribe)
            message = mail.build_message(
                subscriber.email, subject, body, sender_name=tenant.name(subscriber.locale)
            )
            _with_unsubscribe(message, subscriber)
        sent += mail.send_once(
            redis_key("consultation-news", tenant.id, consultation.id, event, subscriber.id), message, KEEP
        )
    return sent


@platform_job
def announce_transitions() -> dict[str, int]:
    """Cron: find consultations that opened or closed since the last run, on every active portal,
    mark them and enqueue their announcements (a second run finds nothing new)."""
    return each_active_portal(
        _enqueue_due_announcements,
        "consultation announcements",
        log,
        having=services.portals_with_due_announcements,
        fail_at_end=False,
    )


def _enqueue_due_announcements() -> int:
    due = services.due_announcements()
    for consultation_id, event in due:
        enqueue_after_commit(announce, require_tenant().id, consultation_id, event)
    return len(due)
