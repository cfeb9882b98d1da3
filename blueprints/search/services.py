"""Searching the index: one portal's content, or on a city portal its wards' too.

`search()` takes plain values (a parsed `Query`, `Filters`, a page) and returns `Results`; it
never reads the request. Ranking, best first: a document whose number is the query; the query's
words as an exact phrase in a title or summary; where the query matched (all of it in the title,
then in title and summary, then only with the body); then `ts_rank_cd` over title (A 1.0) and
summary (B 0.4) times a recency factor (1 today, 0.75 at six months, never below 0.5); then the
newest. Ranking reads only `tsv_head`, which stays in the row (storage MAIN), so scoring
thousands of matches never fetches a body; see `_fill` for the two passes. Counting stops at
`MAX_RESULTS` ("more than 1,000"). The GIN indexes serve the app's role, which row-level security
applies to, only because `@@` is declared LEAKPROOF (docs/search.md).

A city-wide search whose titles and summaries match more than `RECENT_ABOVE` times covers the last
`RECENT_DAYS` days unless the visitor gave dates or asked for all time (`Results.recent_days`
says so, and the page offers all time): ranking visits each ranked row, and common words match
tens of thousands of rows over 1,000 wards, more than anyone pages through (pages stop at 1,000).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import ARRAY

from app.db import cross_tenant_reads
from app.extensions import db
from blueprints.newsroom.public import section_and_descendants
from blueprints.search.models import Kind, SearchDocument
from blueprints.search.text import Query, folded
from tenants.children import ChildPortal, active_children
from tenants.context import TenantInfo
from tenants.models import Tenant

PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_RESULTS = 1000
SUGGESTIONS = 5
RECENT_DAYS = 30  # the window of a broad city-wide search
RECENT_ABOVE = MAX_RESULTS  # title or summary matches over all time beyond which it applies…
RECENT_AT_LEAST = PER_PAGE  # … when the window holds at least a page of matches
D = SearchDocument


@dataclass(frozen=True)
class Filters:
    """What a visitor may narrow by; `everywhere` (the city and every ward) only on a city."""

    kind: str = ""
    section_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    everywhere: bool = False
    all_time: bool = False  # city-wide: no recent window however many match


Portal = ChildPortal  # a portal whose rows a search reads: one of the city's wards


@dataclass
class Hit:
    id: int  # of the index row
    kind: Kind
    item_id: int
    title: str
    summary: str
    body: str
    extra_key: str
    published_at: datetime | None
    endpoint: str
    url_args: dict
    portal: Portal | None  # None: the current portal


@dataclass
class Results:
    query: Query
    filters: Filters
    page: int
    per_page: int
    hits: list[Hit] = field(default_factory=list)
    total: int = 0
    capped: bool = False
    suggestions: list[Hit] = field(default_factory=list)
    portals: list[Portal] = field(default_factory=list)  # wards whose name matches (city only)
    recent_days: int | None = None  # the recent window this search was narrowed to, if any
    recent_above: int = 0  # … because more than this many titles or summaries match

    @property
    def pages(self) -> int:
        return max(1, math.ceil(self.total / self.per_page))

    @property
    def items(self) -> list[Hit]:  # the API reads results as it reads a Pagination
        return self.hits


def member_portals(city: TenantInfo) -> list[Portal]:
    """The city's active wards and communes (tenants are global rows: no tenant line crossed)."""
    return active_children(city.id, Tenant.id)


@lru_cache(maxsize=4096)
def _name_words(name: str) -> frozenset[str]:
    """A ward's name as folded words, folded once per process (a city has a thousand wards)."""
    return frozenset(folded(name).split())


def _local_start(day: date, tenant: TenantInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=tenant.zone)


def _tenant_filter(tenant: TenantInfo, wards: list[Portal]):
    """This portal; or the city and the wards given, as one array of ids. With `@@` allowed as a
    GIN condition (docs/search.md, "Row-level security and the text indexes") the rows are found
    by one pass over the text index and kept by hashing the ids; given the tenant column itself,
    PostgreSQL also read the primary key for all the wards' rows and intersected the two."""
    if not wards:
        return D.tenant_id == tenant.id
    ids = sa.bindparam("tenant_ids", [tenant.id, *(w.id for w in wards)], type_=ARRAY(sa.BigInteger))
    return (D.tenant_id + 0) == sa.any_(ids)  # an expression: no primary-key scan of every ward


def _utc_day(moment: datetime) -> date:
    return moment.astimezone(UTC).date()


def _where(filters: Filters, tenant: TenantInfo, wards: list[Portal]) -> list:
    """The conditions of `filters`. Each date bound comes twice: on the UTC day, which the text
    indexes hold (so only the rows of those days are visited), and exactly, in the portal's zone."""
    conditions = [_tenant_filter(tenant, wards)]
    if filters.kind:
        conditions.append(D.kind == filters.kind)
    if filters.section_id is not None:
        conditions.append(D.section_id.in_(section_and_descendants(filters.section_id)))
    if filters.date_from:
        start = _local_start(filters.date_from, tenant)
        conditions += [D.published_day >= _utc_day(start), D.published_at >= start]
    if filters.date_to:
        end = _local_start(filters.date_to + timedelta(days=1), tenant)
        conditions += [D.published_day <= _utc_day(end), D.published_at < end]
    return conditions


def _order(query: Query, tsquery) -> list:
    """Best first. Only the row's own small columns are read (`tsv_head`, not the body's)."""
    age = sa.func.now() - sa.func.coalesce(D.published_at, sa.func.now() - sa.text("interval '365 days'"))
    # date_part is double precision; extract() is numeric, whose arithmetic costs more per row
    age_days = sa.func.greatest(0, sa.func.date_part("epoch", age) / 86400.0)
    recency = 0.5 + 0.5 / (1 + age_days / 180.0)
    rank = sa.func.ts_rank_cd(sa.literal_column("'{0.1, 0.1, 0.4, 1.0}'::float4[]"), D.tsv_head, tsquery)
    key_match = sa.and_(D.folded_key != "", D.folded_key == query.key)
    in_title = D.tsv_head.op("@@")(sa.func.to_tsquery("simple", query.tsquery("A")))
    tier = sa.case((in_title, 2), else_=1)  # ranked rows all match in the title or summary
    order = [sa.case((key_match, 1), else_=0).desc()]
    if len(query.all_words) > 1:
        phrase = sa.func.to_tsquery("simple", query.phrase_tsquery())
        order.append(sa.case((D.tsv_head.op("@@")(phrase), 1), else_=0).desc())
    return order + [
        tier.desc(),
        ((rank + 0.01) * recency).desc(),
        D.published_at.desc().nulls_last(),
        D.id.desc(),
    ]


def search(
    query: Query, filters: Filters, tenant: TenantInfo, page: int = 1, per_page: int = PER_PAGE
) -> Results:
    """A page of results for `query` on `tenant` (and its wards when `filters.everywhere`)."""
    per_page = min(max(per_page, 1), MAX_PER_PAGE)
    results = Results(query, filters, max(page, 1), per_page)
    if query.is_empty:
        return results
    city_wards = member_portals(tenant) if tenant.kind == "city" else []
    results.portals = [w for w in city_wards if set(query.all_words) <= _name_words(w.name_vi)]
    wards = city_wards if filters.everywhere else []
    if wards:
        with cross_tenant_reads("city search"):
            db.session.execute(_NO_JIT)
            _fill_city(results, tenant, wards)
    else:
        _fill(results, tenant, [])
    return results


# For the rest of the transaction (the page's other statements are small). A city-wide
# statement's cost estimate crosses `jit_above_cost`, and compiling took 0.5–1.7 s for a
# statement that runs in milliseconds.
_NO_JIT = sa.text("SET LOCAL jit = off")


def _counts(where: list, in_head, matches, recent: list | None = None) -> tuple[int, int, int | None]:
    """(title/summary matches, all matches, title/summary matches under the `recent` conditions
    when the first exceed RECENT_ABOVE), each capped at MAX_RESULTS + 1, in one statement. Title
    and summary matches are matches: over MAX_RESULTS of them settle the count, and the larger
    set of all matches (often five or ten times as many) is never gathered. The first count is a
    materialised CTE: as a subquery, PostgreSQL ran it once per reference."""

    def capped(*conditions):
        limited = sa.select(D.id).where(*conditions).limit(MAX_RESULTS + 1).subquery()
        return sa.select(sa.func.count()).select_from(limited).scalar_subquery()

    head = sa.select(capped(*where, in_head).label("head")).cte("head").prefix_with("MATERIALIZED")
    total = sa.case((head.c.head > MAX_RESULTS, head.c.head), else_=capped(*where, matches))
    in_recent = sa.null() if recent is None else capped(*recent, in_head)
    recent_head = sa.case((head.c.head > RECENT_ABOVE, in_recent), else_=sa.null())
    return tuple(db.session.execute(sa.select(head.c.head, total, recent_head)).one())


def _matching(query: Query) -> tuple[sa.ColumnElement[bool], sa.ColumnElement[bool]]:
    """(matches in a title or summary, all matches) of `query`, as conditions."""
    tsquery = sa.func.to_tsquery("simple", query.tsquery())
    return D.tsv_head.op("@@")(tsquery), D.tsv.op("@@")(tsquery)


def _fill_city(results: Results, tenant: TenantInfo, wards: list[Portal]) -> None:
    """City-wide: over all time when at most RECENT_ABOVE titles or summaries match (or the
    visitor gave dates, or asked for all time); otherwise the title and summary matches of the
    last RECENT_DAYS days, if there are RECENT_AT_LEAST (a topic once common and now quiet is
    searched whole). Body-only matches, which would rank after them all, are left out there:
    counting them is the costliest scan of a common word, for pages past the thousandth result."""
    filters = results.filters
    if filters.all_time or filters.date_from or filters.date_to:
        _fill(results, tenant, wards)
        return
    recent = replace(filters, date_from=datetime.now(tenant.zone).date() - timedelta(days=RECENT_DAYS))
    where, recent_where = _where(filters, tenant, wards), _where(recent, tenant, wards)
    head, total, recent_head = _counts(where, *_matching(results.query), recent_where)
    if recent_head is None or recent_head < RECENT_AT_LEAST:
        _fill(results, tenant, wards, (head, total))
        return
    results.recent_days, results.recent_above = RECENT_DAYS, RECENT_ABOVE
    _fill(results, tenant, wards, (recent_head, recent_head), recent)


def _fill(
    results: Results,
    tenant: TenantInfo,
    wards: list[Portal],
    counts: tuple[int, int] | None = None,
    filters: Filters | None = None,
) -> None:
    """Two passes keep large result sets cheap. Matches in a title or summary (`tsv_head`) rank
    above every match found only with the body, so they are ranked first, alone; rows matching
    only with the body all have a zero rank and fall back to recency, so they are read newest
    first straight from the index, never scored. Each pass returns the page's rows themselves.
    `counts` when already known for `filters` (by default the visitor's)."""
    query, filters = results.query, filters or results.filters
    portals = {w.id: w for w in wards}
    tsquery = sa.func.to_tsquery("simple", query.tsquery())
    where = _where(filters, tenant, wards)
    in_head, matches = _matching(query)
    head_total, counted = counts or _counts(where, in_head, matches)[:2]
    results.total, results.capped = min(counted, MAX_RESULTS), counted > MAX_RESULTS
    offset = (results.page - 1) * results.per_page
    if not counted:
        today = datetime.now(tenant.zone).date() if wards and not results.filters.all_time else None
        results.suggestions = _similar(query, where[0], portals, today)
        return
    if offset >= results.total:
        return
    rows = []
    if offset < head_total:
        rows = _rows(
            sa.select(*_COLUMNS).where(*where, in_head).order_by(*_order(query, tsquery)),
            offset,
            results.per_page,
        )
    wanted = min(results.per_page, results.total - offset) - len(rows)
    if wanted > 0 and head_total <= MAX_RESULTS:
        rows += _rows(
            sa.select(*_COLUMNS)
            .where(*where, matches, sa.not_(in_head))
            .order_by(D.published_at.desc().nulls_last(), D.id.desc()),
            max(0, offset - head_total),
            wanted,
        )
    results.hits = [_hit(row, portals) for row in rows]


def _rows(statement, offset: int, limit: int) -> list:
    return list(db.session.execute(statement.offset(offset).limit(limit)))


_COLUMNS = (
    D.id,
    D.tenant_id,
    D.kind,
    D.item_id,
    D.title,
    D.summary,
    D.body,
    D.extra_key,
    D.published_at,
    D.endpoint,
    D.url_args,
)


def _hit(row, portals: dict[int, Portal]) -> Hit:
    return Hit(
        row.id,
        Kind(row.kind),
        row.item_id,
        row.title,
        row.summary,
        row.body,
        row.extra_key,
        row.published_at,
        row.endpoint,
        row.url_args or {},
        portals.get(row.tenant_id),
    )


def _similar(query: Query, tenant_filter, portals: dict[int, Portal], today: date | None) -> list[Hit]:
    """Titles close to what was typed (pg_trgm word similarity), for "did you mean". City-wide
    (`today` given), those of the last RECENT_DAYS days when there are enough: a typo of a
    common topic comes close to thousands of titles of every ward, each a row to visit."""
    words = query.key
    if len(words) < 3:
        return []
    close = sa.literal(words).op("<%")(D.folded_title)
    rows: Sequence[sa.Row] = []
    for since in ([today - timedelta(days=RECENT_DAYS + 1)] if today else []) + [None]:
        window = [D.published_day >= since] if since else []
        rows = db.session.execute(
            sa.select(*_COLUMNS)
            .where(tenant_filter, close, *window)
            .order_by(
                sa.func.word_similarity(words, D.folded_title).desc(), D.published_at.desc().nulls_last()
            )
            .limit(SUGGESTIONS)
        ).all()
        if len(rows) == SUGGESTIONS:
            break
    return [_hit(row, portals) for row in rows]


def get_hit(entry_id: int) -> Hit | None:
    """One entry of this portal's index by its id (the tenant filter keeps it to this portal)."""
    row = db.session.execute(sa.select(*_COLUMNS).where(D.id == entry_id)).first()
    return _hit(row, {}) if row is not None else None
