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
from blueprints.newsroom.models import Article, ArticleKind, ArticleState
from blueprints.royalties.models import ClosedLine, ClosedStatement, RoyaltyBudget
from blueprints.royalties.months import Month, local_date
from blueprints.royalties.rates import article_amount, base_on
from tenants.context import portal_zone

PAID_STATES = (ArticleState.PUBLISHED, ArticleState.ARCHIVED)


@dataclass(frozen=True)
class Person:
    """An author as the statement names them (a closed statement keeps the name it had)."""

    id: int | None
    name: str


@dataclass
class Line:
    """One article of the statement, as plain values: a live line and a closed one look alike."""

    article_id: int
    title: str
    kind: str
    unit_id: int | None
    unit_names: tuple[str, str]  # (Vietnamese, English)
    published_local: datetime
    factor: Decimal | None
    base_salary: int | None
    percent: Decimal | None
    amount: int  # 0 while the factor or the base is missing
    shares: list[tuple[Person, int]]

    @property
    def complete(self) -> bool:
        return self.factor is not None and self.base_salary is not None

    @property
    def base_amount(self) -> Decimal | None:
        if self.base_salary is None or self.percent is None:
            return None
        return Decimal(self.base_salary) * self.percent / 100

    @property
    def kind_label(self):
        return ArticleKind(self.kind).label

    @property
    def authors(self) -> list[Person]:
        return [person for person, _ in self.shares]

    @property
    def author_names(self) -> str:
        return ", ".join(person.name for person in self.authors)

    def unit_name(self, locale: str) -> str:
        vi, en = self.unit_names
        return en if locale == "en" and en else vi


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
    """A month's statement; `closed` is the frozen copy it was read from (None: computed live)."""

    month: Month
    lines: list[Line]
    by_person: list[Group]
    by_unit: list[Group]
    closed: ClosedStatement | None = None

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines)

    @property
    def pairs(self) -> list[tuple[Line, int]]:
        return [(line, line.amount) for line in self.lines]

    @property
    def incomplete(self) -> list[Line]:
        return [line for line in self.lines if not line.complete]


def split(amount: int, people: list) -> list[tuple]:
    """Equal whole-đồng shares; the remainder one đồng each to the first authors."""
    if not people:
        return []
    each, rest = divmod(amount, len(people))
    return [(person, each + (1 if i < rest else 0)) for i, person in enumerate(people)]


def paid_articles(month: Month) -> list[Article]:
    start, end = month.bounds()
    return list(
        db.session.scalars(
            sa.select(Article)
            .where(
                Article.state.in_([str(s) for s in PAID_STATES]),
                Article.published_at >= start,
                Article.published_at < end,
            )
            .order_by(Article.published_at, Article.id)
        )
    )


def line_for(article: Article) -> Line:
    """The live line of an article: its factor now, the base in force on its publication day."""
    base = base_on(local_date(article.published_at))
    factor = article.royalty_factor
    amount = article_amount(factor, base) if factor is not None and base is not None else 0
    unit = article.unit
    return Line(
        article_id=article.id,
        title=article.title,
        kind=article.kind,
        unit_id=unit.id if unit else None,
        unit_names=(unit.name_vi, unit.name_en or "") if unit else ("", ""),
        published_local=article.published_at.astimezone(portal_zone()),
        factor=factor,
        base_salary=base.base_salary if base else None,
        percent=base.percent if base else None,
        amount=amount,
        shares=split(amount, [Person(u.id, u.name) for u in article.authors]),
    )


def assemble(
    month: Month, lines: list[Line], locale: str, closed: ClosedStatement | None = None
) -> Statement:
    """Group lines by person and by unit (the same for live and closed statements)."""
    people: dict[object, Group] = {}
    units: dict[int | None, Group] = {}
    for line in lines:
        for person, share in line.shares:
            people.setdefault(person.id or person.name, Group(person, person.name)).lines.append(
                (line, share)
            )
        name = line.unit_name(locale)
        units.setdefault(line.unit_id, Group(line.unit_id, name)).lines.append((line, line.amount))
    return Statement(
        month,
        lines,
        sorted(people.values(), key=lambda g: g.name),
        sorted(units.values(), key=lambda g: (g.key is None, g.name)),
        closed,
    )


def live_statement(month: Month, locale: str = "vi") -> Statement:
    """The statement computed from the articles and tables as they are now."""
    return assemble(month, [line_for(a) for a in paid_articles(month)], locale)


def statement(month: Month, locale: str = "vi") -> Statement:
    """The month's statement: the closed copy when the month is closed, else computed live."""
    closed = closed_statement(month)
    if closed is None:
        return live_statement(month, locale)
    return assemble(month, [line_from_snapshot(row) for row in closed.lines], locale, closed)


def closed_statement(month: Month) -> ClosedStatement | None:
    return db.session.scalar(
        sa.select(ClosedStatement).where(
            ClosedStatement.year == month.year, ClosedStatement.month == month.month
        )
    )


def line_from_snapshot(row: ClosedLine) -> Line:
    return Line(
        article_id=row.article_id,
        title=row.title,
        kind=row.kind,
        unit_id=row.unit_id,
        unit_names=(row.unit_name_vi, row.unit_name_en),
        published_local=row.published_at.astimezone(portal_zone()),
        factor=row.factor,
        base_salary=row.base_salary,
        percent=row.percent,
        amount=row.amount,
        shares=[(Person(user_id, name), share) for user_id, name, share in row.shares],
    )


def person_statement(month: Month, user: User) -> Group:
    """One collaborator's lines and total for the month (empty when they have none)."""
    for group in statement(month).by_person:
        if group.key.id == user.id:
            return group
    return Group(Person(user.id, user.name), user.name)


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
