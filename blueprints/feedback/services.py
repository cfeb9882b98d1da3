"""What citizens do: send a question or feedback, follow it by code, read published answers.

Rules that may be relied on:
- a submission is stored as plain text (NFC, trimmed), with its due day counted in working days
  from the day it arrived (the portal's local day) and the portal's `answer_days`;
- `find_by_code(code, email)` answers None for a wrong e-mail, an unknown code and another
  portal's code alike (the tenant filter hides the latter), so nothing tells them apart;
- public lists and details show published answers only, and never personal data.
"""

from __future__ import annotations

import hmac
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import orm
from sqlalchemy.exc import IntegrityError
from werkzeug.datastructures import FileStorage

from app.extensions import db
from app.holidays import holidays
from app.search import fold
from app.uploads import (
    StoredFile,
    UploadRejected,
    safe_filename,
    sniff_document,
    sniff_image,
    store_bytes,
    without_metadata,
)
from app.workdays import add_working_days
from blueprints.feedback.codes import new_code, normalise
from blueprints.feedback.models import (
    DEFAULT_RETENTION_MONTHS,
    FeedbackCategory,
    FeedbackItem,
    FeedbackSettings,
    ItemKind,
)
from tenants.context import require_tenant

ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
ATTACHMENT_TYPES = {"application/pdf", "image/jpeg", "image/png"}
PER_PAGE = 10
MAX_PER_PAGE = 100


def plain(text: str | None) -> str:
    """Citizen text as stored: NFC, trimmed, Windows line ends made plain."""
    return unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n")).strip()


# -- settings, categories, holidays -----------------------------------------------------------


def settings() -> FeedbackSettings:
    """The portal's settings; the defaults (15 working days, 24 months) until someone saves."""
    row = db.session.scalar(sa.select(FeedbackSettings))
    return row or FeedbackSettings(answer_days=15, retention_months=DEFAULT_RETENTION_MONTHS)


def save_settings(answer_days: int, retention_months: int) -> FeedbackSettings:
    row = db.session.scalar(sa.select(FeedbackSettings)) or FeedbackSettings()
    row.answer_days, row.retention_months = answer_days, retention_months
    db.session.add(row)
    db.session.flush()
    return row


def categories(active_only: bool = True) -> list[FeedbackCategory]:
    stmt = sa.select(FeedbackCategory).order_by(FeedbackCategory.position, FeedbackCategory.name_vi)
    if active_only:
        stmt = stmt.where(FeedbackCategory.is_active)
    return list(db.session.scalars(stmt))


def get_category(category_id: int | None) -> FeedbackCategory | None:
    if category_id is None:
        return None
    return db.session.get(FeedbackCategory, (require_tenant().id, category_id))


def due_day(received_on: date, answer_days: int | None = None) -> date:
    """The day an answer is due: `answer_days` working days after the day it arrived."""
    days = settings().answer_days if answer_days is None else answer_days
    return add_working_days(received_on, days, holidays(received_on.year, received_on.year + 1))


# -- submitting -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Submission:
    kind: str
    category_id: int | None
    subject: str
    body: str
    name: str
    email: str
    phone: str = ""
    may_publish: bool = False
    show_name: bool = False
    locale: str = "vi"


def check_attachment(upload: FileStorage | None) -> tuple[bytes, str, str, str] | None:
    """(data, content type, extension, file name) of an acceptable attachment, None when no file
    was chosen; UploadRejected (with the reason) otherwise. Checked by content, not by name."""
    if upload is None or not upload.filename:
        return None
    data = upload.stream.read(ATTACHMENT_MAX_BYTES + 1)
    if len(data) > ATTACHMENT_MAX_BYTES:
        raise UploadRejected(_("Tệp đính kèm lớn hơn 10 MB."))
    if not data:
        raise UploadRejected(_("Tệp đính kèm rỗng."))
    try:
        content_type, ext = sniff_document(data) if data.startswith(b"%PDF-") else sniff_image(data)
    except UploadRejected:
        content_type, ext = "", ""
    if content_type not in ATTACHMENT_TYPES:
        raise UploadRejected(_("Chỉ nhận tệp PDF, JPEG hoặc PNG."))
    if content_type.startswith("image/"):
        data = without_metadata(data)
    return data, content_type, ext, safe_filename(upload.filename, ext)


def submit(submission: Submission, attachment: tuple[bytes, str, str, str] | None = None) -> FeedbackItem:
    """Store a new item with a fresh code and its due day; the caller commits (and mails)."""
    tenant = require_tenant()
    today = tenant.today()
    category = get_category(submission.category_id)
    item = FeedbackItem(
        kind=ItemKind(submission.kind),
        category_id=category.id if category else None,
        subject=plain(submission.subject),
        body=plain(submission.body),
        locale=submission.locale,
        name=plain(submission.name),
        email=plain(submission.email).lower(),
        phone=plain(submission.phone),
        may_publish=submission.may_publish,
        show_name=submission.may_publish and submission.show_name,
        consented_at=datetime.now(UTC),
        received_on=today,
        due_on=due_day(today),
    )
    if attachment is not None:
        stored: StoredFile = store_bytes(*attachment)
        item.attachment_key, item.attachment_type, item.attachment_name = (
            stored.key,
            stored.content_type,
            stored.filename,
        )
    for _attempt in range(5):  # a collision of 60 random bits is astronomically rare; still, retry
        item.code = new_code(ItemKind(submission.kind).prefix)
        try:
            with db.session.begin_nested():
                db.session.add(item)
                db.session.flush()
            return item
        except IntegrityError:
            continue
    raise RuntimeError("no free tracking code after 5 tries")


def find_by_code(typed_code: str, email: str) -> FeedbackItem | None:
    """The current portal's item with this code *and* this e-mail, else None (whatever was wrong)."""
    code = normalise(typed_code)
    item = db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.code == code)) if code else None
    given = plain(email).lower().encode()
    stored = (item.email if item is not None else "\0").encode()
    if item is None or not item.email or not hmac.compare_digest(given, stored):
        return None
    return item


def find_by_code_only(code: str) -> FeedbackItem | None:
    """For the thank-you page, which knows the code from the sender's own session."""
    normal = normalise(code)
    return db.session.scalar(sa.select(FeedbackItem).where(FeedbackItem.code == normal)) if normal else None


# -- the public Q&A ---------------------------------------------------------------------------


def _published(with_category: bool = True):
    query = sa.select(FeedbackItem).where(FeedbackItem.published_at.is_not(None))
    return query.options(orm.selectinload(FeedbackItem.category)) if with_category else query


def published_answers(
    query: str = "", category_id: int | None = None, page: int = 1, per_page: int = PER_PAGE
) -> Pagination:
    """Published answers, newest first; `query` matches without diacritics or case."""
    stmt = _published()
    for word in fold(query).split()[:10]:
        stmt = stmt.where(FeedbackItem.search_text.contains(word, autoescape=True))
    if category_id is not None:
        stmt = stmt.where(FeedbackItem.category_id == category_id)
    stmt = stmt.order_by(FeedbackItem.published_at.desc(), FeedbackItem.id.desc())
    return db.paginate(
        stmt, page=max(page, 1), per_page=min(max(per_page, 1), MAX_PER_PAGE), error_out=False, count=True
    )


def published_answer(item_id: int) -> FeedbackItem | None:
    return db.session.scalar(_published().where(FeedbackItem.id == item_id))


def published_ids() -> list[int]:
    """Every published answer's id, newest first (the sitemap lists them all)."""
    return list(
        db.session.scalars(
            sa.select(FeedbackItem.id)
            .where(FeedbackItem.published_at.is_not(None))
            .order_by(FeedbackItem.published_at.desc(), FeedbackItem.id.desc())
        )
    )


def latest_answers(limit: int = 3) -> list[FeedbackItem]:
    """For the home page, which shows their subjects only: no category loaded with them."""
    query = _published(with_category=False)
    return list(db.session.scalars(query.order_by(FeedbackItem.published_at.desc()).limit(limit)))


def search_text_of(item: FeedbackItem) -> str:
    """What the public search matches: subject, question, answer and category, folded."""
    category = item.category
    parts = [
        item.subject,
        item.body,
        item.answer,
        category.name_vi if category else "",
        category.name_en if category else "",
    ]
    return fold(" ".join(parts))
