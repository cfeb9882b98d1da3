"""How fast the public pages answer, end to end through the app (no network). Prints figures.

Runs against the configured servers (DATABASE_URL / REDIS_URL, else the embedded ones under
instance/, the demo's), after making sure the schema and the demo data are there. Each page is
asked for BENCH_RUNS times (default 50) on a ward and on the city, in Vietnamese; the figure is
the server time a citizen's phone waits before the first byte, before any network.
"""

from __future__ import annotations

import os
import statistics
import time

from flask_migrate import upgrade

from app import create_app
from app.demo import seed_demo

RUNS = int(os.environ.get("BENCH_RUNS", "50"))
PAGES = [
    "/",
    "/tin-tuc",
    "/van-ban",
    "/lich-lam-viec",
    "/gioi-thieu",
    "/lien-he",
    "/so-do-trang",
    "/tim-kiem?q=thang+tam",
    "/api/v1/articles",
    "/rss.xml",
    "/sitemap.xml",
]
HOSTS = ["thang-tam", None]  # a ward, then the city (the base domain)


def main() -> None:
    app = create_app()
    with app.app_context():
        upgrade()
        list(seed_demo())
    client = app.test_client()
    base = app.config["PORTAL_BASE_DOMAIN"]
    print(f"{'page':<34} {'host':<28} {'median':>9} {'p95':>9}   ({RUNS} runs each)")
    for slug in HOSTS:
        host = f"{slug}.{base}" if slug else base
        for path in PAGES:
            client.get(path, base_url=f"http://{host}")  # warm the caches once
            samples = []
            for _ in range(RUNS):
                started = time.perf_counter()
                response = client.get(
                    path, base_url=f"http://{host}", headers={"User-Agent": "wardportal-bench"}
                )
                samples.append(time.perf_counter() - started)
                assert response.status_code == 200, (host, path, response.status_code)
            samples.sort()
            p95 = samples[int(len(samples) * 0.95) - 1]
            print(f"{path:<34} {host:<28} {statistics.median(samples) * 1000:>7.1f}ms {p95 * 1000:>7.1f}ms")


if __name__ == "__main__":
    main()
