"""Back-office views."""

from __future__ import annotations

from flask import flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from app.navigation import add_backoffice_page
from app.roles import PLATFORM_ADMIN, Role, require_platform_admin
from app.templating import render
from blueprints.admin import failed_jobs as failed
from blueprints.admin.blueprint import bp
from tenants.provisioning import describe, list_tenants

add_backoffice_page("admin.dashboard", _l("Trang quản trị"), order=0)
add_backoffice_page("admin.tenants", _l("Tất cả cổng thông tin"), roles=(PLATFORM_ADMIN,), order=900)
add_backoffice_page("admin.failed_jobs", _l("Công việc nền bị lỗi"), roles=(PLATFORM_ADMIN,), order=910)


@bp.get("/")
@login_required
def dashboard():
    roles = sorted(current_user.roles_here() - {PLATFORM_ADMIN})
    return render(
        "admin/dashboard.html",
        roles=[Role(r) for r in roles],
        is_platform_admin=current_user.is_platform_admin,
    )


@bp.get("/tenants")
@require_platform_admin
def tenants():
    """Platform administration: every portal, its kind, status and domains."""
    return render("admin/tenants.html", tenants=[describe(t) for t in list_tenants()])


@bp.get("/jobs/failed")
@require_platform_admin
def failed_jobs():
    """Platform administration: the background jobs that failed, to retry or delete."""
    jobs, total = failed.failed_jobs()
    return render("admin/failed_jobs.html", jobs=jobs, total=total)


def _back_to_failed_jobs(done: bool, message: str):
    if done:
        flash(message, "success")
    else:
        flash(_("Công việc này không còn trong danh sách lỗi."), "error")
    return redirect(url_for("admin.failed_jobs"))


@bp.post("/jobs/failed/<job_id>/retry")
@require_platform_admin
def retry_failed_job(job_id: str):
    return _back_to_failed_jobs(failed.retry(job_id), _("Đã đưa công việc trở lại hàng đợi."))


@bp.post("/jobs/failed/<job_id>/delete")
@require_platform_admin
def delete_failed_job(job_id: str):
    return _back_to_failed_jobs(failed.delete(job_id), _("Đã xoá công việc."))
