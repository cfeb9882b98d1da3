"""The counting hook, the footer's figures and the back-office chart."""

from __future__ import annotations

from flask import current_app, request
from flask_babel import lazy_gettext as _l
from redis.exceptions import RedisError

from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from blueprints.visits.blueprint import bp
from blueprints.visits.counter import is_page_view, record_visit
from blueprints.visits.services import daily_counts, visit_summary
from tenants.context import current_tenant

add_backoffice_page("visits.chart", _l("Lượt truy cập"), roles=CONTENT_MANAGERS, order=400)


@bp.after_app_request
def count_page_view(response):
    """One INCR per public page view; a Redis failure never costs the reader the page."""
    tenant = current_tenant()
    if tenant is not None and is_page_view(
        request.method,
        request.path,
        response.status_code,
        response.mimetype,
        request.headers.get("User-Agent", ""),
        prefetch="prefetch" in (request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")),
    ):
        try:
            record_visit(tenant.id)
        except RedisError:
            current_app.logger.warning("visit not counted: Redis unavailable")
    return response


def footer_visits(values: list | None = None):
    """For the footer: today's and total views, or None when Redis cannot be read."""
    if current_tenant() is None:  # an error page rendered outside the portal's scope
        return None
    try:
        return visit_summary(values)
    except RedisError:
        return None


def footer_figures(values: list | None = None) -> str:
    """The footer's figures as HTML: the page cache's "visits" fragment, filled in on every
    response (its two keys read with the cache lookup on a hit), so cached pages show current
    figures."""
    return current_app.jinja_env.get_template("visits/_figures.html").render(v=footer_visits(values))


@bp.get("/admin/visits")
@require_role(*CONTENT_MANAGERS)
def chart():
    days = daily_counts(30)
    return render(
        "visits/chart.html", days=days, peak=max([c for _, c in days] + [1]), total=sum(c for _, c in days)
    )
