"""What the public news pages show, built on the newsroom's read API (`newsroom.public`).

Everything here returns published articles of the current portal only: the read API filters by
state, and the tenant filter and row-level security hold underneath. No `request` in here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from blueprints.newsroom.editing import slugify
from blueprints.newsroom.models import Article, Section, SourceType
from blueprints.newsroom.public import (
    SectionNode,
    cover_key,
    highlights,
    latest_by_branch,
    latest_published,
    published_articles,
    section_by_slug,
    sections_tree,
)

PER_PAGE = 12
HOME_SECTIONS = 4
HOME_PER_SECTION = 4
RELATED = 4
FEED_ITEMS = 30


def article_slug(article: Article) -> str:
    """The unaccented slug of the article's URL."""
    return slug_of(article.slug, article.title)


def slug_of(slug: str | None, title: str) -> str:
    """The stored slug, or one made from the title (rows saved before slugs were stored)."""
    return slug or slugify(title)


@dataclass
class SourceLine:
    """What the law asks an article to say about its origin (Decree 42/2022, art. 9)."""

    quoted: bool
    name: str = ""
    url: str = ""
    author: str = ""


def source_line(article: Article) -> SourceLine:
    if article.source_type == SourceType.QUOTED:
        url = article.source_url if article.source_url.startswith(("https://", "http://")) else ""
        return SourceLine(True, article.source_name, url, article.source_author)
    return SourceLine(False)


def cover_widths(article: Article) -> list[int]:
    """The widths the newsroom's job stored for the cover, narrowest first (may be empty)."""
    return sorted(int(width) for width in (article.cover_sizes or {}) if width.isdigit())


def cover_main_size(article: Article) -> str:
    """The size to use as `src`: 800 wide when made, else the largest made, else the original."""
    widths = cover_widths(article)
    if 800 in widths:
        return "800"
    return str(widths[-1]) if widths else "original"


def has_cover(article: Article) -> bool:
    return bool(cover_key(article, "original"))


@dataclass
class SectionPage:
    section: Section
    parents: list[Section]
    children: list[Section]
    page: object  # Flask-SQLAlchemy Pagination


def section_page(slug: str, page: int) -> SectionPage | None:
    """A section by slug with one page of its (and its sub-sections') articles; None if unknown."""
    section = section_by_slug(slug)
    if section is None:
        return None
    tree = sections_tree()
    node = _find_node(tree, section.id)
    return SectionPage(
        section,
        section_parents(section, tree),
        [child.section for child in node.children] if node else [],
        published_articles(section.id, page=page, per_page=PER_PAGE),
    )


def _find_node(nodes: list[SectionNode], section_id: int) -> SectionNode | None:
    for node in nodes:
        if node.section.id == section_id:
            return node
        found = _find_node(node.children, section_id)
        if found:
            return found
    return None


def section_parents(section: Section | None, tree: list[SectionNode] | None = None) -> list[Section]:
    """The section's ancestors, outermost first (for breadcrumbs)."""
    by_id = {node.id: node for node in _flatten(sections_tree() if tree is None else tree)}
    parents, seen = [], set()
    current = by_id.get(section.parent_id) if section else None
    while current is not None and current.id not in seen:
        seen.add(current.id)
        parents.insert(0, current)
        current = by_id.get(current.parent_id)
    return parents


def _flatten(nodes: list[SectionNode]) -> list[Section]:
    return [s for node in nodes for s in [node.section, *_flatten(node.children)]]


def news_index(page: int):
    """The news index: every section, and one page of all published articles."""
    return sections_tree(), published_articles(page=page, per_page=PER_PAGE)


def related_articles(article: Article, tree: list[SectionNode] | None = None) -> list[Article]:
    """Other published articles of the same section, newest first (`tree`: the sections, when
    the caller has read them already)."""
    if article.section_id is None:
        return []
    return latest_published(article.section_id, RELATED, exclude_id=article.id, tree=tree)


@dataclass
class SectionBlock:
    section: Section
    articles: list[Article]


@dataclass
class HomeNews:
    lead: Article | None
    highlights: list[Article] = field(default_factory=list)
    blocks: list[SectionBlock] = field(default_factory=list)


def home_news() -> HomeNews:
    """The home page's news: a lead story (the newest highlight, else the newest article), the
    other highlights, and the newest articles of the top sections that have any."""
    flagged = highlights(limit=4)
    if not flagged:
        flagged = latest_published(limit=1)
    tree = sections_tree()
    newest = latest_by_branch(tree, HOME_PER_SECTION)
    blocks = [
        SectionBlock(node.section, newest[node.section.id]) for node in tree if node.section.id in newest
    ]
    return HomeNews(flagged[0] if flagged else None, flagged[1:], blocks[:HOME_SECTIONS])


def feed_articles(section: Section | None = None) -> list[Article]:
    """The feed's items with their authors and sections (loaded for all items at once)."""
    return latest_published(section.id if section else None, FEED_ITEMS, with_byline=True)
