"""Rules and queries of projects, science programmes and statistics reports."""

from __future__ import annotations

import sqlalchemy as sa
from flask_babel import gettext as _

from app.extensions import db
from app.uploads import form_upload
from app.validation import FieldErrors
from blueprints.programmes.models import Project, ProjectKind, ScienceProgramme, StatisticsReport


def list_projects(kind: str | None = None) -> list[Project]:
    query = sa.select(Project).order_by(Project.updated_at.desc(), Project.id.desc())
    if kind in set(ProjectKind):
        query = query.where(Project.kind == kind)
    return list(db.session.scalars(query))


def list_programmes() -> list[ScienceProgramme]:
    return list(db.session.scalars(sa.select(ScienceProgramme).order_by(ScienceProgramme.code)))


def list_reports() -> list[StatisticsReport]:
    return list(
        db.session.scalars(
            sa.select(StatisticsReport).order_by(
                StatisticsReport.published_on.desc(), StatisticsReport.id.desc()
            )
        )
    )


def save_programme(programme: ScienceProgramme, form) -> None:
    """A code names one programme on a portal."""
    clash = db.session.scalar(
        sa.select(ScienceProgramme.id).where(
            ScienceProgramme.code == programme.code, ScienceProgramme.id != (programme.id or 0)
        )
    )
    if clash:
        raise FieldErrors.on("code", _("Mã số này đã được dùng."))


def save_report(report: StatisticsReport, form) -> None:
    """A report must have its file; a new upload replaces the old one."""
    stored = form_upload(
        form, "file", "document", has_one=bool(report.file_key), missing=_("Hãy chọn tệp báo cáo.")
    )
    if stored:
        report.file_key, report.file_name, report.file_type = stored.key, stored.filename, stored.content_type


def format_vnd(amount: int | None) -> str:
    return "" if amount is None else f"{amount:,}".replace(",", ".") + " đ"
