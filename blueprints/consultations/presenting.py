"""What a consultation's page shows, gathered once: the table of contents, each clause with its
visible comments, the comments on the whole draft, those on clauses a revision removed, and the
time left. Views and the printable report draw from it; it reads no request."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from babel.lists import format_list
from babel.units import format_unit
from flask_babel import gettext as _

from app.i18n import current_locale
from blueprints.consultations import services
from blueprints.consultations.models import (
    ClauseKind,
    Consultation,
    ConsultationComment,
    ConsultationState,
    DraftClause,
    DraftRevision,
)


@dataclass
class CommentView:
    comment: ConsultationComment
    label: str  # the clause it is about, or "the whole draft"
    anchor: str | None  # where that clause is on the page (None: removed or whole draft)
    removed_in: int | None  # the revision that removed its clause
    changed_since: bool  # its clause was edited after the comment was made


@dataclass
class ClauseView:
    clause: DraftClause
    label: str
    comments: list[CommentView] = field(default_factory=list)


@dataclass
class ConsultationView:
    state: ConsultationState
    time_left: str | None
    clauses: list[ClauseView]
    toc: list[ClauseView]
    general: list[CommentView]
    removed: list[CommentView]
    revisions: list[DraftRevision]
    comments: list[CommentView]

    @property
    def count(self) -> int:
        return len(self.comments)


def time_left_text(delta: timedelta | None) -> str | None:
    """ "3 ngày, 4 giờ" / "5 hours, 12 minutes": the two largest units, in the page's language."""
    if delta is None:
        return None
    locale = current_locale()
    seconds = max(int(delta.total_seconds()), 0)
    days, hours, minutes = seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60
    parts = [(days, "duration-day"), (hours, "duration-hour"), (minutes, "duration-minute")]
    shown = [format_unit(value, unit, length="long", locale=locale) for value, unit in parts if value][:2]
    if not shown:
        shown = [format_unit(seconds, "duration-second", length="long", locale=locale)]
    return format_list(shown, style="unit", locale=locale)


def consultation_view(
    consultation: Consultation, comments: list[ConsultationComment] | None = None, now: datetime | None = None
) -> ConsultationView:
    now = now or services.utcnow()
    histories = services.clause_histories(consultation)
    current = services.clauses_of(consultation)
    articles = {c.key: c.number for c in current if c.kind == ClauseKind.ARTICLE}
    views = {c.key: ClauseView(c, services.clause_label(c, articles)) for c in current}
    general: list[CommentView] = []
    removed: list[CommentView] = []
    shown: list[CommentView] = []
    for comment in services.public_comments(consultation) if comments is None else comments:
        history = histories.get(comment.clause_key or "")
        if comment.clause_key is None or history is None:
            item = CommentView(comment, _("Toàn bộ dự thảo"), None, None, False)
            general.append(item)
        else:
            then = history.text_by_revision.get(comment.revision_number)
            now_text = history.text_by_revision.get(history.last_revision)
            item = CommentView(
                comment,
                history.label,
                None if history.removed_in else history.clause.anchor,
                history.removed_in,
                then is not None and then != now_text,
            )
            (removed if history.removed_in else views[comment.clause_key].comments).append(item)
        shown.append(item)
    ordered = list(views.values())
    return ConsultationView(
        state=consultation.state(now),
        time_left=time_left_text(services.time_left(consultation, now)),
        clauses=ordered,
        toc=[v for v in ordered if v.clause.kind != ClauseKind.CLAUSE],
        general=general,
        removed=removed,
        revisions=services.revisions(consultation),
        comments=shown,
    )
