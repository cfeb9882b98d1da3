"""Rules and queries of consultations: their state, the draft's revisions, comments and moderation.

Every function that depends on the time takes `now` (a UTC-aware datetime; the real clock when
omitted), so the closing edge is tested to the second. A comment is accepted while
`now < closes_at`: one second before the closing time is in, the closing time itself is out.
Services never read `request`; they raise `FieldErrors` against form fields and
`ConsultationClosed` when a comment comes too late, and enqueue mail only after the commit.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_sqlalchemy.pagination import Pagination

from app.extensions import db
from app.uploads import StoredFile, store_upload
from app.validation import FieldErrors
from blueprints.consultations import draft_text
from blueprints.consultations.models import (
    ClauseKind,
    CommentState,
    Consultation,
    ConsultationComment,
    ConsultationFile,
    ConsultationSettings,
    ConsultationState,
    DraftClause,
    DraftRevision,
    Moderation,
)
from tenants.context import require_tenant

MAX_PER_PAGE = 100
S = ConsultationState


class ConsultationClosed(Exception):
    """A comment arrived after the closing time (or before the opening): it is not stored."""


def utcnow() -> datetime:
    return datetime.now(UTC)


# -- consultations ----------------------------------------------------------------------------


def state_filter(stmt, state: str, now: datetime):
    """`stmt` narrowed to consultations in `state` at `now` (the same rule as `Consultation.state`)."""
    C = Consultation
    if state == S.CONCLUDED:
        return stmt.where(C.concluded_at.is_not(None))
    stmt = stmt.where(C.concluded_at.is_(None))
    if state == S.UPCOMING:
        return stmt.where(C.opens_at > now)
    if state == S.OPEN:
        return stmt.where(C.opens_at <= now, C.closes_at > now)
    if state == S.CLOSED:
        return stmt.where(C.closes_at <= now)
    return stmt


def list_consultations(
    state: str = "", *, page: int = 1, per_page: int = 20, public: bool = True, now: datetime | None = None
) -> Pagination:
    stmt = sa.select(Consultation)
    if public:
        stmt = stmt.where(Consultation.is_published)
    if state in {s.value for s in S}:
        stmt = state_filter(stmt, state, now or utcnow())
    stmt = stmt.order_by(Consultation.closes_at.desc(), Consultation.id.desc())
    return db.paginate(
        stmt, page=max(page, 1), per_page=min(max(per_page, 1), MAX_PER_PAGE), error_out=False, count=True
    )


def open_consultations(limit: int = 5, now: datetime | None = None) -> list[Consultation]:
    """Open consultations of this portal, closing soonest first (the home page's block)."""
    stmt = state_filter(sa.select(Consultation).where(Consultation.is_published), S.OPEN, now or utcnow())
    return list(db.session.scalars(stmt.order_by(Consultation.closes_at, Consultation.id).limit(limit)))


def get_consultation(consultation_id: int, public: bool = True) -> Consultation | None:
    consultation = db.session.get(Consultation, (require_tenant().id, consultation_id))
    if consultation is None or (public and not consultation.is_published):
        return None
    return consultation


def time_left(consultation: Consultation, now: datetime | None = None) -> timedelta | None:
    """How long the consultation stays open, or None when it is not open."""
    now = now or utcnow()
    return consultation.closes_at - now if consultation.state(now) == S.OPEN else None


AGENCY_FIELDS = ("agency_name", "agency_address", "agency_email", "agency_phone")
TEXT_FIELDS = ("title", "summary", "drafting_body", *AGENCY_FIELDS)


def save_consultation(
    consultation: Consultation | None,
    *,
    opens_at: datetime,
    closes_at: datetime,
    is_published: bool,
    **values,
) -> Consultation:
    """Create or update a consultation; times are aware datetimes (stored as UTC)."""
    if closes_at <= opens_at:
        raise FieldErrors.on("closes_at", _("Thời hạn góp ý phải sau thời điểm bắt đầu."))
    consultation = consultation or Consultation()
    if consultation.concluded_at is not None and closes_at != consultation.closes_at:
        raise FieldErrors.on("closes_at", _("Đợt lấy ý kiến đã kết thúc, không thể đổi thời hạn."))
    for name in TEXT_FIELDS:
        setattr(consultation, name, _plain(values.get(name)))
    if consultation.closes_at is not None and closes_at.astimezone(UTC) != consultation.closes_at.astimezone(
        UTC
    ):
        consultation.announced_closed_at = None  # a new closing time is announced when it comes
    if consultation.opens_at is not None and opens_at.astimezone(UTC) != consultation.opens_at.astimezone(
        UTC
    ):
        consultation.announced_open_at = None
    consultation.opens_at = opens_at.astimezone(UTC)
    consultation.closes_at = closes_at.astimezone(UTC)
    consultation.is_published = bool(is_published)
    consultation.updated_at = utcnow()
    db.session.add(consultation)
    db.session.flush()
    return consultation


def add_file(consultation: Consultation, upload) -> ConsultationFile:
    """Attach the draft as PDF or DOCX (checked by content by app.uploads; UploadRejected else)."""
    return attach_stored(consultation, store_upload(upload, kind="document"))


def attach_stored(consultation: Consultation, stored: StoredFile) -> ConsultationFile:
    return ConsultationFile.attach(stored, consultation_id=consultation.id)


def get_file(consultation_id: int, file_id: int, public: bool = True) -> ConsultationFile | None:
    if get_consultation(consultation_id, public=public) is None:
        return None
    file = db.session.get(ConsultationFile, (require_tenant().id, file_id))
    return file if file is not None and file.consultation_id == consultation_id else None


def remove_file(file: ConsultationFile) -> None:
    db.session.delete(file)
    db.session.flush()


# -- the draft's revisions ----------------------------------------------------------------------


def revisions(consultation: Consultation) -> list[DraftRevision]:
    return list(
        db.session.scalars(
            sa.select(DraftRevision)
            .where(DraftRevision.consultation_id == consultation.id)
            .order_by(DraftRevision.number)
        )
    )


def clauses_of(consultation: Consultation, number: int | None = None) -> list[DraftClause]:
    """The text of revision `number` (the current one by default), in reading order."""
    number = consultation.current_revision if number is None else number
    return list(
        db.session.scalars(
            sa.select(DraftClause)
            .join(
                DraftRevision,
                sa.and_(
                    DraftRevision.tenant_id == DraftClause.tenant_id,
                    DraftRevision.id == DraftClause.revision_id,
                ),
            )
            .where(DraftRevision.consultation_id == consultation.id, DraftRevision.number == number)
            .order_by(DraftClause.position)
        )
    )


def may_revise(consultation: Consultation, now: datetime | None = None) -> bool:
    """The draft can be revised before it opens and while it is open, never after."""
    return consultation.state(now) in (S.UPCOMING, S.OPEN)


def revise(
    consultation: Consultation, text: str, note: str = "", now: datetime | None = None
) -> DraftRevision:
    """Store `text` as the next revision. Clauses keep the key their number had in the previous
    revision, so comments stay on them; a clause the text no longer has keeps its comments."""
    if not may_revise(consultation, now):
        raise FieldErrors.on("text", _("Đợt lấy ý kiến đã hết hạn, không thể sửa dự thảo."))
    try:
        nodes = draft_text.parse(text)
    except draft_text.DraftTextError as exc:
        raise FieldErrors.on("text", str(exc)) from exc
    current = clauses_of(consultation) if consultation.current_revision else []
    articles = {c.key: c.number for c in current if c.kind == ClauseKind.ARTICLE}
    previous = {_path(c, articles): c.key for c in current}
    draft_text.assign_keys(nodes, previous)
    revision = DraftRevision(
        consultation_id=consultation.id, number=consultation.current_revision + 1, note=note.strip()[:500]
    )
    db.session.add(revision)
    db.session.flush()
    for position, node in enumerate(nodes):
        db.session.add(
            DraftClause(
                revision_id=revision.id,
                consultation_id=consultation.id,
                key=node.key,
                kind=node.kind,
                number=node.number,
                parent_key=node.parent_key,
                heading=node.heading[:500],
                body=node.body,
                position=position,
            )
        )
    consultation.current_revision = revision.number
    consultation.updated_at = now or utcnow()
    db.session.flush()
    return revision


def _path(clause: DraftClause, articles: dict[str, str]) -> str:
    """The path a stored clause had ("article:3/clause:2"), to match it with the new text."""
    parent = (
        f"article:{articles.get(clause.parent_key or '', '')}" if clause.kind == ClauseKind.CLAUSE else None
    )
    return draft_text.node_path(clause.kind, clause.number, parent)


def draft_as_text(consultation: Consultation) -> str:
    return draft_text.to_text(clauses_of(consultation)) if consultation.current_revision else ""


def clause_label(clause: DraftClause, articles: dict[str, str] | None = None) -> str:
    """ "Phần I", "Điều 3. Heading" or "Điều 3, khoản 2": how people name the clause."""
    if clause.kind == ClauseKind.PART:
        return _("Phần %(number)s", number=clause.number) + (f". {clause.heading}" if clause.heading else "")
    if clause.kind == ClauseKind.ARTICLE:
        return _("Điều %(number)s", number=clause.number) + (f". {clause.heading}" if clause.heading else "")
    article = (articles or {}).get(clause.parent_key or "", "")
    return _("Điều %(article)s, khoản %(number)s", article=article, number=clause.number)


@dataclass
class ClauseHistory:
    """What a key was in every revision: its last text, and where it was removed (if it was)."""

    key: str
    clause: DraftClause  # the text in the last revision that had it
    label: str
    last_revision: int
    removed_in: int | None  # the first revision without it, or None when it is current
    text_by_revision: dict[int, str] = field(default_factory=dict)


def clause_histories(consultation: Consultation) -> dict[str, ClauseHistory]:
    """Every key the draft ever had, across its revisions."""
    rows = db.session.execute(
        sa.select(DraftClause, DraftRevision.number)
        .join(
            DraftRevision,
            sa.and_(
                DraftRevision.tenant_id == DraftClause.tenant_id, DraftRevision.id == DraftClause.revision_id
            ),
        )
        .where(DraftRevision.consultation_id == consultation.id)
        .order_by(DraftRevision.number, DraftClause.position)
    ).all()
    articles: dict[int, dict[str, str]] = {}
    for clause, number in rows:
        if clause.kind == ClauseKind.ARTICLE:
            articles.setdefault(number, {})[clause.key] = clause.number
    histories: dict[str, ClauseHistory] = {}
    for clause, number in rows:
        label = clause_label(clause, articles.get(number, {}))
        found = histories.get(clause.key)
        if found is None:
            found = histories[clause.key] = ClauseHistory(clause.key, clause, label, number, None)
        found.clause, found.label, found.last_revision = clause, label, number
        found.text_by_revision[number] = f"{clause.heading}\n{clause.body}"
    for history in histories.values():
        if history.last_revision < consultation.current_revision:
            history.removed_in = history.last_revision + 1
    return histories


def clause_choices(consultation: Consultation) -> list[tuple[str, str]]:
    """(key, label) of every clause of the current revision, for the comment form."""
    clauses = clauses_of(consultation)
    articles = {c.key: c.number for c in clauses if c.kind == ClauseKind.ARTICLE}
    return [(c.key, clause_label(c, articles)) for c in clauses]


# -- comments -----------------------------------------------------------------------------------


def moderation() -> Moderation:
    """The portal's moderation mode; pre-moderation until a content manager chooses otherwise
    (read without creating the settings row, so public pages never write)."""
    value = db.session.scalar(sa.select(ConsultationSettings.moderation))
    return Moderation(value or Moderation.PRE.value)


def set_moderation(mode: str) -> None:
    ConsultationSettings.for_current_tenant().moderation = Moderation(mode).value
    db.session.flush()


def submit_comment(
    consultation: Consultation,
    *,
    clause_key: str | None,
    name: str,
    email: str,
    body: str,
    organisation: str = "",
    locale: str = "vi",
    now: datetime | None = None,
) -> ConsultationComment:
    """Store a citizen's comment while the consultation is open (`now < closes_at`)."""
    now = now or utcnow()
    if not consultation.is_open(now):
        raise ConsultationClosed()
    if clause_key and clause_key not in {key for key, _label in clause_choices(consultation)}:
        raise FieldErrors.on("clause", _("Điều, khoản này không còn trong dự thảo hiện hành; hãy chọn lại."))
    comment = ConsultationComment(
        consultation_id=consultation.id,
        clause_key=clause_key or None,
        revision_number=max(consultation.current_revision, 1),
        name=_plain(name),
        email=email.strip(),
        organisation=_plain(organisation),
        body=_plain(body),
        state=CommentState.PENDING.value,
        locale=locale if locale in ("vi", "en") else "vi",
        created_at=now,
    )
    db.session.add(comment)
    db.session.flush()
    return comment


def _plain(text: str | None) -> str:
    """Citizen text as stored: NFC, Unix line breaks, no surrounding blanks (shown escaped)."""
    return unicodedata.normalize("NFC", (text or "").replace("\r\n", "\n").replace("\r", "\n")).strip()


def visible_condition():
    """Which comments the public sees: accepted ones, and under post-moderation the ones still
    waiting for a moderator (shown until rejected)."""
    if moderation() == Moderation.POST:
        return ConsultationComment.state.in_([CommentState.ACCEPTED.value, CommentState.PENDING.value])
    return ConsultationComment.state == CommentState.ACCEPTED.value


def public_comments(consultation: Consultation) -> list[ConsultationComment]:
    return list(
        db.session.scalars(
            sa.select(ConsultationComment)
            .where(ConsultationComment.consultation_id == consultation.id, visible_condition())
            .order_by(ConsultationComment.created_at, ConsultationComment.id)
        )
    )


def comments_for_moderation(consultation: Consultation, state: str = "") -> list[ConsultationComment]:
    stmt = sa.select(ConsultationComment).where(ConsultationComment.consultation_id == consultation.id)
    if state in {s.value for s in CommentState}:
        stmt = stmt.where(ConsultationComment.state == state)
    return list(db.session.scalars(stmt.order_by(ConsultationComment.created_at, ConsultationComment.id)))


def comment_counts(consultation: Consultation) -> dict[str, int]:
    rows = db.session.execute(
        sa.select(ConsultationComment.state, sa.func.count())
        .where(ConsultationComment.consultation_id == consultation.id)
        .group_by(ConsultationComment.state)
    ).all()
    return {state: count for state, count in rows}


def get_comment(consultation: Consultation, comment_id: int) -> ConsultationComment | None:
    comment = db.session.get(ConsultationComment, (require_tenant().id, comment_id))
    return comment if comment is not None and comment.consultation_id == consultation.id else None


MODERATION_ACTIONS = {
    "accept": CommentState.ACCEPTED,
    "reject": CommentState.REJECTED,
    "spam": CommentState.SPAM,
}
ACTION_LABELS = {"accept": _l("Chấp nhận"), "reject": _l("Từ chối"), "spam": _l("Đánh dấu thư rác")}


def moderate(
    comment: ConsultationComment,
    action: str,
    *,
    moderator_id: int | None,
    reason: str = "",
    now: datetime | None = None,
) -> ConsultationComment:
    """Accept, reject (with a reason, mailed to the commenter) or mark as spam (no mail)."""
    if action not in MODERATION_ACTIONS:
        raise FieldErrors.on("action", _("Thao tác không hợp lệ."))
    reason = (reason or "").strip()
    if action == "reject" and not reason:
        raise FieldErrors.on("reason", _("Nhập lý do từ chối; lý do được gửi cho người góp ý."))
    was = comment.state
    comment.state = MODERATION_ACTIONS[action].value
    comment.reject_reason = reason if action == "reject" else ""
    comment.moderated_at = now or utcnow()
    comment.moderated_by_id = moderator_id
    db.session.flush()
    if action == "reject" and was != CommentState.REJECTED:
        from blueprints.consultations import tasks
        from workers.queue import enqueue_after_commit

        enqueue_after_commit(tasks.mail_rejection, require_tenant().id, comment.id)
    return comment


def respond(comment: ConsultationComment, response: str) -> None:
    """The agency's answer: how the comment was taken into account (shown with it, exported)."""
    comment.response = _plain(response)
    db.session.flush()


def conclude(consultation: Consultation, report: str, now: datetime | None = None) -> Consultation:
    """Publish the report of what was received and how it was taken into account; subscribers
    are told (once: a second conclusion only updates the report)."""
    now = now or utcnow()
    if consultation.state(now) == S.UPCOMING or consultation.state(now) == S.OPEN:
        raise FieldErrors.on("report", _("Chỉ có thể kết thúc sau khi hết hạn góp ý."))
    if not (report or "").strip():
        raise FieldErrors.on("report", _("Nhập báo cáo tiếp thu, giải trình."))
    first = consultation.concluded_at is None
    consultation.report = _plain(report)
    if first:
        consultation.concluded_at = now
    db.session.flush()
    if first and consultation.is_published:
        from blueprints.consultations import tasks
        from workers.queue import enqueue_after_commit

        enqueue_after_commit(tasks.announce, require_tenant().id, consultation.id, "concluded")
    return consultation


def _unannounced(now: datetime, moment, announced) -> tuple:
    """A published, open consultation whose `moment` (opening or closing) has come, unannounced."""
    C = Consultation
    return C.is_published, C.concluded_at.is_(None), moment <= now, announced.is_(None)


def _opened_unannounced(now: datetime) -> tuple:
    return _unannounced(now, Consultation.opens_at, Consultation.announced_open_at)


def _closed_unannounced(now: datetime) -> tuple:
    return _unannounced(now, Consultation.closes_at, Consultation.announced_closed_at)


def portals_with_due_announcements(now: datetime | None = None) -> sa.Select:
    """The tenant ids with an opening or closing to announce (for the cron, across tenants)."""
    now = now or utcnow()
    return sa.select(Consultation.tenant_id).where(
        sa.or_(sa.and_(*_opened_unannounced(now)), sa.and_(*_closed_unannounced(now)))
    )


def due_announcements(now: datetime | None = None) -> list[tuple[int, str]]:
    """(consultation id, "opened" or "closed") for each published consultation whose opening or
    closing has passed and was not yet announced; marks them, so a second run finds nothing."""
    now = now or utcnow()
    due: list[tuple[int, str]] = []
    for consultation in db.session.scalars(sa.select(Consultation).where(*_opened_unannounced(now))):
        consultation.announced_open_at = now
        if consultation.closes_at > now:
            due.append((consultation.id, "opened"))
    for consultation in db.session.scalars(sa.select(Consultation).where(*_closed_unannounced(now))):
        consultation.announced_closed_at = now
        due.append((consultation.id, "closed"))
    db.session.flush()
    return due


def waiting_for_moderation() -> list[tuple[Consultation, int]]:
    """Consultations with comments awaiting a moderator, and how many (the newsroom dashboard)."""
    rows = db.session.execute(
        sa.select(Consultation, sa.func.count(ConsultationComment.id))
        .join(
            ConsultationComment,
            sa.and_(
                ConsultationComment.tenant_id == Consultation.tenant_id,
                ConsultationComment.consultation_id == Consultation.id,
            ),
        )
        .where(ConsultationComment.state == CommentState.PENDING.value)
        .group_by(Consultation.tenant_id, Consultation.id)
        .order_by(Consultation.closes_at)
    ).all()
    return [(consultation, count) for consultation, count in rows]
