"""The board's monthly orientation plan: written as a draft, published once, then mailed to
the collaborators (a job) and shown on their dashboards, the topics for their unit first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa

from app.extensions import db
from blueprints.auth.models import User
from blueprints.newsroom.models import BoardMember, ContributingUnit
from blueprints.royalties.models import MonthlyPlan, PlanState, PlanTopic, PlanTopicUnit
from blueprints.royalties.months import Month
from blueprints.royalties.tasks import mail_plan
from workers.queue import enqueue_after_commit


class PlanExists(Exception):
    """The portal already has a plan for that month."""


def plans(include_drafts: bool) -> list[MonthlyPlan]:
    query = sa.select(MonthlyPlan).order_by(MonthlyPlan.year.desc(), MonthlyPlan.month.desc())
    if not include_drafts:
        query = query.where(MonthlyPlan.state == PlanState.PUBLISHED)
    return list(db.session.scalars(query))


def load_plan(plan_id: int) -> MonthlyPlan | None:
    return db.session.scalar(sa.select(MonthlyPlan).where(MonthlyPlan.id == plan_id))


def create_plan(month: Month, title: str, intro: str) -> MonthlyPlan:
    if db.session.scalar(
        sa.select(MonthlyPlan.id).where(MonthlyPlan.year == month.year, MonthlyPlan.month == month.month)
    ):
        raise PlanExists
    plan = MonthlyPlan(
        year=month.year, month=month.month, title=title.strip(), intro=intro.strip(), state=PlanState.DRAFT
    )
    db.session.add(plan)
    db.session.flush()
    return plan


def add_topic(plan: MonthlyPlan, title: str, description: str, due: date, unit_ids: list[int]) -> PlanTopic:
    """A topic for the given units (this portal's only: ids of other portals are dropped)."""
    known = (
        set(db.session.scalars(sa.select(ContributingUnit.id).where(ContributingUnit.id.in_(unit_ids))))
        if unit_ids
        else set()
    )
    topic = PlanTopic(
        plan_id=plan.id,
        title=title.strip(),
        description=description.strip(),
        due_date=due,
        unit_links=[PlanTopicUnit(unit_id=uid) for uid in sorted(known)],
    )
    db.session.add(topic)
    db.session.flush()
    db.session.expire(plan, ["topics"])
    return topic


def remove_topic(plan: MonthlyPlan, topic_id: int) -> bool:
    topic = db.session.scalar(
        sa.select(PlanTopic).where(PlanTopic.plan_id == plan.id, PlanTopic.id == topic_id)
    )
    if topic is None:
        return False
    db.session.delete(topic)
    db.session.flush()
    db.session.expire(plan, ["topics"])
    return True


def publish_plan(plan: MonthlyPlan, actor: User) -> bool:
    """Publish once and mail the collaborators after the commit. False if already published."""

    if plan.is_published:
        return False
    plan.state = PlanState.PUBLISHED
    plan.published_at = datetime.now(UTC)
    plan.published_by_id = actor.id
    db.session.flush()
    enqueue_after_commit(mail_plan, plan.tenant_id, plan.id)
    return True


@dataclass
class PlanForUser:
    plan: MonthlyPlan
    mine: list[PlanTopic]  # topics for the user's unit
    others: list[PlanTopic]


def current_plan_for(user: User, month: Month | None = None) -> PlanForUser | None:
    """The published plan of this month, the topics of the user's unit (or for every unit) first."""
    month = month or Month.of()
    plan = db.session.scalar(
        sa.select(MonthlyPlan).where(
            MonthlyPlan.year == month.year,
            MonthlyPlan.month == month.month,
            MonthlyPlan.state == PlanState.PUBLISHED,
        )
    )
    if plan is None:
        return None
    unit_id = db.session.scalar(sa.select(BoardMember.unit_id).where(BoardMember.user_id == user.id))
    mine, others = [], []
    for topic in plan.topics:
        ids = {link.unit_id for link in topic.unit_links}
        (mine if not ids or unit_id in ids else others).append(topic)
    return PlanForUser(plan, mine, others)
