"""Where a public page's time goes: SQL statements, `os.stat` calls and a profile by layer.

Renders each page in-process (no network, the page cache and the block cache off, so every
request does the full work; the last column, "kept", is the CPU of the same page with its
blocks kept, as a visitor the page cache does not answer gets it) against the configured
servers (DATABASE_URL / REDIS_URL, else the embedded ones), after making sure the schema and
the demo are there. For each page it prints the SQL statements and
`os.stat` calls of one request, and the CPU time of BENCH_RUNS requests (default 30) split by
where it was spent:

- sql+orm: SQLAlchemy and psycopg (building statements, the round trips, loading rows);
- jinja: Jinja itself and the compiled templates; of which lookups: finding templates on disk;
- babel: dates and numbers formatted for the locale;
- other: Flask, Werkzeug and the project's own code.

Figures, not a test: the machine is shared, so compare runs made side by side.
"""

from __future__ import annotations

import cProfile
import os
import pstats
import re
import time
from collections import Counter
from unittest import mock

import sqlalchemy as sa
from flask_migrate import upgrade

from app import create_app
from app.demo import seed_demo
from app.extensions import db

RUNS = int(os.environ.get("BENCH_RUNS", "30"))
PAGES = [
    ("thang-tam", "/"),
    (None, "/"),
    ("thang-tam", "/tin-tuc"),
    ("thang-tam", "ARTICLE"),
    ("thang-tam", "/rss.xml"),
    ("thang-tam", "/api/v1/articles"),
]
LAYERS = (
    ("lookups", ("jinja2/loaders.py", "jinja2/utils.py", "posixpath", "genericpath")),
    ("sql+orm", ("sqlalchemy/", "psycopg/", "psycopg_binary", "flask_sqlalchemy/")),
    ("jinja", ("jinja2/", ".html", "markupsafe/")),
    ("babel", ("babel/", "flask_babel/")),
)

NAMES = ("sql+orm", "jinja", "lookups", "babel", "other")


def layer(filename: str) -> str:
    for name, marks in LAYERS:
        if any(mark in filename for mark in marks):
            return name
    return "other"


def first_article_path(client, host: str) -> str:
    """The newest article's page, as the news list links it."""
    html = client.get("/tin-tuc", base_url=f"http://{host}").get_data(as_text=True)
    found = re.search(r'href="(/tin-tuc/[0-9]+-[^"]+)"', html)
    if found is None:
        raise SystemExit(f"no article on {host}")
    return found.group(1)


def count_statements(app, client, path: str, host: str) -> tuple[int, int]:
    statements = []
    listener = lambda *args: statements.append(1)  # noqa: E731
    with app.app_context():
        sa.event.listen(db.engine, "before_cursor_execute", listener)
    real_stat = os.stat
    stats = Counter()

    def counting_stat(*args, **kwargs):
        stats["stat"] += 1
        return real_stat(*args, **kwargs)

    try:
        with mock.patch("os.stat", counting_stat):
            client.get(path, base_url=f"http://{host}")
    finally:
        with app.app_context():
            sa.event.remove(db.engine, "before_cursor_execute", listener)
    return len(statements), stats["stat"]


def cpu_per_request(client, path: str, host: str) -> float:
    """CPU seconds of one request, unprofiled (the profiler itself slows Python code down)."""
    started = time.process_time()
    for _ in range(RUNS):
        client.get(path, base_url=f"http://{host}")
    return (time.process_time() - started) / RUNS


def profile(client, path: str, host: str) -> dict[str, float]:
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for _ in range(RUNS):
        client.get(path, base_url=f"http://{host}")
    profiler.disable()
    totals: Counter = Counter()
    for (filename, _line, _name), (_cc, _nc, tottime, _ct, _callers) in pstats.Stats(profiler).stats.items():  # type: ignore[attr-defined]
        totals[layer(filename)] += tottime
    whole = sum(totals.values()) or 1.0
    return {name: share / whole for name, share in totals.items()}


def main() -> None:
    app = create_app({"PAGE_CACHE_SECONDS": 0, "BLOCK_CACHE_SECONDS": 0})
    with app.app_context():
        upgrade()
        list(seed_demo())
    client = app.test_client()
    kept = create_app({"PAGE_CACHE_SECONDS": 0}).test_client()
    base = app.config["PORTAL_BASE_DOMAIN"]
    print(
        f"{'page':<40} {'SQL':>4} {'stat':>5} {'CPU/req':>8}  share of CPU by layer (profiled; {RUNS} runs)"
        "  kept"
    )
    for slug, path in PAGES:
        host = f"{slug}.{base}" if slug else base
        if path == "ARTICLE":
            path = first_article_path(client, host)
        client.get(path, base_url=f"http://{host}")  # warm
        statements, stats = count_statements(app, client, path, host)
        cpu = cpu_per_request(client, path, host)
        shares = profile(client, path, host)
        split = "  ".join(
            f"{name} {shares.get(name, 0) * 100:4.1f}%"
            for name in ("sql+orm", "jinja", "lookups", "babel", "other")
        )
        for _ in range(3):  # the host resolved, then the blocks kept
            kept.get(path, base_url=f"http://{host}")
        kept_cpu = cpu_per_request(kept, path, host)
        label = f"{slug or 'city'} {path[:32]}"
        figures = f"{statements:>4} {stats:>5} {cpu * 1000:>6.1f}ms  {split}  {kept_cpu * 1000:>5.1f}ms"
        print(f"{label:<40} {figures}")


if __name__ == "__main__":
    main()
