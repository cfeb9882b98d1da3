"""Jobs: mail a published monthly plan to the portal's collaborators, and remind units that are
behind their monthly minimum in the month's last working days."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from flask import url_for
from flask_babel import force_locale, format_date, gettext

from app import mail
from app.extensions import db, redis_key
from app.roles import Role
from blueprints.auth.models import Membership, User
from blueprints.newsroom.models import BoardMember, ContributingUnit
from blueprints.royalties.models import MonthlyPlan, PlanState
from blueprints.royalties.reminders import quota_watch, quota_window_open
from tenants.context import require_tenant
from tenants.models import Tenant
from workers.jobs import each_active_portal, platform_job, portal_request_context, tenant_job

log = logging.getLogger(__name__)


def plan_text(plan: MonthlyPlan, link: str) -> tuple[str, str]:
    subject = gettext(
        "Kế hoạch tin bài tháng %(month)02d/%(year)d: %(title)s",
        month=plan.month,
        year=plan.year,
        title=plan.title,
    )
    lines = [plan.title, "", plan.intro, ""] if plan.intro else [plan.title, ""]
    for topic in plan.topics:
        units = ", ".join(u.name_vi for u in topic.units) or gettext("Tất cả đơn vị")
        lines.append(
            gettext(
                "- %(title)s (hạn %(due)s; %(units)s)",
                title=topic.title,
                due=format_date(topic.due_date, "dd/MM/yyyy"),
                units=units,
            )
        )
        if topic.description:
            lines.append(f"  {topic.description}")
    lines += ["", gettext("Xem kế hoạch: %(link)s", link=link)]
    return subject, "\n".join(lines) + "\n"


@tenant_job
def mail_plan(plan_id: int) -> int:
    """Mail the plan to every active collaborator of the portal, each once even if the job runs
    twice (a Redis marker per plan and person)."""
    plan = db.session.scalar(sa.select(MonthlyPlan).where(MonthlyPlan.id == plan_id))
    if plan is None or plan.state != PlanState.PUBLISHED:
        return 0
    tenant = require_tenant()
    people = db.session.scalars(
        sa.select(User)
        .join(Membership, Membership.user_id == User.id)
        .where(Membership.role == Role.COLLABORATOR)
        .order_by(User.id)
    ).unique()
    sent = 0
    for user in people:
        if not user.is_active:
            continue
        with portal_request_context("vi"), force_locale("vi"):
            link = url_for("royalties.plan_detail", plan_id=plan.id, _external=True)
            subject, body = plan_text(plan, link)
        message = mail.build_message(user.email, subject, body, sender_name=tenant.name_vi)
        sent += mail.send_once(redis_key("plan-mail", tenant.id, plan.id, user.id), message, 60 * 24 * 3600)
    return sent


def unit_people(unit_id: int) -> list[User]:
    """The unit's active members with an account on this portal (board members and collaborators)."""
    return list(
        db.session.scalars(
            sa.select(User)
            .join(BoardMember, BoardMember.user_id == User.id)
            .join(Membership, Membership.user_id == User.id)
            .where(BoardMember.unit_id == unit_id, User.is_disabled.is_(False))
            .order_by(User.id)
        ).unique()
    )


def quota_text(row, watch, link: str) -> tuple[str, str]:
    subject = gettext(
        "Nhắc nhở: đơn vị %(unit)s chưa đủ số bài tháng %(month)s",
        unit=row.unit.name_vi,
        month=str(watch.month),
    )
    body = gettext(
        "Đơn vị %(unit)s mới gửi %(sent)d bài trong tháng %(month)s, chưa đủ mức tối thiểu %(minimum)d bài. "
        "Còn %(days)d ngày làm việc đến hết tháng.",
        unit=row.unit.name_vi,
        sent=row.submitted,
        month=str(watch.month),
        minimum=row.unit.monthly_minimum,
        days=watch.days_left,
    )
    return subject, "\n\n".join([body, gettext("Viết bài mới: %(link)s", link=link)]) + "\n"


@tenant_job
def remind_units_behind(on: str | None = None) -> int:
    """Mail the members of each unit under its minimum, once per unit, month and person (a Redis
    marker kept past the month's end), when the month's last five working days have come.
    `on` (an ISO date) runs it as of that day in the portal; today by default."""
    return remind_here(on)


def remind_here(on: str | None = None) -> int:
    """`remind_units_behind` in the current portal."""
    tenant = require_tenant()
    watch = quota_watch(date.fromisoformat(on) if on else tenant.today())
    if not watch.reminding:
        return 0
    sent = 0
    for row in watch.behind:
        for user in unit_people(row.unit.id):
            with portal_request_context("vi"), force_locale("vi"):
                subject, body = quota_text(row, watch, url_for("newsroom.new_article", _external=True))
            message = mail.build_message(user.email, subject, body, sender_name=tenant.name_vi)
            marker = redis_key(
                "quota-reminder", tenant.id, watch.month.year, watch.month.month, row.unit.id, user.id
            )
            sent += mail.send_once(marker, message, 40 * 24 * 3600)
    return sent


def portals_in_reminder_window(now: datetime | None = None) -> sa.Select:
    """The tenant ids whose units have a monthly minimum, among the portals whose today (in
    their own time zone) falls in the reminder window: outside the month's last working days
    this selects nothing, so the hourly cron enters no portal."""
    now = now or datetime.now(UTC)
    zones = db.session.scalars(sa.select(Tenant.timezone).distinct()).all()
    open_zones = [z for z in zones if quota_window_open(now.astimezone(ZoneInfo(z)).date())]
    return (
        sa.select(ContributingUnit.tenant_id)
        .join(Tenant, Tenant.id == ContributingUnit.tenant_id)
        .where(ContributingUnit.monthly_minimum > 0, Tenant.timezone.in_(open_zones))
    )


@platform_job
def remind_all_portals() -> int:
    """Cron: the reminders of each portal that may have some, in its own scope; one portal's
    failure is logged and fails the run at the end without stopping the others."""
    sent = each_active_portal(remind_here, "quota reminders", log, having=portals_in_reminder_window)
    return sum(sent.values())
