"""Jobs of the Q&A: the receipt and the answer mailed to the asker, the note to a new assignee,
and the two cron jobs (reminders before the due day, erasure of expired personal data).

Every mail goes through `mail.send_once` with a marker per item (and person), so a job that runs
twice mails nobody twice. Mails to the asker are in the language they wrote in.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

import sqlalchemy as sa
from flask import url_for
from flask_babel import force_locale, format_date, gettext

from app import mail
from app.extensions import db, redis_key
from blueprints.auth.models import User
from blueprints.feedback.models import FeedbackItem
from blueprints.feedback.retention import (
    erase_expired,
    items_to_remind,
    portals_to_remind,
    portals_with_expired_data,
    reminder_recipients,
)
from tenants.context import require_tenant
from workers.jobs import each_active_portal, platform_job, portal_request_context, tenant_job

log = logging.getLogger(__name__)
KEEP_MARKERS = 30 * 24 * 3600


def _item(item_id: int) -> FeedbackItem | None:
    return db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.id == item_id))


def _send(marker_parts: tuple, to: str, subject: str, body: str) -> bool:
    tenant = require_tenant()
    message = mail.build_message(to, subject, body, sender_name=tenant.name_vi)
    return mail.send_once(redis_key("feedback-mail", tenant.id, *marker_parts), message, KEEP_MARKERS)


@tenant_job
def mail_receipt(item_id: int) -> bool:
    """The receipt: the tracking code, the due day and where to follow the item."""
    item = _item(item_id)
    if item is None or not item.email:
        return False
    tenant = require_tenant()
    with portal_request_context(item.locale), force_locale(item.locale):
        link = url_for("feedback.status", _external=True)
        subject = gettext("Đã nhận: %(subject)s (mã %(code)s)", subject=item.subject, code=item.code)
        body = "\n".join(
            [
                gettext(
                    "%(portal)s đã nhận được %(kind)s của bạn.",
                    portal=tenant.name(item.locale),
                    kind=str(item.kind_label).lower(),
                ),
                "",
                gettext("Mã theo dõi: %(code)s", code=item.code),
                gettext("Hạn trả lời: %(day)s", day=format_date(item.due_on, "short")),
                gettext("Tra cứu bằng mã theo dõi và địa chỉ thư điện tử này tại: %(link)s", link=link),
                "",
                gettext("Tiêu đề: %(subject)s", subject=item.subject),
            ]
        )
    return _send(("receipt", item.id), item.email, subject, body)


@tenant_job
def mail_answer(item_id: int) -> bool:
    """The answer, mailed once (a later correction is visible on the status page)."""
    item = _item(item_id)
    if item is None or not item.email or not item.answer:
        return False
    with portal_request_context(item.locale), force_locale(item.locale):
        link = url_for("feedback.status", _external=True)
        subject = gettext("Trả lời: %(subject)s (mã %(code)s)", subject=item.subject, code=item.code)
        body = "\n".join(
            [
                gettext(
                    "Câu trả lời cho %(kind)s “%(subject)s” của bạn:",
                    kind=str(item.kind_label).lower(),
                    subject=item.subject,
                ),
                "",
                item.answer,
                "",
                gettext("Tra cứu bằng mã theo dõi %(code)s tại: %(link)s", code=item.code, link=link),
            ]
        )
    return _send(("answer", item.id), item.email, subject, body)


@tenant_job
def mail_assigned(item_id: int, user_id: int) -> bool:
    """Tell a person an item was given to them (the back office link, never the asker's data)."""
    item, user = _item(item_id), db.session.get(User, user_id)
    if item is None or user is None or not user.is_active or item.assignee_id != user_id:
        return False
    with portal_request_context("vi"), force_locale("vi"):
        link = url_for("feedback.admin_item", item_id=item.id, _external=True)
        subject = gettext("Được giao trả lời: %(subject)s", subject=item.subject)
        body = gettext(
            "Bạn được giao trả lời “%(subject)s”, hạn %(day)s.\nXem tại: %(link)s",
            subject=item.subject,
            day=format_date(item.due_on, "short"),
            link=link,
        )
    return _send(("assigned", item.id, user.id), user.email, subject, body)


def remind_portal() -> int:
    """Remind whoever holds each item due soon (in the current portal); marks them reminded."""
    sent = 0
    for item in items_to_remind():
        with portal_request_context("vi"), force_locale("vi"):
            link = url_for("feedback.admin_item", item_id=item.id, _external=True)
            subject = gettext("Sắp đến hạn trả lời: %(subject)s", subject=item.subject)
            body = gettext(
                "“%(subject)s” (mã %(code)s) phải được trả lời chậm nhất ngày %(day)s.\nXem tại: %(link)s",
                subject=item.subject,
                code=item.code,
                day=format_date(item.due_on, "short"),
                link=link,
            )
        for user in reminder_recipients(item):
            sent += _send(("reminder", item.id, item.assignee_id or 0, user.id), user.email, subject, body)
        item.reminded_at = datetime.now(UTC)
    db.session.flush()
    return sent


@platform_job
def remind_due_items() -> dict[str, int]:
    """Cron: reminders before the due day, on every portal."""
    return each_active_portal(remind_portal, "Q&A reminders", log, having=portals_to_remind)


@platform_job
def erase_expired_personal_data() -> dict[str, int]:
    """Cron: erase askers' personal data past each portal's retention period."""
    return each_active_portal(
        lambda: len(erase_expired()), "Q&A personal data erasure", log, having=portals_with_expired_data
    )
