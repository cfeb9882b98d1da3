"""Search latency on generated portals: a ward search and a city-wide search, warm. Prints figures.

Generates (or reuses) BENCH_SEARCH_TENANTS wards (default 1000) of BENCH_SEARCH_ARTICLES
published articles each (default 1000: a million articles) under the generated city `gen-city`,
in its own database `wardportal_bench_search` on the configured server (DATABASE_URL, else the
embedded one). Then, for BENCH_RUNS rounds (default 200) of a rotating set of queries:

- ward search: `services.search` on a random ward (its SQL, ranking and Python), and the whole
  page through the app for a smaller sample;
- city-wide search: the same on gen-city with "every ward too";
- each query's median alone, city-wide, to show which kind of query costs what, with how many
  it finds ("30d": narrowed to the recent window, docs/search.md), then each over all time.

Each query runs once before timing (warm). Figures are milliseconds, median and 95th percentile,
with the load average before and after (the machine may be shared). The search operators are
LEAKPROOF in this database (the upgrade declares them, the owner being a superuser);
BENCH_SEARCH_WITHOUT_LEAKPROOF=1 measures as on a server where they are not, restoring them after.
"""

from __future__ import annotations

import os
import random
import statistics
import time

import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app, database_url_for
from app.dbsetup import LEAKPROOF_OPERATORS, leakproof_operators
from app.extensions import db

TENANTS = int(os.environ.get("BENCH_SEARCH_TENANTS", "1000"))
ARTICLES = int(os.environ.get("BENCH_SEARCH_ARTICLES", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
WITHOUT_LEAKPROOF = os.environ.get("BENCH_SEARCH_WITHOUT_LEAKPROOF") == "1"
QUERIES = [
    "ve sinh moi truong",
    "tiêm chủng mở rộng",
    "Hoàng Hoa Thám",
    '"cải cách hành chính"',
    "chuyen doi so",
    "lễ hội Nghinh Ông",
    "hiến máu",
    "an toan thuc pham cho xom luoi",
    "dịch vụ công trực tuyến",
    "phong chay chua chay khu pho 5",
    "tiem chunng mo rong",  # a typo: nothing found, "did you mean" suggestions instead
]


def _server() -> str:
    server = os.environ.get("DATABASE_URL")
    if server:
        return server
    from pathlib import Path

    from app.embedded import postgres_url

    return postgres_url(Path(__file__).resolve().parent.parent / "instance")


def _ms(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    return statistics.median(ordered) * 1000, p95 * 1000


def _line(what: str, samples: list[float]) -> None:
    median, p95 = _ms(samples)
    print(f"{what:<48} {median:>9.1f}ms {p95:>9.1f}ms")


def _time(call, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def _load() -> str:
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


def _set_leakproof(owner: sa.Engine, leakproof: bool) -> bool:
    with owner.begin() as conn:
        for function in LEAKPROOF_OPERATORS:
            conn.execute(sa.text(f"ALTER FUNCTION {function} {'' if leakproof else 'NOT '}LEAKPROOF"))
        return leakproof_operators(conn)


def main() -> None:
    app = create_app(
        {"DATABASE_URL": database_url_for(_server(), "wardportal_bench_search"), "APP_DATABASE_URL": None}
    )
    from blueprints.search.generator import generate

    with app.app_context():
        upgrade()
        started = time.perf_counter()
        generate(TENANTS, ARTICLES, progress=lambda n: None)
        took = time.perf_counter() - started
        print(f"generated or reused {TENANTS} wards × {ARTICLES} articles in {took:.0f}s")
        owner = sa.create_engine(app.config["DATABASE_URL"])
        with owner.begin() as conn:
            rows = conn.execute(sa.text("SELECT count(*) FROM search_documents")).scalar()
            leakproof = leakproof_operators(conn)
        print(f"search_documents: {rows:,} rows")
        if WITHOUT_LEAKPROOF:
            leakproof = _set_leakproof(owner, False)
        try:
            print(
                f"search operators LEAKPROOF (text indexes usable under RLS): {'yes' if leakproof else 'NO'}"
            )
            _measure(app)
        finally:
            if WITHOUT_LEAKPROOF:
                _set_leakproof(owner, True)


def _measure(app) -> None:
    from blueprints.search.generator import CITY_SLUG, ward_slug
    from blueprints.search.services import Filters, search
    from blueprints.search.text import parse_query
    from tenants.context import tenant_scope
    from tenants.models import Tenant
    from tenants.resolver import tenant_info

    by_slug = {
        t.slug: tenant_info(t) for t in db.session.scalars(sa.select(Tenant).where(Tenant.slug.like("gen-%")))
    }
    city = by_slug[CITY_SLUG]
    wards = [by_slug[ward_slug(n)] for n in range(1, TENANTS + 1)]
    picker = random.Random(42)
    queries = [parse_query(q) for q in QUERIES]

    def run(portal, query, filters):
        with tenant_scope(portal):
            search(query, filters, portal)
            db.session.rollback()

    def ward_search():
        run(picker.choice(wards), picker.choice(queries), Filters())

    def city_search():
        run(city, picker.choice(queries), Filters(everywhere=True))

    for query in queries:  # warm: every query once, each way
        run(city, query, Filters(everywhere=True))
    _time(ward_search, 20)
    print(f"load average before: {_load()}")
    print(f"{'what':<48} {'median':>11} {'p95':>11}   ({RUNS} runs)")
    _line("ward search (service)", _time(ward_search, RUNS))
    _line(f"city-wide search, {TENANTS} wards (service)", _time(city_search, RUNS))
    client = app.test_client()

    def page(host: str, extra: dict):
        def call():
            response = client.get(
                "/tim-kiem", base_url=f"http://{host}", query_string={"q": picker.choice(QUERIES), **extra}
            )
            assert response.status_code == 200, response.status_code

        return call

    ward_host = wards[0].primary_host
    page(ward_host, {})()
    page(city.primary_host, {"all": "1"})()
    pages = max(RUNS // 4, 10)
    _line(f"ward search page ({ward_host})", _time(page(ward_host, {}), pages))
    _line("city-wide search page", _time(page(city.primary_host, {"all": "1"}), pages))
    print(f"load average after: {_load()}")
    print("city-wide, each query alone (service), with how many it finds:")
    for text, query in zip(QUERIES, queries, strict=True):
        with tenant_scope(city):
            found = search(query, Filters(everywhere=True), city)
            db.session.rollback()
        total = f"{'>' if found.capped else ''}{found.total}" + (
            f" {found.recent_days}d" if found.recent_days else ""
        )
        samples = _time(lambda q=query: run(city, q, Filters(everywhere=True)), max(RUNS // 20, 5))
        _line(f"  {text[:32]:<32} {total:>10}", samples)
    print("city-wide over all time (all_time, as before the recent window), each query alone:")
    for text, query in zip(QUERIES, queries, strict=True):
        samples = _time(
            lambda q=query: run(city, q, Filters(everywhere=True, all_time=True)), max(RUNS // 20, 5)
        )
        _line(f"  {text[:43]:<43}", samples)


if __name__ == "__main__":
    main()
