"""Generated portals for benchmarks: a city `gen-city` with wards `gen-0001`… and published
articles in plausible Vietnamese, written with COPY (their search rows too).

`generate(tenants, articles)` is reusable by any benchmark: it reuses what an earlier run made
(a ward that already has `articles` generated articles is skipped) and returns the tenants.
COPY runs as the owner (`DATABASE_URL`), which must be allowed past row-level security
(a superuser, as on the machine's server and the embedded one): PostgreSQL refuses COPY FROM
into a table whose policies apply to the user.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import psycopg
import sqlalchemy as sa
from flask import current_app

from app.extensions import db
from blueprints.newsroom.models import COVER_AND_SOURCE
from blueprints.search import wordlists
from blueprints.search.text import folded
from tenants.models import Tenant
from tenants.provisioning import TenantSpec, create_tenant

CITY_SLUG = "gen-city"
SECTION_SLUG = "tin-tuc-tong-hop"


def ward_slug(number: int) -> str:
    return f"gen-{number:04d}"


@dataclass(frozen=True)
class Phrase:
    text: str
    folded: str


def _phrases(items) -> tuple[Phrase, ...]:
    return tuple(Phrase(t, folded(t)) for t in items)


class Writer:
    """Composes titles, summaries and bodies with their folded copies, from pre-folded phrases."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.lists = {
            name: _phrases(getattr(wordlists, name.upper()))
            for name in ("subjects", "verbs", "objects", "places", "times", "details", "closings")
        }

    def _pick(self, name: str) -> Phrase:
        return self.random.choice(self.lists[name])

    def _join(self, phrases: list[Phrase], end: str = "") -> Phrase:
        text = " ".join(p.text for p in phrases)
        return Phrase(text[:1].upper() + text[1:] + end, " ".join(p.folded for p in phrases))

    def title(self) -> Phrase:
        return self._join(
            [self._pick("subjects"), self._pick("verbs"), self._pick("objects"), self._pick("places")]
        )

    def sentence(self) -> Phrase:
        lead = self._join(
            [
                self._pick("times"),
                self._pick("subjects"),
                self._pick("verbs"),
                self._pick("objects"),
                self._pick("places"),
            ],
            ",",
        )
        detail = self._pick("details")
        return Phrase(f"{lead.text} {detail.text}.", f"{lead.folded} {detail.folded}")

    def paragraph(self, sentences: int) -> Phrase:
        parts = [self.sentence() for _ in range(sentences)] + [self._pick("closings")]
        return Phrase(" ".join(p.text for p in parts), " ".join(p.folded for p in parts))


def ensure_tenants(count: int) -> list[Tenant]:
    """The city and its `count` wards, created when missing (the ORM: a thousand rows at most)."""
    create_tenant(
        TenantSpec(slug=CITY_SLUG, name_vi="Thành phố Thử Nghiệm", name_en="Test City", kind="city")
    )
    wards = []
    for number in range(1, count + 1):
        ward, _ = create_tenant(
            TenantSpec(
                slug=ward_slug(number),
                name_vi=f"Phường Thử Nghiệm {number}",
                name_en=f"Test Ward {number}",
                kind="ward",
                parent_slug=CITY_SLUG,
            )
        )
        wards.append(ward)
    db.session.commit()
    return wards


def _owner_connection() -> psycopg.Connection:
    url = sa.engine.make_url(current_app.config["DATABASE_URL"]).set(drivername="postgresql")
    return psycopg.connect(url.render_as_string(hide_password=False))


ARTICLE_COLUMNS = (
    "tenant_id",
    "id",
    "title",
    "slug",
    "summary",
    "body",
    "kind",
    "state",
    "section_id",
    "tags",
    "is_highlight",
    "cover_sizes",
    *COVER_AND_SOURCE,
    "created_at",
    "updated_at",
    "published_at",
    "version",
)
SEARCH_COLUMNS = (
    "tenant_id",
    "kind",
    "item_id",
    "title",
    "summary",
    "body",
    "extra_key",
    "section_id",
    "published_at",
    "endpoint",
    "url_args",
    "folded_title",
    "folded_key",
    "folded_summary",
    "folded_body",
)


def _section(conn: psycopg.Connection, tenant_id: int) -> int:
    row = conn.execute(
        "SELECT id FROM newsroom_sections WHERE tenant_id = %s AND slug = %s", (tenant_id, SECTION_SLUG)
    ).fetchone()
    if row:
        return row[0]
    return conn.execute(
        "INSERT INTO newsroom_sections (tenant_id, name_vi, name_en, slug, position) "
        "VALUES (%s, 'Tin tức tổng hợp', 'General news', %s, 0) RETURNING id",
        (tenant_id, SECTION_SLUG),
    ).fetchone()[0]


def _fill_ward(conn: psycopg.Connection, tenant_id: int, articles: int, now: datetime) -> int:
    """Write the missing articles of one ward; returns how many were written."""
    have = conn.execute(
        "SELECT count(*) FROM newsroom_articles a JOIN newsroom_sections s "
        "ON s.tenant_id = a.tenant_id AND s.id = a.section_id "
        "WHERE a.tenant_id = %s AND s.slug = %s",
        (tenant_id, SECTION_SLUG),
    ).fetchone()[0]
    missing = articles - have
    if missing <= 0:
        return 0
    section = _section(conn, tenant_id)
    ids = [
        r[0]
        for r in conn.execute(
            "SELECT nextval(pg_get_serial_sequence('newsroom_articles', 'id')) FROM generate_series(1, %s)",
            (missing,),
        )
    ]
    writer = Writer(tenant_id)
    with conn.cursor() as cur:
        with cur.copy(f"COPY newsroom_articles ({', '.join(ARTICLE_COLUMNS)}) FROM STDIN") as articles_copy:
            rows = []
            for article_id in ids:
                title, summary = writer.title(), writer.sentence()
                body = writer.paragraph(writer.random.randint(3, 6))
                published = now - timedelta(minutes=writer.random.randint(0, 3 * 365 * 24 * 60))
                slug = "-".join(title.folded.split())[:200]
                articles_copy.write_row(
                    (
                        tenant_id,
                        article_id,
                        title.text,
                        slug,
                        summary.text,
                        f"<p>{body.text}</p>",
                        "news",
                        "published",
                        section,
                        "[]",
                        False,
                        "{}",
                        "",
                        "",
                        "original",
                        "",
                        "",
                        "",
                        published,
                        published,
                        published,
                        1,
                    )
                )
                rows.append(
                    (
                        tenant_id,
                        "article",
                        article_id,
                        title.text,
                        summary.text,
                        body.text,
                        "",
                        section,
                        published,
                        "news.article",
                        json.dumps({"article_id": article_id, "slug": slug}),
                        title.folded,
                        "",
                        summary.folded,
                        body.folded,
                    )
                )
        with cur.copy(f"COPY search_documents ({', '.join(SEARCH_COLUMNS)}) FROM STDIN") as search_copy:
            for row in rows:
                search_copy.write_row(row)
    return missing


def generate(tenants: int, articles: int, progress: Callable[[int], None] = lambda n: None) -> list[Tenant]:
    """Make (or reuse) `tenants` wards of the generated city with `articles` published articles each."""
    wards = ensure_tenants(tenants)
    now = datetime.now(UTC)
    with _owner_connection() as conn:
        for ward in wards:
            _fill_ward(conn, ward.id, articles, now)
            conn.commit()
            progress(articles)
    return wards
