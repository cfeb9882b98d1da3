"""Jobs of the newsroom: mail to whoever acts next, cover images, and scheduled publishing."""

from __future__ import annotations

import logging

import sqlalchemy as sa
from flask import url_for
from flask_babel import force_locale, gettext

from app import mail
from app.extensions import db, redis_key
from app.uploads import stored_path
from blueprints.auth.models import Membership, User
from blueprints.newsroom.images import clean_and_resize
from blueprints.newsroom.models import Article, ArticleState, ArticleTransition
from blueprints.newsroom.permissions import NEXT_ACTOR
from blueprints.newsroom.workflow import portals_with_due_articles, publish_due
from tenants.context import require_tenant
from workers.jobs import each_active_portal, platform_job, portal_request_context, tenant_job

log = logging.getLogger(__name__)
S = ArticleState
# States after which the authors are told what happened to their article.
TELL_AUTHORS = {S.RETURNED, S.APPROVED, S.PUBLISHED}


def recipients(article: Article, transition: ArticleTransition) -> list[User]:
    """Who hears of a transition: the next actor's role, and the authors where it concerns them."""
    users: dict[int, User] = {}
    role = NEXT_ACTOR.get(transition.to_state)
    if role is not None:
        for user in db.session.scalars(
            sa.select(User).join(Membership, Membership.user_id == User.id).where(Membership.role == role)
        ):
            users[user.id] = user
    if transition.to_state in TELL_AUTHORS:
        for user in article.authors:
            users[user.id] = user
    users.pop(transition.actor_id, None)  # nobody is told of what they did themselves
    return [u for u in users.values() if u.is_active]


def _message(article: Article, transition: ArticleTransition, link: str) -> tuple[str, str]:
    state = S(transition.to_state)
    subjects = {
        S.SUBMITTED: gettext("Bài chờ duyệt: %(title)s", title=article.title),
        S.APPROVED: gettext("Bài đã được duyệt: %(title)s", title=article.title),
        S.RETURNED: gettext("Bài bị trả lại: %(title)s", title=article.title),
        S.PUBLISHED: gettext("Bài đã được đăng: %(title)s", title=article.title),
    }
    subject = subjects.get(
        state, gettext("Bài “%(title)s”: %(state)s", title=article.title, state=state.label)
    )
    body = gettext(
        "Bài “%(title)s” chuyển sang trạng thái: %(state)s.\n", title=article.title, state=state.label
    )
    if transition.comment:
        body += gettext("Ghi chú: %(comment)s\n", comment=transition.comment)
    body += "\n" + gettext("Xem bài: %(link)s\n", link=link)
    return subject, body


@tenant_job
def notify_transition(transition_id: int) -> int:
    """Mail the people concerned by one transition. Each person is mailed once per transition,
    even if the job runs twice (a Redis marker per transition and recipient)."""
    transition = db.session.scalar(sa.select(ArticleTransition).where(ArticleTransition.id == transition_id))
    if transition is None:
        return 0
    article = db.session.scalar(sa.select(Article).where(Article.id == transition.article_id))
    tenant = require_tenant()
    sent = 0
    for user in recipients(article, transition):
        with portal_request_context("vi"), force_locale("vi"):
            link = url_for("newsroom.article_detail", article_id=article.id, _external=True)
            subject, body = _message(article, transition, link)
        message = mail.build_message(user.email, subject, body, sender_name=tenant.name_vi)
        sent += mail.send_once(
            redis_key("newsroom-mail", tenant.id, transition.id, user.id), message, 14 * 24 * 3600
        )
    return sent


@tenant_job
def process_cover(article_id: int) -> bool:
    """Strip metadata from an article's cover and make the sizes pages use. Idempotent: a cover
    already processed (its key is the `source` of `cover_sizes`) is left alone."""
    article = db.session.scalar(sa.select(Article).where(Article.id == article_id))
    if (
        article is None
        or not article.cover_key
        or (article.cover_sizes or {}).get("source") == article.cover_key
    ):
        return False
    old_path = stored_path(article.cover_key)
    original, sizes = clean_and_resize(old_path.read_bytes(), old_path.name)
    # A bulk UPDATE: the article's version is not bumped, so an editor's open form stays valid.
    db.session.execute(
        sa.update(Article)
        .where(Article.id == article_id, Article.cover_key == article.cover_key)
        .values(
            cover_key=original.key,
            cover_content_type=original.content_type,
            cover_sizes={"source": original.key} | {w: f.key for w, f in sizes.items()},
        )
    )
    old_path.unlink(missing_ok=True)
    return True


@platform_job
def publish_due_articles() -> dict[str, int]:
    """Cron: publish every active portal's due scheduled articles, each in its own scope.

    One portal's failure neither stops the others nor passes silently: it is logged, the job
    fails at the end (RQ records it), and the unpublished items show as late on the dashboard.
    """
    return each_active_portal(
        lambda: len(publish_due()), "scheduled publishing", log, having=portals_with_due_articles
    )
