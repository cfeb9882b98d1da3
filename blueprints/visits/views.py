"""The counting hook, the footer's figures and the back-office chart."""

from __future__ import annotations

from flask import current_app, has_request_context, request
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from redis.exceptions import RedisError

from app.i18n import catalogue, whole_number
from app.navigation import add_backoffice_page
from app.page_cache import VIEW_COUNTED, ViewCounter, uncount
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from blueprints.visits.blueprint import bp
from blueprints.visits.counter import counts_as_view, is_page_view, record_visit, todays_key
from blueprints.visits.services import VisitSummary, daily_counts, visit_summary
from tenants.context import current_tenant

# How the page cache counts a view it answers itself (registered in the blueprint's init_app).
VIEWS = ViewCounter(key=todays_key, counts=counts_as_view)

add_backoffice_page("visits.chart", _l("Lượt truy cập"), roles=CONTENT_MANAGERS, order=400)


@bp.after_app_request
def count_page_view(response):
    """One INCR per public page view; a Redis failure never costs the reader the page. A view
    the page cache counted on arrival (`VIEW_COUNTED`) is taken back if it was none."""
    tenant = current_tenant()
    if tenant is None:
        return response
    page_view = is_page_view(
        request.method,
        request.path,
        response.status_code,
        response.mimetype,
        request.headers.get("User-Agent", ""),
        prefetch="prefetch" in (request.headers.get("Sec-Purpose", "") + request.headers.get("Purpose", "")),
    )
    counted = request.environ.get(VIEW_COUNTED)
    if counted and not page_view:
        uncount(VIEWS.key(tenant.id))
    elif page_view and not counted:
        try:
            record_visit(tenant.id)
        except RedisError:
            current_app.logger.warning("visit not counted: Redis unavailable")
    return response


def footer_visits(values: list | None = None) -> VisitSummary | None:
    """For the footer: today's and total views before this one (as every page shows them), or
    None when Redis cannot be read."""
    if current_tenant() is None:  # an error page rendered outside the portal's scope
        return None
    try:
        summary = visit_summary(values)
    except RedisError:
        return None
    if has_request_context() and request.environ.get(VIEW_COUNTED):  # read after its own count
        return VisitSummary(max(summary.today - 1, 0), max(summary.total - 1, 0))
    return summary


def footer_figures(values: list | None, locale: str) -> str:
    """The footer's figures as HTML: the page cache's "visits" fragment, filled in on every
    response (its two keys read with the cache lookup on a hit), so cached pages show current
    figures. Written in Python rather than a template: it runs for every page view."""
    visits = footer_visits(values)
    if visits is None:
        return ""
    text = catalogue(locale).gettext("Lượt truy cập hôm nay: %(today)s – Tổng số: %(total)s") % {
        "today": whole_number(visits.today, locale),
        "total": whole_number(visits.total, locale),
    }
    return Markup('\n<p class="footer-visits">{}</p>').format(text)


@bp.get("/admin/visits")
@require_role(*CONTENT_MANAGERS)
def chart():
    days = daily_counts(30)
    return render(
        "visits/chart.html", days=days, peak=max([c for _, c in days] + [1]), total=sum(c for _, c in days)
    )
