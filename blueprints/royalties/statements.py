"""Monthly royalty statements (per collaborator, per unit) and the year's budget.

An article counts in the month (portal time) it was first published, if it is still published
or archived (an article taken down is not paid). Its amount uses the factor the approver set and
the base in force on the day it was published (`rates.article_amount`, rounded once). An article
with several authors is shared equally in whole đồng; the đồng left over go one each to the
first authors in byline order, so the shares add up to the article's amount exactly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

import sqlalchemy as sa

from app.extensions import db
from blueprints.auth.models import User
from blueprints.newsroom.models import Article, ArticleState
from blueprints.royalties.models import RoyaltyBudget
from blueprints.royalties.months import Month, local_date
from blueprints.royalties.rates import article_amount, base_on
from tenants.context import portal_zone

PAID_STATES = (ArticleState.PUBLISHED, ArticleState.ARCHIVED)


@dataclass
class Line:
    """One article of the statement."""

    article: Article
    published_local: datetime
    factor: Decimal | None
    base_amount: Decimal | None
    amount: int  # 0 while the factor or the base is missing
    shares: list[tuple[User, int]]

    @property
    def complete(self) -> bool:
        return self.factor is not None and self.base_amount is not None


@dataclass
class Group:
    """The lines of one person or unit, and their total (the person's share where shared)."""

    key: object
    name: str
    lines: list[tuple[Line, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(amount for _, amount in self.lines)


@dataclass
class Statement:
    month: Month
    lines: list[Line]
    by_person: list[Group]
    by_unit: list[Group]

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def pairs(self) -> list[tuple[Line, int]]:
        return [(line, line.amount) for line in self.lines]

    @property
    def incomplete(self) -> list[Line]:
        return [line for line in self.lines if not line.complete]


def split(amount: int, people: list[User]) -> list[tuple[User, int]]:
    """Equal whole-đồng shares; the remainder one đồng each to the first authors."""
    if not people:
        return []
    each, rest = divmod(amount, len(people))
    return [(person, each + (1 if i < rest else 0)) for i, person in enumerate(people)]


def paid_articles(month: Month) -> list[Article]:
    start, end = month.bounds()
    return list(db.session.scalars(sa.select(Article).where(
        Article.state.in_([str(s) for s in PAID_STATES]), Article.published_at >= start,
        Article.published_at < end).order_by(Article.published_at, Article.id)))


def line_for(article: Article) -> Line:
    day = local_date(article.published_at)
    base = base_on(day)
    factor = article.royalty_factor
    amount = article_amount(factor, base) if factor is not None and base is not None else 0
    return Line(article=article, published_local=article.published_at.astimezone(portal_zone()),
                factor=factor, base_amount=base.base_amount if base else None, amount=amount,
                shares=split(amount, article.authors))


def statement(month: Month, locale: str = "vi") -> Statement:
    lines = [line_for(a) for a in paid_articles(month)]
    people: dict[int, Group] = {}
    units: dict[int | None, Group] = {}
    for line in lines:
        for person, share in line.shares:
            people.setdefault(person.id, Group(person, person.name)).lines.append((line, share))
        unit = line.article.unit
        key = unit.id if unit else None
        units.setdefault(key, Group(unit, unit.name(locale) if unit else "")).lines.append((line, line.amount))
    return Statement(month, lines, sorted(people.values(), key=lambda g: g.name),
                     sorted(units.values(), key=lambda g: (g.key is None, g.name)))


def person_statement(month: Month, user: User) -> Group:
    """One collaborator's lines and total for the month (empty when they have none)."""
    for group in statement(month).by_person:
        if group.key.id == user.id:
            return group
    return Group(user, user.name)


@dataclass
class BudgetStatus:
    year: int
    budget: int | None
    spent: int
    by_month: dict[int, int]

    @property
    def remaining(self) -> int | None:
        return None if self.budget is None else self.budget - self.spent


def budget_status(year: int, until: Month | None = None) -> BudgetStatus:
    """The year's budget, what the statements of its months (to `until`, else all) add up to,
    and what remains. Spent is the sum of the month totals, so it matches them to the đồng."""
    budget = db.session.scalar(sa.select(RoyaltyBudget.amount).where(RoyaltyBudget.year == year))
    by_month: dict[int, int] = defaultdict(int)
    last = until.month if until and until.year == year else 12
    for number in range(1, last + 1):
        total = statement(Month(year, number)).total
        if total:
            by_month[number] = total
    return BudgetStatus(year, budget, sum(by_month.values()), dict(by_month))
