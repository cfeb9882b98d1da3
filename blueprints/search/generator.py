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
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache
from itertools import accumulate

import psycopg
import sqlalchemy as sa
from flask import current_app
from sqlalchemy.dialects import postgresql

from app.extensions import db
from blueprints.newsroom.models import COVER_AND_SOURCE
from blueprints.search import wordlists
from blueprints.search.text import folded
from tenants.models import Tenant
from tenants.provisioning import BulkPortals, TenantSpec, create_portals_in_bulk, create_tenant

CITY_SLUG = "gen-city"
SECTION_SLUG = "tin-tuc-tong-hop"


def ward_slug(number: int) -> str:
    return f"gen-{number:04d}"


@dataclass(frozen=True)
class Phrase:
    text: str
    folded: str


def _zipf(count: int, shift: float = 2.7) -> list[float]:
    """Cumulative weights of Zipf–Mandelbrot's law: the k-th item about 1/(k + shift) as often."""
    return list(accumulate(1 / (k + shift) for k in range(1, count + 1)))


def _street_names() -> list[str]:
    """Two thousand street names after people, as Vietnamese streets are named."""
    names = [
        f"{s} {m} {g}"
        for s in wordlists.SURNAMES.split()
        for m in wordlists.MIDDLE_NAMES.split()
        for g in wordlists.GIVEN_NAMES.split()
    ]
    return random.Random(0).sample(names, 2000)


def _places(streets: list[str]) -> list[str]:
    numbered = [f"tại khu phố {n}" for n in range(1, 13)] + [f"ở tổ dân phố {n}" for n in range(1, 61)]
    on_streets = [f"trên đường {street}" for street in streets]
    alleys = [f"tại hẻm {n} {street}" for n, street in zip(range(3, 400, 2), streets[::10], strict=False)]
    mixed = [*wordlists.PLACES, *numbered, *on_streets, *alleys]
    random.Random(1).shuffle(mixed[len(wordlists.PLACES) :])
    return mixed


def _amounts() -> list[str]:
    units = ("hộ", "người", "triệu đồng", "suất quà", "hồ sơ", "trường hợp", "mét", "cây xanh", "lượt")
    return [f"{n} {unit}" for n in (*range(2, 51), *range(60, 1001, 20)) for unit in units]


@cache
def _vocabulary() -> dict[str, tuple[tuple[Phrase, ...], list[float] | None]]:
    """Every list folded once per process, with its Zipf weights (None: drawn uniformly)."""
    prose = wordlists.PROSE.split()
    pairs = tuple(dict.fromkeys(f"{a} {b}" for a, b in zip(prose, prose[1:], strict=False)))
    topics = list(wordlists.OBJECTS)
    random.Random(2).shuffle(topics)  # which topic is commonest: no favourite among the lists
    lists = {
        "subjects": (wordlists.SUBJECTS, None),
        "verbs": (wordlists.VERBS, None),
        "topics": (topics, True),
        "places": (_places(_street_names()), True),
        "times": (wordlists.TIMES, None),
        "details": (wordlists.DETAILS, None),
        "closings": (wordlists.CLOSINGS, None),
        "words": (pairs, True),
        "amounts": (_amounts(), True),
    }
    return {
        name: (_phrases(items), _zipf(len(items)) if zipf else None) for name, (items, zipf) in lists.items()
    }


def _phrases(items) -> tuple[Phrase, ...]:
    return tuple(Phrase(t, folded(t)) for t in items)


def _join(phrases, end: str = "") -> Phrase:
    text = " ".join(p.text for p in phrases)
    return Phrase(text[:1].upper() + text[1:] + end, " ".join(p.folded for p in phrases))


class Writer:
    """Composes titles, summaries and bodies with their folded copies from pre-folded phrases:
    a news frame (who does what about which topic where) padded with Zipf-drawn words, place
    names and amounts."""

    def __init__(self, seed: int):
        self.random = random.Random(seed)
        self.lists = _vocabulary()

    def _pick(self, name: str, k: int = 1) -> list[Phrase]:
        items, weights = self.lists[name]
        if weights is None:
            return [self.random.choice(items) for _ in range(k)]
        return self.random.choices(items, cum_weights=weights, k=k)

    def _topic(self) -> list[Phrase]:
        """A listed topic four times in five, else a few common words (news on anything else)."""
        if self.random.random() < 0.8:
            return self._pick("topics")
        return self._pick("words", self.random.randint(2, 3))

    def title(self) -> Phrase:
        parts = [*self._pick("subjects"), *self._pick("verbs"), *self._topic()]
        if self.random.random() < 0.6:
            parts += self._pick("places")
        return _join(parts)

    def sentence(self) -> Phrase:
        lead = _join(
            [
                *self._pick("times"),
                *self._pick("subjects"),
                *self._pick("verbs"),
                *self._topic(),
                *self._pick("places"),
            ],
            ",",
        )
        rest = [*self._pick("words", self.random.randint(4, 12)), *self._pick("amounts")]
        rest += self._pick("details") if self.random.random() < 0.5 else self._pick("words", 3)
        tail = _join(rest)
        return Phrase(f"{lead.text} {tail.text[:1].lower()}{tail.text[1:]}.", f"{lead.folded} {tail.folded}")

    def paragraph(self, sentences: int) -> Phrase:
        parts = [self.sentence() for _ in range(sentences)] + self._pick("closings")
        return Phrase(" ".join(p.text for p in parts), " ".join(p.folded for p in parts))


def ensure_tenants(count: int) -> list[Tenant]:
    """The city and its `count` wards, created when missing (the wards in one statement)."""
    create_tenant(  # on its own subdomain: the base domain may be the demo city's
        TenantSpec(slug=CITY_SLUG, name_vi="Thành phố Thử Nghiệm", name_en="Test City", kind="city"),
        hostname=f"{CITY_SLUG}.{current_app.config['PORTAL_BASE_DOMAIN']}",
    )
    create_portals_in_bulk(
        BulkPortals("gen", count, parent_slug=CITY_SLUG, name_vi="Phường Thử Nghiệm", name_en="Test Ward")
    )
    db.session.commit()
    slugs = [ward_slug(n) for n in range(1, count + 1)]
    by_slug = {t.slug: t for t in db.session.scalars(sa.select(Tenant).where(Tenant.slug.in_(slugs)))}
    return [by_slug[s] for s in slugs]


def _owner_url() -> str:
    url = sa.engine.make_url(current_app.config["DATABASE_URL"]).set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


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


def _missing(conn: psycopg.Connection, wards: list[Tenant], articles: int) -> dict[int, int]:
    """How many generated articles each ward still lacks (one query for all of them)."""
    have = dict(
        conn.execute(
            "SELECT a.tenant_id, count(*) FROM newsroom_articles a JOIN newsroom_sections s "
            "ON s.tenant_id = a.tenant_id AND s.id = a.section_id "
            "WHERE a.tenant_id = ANY(%s) AND s.slug = %s GROUP BY a.tenant_id",
            ([w.id for w in wards], SECTION_SLUG),
        ).fetchall()
    )
    return {w.id: articles - have.get(w.id, 0) for w in wards if articles > have.get(w.id, 0)}


def _article_row(tenant_id, article_id, section, title, summary, body, published, slug) -> tuple:
    return (
        tenant_id, article_id, title.text, slug, summary.text, f"<p>{body.text}</p>", "news", "published",
        section, "[]", False, "{}", "", "", "original", "", "", "", published, published, published, 1,
    )  # fmt: skip


def _search_row(tenant_id, article_id, section, title, summary, body, published, slug) -> tuple:
    return (
        tenant_id, "article", article_id, title.text, summary.text, body.text, "", section, published,
        "news.article", json.dumps({"article_id": article_id, "slug": slug}),
        title.folded, "", summary.folded, body.folded,
    )  # fmt: skip


def _fill_ward(conn: psycopg.Connection, tenant_id: int, missing: int, now: datetime) -> None:
    """Write `missing` articles of one ward, and their search rows, in two COPYs."""
    section = _section(conn, tenant_id)
    ids = conn.execute(  # unique however the two connections' calls interleave
        "SELECT nextval(pg_get_serial_sequence('newsroom_articles', 'id')) FROM generate_series(1, %s)",
        (missing,),
    ).fetchall()
    writer = Writer(tenant_id)
    fields = []
    for (article_id,) in ids:
        title, summary = writer.title(), writer.sentence()
        body = writer.paragraph(writer.random.randint(3, 6))
        published = now - timedelta(minutes=writer.random.randint(0, 3 * 365 * 24 * 60))
        slug = "-".join(title.folded.split())[:200]
        fields.append((tenant_id, article_id, section, title, summary, body, published, slug))
    with conn.cursor() as cur:
        for table, columns, row in (
            ("newsroom_articles", ARTICLE_COLUMNS, _article_row),
            ("search_documents", SEARCH_COLUMNS, _search_row),
        ):
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for values in fields:
                    copy.write_row(row(*values))


BULK = 100_000  # from this many missing rows on, the GIN indexes are dropped and built once after
CONNECTIONS = 2  # parallel COPY: the server indexes and compresses while Python composes


def _gin_indexes() -> list[sa.Index]:
    from blueprints.search.models import SearchDocument

    return [i for i in SearchDocument.__table__.indexes if i.dialect_options["postgresql"]["using"] == "gin"]


def _ddl(conn: psycopg.Connection, statement) -> None:
    conn.execute(str(statement.compile(dialect=postgresql.dialect())))


def _write_wards(url: str, wards: list[tuple[int, int]], now: datetime, progress: Callable[[int], None]):
    """Fill `wards` ((tenant id, missing), taken from the list) over CONNECTIONS connections."""
    lock = threading.Lock()

    def run():
        with psycopg.connect(url) as conn:
            conn.execute("SET synchronous_commit = off")
            while True:
                with lock:
                    if not wards:
                        return
                    tenant_id, missing = wards.pop()
                _fill_ward(conn, tenant_id, missing, now)
                conn.commit()
                with lock:
                    progress(missing)

    with ThreadPoolExecutor(CONNECTIONS) as pool:
        for future in [pool.submit(run) for _ in range(CONNECTIONS)]:
            future.result()  # re-raises a failed writer's error


def generate(tenants: int, articles: int, progress: Callable[[int], None] = lambda n: None) -> list[Tenant]:
    """Make (or reuse) `tenants` wards of the generated city with `articles` published articles each.

    A large load drops the search table's GIN indexes and builds them once at the end (many
    times faster than keeping them current row by row); an interrupted run leaves them to the
    next, which always ends by creating whichever are missing, then ANALYZE."""
    wards = ensure_tenants(tenants)
    now = datetime.now(UTC)
    with psycopg.connect(_owner_url(), autocommit=True) as conn:
        missing = _missing(conn, wards, articles)
        progress(sum(articles - missing.get(w.id, 0) for w in wards))
        if sum(missing.values()) >= BULK:
            for index in _gin_indexes():
                _ddl(conn, sa.schema.DropIndex(index, if_exists=True))
        _write_wards(_owner_url(), sorted(missing.items(), reverse=True), now, progress)
        conn.execute("SET maintenance_work_mem = '1GB'")
        for index in _gin_indexes():
            _ddl(conn, sa.schema.CreateIndex(index, if_not_exists=True))
        if missing:
            conn.execute("ANALYZE newsroom_articles, search_documents")
    return wards
