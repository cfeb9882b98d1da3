"""Public pages and back-office screens of plans, projects, programmes, reports and figures."""

from __future__ import annotations

import sqlalchemy as sa
from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.crud import Crud, find_row, register
from app.extensions import db
from app.navigation import add_backoffice_page, add_public_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from app.uploads import send_stored
from blueprints.programmes import figures
from blueprints.programmes.blueprint import bp
from blueprints.programmes.forms import (
    FiguresImportForm,
    PeriodForm,
    ProjectForm,
    ScienceProgrammeForm,
    StatisticsReportForm,
)
from blueprints.programmes.models import Project, ProjectKind, ScienceProgramme, StatisticsReport
from blueprints.programmes.services import (
    format_vnd,
    list_programmes,
    list_projects,
    list_reports,
    save_programme,
    save_report,
)
from blueprints.seo.registry import add_sitemap_source

add_public_page(
    "programmes.projects",
    _l("Quy hoạch, dự án, đấu thầu"),
    _l("Quy hoạch, kế hoạch phát triển, dự án đầu tư và đấu thầu, mua sắm công."),
    order=40,
)
add_public_page(
    "programmes.science",
    _l("Chương trình khoa học"),
    _l("Chương trình, đề tài nghiên cứu khoa học."),
    order=42,
    in_main_menu=False,
)
add_public_page(
    "programmes.reports",
    _l("Báo cáo thống kê"),
    _l("Báo cáo thống kê định kỳ."),
    order=44,
    in_main_menu=False,
)
add_sitemap_source(
    "programmes.projects",
    lambda: (
        ("programmes.project", {"project_id": pid}, updated_at)
        for pid, updated_at in db.session.execute(sa.select(Project.id, Project.updated_at))
    ),
)


@bp.app_context_processor
def figures_context():
    """`procedure_figures(period)` for the public-services page, queried only when called."""
    return {"procedure_figures": figures.figures_for, "procedure_periods": figures.periods}


# -- public -----------------------------------------------------------------------------------


@bp.get("/du-an")
def projects():
    kind = request.args.get("kind")
    return render(
        "programmes/projects.html",
        projects=list_projects(kind),
        kinds=list(ProjectKind),
        kind=kind if kind in set(ProjectKind) else None,
        format_vnd=format_vnd,
    )


@bp.get("/du-an/<int:project_id>")
def project(project_id: int):
    item = find_row(Project, project_id)
    return render(
        "programmes/project.html",
        project=item,
        kind_label=ProjectKind(item.kind).label,
        format_vnd=format_vnd,
    )


@bp.get("/de-tai-khoa-hoc")
def science():
    return render("programmes/science.html", programmes=list_programmes())


@bp.get("/thong-ke")
def reports():
    return render("programmes/reports.html", reports=list_reports())


@bp.get("/thong-ke/<int:report_id>/tep")
def report_file(report_id: int):
    report = find_row(StatisticsReport, report_id)
    if not report.file_key:
        abort(404)
    return send_stored(report.file_key, report.file_type, report.file_name)


# -- back office ------------------------------------------------------------------------------

register(
    Crud(
        bp,
        "projects",
        Project,
        ProjectForm,
        _l("Quy hoạch, dự án, đấu thầu"),
        order=200,
        columns=[
            (_l("Tên"), lambda r: r.name),
            (_l("Loại thông tin"), lambda r: ProjectKind(r.kind).label),
            (_l("Tình trạng"), lambda r: r.status),
        ],
    )
)
register(
    Crud(
        bp,
        "science-programmes",
        ScienceProgramme,
        ScienceProgrammeForm,
        _l("Chương trình khoa học"),
        order=210,
        save=save_programme,
        order_by=lambda m: [m.code],
        columns=[
            (_l("Tên chương trình, đề tài"), lambda r: r.name),
            (_l("Mã số"), lambda r: r.code),
            (_l("Cấp quản lý"), lambda r: r.level),
        ],
    )
)
register(
    Crud(
        bp,
        "statistics",
        StatisticsReport,
        StatisticsReportForm,
        _l("Báo cáo thống kê"),
        order=220,
        save=save_report,
        order_by=lambda m: [m.published_on.desc(), m.id.desc()],
        columns=[
            (_l("Tên báo cáo"), lambda r: r.title),
            (_l("Kỳ báo cáo"), lambda r: r.period),
            (_l("Ngày công bố"), lambda r: r.published_on.strftime("%d/%m/%Y")),
        ],
    )
)
add_backoffice_page(
    "programmes.figures_admin", _l("Số liệu thủ tục hành chính"), roles=CONTENT_MANAGERS, order=230
)


@bp.route("/admin/procedure-figures", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def figures_admin():
    """Import a CSV of figures: all rows or none, with every error and its line number."""
    form = FiguresImportForm()
    result = None
    if form.validate_on_submit():
        result = figures.import_figures(form.file.data.read(figures.MAX_BYTES + 1))
        if result.ok:
            db.session.commit()
            flash(
                _(
                    "Đã nhập %(rows)d dòng số liệu cho kỳ %(periods)s.",
                    rows=result.rows,
                    periods=", ".join(result.periods),
                ),
                "success",
            )
            return redirect(url_for("programmes.figures_admin"))
        db.session.rollback()
    status = 422 if form.errors or (result and not result.ok) else 200
    return render(
        "programmes/figures_admin.html",
        form=form,
        result=result,
        periods=figures.periods(),
        delete_form=PeriodForm(formdata=None),
    ), status


@bp.post("/admin/procedure-figures/delete")
@require_role(*CONTENT_MANAGERS)
def figures_delete():
    form = PeriodForm()
    if form.validate_on_submit():
        count = figures.delete_period(form.period.data)
        db.session.commit()
        flash(_("Đã xoá %(n)d dòng số liệu.", n=count), "success")
    return redirect(url_for("programmes.figures_admin"))
