"""Jobs: mail a published monthly plan to the portal's collaborators."""

from __future__ import annotations

import sqlalchemy as sa
from flask import url_for
from flask_babel import force_locale, format_date, gettext

from app import mail
from app.extensions import db, redis_key
from app.roles import Role
from blueprints.auth.models import Membership, User
from blueprints.royalties.models import MonthlyPlan, PlanState
from tenants.context import require_tenant
from workers.jobs import portal_request_context, tenant_job


def plan_text(plan: MonthlyPlan, link: str) -> tuple[str, str]:
    subject = gettext("Kế hoạch tin bài tháng %(month)02d/%(year)d: %(title)s", month=plan.month,
                      year=plan.year, title=plan.title)
    lines = [plan.title, "", plan.intro, ""] if plan.intro else [plan.title, ""]
    for topic in plan.topics:
        units = ", ".join(u.name_vi for u in topic.units) or gettext("Tất cả đơn vị")
        lines.append(gettext("- %(title)s (hạn %(due)s; %(units)s)", title=topic.title,
                             due=format_date(topic.due_date, "dd/MM/yyyy"), units=units))
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
    people = db.session.scalars(sa.select(User).join(Membership, Membership.user_id == User.id).where(
        Membership.role == Role.COLLABORATOR).order_by(User.id)).unique()
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
