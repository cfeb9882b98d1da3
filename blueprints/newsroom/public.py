"""Read functions for the public news pages, feeds and API (built on these by other packages).

Only published articles of the current portal are ever returned; the tenant filter and row-level
security hold underneath. Nothing here reads the request.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import sqlalchemy as sa
from sqlalchemy import orm

from app.extensions import db
from blueprints.newsroom.models import Article, ArticleState, BoardMember, Section


def _published() -> sa.Select:
    return sa.select(Article).where(Article.state == ArticleState.PUBLISHED)


def _listed() -> sa.Select:
    """Published articles for a list (news, sections, home, related, feeds): without their
    bodies, which only an article's own page shows, and which are most of a row's bytes."""
    return _published().options(orm.defer(Article.body), orm.defer(Article.body_en))


def published_articles(
    section_id: int | None = None, page: int = 1, per_page: int = 20, include_subsections: bool = True
):
    """A page (Flask-SQLAlchemy `Pagination`) of published articles, newest first.

    With `section_id`, that section's articles and (by default) its sub-sections'.
    """
    query = _listed()
    if section_id is not None:
        ids = section_and_descendants(section_id) if include_subsections else {section_id}
        query = query.where(Article.section_id.in_(ids))
    return db.paginate(
        query.order_by(Article.published_at.desc(), Article.id.desc()),
        page=page,
        per_page=per_page,
        error_out=False,
    )


def published_article(article_id: int) -> Article | None:
    """One published article by id, or None (drafts and other portals' articles alike); with
    its section, which its page names in the head (one statement, not two)."""
    return db.session.scalar(
        _published().where(Article.id == article_id).options(orm.joinedload(Article.section))
    )


def highlights(limit: int = 5) -> list[Article]:
    """Published articles flagged as highlights (offered to the city portal), newest first."""
    return list(
        db.session.scalars(
            _listed().where(Article.is_highlight).order_by(Article.published_at.desc()).limit(limit)
        )
    )


@dataclass
class SectionNode:
    section: Section
    children: list[SectionNode] = field(default_factory=list)


def sections_tree() -> list[SectionNode]:
    """The portal's sections as a tree, each level in `position` order."""
    sections = db.session.scalars(sa.select(Section).order_by(Section.position, Section.name_vi)).all()
    nodes = {s.id: SectionNode(s) for s in sections}
    roots: list[SectionNode] = []
    for s in sections:
        parent = nodes.get(s.parent_id) if s.parent_id else None
        (parent.children if parent else roots).append(nodes[s.id])
    return roots


def section_by_slug(slug: str) -> Section | None:
    return db.session.scalar(sa.select(Section).where(Section.slug == slug))


def section_and_descendants(section_id: int) -> set[int]:
    parents: dict[int | None, list[int]] = {}
    for sid, parent in db.session.execute(sa.select(Section.id, Section.parent_id)):
        parents.setdefault(parent, []).append(sid)
    found, todo = set(), [section_id]
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(parents.get(current, []))
    return found


def board_members() -> list[BoardMember]:
    """The editorial board as the public page lists it (law: names and positions)."""
    return list(
        db.session.scalars(
            sa.select(BoardMember)
            .where(BoardMember.on_board)
            .order_by(BoardMember.position, BoardMember.full_name)
        )
    )


def cover_key(article: Article, size: str) -> str | None:
    """The stored key of the cover at `size` ("1200", "800", "400"), or the original."""
    return (article.cover_sizes or {}).get(size) or article.cover_key


def latest_published(
    section_id: int | None = None,
    limit: int = 5,
    exclude_id: int | None = None,
    with_byline: bool = False,
    tree: list[SectionNode] | None = None,
) -> list[Article]:
    """The newest published articles (of a section and its sub-sections), without a count query:
    for related items and feeds. `with_byline` loads the authors and sections with them (two
    statements for all the articles, not two per article); `tree`, when the caller has the
    sections already, saves reading them again."""
    query = _listed()
    if section_id is not None:
        ids = subtree_ids(section_id, tree) if tree is not None else section_and_descendants(section_id)
        query = query.where(Article.section_id.in_(ids))
    if exclude_id is not None:
        query = query.where(Article.id != exclude_id)
    if with_byline:
        query = query.options(orm.selectinload(Article.author_links), orm.selectinload(Article.section))
    return list(
        db.session.scalars(query.order_by(Article.published_at.desc(), Article.id.desc()).limit(limit))
    )


def subtree_ids(section_id: int, tree: list[SectionNode]) -> set[int]:
    """`section_and_descendants` read from a tree already loaded."""
    stack = list(tree)
    while stack:
        node = stack.pop()
        if node.section.id == section_id:
            return {node.section.id, *(s.id for s in _descendants(node))}
        stack.extend(node.children)
    return {section_id}


def _descendants(node: SectionNode) -> list[Section]:
    return [s for child in node.children for s in (child.section, *_descendants(child))]


def latest_by_branch(tree: list[SectionNode], limit: int) -> dict[int, list[Article]]:
    """The newest `limit` published articles under each top-level section of `tree` (the section
    and its sub-sections), in one statement: a window function numbers each branch's articles.
    Keyed by the top-level section's id; a branch with no article is absent."""
    branch = {s.id: node.section.id for node in tree for s in (node.section, *_descendants(node))}
    if not branch:
        return {}
    newest_first = (Article.published_at.desc(), Article.id.desc())
    ranked = (
        sa.select(
            Article.tenant_id,
            Article.id,
            sa.func.row_number()
            .over(partition_by=sa.case(branch, value=Article.section_id), order_by=newest_first)
            .label("rank"),
        )
        .where(Article.state == ArticleState.PUBLISHED, Article.section_id.in_(branch))
        .subquery()
    )
    query = (
        _listed()
        .join(ranked, sa.and_(Article.tenant_id == ranked.c.tenant_id, Article.id == ranked.c.id))
        .where(ranked.c.rank <= limit)
        .order_by(*newest_first)
    )
    found: dict[int, list[Article]] = {}
    for article in db.session.scalars(query):
        found.setdefault(branch[article.section_id], []).append(article)
    return found


def published_index() -> list[tuple[int, str, str, object, object, bool]]:
    """(id, slug, title, published_at, updated_at, has English) of every published article: for
    site maps."""
    has_english = sa.func.btrim(Article.title_en) != ""
    return [
        tuple(row)
        for row in db.session.execute(
            sa.select(
                Article.id, Article.slug, Article.title, Article.published_at, Article.updated_at, has_english
            )
            .where(Article.state == ArticleState.PUBLISHED)
            .order_by(Article.published_at.desc())
        )
    ]
