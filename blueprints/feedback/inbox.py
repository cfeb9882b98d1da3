"""The board's inbox: filters, assignment, internal notes, answers and publication.

Who may do what (written for people in the help centre, editor's guide, "questions"):
- see the inbox: the board's office (approver, editor, board head) sees every item; any member
  (a collaborator too) sees the items assigned to them personally;
- assign to a unit or a person, publish and withdraw from the public Q&A, keep the categories
  and settings: editors and the board head (`CONTENT_MANAGERS`);
- answer and add internal notes: whoever may see the item (the assignee, the approver, editors,
  the board head).
Publication needs the asker's consent and an answer; the database refuses anything else too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import orm

from app.extensions import db
from app.roles import CONTENT_MANAGERS, MEMBERS, STAFF
from app.validation import FieldErrors
from blueprints.auth.models import Membership, User
from blueprints.feedback.models import FeedbackItem, FeedbackNote, ItemState
from blueprints.feedback.services import plain, search_text_of
from blueprints.newsroom.models import ContributingUnit
from tenants.context import require_tenant

INBOX_PER_PAGE = 25


def sees_everything(user) -> bool:
    return user.has_role(*STAFF)


def may_manage(user) -> bool:
    """Assign, publish, withdraw; keep categories and settings."""
    return user.has_role(*CONTENT_MANAGERS)


def may_see(user, item: FeedbackItem) -> bool:
    return sees_everything(user) or (user.has_role(*MEMBERS) and item.assignee_id == user.id)


def may_answer(user, item: FeedbackItem) -> bool:
    return may_see(user, item)


@dataclass(frozen=True)
class InboxFilter:
    state: str | None = None
    category_id: int | None = None
    unit_id: int | None = None
    overdue: bool = False
    mine: bool = False
    page: int = 1


def inbox(user, filters: InboxFilter) -> Pagination:
    """The items this person may see, filtered; unanswered first, the earliest due first."""
    today = require_tenant().today()
    stmt = sa.select(FeedbackItem).options(
        orm.selectinload(FeedbackItem.category),
        orm.selectinload(FeedbackItem.unit),
        orm.selectinload(FeedbackItem.assignee),
    )
    if filters.mine or not sees_everything(user):
        stmt = stmt.where(FeedbackItem.assignee_id == user.id)
    if filters.state:
        stmt = stmt.where(FeedbackItem.state == filters.state)
    if filters.category_id is not None:
        stmt = stmt.where(FeedbackItem.category_id == filters.category_id)
    if filters.unit_id is not None:
        stmt = stmt.where(FeedbackItem.unit_id == filters.unit_id)
    if filters.overdue:
        stmt = stmt.where(overdue_clause(today))
    answered = sa.case((FeedbackItem.state == ItemState.ANSWERED, 1), else_=0)
    stmt = stmt.order_by(answered, FeedbackItem.due_on, FeedbackItem.id)
    return db.paginate(stmt, page=max(filters.page, 1), per_page=INBOX_PER_PAGE, error_out=False, count=True)


def overdue_clause(today: date):
    """Unanswered items past their due day."""
    return sa.and_(FeedbackItem.state != ItemState.ANSWERED, FeedbackItem.due_on < today)


def overdue_counts() -> tuple[int, int]:
    """(overdue, due today or tomorrow) unanswered items of the portal, for the dashboard."""
    today = require_tenant().today()
    late = db.session.scalar(
        sa.select(sa.func.count()).select_from(FeedbackItem).where(overdue_clause(today))
    )
    soon = db.session.scalar(
        sa.select(sa.func.count())
        .select_from(FeedbackItem)
        .where(
            FeedbackItem.state != ItemState.ANSWERED,
            FeedbackItem.due_on >= today,
            FeedbackItem.due_on <= date.fromordinal(today.toordinal() + 1),
        )
    )
    return int(late or 0), int(soon or 0)


def get_item(item_id: int) -> FeedbackItem | None:
    return db.session.get(FeedbackItem, (require_tenant().id, item_id))


def notes(item: FeedbackItem) -> list[FeedbackNote]:
    return list(
        db.session.scalars(
            sa.select(FeedbackNote)
            .where(FeedbackNote.item_id == item.id)
            .order_by(FeedbackNote.created_at, FeedbackNote.id)
        )
    )


def units() -> list[ContributingUnit]:
    return list(
        db.session.scalars(
            sa.select(ContributingUnit)
            .where(ContributingUnit.is_active)
            .order_by(ContributingUnit.position, ContributingUnit.name_vi)
        )
    )


def members() -> list[User]:
    """People with a role on this portal, who can be given an item."""
    return list(
        db.session.scalars(
            sa.select(User)
            .join(Membership, Membership.user_id == User.id)
            .where(User.is_disabled.is_(False))
            .distinct()
            .order_by(User.name, User.id)
        )
    )


# -- acting -----------------------------------------------------------------------------------


def assign(item: FeedbackItem, unit_id: int | None, assignee_id: int | None) -> bool:
    """Give the item to a unit and/or a person of this portal. Returns whether the person changed
    (the view then tells them by mail)."""
    if unit_id is not None and unit_id not in {u.id for u in units()}:
        raise FieldErrors.on("unit_id", _l("Đơn vị này không có trên cổng thông tin."))
    if assignee_id is not None and assignee_id not in {u.id for u in members()}:
        raise FieldErrors.on("assignee_id", _l("Người này không thuộc Ban biên tập của cổng thông tin."))
    changed = assignee_id is not None and assignee_id != item.assignee_id
    item.unit_id, item.assignee_id = unit_id, assignee_id
    if item.state == ItemState.RECEIVED and (unit_id is not None or assignee_id is not None):
        item.state = ItemState.ASSIGNED
    if changed:
        item.reminded_at = None  # the new assignee gets their own reminder
    db.session.flush()
    return changed


def add_note(item: FeedbackItem, author: User, body: str) -> FeedbackNote:
    note = FeedbackNote(item_id=item.id, author_id=author.id, body=plain(body))
    db.session.add(note)
    db.session.flush()
    return note


def save_answer(item: FeedbackItem, author: User, answer: str) -> bool:
    """Record (or correct) the answer. Returns True the first time: the asker is then mailed.

    The day answered stays the first one (a correction does not move the record)."""
    text = plain(answer)
    if not text:
        raise FieldErrors.on("answer", _l("Nhập nội dung trả lời."))
    first = item.answered_at is None
    item.answer = text
    item.answered_by_id = author.id
    if first:
        item.answered_at = datetime.now(UTC)
        item.answered_on = require_tenant().today()
        item.state = ItemState.ANSWERED
    if item.is_published:
        item.search_text = search_text_of(item)
    db.session.flush()
    return first


def publish(item: FeedbackItem) -> None:
    if not item.may_publish:
        raise FieldErrors.on("publish", _l("Người gửi không đồng ý công khai nên không thể đăng."))
    if item.answered_at is None:
        raise FieldErrors.on("publish", _l("Cần trả lời trước khi đăng công khai."))
    item.published_at = item.published_at or datetime.now(UTC)
    item.search_text = search_text_of(item)
    db.session.flush()


def withdraw(item: FeedbackItem) -> None:
    item.published_at = None
    item.search_text = ""
    db.session.flush()
