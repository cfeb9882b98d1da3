"""The same work with 18 portals and with 10,000: pages, the back office, provisioning, cron.

Builds a throw-away database on the configured server (DATABASE_URL, else the embedded one)
(`bench/throwaway.py`), seeds the demo (the city and its wards: 18 portals) and measures,
through the app (its unprivileged role, row-level security on, Redis for the caches):
- a ward's home page, one of its article pages and its back office's dashboard (signed in as its
  editor): requests per second and p95 over BENCH_RUNS requests (default 100) each;
- provisioning one portal for real (`create_tenant` + commit), per portal over a sample of 20;
- each periodic job once it has caught up: duration and the statements it sends.
Then it grows the platform to BENCH_TENANTS portals (default 10,000) with `demo generate`'s
generator (`gen-city` and its wards, in bulk, BENCH_ARTICLES articles each, default 2), and
measures again. It prints both columns and their ratios; the database is dropped at the end.
"""

from __future__ import annotations

import os
import re
import tempfile
import time

import sqlalchemy as sa
from sqlalchemy import event
from throwaway import throwaway_app  # bench/throwaway.py: scripts run by path

RUNS = int(os.environ.get("BENCH_RUNS", "100"))
TENANTS = int(os.environ.get("BENCH_TENANTS", "10000"))
ARTICLES = int(os.environ.get("BENCH_ARTICLES", "2"))
WARD = "thang-tam"
SAMPLE = 20


def _statements(app, request) -> int:
    """How many statements `request()` sends to PostgreSQL."""
    from app.extensions import db

    with app.app_context():
        engine = db.engine
    recorded: list[str] = []

    def record(*args):
        recorded.append(args[2])

    event.listen(engine, "before_cursor_execute", record)
    try:
        request()
    finally:
        event.remove(engine, "before_cursor_execute", record)
    return len(recorded)


def _timed_requests(client, host: str, path: str) -> dict:
    client.get(path, base_url=f"http://{host}")  # warm the caches once
    statements = _statements(client.application, lambda: client.get(path, base_url=f"http://{host}"))
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        response = client.get(path, base_url=f"http://{host}")
        samples.append(time.perf_counter() - started)
        assert response.status_code == 200, (host, path, response.status_code)
    samples.sort()
    return {
        "rps": len(samples) / sum(samples),
        "p95": samples[int(len(samples) * 0.95) - 1] * 1000,
        "statements": statements,
    }


def _signed_in_client(app, host: str):
    from app.demo import DEMO_PASSWORD, demo_email

    client = app.test_client()
    form = client.get("/login", base_url=f"http://{host}").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form).group(1)
    answer = client.post(
        "/login",
        base_url=f"http://{host}",
        data={"csrf_token": token, "email": demo_email("editor", WARD), "password": DEMO_PASSWORD},
    )
    assert answer.status_code == 302, answer.status_code
    return client


def pages(app, host: str) -> dict[str, dict]:
    client = app.test_client()
    listing = client.get("/tin-tuc", base_url=f"http://{host}").text
    article = re.search(r'href="(/tin-tuc/\d+-[^"]+)"', listing).group(1)
    return {
        "ward home page": _timed_requests(client, host, "/"),
        "ward article page": _timed_requests(client, host, article),
        "back office dashboard": _timed_requests(_signed_in_client(app, host), host, "/admin/"),
    }


def provisioning(app, label: str) -> float:
    """Milliseconds to provision one portal (the real path), over a sample."""
    from app.extensions import db
    from tenants.provisioning import TenantSpec, create_tenant

    with app.app_context():
        started = time.perf_counter()
        for n in range(SAMPLE):
            create_tenant(TenantSpec(slug=f"bench-{label}-{n}", name_vi=f"Phường {n}", name_en=f"Ward {n}"))
            db.session.commit()
        return (time.perf_counter() - started) * 1000 / SAMPLE


def cron(app) -> dict[str, tuple[float, int]]:
    """Each periodic job in its steady state (a first round catches up what was due):
    (milliseconds, statements)."""
    from app.extensions import db
    from workers.periodic import periodic_jobs

    figures = {}
    with app.app_context():
        for entry in periodic_jobs():
            entry.job()
            db.session.remove()
        for entry in periodic_jobs():
            started = time.perf_counter()
            count = _statements(app, entry.job)
            figures[entry.job.__qualname__] = ((time.perf_counter() - started) * 1000, count)
            db.session.remove()
    return figures


def measure(app, host: str, label: str) -> dict:
    with app.app_context():
        from app.extensions import db
        from tenants.models import Tenant

        count = db.session.scalar(sa.select(sa.func.count()).select_from(Tenant))
        db.session.remove()
    print(f"measuring with {count} portals…", flush=True)
    return {
        "portals": count,
        "pages": pages(app, host),
        "provision": provisioning(app, label),
        "cron": cron(app),
    }


def grow(app) -> float:
    from blueprints.search.generator import generate

    started = time.perf_counter()
    with app.app_context():
        from app.extensions import db
        from tenants.models import Tenant

        have = db.session.scalar(sa.select(sa.func.count()).select_from(Tenant))
        generate(TENANTS - have - 1, ARTICLES)  # and gen-city
        db.session.execute(sa.text("ANALYZE"))
        db.session.commit()
        db.session.remove()
    return time.perf_counter() - started


def report(few: dict, many: dict, grown_in: float) -> None:
    print(f"\nplatform grown from {few['portals']} to {many['portals']} portals in {grown_in:.0f} s (bulk)")
    head = f"{'':<26} {few['portals']:>7} portals {many['portals']:>7} portals   ratio"
    print(head)
    for name, a in few["pages"].items():
        b = many["pages"][name]
        print(f"{name + ' req/s':<26} {a['rps']:>15.1f} {b['rps']:>15.1f}   {b['rps'] / a['rps']:.2f}")
        print(f"{name + ' p95 ms':<26} {a['p95']:>15.1f} {b['p95']:>15.1f}   {b['p95'] / a['p95']:.2f}")
        print(f"{name + ' statements':<26} {a['statements']:>15} {b['statements']:>15}")
    print(f"{'provisioning ms/portal':<26} {few['provision']:>15.1f} {many['provision']:>15.1f}")
    print("\ncron job                        ms (statements)")
    for name, (ms, count) in few["cron"].items():
        ms2, count2 = many["cron"][name]
        print(f"{name:<26} {ms:>9.1f} ({count:>3}) {ms2:>9.1f} ({count2:>3})")


def main() -> None:
    os.environ["INSTANCE_PATH"] = tempfile.mkdtemp(prefix="wardportal-bench-scale-")
    with throwaway_app("scale") as app:
        host = f"{WARD}.{app.config['PORTAL_BASE_DOMAIN']}"
        try:
            with app.app_context():
                from app.demo import seed_demo

                list(seed_demo())
            few = measure(app, host, "few")
            grown_in = grow(app)
            many = measure(app, host, "many")
            report(few, many, grown_in)
        finally:
            _forget_redis_keys(app)


def _forget_redis_keys(app) -> None:
    from app.extensions import db, redis_client

    with app.app_context():
        db.session.remove()
        client = redis_client()
        for key in client.scan_iter(match="*wardportal-bench-scale*", count=1000):
            client.delete(key)


if __name__ == "__main__":
    main()
