"""Demo royalties for every portal: the bases of 2023 and 2024, a factor range per kind, the
year's budget, a published plan for the current month, and factors on the demo articles the
approvers passed, so the quota board and the statements are not empty.

Idempotent: each part is skipped when it exists; articles that have a factor keep it.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import sqlalchemy as sa

from app.extensions import db
from blueprints.auth.services import find_user
from blueprints.newsroom.models import Article, ArticleKind, ArticleState, ContributingUnit
from blueprints.royalties import closing, plans, tables
from blueprints.royalties.models import MonthlyPlan, PlanState, RoyaltyBase, RoyaltyBudget, RoyaltyRate
from blueprints.royalties.months import Month
from blueprints.royalties.rates import rate_on
from blueprints.royalties.statements import closed_statement, live_statement
from tenants.context import TenantInfo

K = ArticleKind
# Decree 18/2014, art. 7 (maxima); the minima are the demo board's choice. A translated item
# earns 40–65 % of its genre: 0.4 × 1 to 0.65 × 10 for a translated news item.
RATES = {
    K.NEWS: ("1", "10"),
    K.ARTICLE: ("2", "15"),
    K.PHOTO: ("1", "10"),
    K.COMMENTARY: ("5", "30"),
    K.REPORTAGE: ("5", "30"),
    K.RESEARCH: ("5", "30"),
    K.MULTIMEDIA: ("5", "50"),
    K.TRANSLATED: ("0.4", "6.5"),
}
BASES = [
    (date(2023, 7, 1), 1_800_000, "Nghị định 24/2023/NĐ-CP"),
    (date(2024, 7, 1), 2_340_000, "Nghị định 73/2024/NĐ-CP"),
]
CITY_BUDGET = 790_000_000
WARD_BUDGET = 120_000_000
APPROVED_OR_LATER = (
    ArticleState.APPROVED,
    ArticleState.SCHEDULED,
    ArticleState.PUBLISHED,
    ArticleState.UNPUBLISHED,
    ArticleState.ARCHIVED,
)
TOPICS = [
    (
        "Cải cách hành chính, chuyển đổi số",
        "Kết quả giải quyết thủ tục hành chính, dịch vụ công trực tuyến.",
        10,
    ),
    ("Chỉnh trang đô thị, vệ sinh môi trường", "Ra quân tổng vệ sinh, trật tự lòng lề đường, cây xanh.", 15),
    ("An sinh xã hội", "Chăm lo gia đình chính sách, hộ nghèo, trẻ em; tình hình việc làm.", 20),
    ("Du lịch địa phương", "Điểm đến, lễ hội, sản phẩm du lịch của địa phương.", 25),
]


def seed_tables(tenant: TenantInfo) -> None:
    if db.session.scalar(sa.select(RoyaltyBase.id).limit(1)) is None:
        for day, salary, note in BASES:
            tables.set_base(day, salary, Decimal("10"), note)
    if db.session.scalar(sa.select(RoyaltyRate.id).limit(1)) is None:
        for kind, (low, high) in RATES.items():
            tables.set_rate(kind, date(2023, 7, 1), Decimal(low), Decimal(high))
    year = Month.of().year
    if db.session.scalar(sa.select(RoyaltyBudget.id).where(RoyaltyBudget.year == year)) is None:
        tables.set_budget(year, CITY_BUDGET if tenant.kind == "city" else WARD_BUDGET)


def seed_factors(rng: random.Random) -> None:
    """A factor in range on each approved (or later) article that has none, in steps of 0.5."""
    articles = db.session.scalars(
        sa.select(Article).where(
            Article.state.in_([str(s) for s in APPROVED_OR_LATER]), Article.royalty_factor.is_(None)
        )
    )
    for article in articles:
        rate = rate_on(article.kind, (article.approved_at or article.created_at).date())
        if rate is None:
            continue
        steps = int((rate.factor_max - rate.factor_min) * 2)
        article.royalty_factor = rate.factor_min + Decimal(rng.randint(0, min(steps, 10))) / 2


def seed_plan(tenant: TenantInfo) -> None:
    month = Month.of()
    if db.session.scalar(
        sa.select(MonthlyPlan.id).where(MonthlyPlan.year == month.year, MonthlyPlan.month == month.month)
    ):
        return
    from app.demo import demo_email

    plan = plans.create_plan(
        month,
        f"Kế hoạch định hướng tin bài tháng {month}",
        f"Các đơn vị bám sát định hướng sau; mỗi đơn vị gửi 3 đến 5 tin bài trong tháng "
        f"về Ban biên tập {tenant.name_vi}.",
    )
    unit_ids = list(
        db.session.scalars(
            sa.select(ContributingUnit.id).order_by(ContributingUnit.position, ContributingUnit.id)
        )
    )
    for number, (title, description, day) in enumerate(TOPICS):
        units = [] if number % 2 == 0 or not unit_ids else unit_ids[number % len(unit_ids) :][:2]
        due = month.first_day + timedelta(days=day - 1)
        plans.add_topic(plan, title, description, due, units)
    head = find_user(demo_email("board-head", tenant.slug))
    if head is not None:
        # Published without its mail job: the demo sends nothing.
        plan.state, plan.published_by_id, plan.published_at = PlanState.PUBLISHED, head.id, datetime.now(UTC)


def seed_closed_month(tenant: TenantInfo) -> None:
    """Last month closed by the board head, so the demo shows a frozen statement beside the
    open, provisional one of this month (skipped when already closed or not complete)."""
    from app.demo import demo_email

    month = Month.of().previous()
    head = find_user(demo_email("board-head", tenant.slug))
    live = live_statement(month)
    if head is None or not live.lines or live.incomplete or closed_statement(month) is not None:
        return
    closing.close_month(month, head)


def seed(tenant: TenantInfo) -> None:
    rng = random.Random(f"royalties-{tenant.slug}")
    seed_tables(tenant)
    seed_factors(rng)
    seed_plan(tenant)
    db.session.flush()
    seed_closed_month(tenant)
