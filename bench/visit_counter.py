"""What the visit counter costs a page view. Prints figures; not a test.

Measures, against the configured Redis (REDIS_URL, else the embedded one):
1. `is_page_view()` alone (the checks on every response);
2. `record_visit()` (one INCR, one network round trip);
3. the whole after-request hook on a real request context, counting and not counting.
Keys go under a throw-away prefix and are deleted at the end.
"""

from __future__ import annotations

import os
import statistics
import time
import uuid

from app import create_app
from blueprints.visits.counter import is_page_view, record_visit
from blueprints.visits.views import count_page_view
from tenants.context import TenantInfo, tenant_scope

RUNS = int(os.environ.get("BENCH_RUNS", "5000"))
FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def timed(label: str, func, runs: int = RUNS) -> None:
    samples = []
    for _ in range(runs):
        start = time.perf_counter_ns()
        func()
        samples.append(time.perf_counter_ns() - start)
    samples.sort()
    print(
        f"{label:<44} median {statistics.median(samples) / 1000:8.1f} µs   "
        f"p99 {samples[int(len(samples) * 0.99)] / 1000:8.1f} µs   ({runs} runs)"
    )


def main() -> None:
    prefix = f"wardportal-bench-{uuid.uuid4().hex[:8]}"
    app = create_app({"REDIS_PREFIX": prefix})
    tenant = TenantInfo(
        id=999_999,
        slug="bench",
        kind="ward",
        status="active",
        name_vi="Phường thử",
        name_en="Bench Ward",
        default_locale="vi",
        timezone="Asia/Ho_Chi_Minh",
        theme="ward",
        primary_host="bench.localhost",
    )
    with app.app_context():
        timed(
            "is_page_view (browser, public page)",
            lambda: is_page_view("GET", "/du-lich", 200, "text/html", FIREFOX),
        )
        timed("is_page_view (bot)", lambda: is_page_view("GET", "/", 200, "text/html", "Googlebot/2.1"))
        timed("record_visit (one Redis INCR)", lambda: record_visit(tenant.id))
        response = app.response_class("<p>x</p>", mimetype="text/html")
        for label, agent in (("after-request hook, counted", FIREFOX), ("after-request hook, bot", "curl/8")):
            with app.test_request_context("/", headers={"User-Agent": agent}), tenant_scope(tenant):
                timed(label, lambda: count_page_view(response))
        redis = app.extensions["wardportal.redis"]
        keys = list(redis.scan_iter(match=f"{prefix}:*"))
        counted = sum(int(redis.get(k) or 0) for k in keys)
        print(f"views counted in Redis: {counted} (expected {RUNS * 2})")
        if keys:
            redis.delete(*keys)


if __name__ == "__main__":
    main()
