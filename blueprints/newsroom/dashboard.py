"""What each person sees first: what waits for them, what came back to them, what is scheduled,
and what is late.

"Late" is both halves of the report's complaint: an article submitted and not acted on for
`late_after_days` (a per-portal setting, 2 by default), and a scheduled article whose time has
passed without it being published (the scheduler never fails silently: such items show here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.roles import STAFF, Role
from blueprints.auth.models import User
from blueprints.newsroom.editing import slugify
from blueprints.newsroom.models import Article, ArticleAuthor, ArticleState, NewsroomSettings

S = ArticleState
# A scheduled article counts as late once the scheduler has had this long to publish it.
SCHEDULE_GRACE = timedelta(minutes=10)


def mine(user: User):
    """SQL condition: the user wrote (or co-wrote) the article."""
    return sa.or_(
        Article.created_by_id == user.id,
        Article.id.in_(sa.select(ArticleAuthor.article_id).where(ArticleAuthor.user_id == user.id)),
    )


def visible_articles(user: User) -> sa.Select:
    """The articles this person may see: all for the board's staff, their own for collaborators."""
    query = sa.select(Article)
    if not user.has_role(*STAFF):
        query = query.where(mine(user))
    return query


@dataclass
class Dashboard:
    waiting: list[Article]
    returned: list[Article]
    drafts: list[Article]
    scheduled: list[Article]
    late_submitted: list[Article]
    late_scheduled: list[Article]
    late_after_days: int


def _list(query: sa.Select, limit: int = 50) -> list[Article]:
    return list(db.session.scalars(query.limit(limit)))


def waiting_states(user: User) -> list[str]:
    states = []
    if user.has_role(Role.APPROVER):
        states.append(S.SUBMITTED)
    if user.has_role(Role.EDITOR):
        states.append(S.APPROVED)
    return states


def dashboard(user: User, now: datetime | None = None) -> Dashboard:
    now = now or datetime.now(UTC)
    days = NewsroomSettings.for_current_tenant().late_after_days
    visible = visible_articles(user)
    states = waiting_states(user)
    return Dashboard(
        waiting=_list(visible.where(Article.state.in_(states)).order_by(Article.submitted_at))
        if states
        else [],
        returned=_list(
            sa.select(Article)
            .where(mine(user), Article.state == S.RETURNED)
            .order_by(Article.updated_at.desc())
        ),
        drafts=_list(
            sa.select(Article)
            .where(mine(user), Article.state == S.DRAFT)
            .order_by(Article.updated_at.desc()),
            10,
        ),
        scheduled=_list(visible.where(Article.state == S.SCHEDULED).order_by(Article.publish_at)),
        late_submitted=_list(
            visible.where(
                Article.state == S.SUBMITTED, Article.submitted_at < now - timedelta(days=days)
            ).order_by(Article.submitted_at)
        ),
        late_scheduled=_list(
            visible.where(Article.state == S.SCHEDULED, Article.publish_at < now - SCHEDULE_GRACE).order_by(
                Article.publish_at
            )
        ),
        late_after_days=days,
    )


@dataclass
class ArticleFilter:
    state: str = ""
    section_id: int | None = None
    unit_id: int | None = None
    kind: str = ""
    query: str = ""


def filtered_articles(user: User, f: ArticleFilter, page: int = 1, per_page: int = 30):
    """The back-office list, newest first, with the filters the form offers."""
    query = visible_articles(user)
    if f.state in set(S):
        query = query.where(Article.state == f.state)
    if f.section_id:
        query = query.where(Article.section_id == f.section_id)
    if f.unit_id:
        query = query.where(Article.unit_id == f.unit_id)
    if f.kind:
        query = query.where(Article.kind == f.kind)
    if f.query.strip():
        for word in slugify(f.query).split("-"):
            query = query.where(Article.slug.contains(word))
    return db.paginate(
        query.order_by(Article.updated_at.desc(), Article.id.desc()),
        page=page,
        per_page=per_page,
        error_out=False,
    )
