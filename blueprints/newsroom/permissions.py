"""Who may see, edit and move an article on the current portal.

Roles come from `Membership` (per portal); platform administrators pass every check
(`User.has_role`). Collaborators work on their own drafts and returned articles; approvers
approve or return; editors publish, schedule and unpublish; the board head sees everything.
"""

from __future__ import annotations

from app.roles import STAFF, Role
from blueprints.auth.models import User
from blueprints.newsroom.models import Article, ArticleState

WRITERS = (Role.COLLABORATOR, Role.APPROVER, Role.EDITOR)
# Who must act on an article in each state (used by the dashboard and the notifications).
NEXT_ACTOR = {ArticleState.SUBMITTED: Role.APPROVER, ArticleState.APPROVED: Role.EDITOR}


def is_author(article: Article, user: User) -> bool:
    return user.id in article.author_ids or article.created_by_id == user.id


def can_view(article: Article, user: User) -> bool:
    return user.has_role(*STAFF) or is_author(article, user)


def can_edit(article: Article, user: User) -> bool:
    """Approvers and editors correct any live article; authors only their drafts and returns."""
    if article.state == ArticleState.ARCHIVED:
        return False
    if user.has_role(Role.APPROVER, Role.EDITOR):
        return True
    return (
        user.has_role(Role.COLLABORATOR)
        and is_author(article, user)
        and article.state in (ArticleState.DRAFT, ArticleState.RETURNED)
    )


def can_write(user: User) -> bool:
    return user.has_role(*WRITERS)
