"""The article state machine: who may move an article from which state to which, and the record.

draft → submitted → returned (with a reason) → submitted … → approved → scheduled → published
→ unpublished / archived. Every step writes an `ArticleTransition` (the timeline) and, once the
request commits, a job mails whoever must act next and tells the author about returns,
approvals and publication. Services take the acting `User` and plain values; views turn
`NotAllowed` into 403 and the other errors into messages on the page.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l

from app.extensions import db
from app.roles import Role
from app.validation import FieldErrors
from blueprints.audit import services as audit
from blueprints.audit.models import AuditAction
from blueprints.auth.models import User
from blueprints.newsroom import signals
from blueprints.newsroom.inline_images import images_without_alt
from blueprints.newsroom.models import Article, ArticleState, ArticleTransition, SourceType
from blueprints.newsroom.permissions import can_edit

S = ArticleState


class WorkflowError(Exception):
    """An action that cannot be carried out; `message` says why, in the user's language."""

    def __init__(self, message=""):
        super().__init__(str(message))
        self.message = message


class NotAllowed(WorkflowError):
    """The actor has no right to this action on this article (a 403)."""


class InvalidTransition(WorkflowError):
    """The article is not in a state this action starts from (someone else moved it first)."""


class SubmissionIncomplete(FieldErrors):
    """Required fields are missing; `fields` maps each form field to its message."""

    def __init__(self, fields: dict[str, object]):
        super().__init__(fields, _l("Bài chưa đủ thông tin để gửi duyệt."))


@dataclass(frozen=True)
class Action:
    name: str
    sources: frozenset[str]
    target: str
    roles: tuple[str, ...]  # empty: whoever may edit the article
    label: object
    needs_comment: bool = False


ACTIONS = {
    a.name: a
    for a in (
        Action("submit", frozenset({S.DRAFT, S.RETURNED}), S.SUBMITTED, (), _l("Gửi duyệt")),
        Action("approve", frozenset({S.SUBMITTED}), S.APPROVED, (Role.APPROVER,), _l("Duyệt bài")),
        Action(
            "return",
            frozenset({S.SUBMITTED, S.APPROVED}),
            S.RETURNED,
            (Role.APPROVER,),
            _l("Trả lại cho tác giả"),
            needs_comment=True,
        ),
        Action("schedule", frozenset({S.APPROVED}), S.SCHEDULED, (Role.EDITOR,), _l("Hẹn giờ đăng")),
        Action("unschedule", frozenset({S.SCHEDULED}), S.APPROVED, (Role.EDITOR,), _l("Hủy hẹn giờ")),
        Action(
            "publish",
            frozenset({S.APPROVED, S.SCHEDULED, S.UNPUBLISHED}),
            S.PUBLISHED,
            (Role.EDITOR,),
            _l("Đăng ngay"),
        ),
        Action(
            "unpublish",
            frozenset({S.PUBLISHED}),
            S.UNPUBLISHED,
            (Role.EDITOR,),
            _l("Gỡ bài"),
            needs_comment=True,
        ),
        Action("archive", frozenset({S.PUBLISHED, S.UNPUBLISHED}), S.ARCHIVED, (Role.EDITOR,), _l("Lưu trữ")),
    )
}


def may(action: Action, article: Article, actor: User) -> bool:
    """Whether `actor` holds the right for `action` on `article` (its state aside)."""
    if action.roles:
        return actor.has_role(*action.roles)
    return can_edit(article, actor)


def available_actions(article: Article, actor: User) -> list[Action]:
    """The actions the page offers this person now."""
    return [a for a in ACTIONS.values() if article.state in a.sources and may(a, article, actor)]


def missing_for_submission(article: Article) -> dict[str, object]:
    """Fields that must be filled before an article goes to the approver, with messages.

    The source is the defect the 2023 report names: an article states that it is original work,
    or names what it quotes (the source's name and link; the original author where known).
    """
    missing: dict[str, object] = {}
    if not article.title.strip():
        missing["title"] = _l("Nhập tiêu đề.")
    if not article.body.strip():
        missing["body"] = _l("Nhập nội dung bài.")
    if article.section_id is None:
        missing["section_id"] = _l("Chọn chuyên mục.")
    if article.source_type not in set(SourceType):
        missing["source_type"] = _l("Cho biết bài tự viết hay trích dẫn từ nguồn khác.")
    elif article.source_type == SourceType.QUOTED:
        if not article.source_name.strip():
            missing["source_name"] = _l("Bài trích dẫn phải ghi tên nguồn.")
        if not article.source_url.startswith(("http://", "https://")):
            missing["source_url"] = _l("Bài trích dẫn phải có đường dẫn đến nguồn (http:// hoặc https://).")
    if article.cover_key and not article.cover_alt.strip():
        missing["cover_alt"] = _l("Ảnh đại diện cần có mô tả thay thế cho người khiếm thị.")
    unnamed = images_without_alt(article.body)
    if unnamed and "body" not in missing:
        missing["body"] = _l(
            "%(n)d ảnh trong bài chưa có mô tả cho người khiếm thị: nhập mô tả dưới mỗi ảnh.", n=unnamed
        )
    return missing


def _record(article: Article, actor: User | None, action: Action, comment: str) -> ArticleTransition:
    """Move the article and write the timeline; `article_changed` lets the mail job and others follow."""
    transition = ArticleTransition(
        article_id=article.id,
        from_state=article.state,
        to_state=action.target,
        actor_id=actor.id if actor else None,
        comment=comment.strip(),
        at=datetime.now(UTC),
    )
    article.state = action.target
    article.updated_at = datetime.now(UTC)
    db.session.add(transition)
    db.session.flush()
    if action.target == S.PUBLISHED:
        audit.record(
            AuditAction.ARTICLE_PUBLISHED,
            actor.id if actor else None,
            actor.email if actor else "",
            detail=f"#{article.id} {article.title}",
        )
        signals.article_published.send(article)
    signals.article_changed.send(article, transition=transition)
    return transition


def _check(name: str, article: Article, actor: User) -> Action:
    action = ACTIONS[name]
    if not may(action, article, actor):
        raise NotAllowed(_l("Bạn không có quyền thực hiện thao tác này."))
    if article.state not in action.sources:
        raise InvalidTransition(
            _l(
                "Bài đang ở trạng thái “%(state)s”, không thể “%(action)s”.",
                state=S(article.state).label,
                action=action.label,
            )
        )
    return action


def perform(name: str, article: Article, actor: User, comment: str = "") -> ArticleTransition:
    """Check right, state and comment, then move `article`; the common path of every action."""
    action = _check(name, article, actor)
    if action.needs_comment and not comment.strip():
        raise SubmissionIncomplete({"comment": _l("Hãy ghi lý do.")})
    return _record(article, actor, action, comment)


def submit(article: Article, actor: User, comment: str = "") -> ArticleTransition:
    _check("submit", article, actor)
    missing = missing_for_submission(article)
    if missing:
        raise SubmissionIncomplete(missing)
    # Listeners (the unit's monthly cap) raise FieldErrors to refuse, or return a warning.
    warnings = [w for _, w in signals.article_submitting.send(article) if w]
    transition = perform("submit", article, actor, comment)
    article.submitted_at = transition.at
    transition.warning = warnings[0] if warnings else None  # not stored: the view shows it once
    return transition


def return_article(article: Article, actor: User, reason: str) -> ArticleTransition:
    return perform("return", article, actor, reason)


def approve(
    article: Article, actor: User, comment: str = "", factor: Decimal | None = None
) -> ArticleTransition:
    """Approve with the royalty factor; listeners (royalties) check it lies in the portal's range."""
    _check("approve", article, actor)
    signals.article_approving.send(article, factor=factor)
    transition = perform("approve", article, actor, comment)
    article.approved_at = datetime.now(UTC)
    article.approved_by_id = actor.id
    if factor is not None:
        article.royalty_factor = factor
    return transition


def schedule(
    article: Article, actor: User, when: datetime, comment: str = "", now: datetime | None = None
) -> ArticleTransition:
    if when is None or when <= (now or datetime.now(UTC)):
        raise SubmissionIncomplete({"publish_at": _l("Chọn một thời điểm trong tương lai.")})
    transition = perform("schedule", article, actor, comment)
    article.publish_at = when
    return transition


def unschedule(article: Article, actor: User, comment: str = "") -> ArticleTransition:
    transition = perform("unschedule", article, actor, comment)
    article.publish_at = None
    return transition


def _mark_published(article: Article, when: datetime) -> None:
    if article.published_at is None:
        article.published_at = when


def publish(article: Article, actor: User, comment: str = "") -> ArticleTransition:
    transition = perform("publish", article, actor, comment)
    _mark_published(article, datetime.now(UTC))
    return transition


def unpublish(article: Article, actor: User, reason: str) -> ArticleTransition:
    return perform("unpublish", article, actor, reason)


def archive(article: Article, actor: User, comment: str = "") -> ArticleTransition:
    return perform("archive", article, actor, comment)


# The actions that take only a comment, by name, for the view: each through its own service,
# never `perform` directly, so publishing sets the publication date and unscheduling clears the time.
SIMPLE_ACTIONS = {
    "return": return_article,
    "unschedule": unschedule,
    "publish": publish,
    "unpublish": unpublish,
    "archive": archive,
}


def _due(now: datetime | None) -> tuple:
    return Article.state == S.SCHEDULED, Article.publish_at <= (now or datetime.now(UTC))


def portals_with_due_articles(now: datetime | None = None) -> sa.Select:
    """The tenant ids with scheduled articles whose time has come (for the cron, across tenants)."""
    return sa.select(Article.tenant_id).where(*_due(now))


def publish_due(now: datetime | None = None) -> list[int]:
    """Publish the current portal's scheduled articles whose time has come (the cron's work).

    Returns the ids published. The scheduler is the actor (none); the timeline says so.
    """
    due = db.session.scalars(sa.select(Article).where(*_due(now)).order_by(Article.publish_at)).all()
    for article in due:
        _record(article, None, ACTIONS["publish"], "")
        _mark_published(article, article.publish_at)
    return [a.id for a in due]


def timeline(article: Article) -> list[ArticleTransition]:
    return list(
        db.session.scalars(
            sa.select(ArticleTransition)
            .where(ArticleTransition.article_id == article.id)
            .order_by(ArticleTransition.at, ArticleTransition.id)
        )
    )
