"""Builders for royalty tests: a newsroom board with the portal's rates and bases."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from app.extensions import db
from blueprints.newsroom.models import ArticleState, BoardMember
from blueprints.royalties import tables
from tenants.context import tenant_scope
from tests.newsroom.helpers import Board, load, make_article


def with_rates(board: Board, percent: str = "10") -> Board:
    """The statutory bases of 2023 and 2024 and a news item's range 1–10 (articles 2–15)."""
    with tenant_scope(board.tenant):
        tables.set_base(date(2023, 7, 1), 1_800_000, Decimal(percent))
        tables.set_base(date(2024, 7, 1), 2_340_000, Decimal(percent))
        tables.set_rate("news", date(2023, 7, 1), Decimal("1"), Decimal("10"))
        tables.set_rate("article", date(2023, 7, 1), Decimal("2"), Decimal("15"))
        tables.set_rate("translated", date(2023, 7, 1), Decimal("0.4"), Decimal("6.5"))
    return board


def published(board: Board, when: datetime, factor: str | None, **fields) -> int:
    """An article published at `when` (aware) with `factor` (by the collaborator unless
    `author_ids` says otherwise)."""
    article_id = make_article(board, ArticleState.PUBLISHED, **fields)
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        article.published_at = when
        article.approved_at = when
        article.submitted_at = when
        article.royalty_factor = Decimal(factor) if factor is not None else None
        db.session.flush()
    return article_id


JULY_3 = datetime(2024, 7, 3, 2, 0, tzinfo=UTC)


def co_written(board: Board, factor: str, **fields) -> int:
    """An article by the collaborator and the other collaborator, published on 3 July 2024."""
    author_ids = [board.collaborator.id, board.other_collaborator.id]
    return published(board, JULY_3, factor, author_ids=author_ids, **fields)


def add_collaborator_member(board: Board) -> None:
    """The board's collaborator on the unit's roll (not on the board): plans and reminders go
    to the unit's members."""
    with tenant_scope(board.tenant):
        db.session.add(
            BoardMember(
                user_id=board.collaborator.id,
                unit_id=board.unit_id,
                full_name="CTV",
                title_vi="Cộng tác viên",
                on_board=False,
            )
        )
        db.session.flush()
