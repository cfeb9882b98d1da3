"""Where royalties meets the newsroom, which imports nothing of this package.

The newsroom announces an article being submitted and approved (`blueprints.newsroom.signals`);
the receivers here check the unit's monthly cap and the factor's range, and refuse with
`FieldErrors`. Its screens name panel slots; `init_app` (in `blueprint.py`) puts the month's plan
on the dashboard and the factor field on the approve form, whose templates use the globals below.
"""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.royalties.blueprint import bp
from blueprints.royalties.months import local_date
from blueprints.royalties.plans import current_plan_for
from blueprints.royalties.quotas import cap_warning
from blueprints.royalties.rates import check_factor, rate_on
from blueprints.royalties.reminders import quota_watch
from tenants.context import require_tenant


@bp.app_template_global()
def royalty_factor_hint(article):
    rate = rate_on(article.kind, local_date(datetime.now(UTC)))
    if rate is None:
        return _l("Để trống nếu chưa xác định.")
    return _l(
        "Thể loại “%(kind)s”: hệ số từ %(low)s đến %(high)s.",
        kind=article.kind_label,
        low=rate.factor_min,
        high=rate.factor_max,
    )


@bp.app_template_global()
def monthly_plan_for_me():
    return current_plan_for(current_user) if current_user.is_authenticated else None


@bp.app_template_global()
def units_behind_now():
    """This month's units under their minimum and the working days left (dashboard panel)."""
    return quota_watch(require_tenant().today())


@bp.app_template_filter("dong")
def dong(amount) -> str:
    """An amount of đồng with the locale's grouping (1.800.000 in Vietnamese), no decimals."""
    return format_decimal(amount, format="#,##0")


def check_unit_cap(article, **_):
    """`article_submitting`: the unit's monthly cap; a warning to show, or FieldErrors to refuse."""
    return cap_warning(article)


def check_approval_factor(article, factor=None, **_):
    """`article_approving`: the factor must lie in the portal's range for the article's kind."""
    check_factor(article.kind, factor, local_date(datetime.now(UTC)))
