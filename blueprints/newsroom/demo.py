"""Demo newsroom for every portal: units, sections, the board, and a month of articles in every
state, so each dashboard has something waiting, returned, scheduled and late.

Idempotent (each part is skipped when it exists) and cheap: rows are added in a few flushes, no
jobs or mail, so seeding the 18 portals takes a couple of seconds.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app.extensions import db
from app.richtext import clean_html
from blueprints.auth.services import find_user
from blueprints.newsroom import demo_content as C
from blueprints.newsroom.editing import slugify
from blueprints.newsroom.models import (
    Article,
    ArticleAuthor,
    ArticleRevision,
    ArticleState,
    ArticleTransition,
    BoardMember,
    ContributingUnit,
    NewsroomSettings,
    Section,
    SourceType,
    UnitKind,
)
from tenants.context import TenantInfo

S = ArticleState
# The final state of each demo article, oldest first (one per entry of C.ARTICLES).
STATES = [
    S.ARCHIVED,
    S.PUBLISHED,
    S.PUBLISHED,
    S.PUBLISHED,
    S.UNPUBLISHED,
    S.PUBLISHED,
    S.PUBLISHED,
    S.DRAFT,
    S.SCHEDULED,
    S.SCHEDULED,
    S.SUBMITTED,
    S.APPROVED,
    S.RETURNED,
    S.SUBMITTED,
]
PATHS = {
    S.DRAFT: [],
    S.SUBMITTED: [S.SUBMITTED],
    S.RETURNED: [S.SUBMITTED, S.RETURNED],
    S.APPROVED: [S.SUBMITTED, S.APPROVED],
    S.SCHEDULED: [S.SUBMITTED, S.APPROVED, S.SCHEDULED],
    S.PUBLISHED: [S.SUBMITTED, S.APPROVED, S.PUBLISHED],
    S.UNPUBLISHED: [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.UNPUBLISHED],
    S.ARCHIVED: [S.SUBMITTED, S.APPROVED, S.PUBLISHED, S.ARCHIVED],
}
QUOTED = {1: 0, 11: 1, 12: 0}  # article index → source in C.QUOTED_SOURCES (12 lacks its link)


def _demo_user(role: str, slug: str):
    from app.demo import demo_email

    return find_user(demo_email(role, slug))


def seed_units(tenant: TenantInfo) -> list[ContributingUnit]:
    existing = {u.name_vi: u for u in db.session.scalars(sa.select(ContributingUnit))}
    settings = NewsroomSettings.for_current_tenant()
    wanted = [
        (vi, en, UnitKind.DEPARTMENT)
        for vi, en in (
            C.CITY_DEPARTMENTS
            if tenant.kind == "city"
            else [(f"{vi} {tenant.name_vi}", f"{en}, {tenant.name_en}") for vi, en in C.WARD_DEPARTMENTS]
        )
    ]
    if tenant.kind == "city":
        from app.demo import WARDS

        wanted += [(f"UBND {vi}", f"People's Committee of {en}", UnitKind.WARD) for _, vi, en, _ in WARDS]
    for position, (vi, en, kind) in enumerate(wanted):
        if vi not in existing:
            existing[vi] = ContributingUnit(
                name_vi=vi,
                name_en=en,
                kind=kind,
                position=position,
                monthly_minimum=settings.default_monthly_minimum,
                monthly_cap=settings.default_monthly_cap,
            )
            db.session.add(existing[vi])
    db.session.flush()
    return [existing[vi] for vi, _, _ in wanted]


def seed_sections() -> dict[str, Section]:
    sections = {s.slug: s for s in db.session.scalars(sa.select(Section))}
    for position, (slug, vi, en, parent) in enumerate(C.SECTIONS):
        if slug not in sections:
            sections[slug] = Section(
                slug=slug,
                name_vi=vi,
                name_en=en,
                position=position,
                parent_id=sections[parent].id if parent else None,
            )
            db.session.add(sections[slug])
            db.session.flush()
    return sections


def seed_board(tenant: TenantInfo, units: list[ContributingUnit], rng: random.Random) -> None:
    if db.session.scalar(sa.select(BoardMember.id).limit(1)) is not None:
        return
    names = rng.sample(C.NAMES, len(C.BOARD) + 1)
    for position, ((role, title_vi, title_en), name) in enumerate(zip(C.BOARD, names, strict=False)):
        user = _demo_user(role, tenant.slug) if role else None
        db.session.add(
            BoardMember(
                user_id=user.id if user else None,
                full_name=name,
                position=position,
                title_vi=title_vi.format(unit=tenant.name_vi),
                title_en=title_en.format(unit_en=tenant.name_en),
            )
        )
    collaborator = _demo_user("collaborator", tenant.slug)
    if collaborator is not None:
        db.session.add(
            BoardMember(
                user_id=collaborator.id,
                full_name=names[-1],
                on_board=False,
                title_vi="Cộng tác viên",
                title_en="Collaborator",
                unit_id=units[0].id,
                position=len(C.BOARD),
            )
        )
    db.session.flush()


def seed_articles(
    tenant: TenantInfo,
    units: list[ContributingUnit],
    sections: dict[str, Section],
    rng: random.Random,
    now: datetime,
) -> None:
    if db.session.scalar(sa.select(Article.id).limit(1)) is not None:
        return
    writer = _demo_user("collaborator", tenant.slug)
    approver, editor = _demo_user("approver", tenant.slug), _demo_user("editor", tenant.slug)
    if writer is None:
        return
    place = tenant.name_vi if tenant.kind != "city" else "thành phố Vũng Tàu"
    place_short = {"city": "thành phố", "commune": "xã"}.get(tenant.kind, "phường")
    start = now - timedelta(days=30)
    articles = []
    for i, ((title, section, kind, paragraphs), state) in enumerate(zip(C.ARTICLES, STATES, strict=True)):
        created = start + timedelta(days=i * 2, hours=rng.randint(7, 10))
        fill = {"place": place, "place_short": place_short}
        article = Article(
            title=title.format(**fill),
            kind=kind,
            state=state,
            section_id=sections[section].id,
            unit_id=units[i % len(units)].id,
            summary=paragraphs[0].format(**fill),
            body=clean_html("".join(f"<p>{p.format(**fill)}</p>" for p in paragraphs[1:] or paragraphs)),
            tags=rng.sample(C.TAGS, 2),
            is_highlight=i in (2, 5),
            created_by_id=writer.id,
            cover_sizes={},
            created_at=created,
            updated_at=created,
            source_type=SourceType.ORIGINAL,
        )
        if i in QUOTED:
            name, url, author = C.QUOTED_SOURCES[QUOTED[i]]
            article.source_type, article.source_name, article.source_author = SourceType.QUOTED, name, author
            article.source_url = "" if state == S.RETURNED else url
        article.slug = slugify(article.title)
        _english(article, i, tenant)
        articles.append(article)
    db.session.add_all(articles)
    db.session.flush()
    for i, article in enumerate(articles):
        _history(article, writer, approver, editor, now, late=(i in (9, 10)))
        if i in C.CORRECTED_AFTER_TRANSLATION:
            _correct(article, *C.CORRECTED_AFTER_TRANSLATION[i], editor or writer)
    db.session.flush()


def _english(article: Article, index: int, tenant: TenantInfo) -> None:
    """The English version of some articles (made from their Vietnamese as seeded)."""
    if index not in C.ENGLISH_ARTICLES:
        return
    place_short_en = {"city": "city", "commune": "commune"}.get(tenant.kind, "ward")
    fill = {"place_en": tenant.name_en, "place_short_en": place_short_en}
    title, summary, paragraphs = C.ENGLISH_ARTICLES[index]
    article.title_en, article.summary_en = title.format(**fill), summary.format(**fill)
    article.body_en = clean_html("".join(f"<p>{p.format(**fill)}</p>" for p in paragraphs))


def _correct(article: Article, last_paragraph: str, note: str, editor) -> None:
    """A later correction of the Vietnamese, as a second revision: the English is now out of date."""
    paragraphs = article.body.split("</p>")[:-1]
    article.body = clean_html("</p>".join(paragraphs[:-1]) + f"</p><p>{last_paragraph}</p>")
    _revision(article, 2, editor, article.updated_at, note)


def _revision(article: Article, number: int, by, at: datetime, note: str = "") -> None:
    """The article's text as it stands, saved as revision `number`."""
    texts = {name: getattr(article, name) for name in ("title", "summary", "body")}
    db.session.add(
        ArticleRevision(
            article_id=article.id, number=number, saved_by_id=by.id, saved_at=at, note=note, **texts
        )
    )


def _history(article: Article, writer, approver, editor, now: datetime, late: bool) -> None:
    """Authors, the first revision and the transitions that led the article to its state."""
    db.session.add(ArticleAuthor(article_id=article.id, user_id=writer.id, position=0))
    _revision(article, 1, writer, article.created_at)
    at, previous = article.created_at, S.DRAFT
    for step in PATHS[S(article.state)]:
        at += timedelta(hours=3) if step == S.SUBMITTED else timedelta(hours=20)
        if step == S.SUBMITTED and article.state == S.SUBMITTED:
            at = now - (timedelta(days=4) if late else timedelta(hours=5))  # late, or just in
        actor = {S.SUBMITTED: writer, S.APPROVED: approver, S.RETURNED: approver}.get(step, editor)
        comment = {
            S.RETURNED: "Bài trích dẫn chưa ghi đường dẫn đến nguồn; đề nghị bổ sung.",
            S.UNPUBLISHED: "Gỡ để cập nhật số liệu theo báo cáo mới.",
        }.get(step, "")
        db.session.add(
            ArticleTransition(
                article_id=article.id,
                from_state=previous,
                to_state=step,
                at=at,
                actor_id=actor.id if actor else None,
                comment=comment,
            )
        )
        if step == S.SUBMITTED:
            article.submitted_at = at
        elif step == S.APPROVED:
            article.approved_at, article.approved_by_id = at, approver.id if approver else None
        elif step == S.PUBLISHED:
            article.published_at = at
        elif step == S.SCHEDULED:
            article.publish_at = now - timedelta(hours=2) if late else now + timedelta(days=1)
        previous = step
    article.updated_at = at


def seed(tenant: TenantInfo) -> None:
    rng = random.Random(tenant.slug)
    units = seed_units(tenant)
    sections = seed_sections()
    seed_board(tenant, units, rng)
    seed_articles(tenant, units, sections, rng, datetime.now(UTC))
