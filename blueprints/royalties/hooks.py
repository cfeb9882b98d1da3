"""What the newsroom's pages show of this package: the factor's range on the approve form and
the month's plan on the dashboard (template globals, so the newsroom imports nothing of ours)."""

from __future__ import annotations

from datetime import UTC, datetime

from flask_babel import format_decimal
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from blueprints.royalties import bp
from blueprints.royalties.months import local_date
from blueprints.royalties.plans import current_plan_for
from blueprints.royalties.rates import rate_on


@bp.app_template_global()
def royalty_factor_hint(article):
    rate = rate_on(article.kind, local_date(datetime.now(UTC)))
    if rate is None:
        return _l("Để trống nếu chưa xác định.")
    return _l("Thể loại “%(kind)s”: hệ số từ %(low)s đến %(high)s.", kind=article.kind_label,
              low=rate.factor_min, high=rate.factor_max)


@bp.app_template_global()
def monthly_plan_for_me():
    return current_plan_for(current_user) if current_user.is_authenticated else None


@bp.app_template_filter("dong")
def dong(amount) -> str:
    """An amount of đồng with the locale's grouping (1.800.000 in Vietnamese), no decimals."""
    return format_decimal(amount, format="#,##0")
