"""Builders for newsroom tests: a portal with its board, sections and articles."""

from __future__ import annotations

from dataclasses import dataclass

from app.extensions import db
from blueprints.newsroom.editing import ArticleInput, create_article
from blueprints.newsroom.models import Article, ArticleState, ContributingUnit, Section, SourceType
from tenants.context import TenantInfo, tenant_scope
from tests.factories import make_tenant, make_user, unique


@dataclass
class Board:
    tenant: TenantInfo
    collaborator: object
    other_collaborator: object
    approver: object
    editor: object
    head: object
    section_id: int
    unit_id: int


def make_board(tenant: TenantInfo | None = None) -> Board:
    tenant = tenant or make_tenant()
    people = {
        role: make_user(roles={tenant: [role]})
        for role in ("collaborator", "approver", "editor", "board-head")
    }
    other = make_user(roles={tenant: ["collaborator"]})
    with tenant_scope(tenant):
        section = Section(name_vi="Tin tức", name_en="News", slug=unique("tin-tuc"))
        unit = ContributingUnit(name_vi=unique("Văn phòng UBND"), name_en="Office")
        db.session.add_all([section, unit])
        db.session.flush()
        ids = section.id, unit.id
    return Board(
        tenant,
        people["collaborator"],
        other,
        people["approver"],
        people["editor"],
        people["board-head"],
        *ids,
    )


def article_input(board: Board, **fields) -> ArticleInput:
    values = dict(
        title="Ra quân tổng vệ sinh môi trường",
        summary="Hơn 200 người tham gia.",
        body="<p>Sáng nay, phường tổ chức ra quân.</p>",
        section_id=board.section_id,
        unit_id=board.unit_id,
        source_type=SourceType.ORIGINAL,
    )
    values.update(fields)
    return ArticleInput(**values)


def edit_form(board: Board, **changes) -> dict:
    """What the article editor posts for the builders' article, with `changes`."""
    data = {
        "title": "Ra quân tổng vệ sinh môi trường",
        "summary": "Hơn 200 người tham gia.",
        "body": "<p>Sáng nay, phường tổ chức ra quân.</p>",
        "kind": "news",
        "section_id": board.section_id,
        "unit_id": board.unit_id,
        "source_type": "original",
        "save": "1",
    }
    data.update(changes)
    return data


def make_article(board: Board, state: str = ArticleState.DRAFT, author=None, **fields) -> int:
    """The id of an article by `author` (the collaborator), put straight into `state`.

    An id, not the object: each request commits and expires what the test holds, and reloading
    an article outside its tenant's scope finds nothing."""
    with tenant_scope(board.tenant):
        article = create_article(author or board.collaborator, article_input(board, **fields))
        article.state = state
        db.session.flush()
        return article.id


def load(board: Board, article_id: int) -> Article:
    """The article as the database has it now (call inside `tenant_scope(board.tenant)`)."""
    db.session.flush()  # changes made to an earlier copy are kept, not expired away
    db.session.expire_all()
    return db.session.get(Article, (board.tenant.id, article_id))
