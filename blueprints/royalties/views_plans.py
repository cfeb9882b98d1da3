"""Back office of the monthly plan and the quota board. Thin: parse, call a service, render."""

from __future__ import annotations

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, MEMBERS, STAFF, require_role
from app.templating import render
from blueprints.newsroom.choices import unit_choices
from blueprints.royalties import plans
from blueprints.royalties.blueprint import bp
from blueprints.royalties.forms import ConfirmForm, PlanForm, QuotaSettingsForm, TopicForm
from blueprints.royalties.models import RoyaltySettings
from blueprints.royalties.months import Month
from blueprints.royalties.quotas import quota_board

add_backoffice_page("royalties.plan_list", _l("Kế hoạch tháng"), roles=MEMBERS, order=13)
add_backoffice_page("royalties.quotas", _l("Chỉ tiêu tin bài"), roles=STAFF, order=14)


def is_manager() -> bool:
    return current_user.has_role(*CONTENT_MANAGERS)


def month_from_args() -> Month:
    return Month.parse(request.args.get("year", type=int), request.args.get("month", type=int))


def _list_page(form: PlanForm, status: int = 200):
    return render(
        "royalties/plans.html",
        plans=plans.plans(include_drafts=is_manager()),
        form=form,
        can_manage=is_manager(),
    ), status


@bp.get("/admin/plans/")
@require_role(*MEMBERS)
def plan_list():
    month = Month.of().next()
    return _list_page(PlanForm(year=month.year, month=month.month))


@bp.post("/admin/plans/")
@require_role(*CONTENT_MANAGERS)
def plan_create():
    form = PlanForm()
    if not form.validate_on_submit():
        return _list_page(form, 422)
    try:
        plan = plans.create_plan(
            Month(form.year.data, form.month.data), form.title.data, form.intro.data or ""
        )
    except plans.PlanExists:
        form.month.errors = [_("Tháng này đã có kế hoạch.")]
        return _list_page(form, 422)
    db.session.commit()
    flash(_("Đã tạo kế hoạch. Hãy thêm các chủ đề rồi ban hành."), "success")
    return redirect(url_for("royalties.plan_detail", plan_id=plan.id))


def load_plan(plan_id: int):
    """This portal's plan; a draft only for the board (others cannot tell it exists)."""
    plan = plans.load_plan(plan_id)
    if plan is None or (not plan.is_published and not is_manager()):
        abort(404)
    return plan


def _detail(plan, topic_form: TopicForm | None = None, status: int = 200):
    topic_form = topic_form or TopicForm()
    topic_form.unit_ids.choices = unit_choices(current_locale())[1:]
    return render(
        "royalties/plan.html",
        plan=plan,
        topic_form=topic_form,
        confirm=ConfirmForm(),
        can_manage=is_manager(),
    ), status


@bp.get("/admin/plans/<int:plan_id>")
@require_role(*MEMBERS)
def plan_detail(plan_id: int):
    return _detail(load_plan(plan_id))


@bp.post("/admin/plans/<int:plan_id>/topics")
@require_role(*CONTENT_MANAGERS)
def topic_add(plan_id: int):
    plan = load_plan(plan_id)
    form = TopicForm()
    form.unit_ids.choices = unit_choices(current_locale())[1:]
    if not form.validate_on_submit():
        return _detail(plan, form, 422)
    plans.add_topic(
        plan, form.title.data, form.description.data or "", form.due_date.data, form.unit_ids.data or []
    )
    db.session.commit()
    flash(_("Đã thêm chủ đề."), "success")
    return redirect(url_for("royalties.plan_detail", plan_id=plan.id))


@bp.post("/admin/plans/<int:plan_id>/topics/<int:topic_id>/delete")
@require_role(*CONTENT_MANAGERS)
def topic_delete(plan_id: int, topic_id: int):
    plan = load_plan(plan_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if not plans.remove_topic(plan, topic_id):
        abort(404)
    db.session.commit()
    flash(_("Đã xóa chủ đề."), "success")
    return redirect(url_for("royalties.plan_detail", plan_id=plan.id))


@bp.post("/admin/plans/<int:plan_id>/publish")
@require_role(*CONTENT_MANAGERS)
def plan_publish(plan_id: int):
    plan = load_plan(plan_id)
    if not ConfirmForm().validate_on_submit():
        abort(400)
    if plans.publish_plan(plan, current_user):
        db.session.commit()
        flash(_("Đã ban hành kế hoạch và gửi thư cho các cộng tác viên."), "success")
    return redirect(url_for("royalties.plan_detail", plan_id=plan.id))


@bp.get("/admin/quotas")
@require_role(*STAFF)
def quotas():
    month = month_from_args()
    settings = RoyaltySettings.for_current_tenant()
    db.session.commit()
    return render(
        "royalties/quotas.html",
        month=month,
        rows=quota_board(month),
        can_manage=is_manager(),
        settings_form=QuotaSettingsForm(over_cap_policy=settings.over_cap_policy),
    )


@bp.post("/admin/quotas/settings")
@require_role(*CONTENT_MANAGERS)
def quota_settings():
    form = QuotaSettingsForm()
    if not form.validate_on_submit():
        abort(400)
    RoyaltySettings.for_current_tenant().over_cap_policy = form.over_cap_policy.data
    db.session.commit()
    flash(_("Đã lưu cài đặt."), "success")
    return redirect(url_for("royalties.quotas"))
