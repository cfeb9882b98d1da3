"""Export of every comment with the agency's responses, as CSV for a spreadsheet.

Cells are neutralised against formula injection (`app.spreadsheets`): a cell that starts with
= + - @, a tab or a carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it. The commenter's e-mail is not exported (it is needed only to answer,
which the portal does).
"""

from __future__ import annotations

from flask import Response
from flask_babel import gettext as _

from app.spreadsheets import CSV_MIMETYPE, attachment, csv_bytes
from blueprints.consultations import presenting, services
from blueprints.consultations.models import CommentState, Consultation


def rows(consultation: Consultation) -> list[list[str]]:
    comments = services.comments_for_moderation(consultation)
    view = presenting.consultation_view(consultation, comments=comments)
    by_id = {cv.comment.id: cv for cv in view.comments}
    header = [
        _("Số thứ tự"),
        _("Thời gian"),
        _("Người góp ý"),
        _("Cơ quan, tổ chức"),
        _("Góp ý về"),
        _("Bản dự thảo"),
        _("Đã bỏ ở bản"),
        _("Ý kiến góp ý"),
        _("Tình trạng"),
        _("Lý do từ chối"),
        _("Ý kiến tiếp thu, giải trình"),
    ]
    out = [header]
    for number, comment in enumerate(comments, start=1):
        cv = by_id[comment.id]
        out.append(
            [
                str(number),
                comment.created_at.astimezone(services.require_tenant().zone).strftime("%Y-%m-%d %H:%M:%S"),
                comment.name,
                comment.organisation,
                cv.label,
                str(comment.revision_number),
                str(cv.removed_in or ""),
                comment.body,
                str(CommentState(comment.state).label),
                comment.reject_reason,
                comment.response,
            ]
        )
    return out


def csv_response(consultation: Consultation) -> Response:
    return attachment(
        csv_bytes(rows(consultation)), f"consultation-{consultation.id}-comments.csv", CSV_MIMETYPE
    )
