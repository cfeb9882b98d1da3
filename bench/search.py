"""Search latency on generated portals: a ward search and a city-wide search, warm. Prints figures.

Generates (or reuses) BENCH_SEARCH_TENANTS wards (default 1000) of BENCH_SEARCH_ARTICLES
published articles each (default 1000: a million articles) under the generated city `gen-city`,
in its own database `wardportal_bench_search` on the configured server (DATABASE_URL, else the
embedded one). Then, for BENCH_RUNS rounds (default 200) of a rotating set of queries:

- ward search: `services.search` on a random ward (its SQL, ranking and Python), and the whole
  page through the app for a smaller sample;
- city-wide search: the same on gen-city with "every ward too".

Each query runs once before timing (warm). Figures are milliseconds, median and 95th percentile.
"""

from __future__ import annotations

import os
import random
import statistics
import time

import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app, database_url_for
from app.extensions import db

TENANTS = int(os.environ.get("BENCH_SEARCH_TENANTS", "1000"))
ARTICLES = int(os.environ.get("BENCH_SEARCH_ARTICLES", "1000"))
RUNS = int(os.environ.get("BENCH_RUNS", "200"))
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
]


def _server() -> str:
    server = os.environ.get("DATABASE_URL")
    if server:
        return server
    from pathlib import Path

    from app.embedded import postgres_url

    return postgres_url(Path(__file__).resolve().parent.parent / "instance")


def _percentiles(samples: list[float]) -> str:
    ordered = sorted(samples)
    p95 = ordered[max(int(len(ordered) * 0.95) - 1, 0)]
    return f"{statistics.median(ordered) * 1000:>8.1f}ms {p95 * 1000:>8.1f}ms"


def _time(call, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    app = create_app(
        {"DATABASE_URL": database_url_for(_server(), "wardportal_bench_search"), "APP_DATABASE_URL": None}
    )
    from blueprints.search.generator import CITY_SLUG, generate, ward_slug
    from blueprints.search.services import Filters, search
    from blueprints.search.text import parse_query
    from tenants.context import tenant_scope
    from tenants.models import Tenant
    from tenants.resolver import tenant_info

    with app.app_context():
        upgrade()
        started = time.perf_counter()
        generate(TENANTS, ARTICLES, progress=lambda n: None)
        print(
            f"generated or reused {TENANTS} wards × {ARTICLES} "
            f"articles in {time.perf_counter() - started:.0f}s"
        )
        owner = sa.create_engine(app.config["DATABASE_URL"])
        with owner.begin() as conn:
            conn.execute(sa.text("ANALYZE search_documents"))
            rows = conn.execute(sa.text("SELECT count(*) FROM search_documents")).scalar()
        print(f"search_documents: {rows:,} rows")
        by_slug = {
            t.slug: tenant_info(t)
            for t in db.session.scalars(sa.select(Tenant).where(Tenant.slug.like("gen-%")))
        }
        city = by_slug[CITY_SLUG]
        wards = [by_slug[ward_slug(n)] for n in range(1, TENANTS + 1)]
        picker = random.Random(42)
        queries = [parse_query(q) for q in QUERIES]

        def ward_search():
            ward = picker.choice(wards)
            with tenant_scope(ward):
                search(picker.choice(queries), Filters(), ward)
                db.session.rollback()

        def city_search():
            with tenant_scope(city):
                search(picker.choice(queries), Filters(everywhere=True), city)
                db.session.rollback()

        for query in queries:  # warm: every query once, each way
            with tenant_scope(city):
                search(query, Filters(everywhere=True), city)
                db.session.rollback()
        _time(ward_search, 20)
        print(f"{'what':<44} {'median':>10} {'p95':>10}   ({RUNS} runs)")
        print(f"{'ward search (service)':<44} {_percentiles(_time(ward_search, RUNS))}")
        print(
            f"{'city-wide search, ' + str(TENANTS) + ' wards (service)':<44} "
            f"{_percentiles(_time(city_search, RUNS))}"
        )
        client = app.test_client()
        base = app.config["PORTAL_BASE_DOMAIN"]

        def page(host: str, extra: str):
            def call():
                query = picker.choice(QUERIES)
                response = client.get(
                    "/tim-kiem", base_url=f"http://{host}", query_string={"q": query, **extra}
                )
                assert response.status_code == 200, response.status_code

            return call

        ward_host = wards[0].primary_host
        page(ward_host, {})()
        page(city.primary_host, {"all": "1"})()
        pages = max(RUNS // 4, 10)
        print(
            f"{'ward search page (' + ward_host + ')':<44} {_percentiles(_time(page(ward_host, {}), pages))}"
        )
        print(
            f"{'city-wide search page':<44} "
            f"{_percentiles(_time(page(city.primary_host, {'all': '1'}), pages))}"
        )
        print(f"(base domain {base})")


if __name__ == "__main__":
    main()
