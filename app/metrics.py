"""`/metrics`: Prometheus figures for the operators' scraper, and for nobody else.

What it shows: requests by portal (its slug, `-` for unknown hosts, so no visitor can mint new
series by inventing host names) and status, their latency by portal, the queue's jobs by state,
the jobs that failed for good, the workers alive and the age of the cron heartbeat. The request
figures are counted in each web process; the queue's are read from Redis at each scrape.

Under gunicorn every worker process counts its own requests: prometheus-client's multiprocess
mode keeps them in files under `PROMETHEUS_MULTIPROC_DIR` (set, and cleared at start, by
`gunicorn.conf.py`) and the scrape adds them up, whichever worker answers it.

Who may read it: a request bearing `Authorization: Bearer <METRICS_TOKEN>`, or one from an
address in `METRICS_ALLOWED_IPS` (addresses or networks, after `PORTAL_TRUSTED_PROXIES` has
named the real client). Anyone else, and everyone when neither is set, gets a plain 404, on
every host: the endpoint does not say it exists. It answers at `/metrics` only (not `/en/metrics`),
so one nginx rule keeps it from the public.
"""

from __future__ import annotations

import hmac
import ipaddress
import os
import time
from datetime import UTC, datetime

import redis
from flask import Blueprint, Flask, Response, current_app, g, request
from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

from app.config import ConfigurationError
from app.extensions import redis_key
from tenants.context import current_tenant

bp = Blueprint("metrics", __name__)

REQUESTS = Counter(
    "wardportal_http_requests", "HTTP requests answered, by portal and status", ["portal", "status"]
)
LATENCY = Histogram(
    "wardportal_http_request_duration_seconds",
    "Time to answer an HTTP request, by portal",
    ["portal"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)


def _start_timer() -> None:
    g.metrics_started = time.perf_counter()


def _count(response: Response) -> Response:
    tenant = current_tenant()
    observe(tenant.slug if tenant else "-", response.status_code, g.get("metrics_started"))
    return response


def observe(portal: str, status: int, started: float | None) -> None:
    """Count one answered request (`started`: its `time.perf_counter()` at the start)."""
    REQUESTS.labels(portal, str(status)).inc()
    if started is not None:
        LATENCY.labels(portal).observe(time.perf_counter() - started)


class QueueCollector:
    """The queue's state, read from Redis when scraped (so every process sees the same)."""

    def __init__(self, queue, heartbeat_key: str) -> None:
        self.queue = queue
        self.heartbeat_key = heartbeat_key

    def collect(self):
        up = GaugeMetricFamily("wardportal_redis_up", "1 when Redis answered this scrape")
        try:
            families = list(self._families())
        except redis.RedisError:
            up.add_metric([], 0)
            yield up
            return
        up.add_metric([], 1)
        yield up
        yield from families

    def _families(self):
        from rq import Worker

        queue = self.queue
        jobs = GaugeMetricFamily("wardportal_queue_jobs", "Jobs of the queue, by state", labels=["state"])
        jobs.add_metric(["queued"], queue.count)
        jobs.add_metric(["started"], queue.started_job_registry.count)
        jobs.add_metric(["scheduled"], queue.scheduled_job_registry.count)
        jobs.add_metric(["deferred"], queue.deferred_job_registry.count)
        yield jobs
        failed = queue.failed_job_registry.count
        yield GaugeMetricFamily(
            "wardportal_jobs_failed",
            "Jobs that failed after their retries (listed, retried and deleted in the back office)",
            value=failed,
        )
        yield GaugeMetricFamily(
            "wardportal_workers", "RQ workers listening on the queue", value=Worker.count(queue=queue)
        )
        beat = queue.connection.get(self.heartbeat_key)
        if beat:
            stamp = datetime.fromisoformat(beat.decode()).astimezone(UTC).timestamp()
            yield GaugeMetricFamily(
                "wardportal_cron_heartbeat_timestamp_seconds",
                "When the cron heartbeat job last ran (stale: cron or the worker is down)",
                value=stamp,
            )


Networks = tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]


def parse_networks(value: str) -> Networks:
    """`METRICS_ALLOWED_IPS`: comma-separated addresses or networks (`10.0.0.0/8, ::1`)."""
    try:
        return tuple(
            ipaddress.ip_network(part.strip(), strict=False) for part in value.split(",") if part.strip()
        )
    except ValueError as exc:
        raise ConfigurationError(f"METRICS_ALLOWED_IPS: {exc}") from exc


def allowed(token: str, networks: Networks, authorization: str, address: str | None) -> bool:
    """Whether a scrape may read the figures: the bearer token, or an allowed address."""
    if token and hmac.compare_digest(authorization.encode(), f"Bearer {token}".encode()):
        return True
    try:
        client = ipaddress.ip_address(address or "")
    except ValueError:
        return False
    return any(client in network for network in networks)


def multiprocess_dir() -> str | None:
    return os.environ.get("PROMETHEUS_MULTIPROC_DIR")


@bp.get("/metrics")
def metrics():
    if request.script_root or not allowed(  # one address only: not under /en/
        current_app.config["METRICS_TOKEN"],
        current_app.extensions["wardportal.metrics_networks"],
        request.headers.get("Authorization", ""),
        request.remote_addr,
    ):
        return Response("Not Found\n", status=404, mimetype="text/plain")
    from workers.queue import get_queue

    registry = CollectorRegistry()
    if multiprocess_dir():
        multiprocess.MultiProcessCollector(registry)
    else:
        registry.register(REGISTRY)
    registry.register(QueueCollector(get_queue(), redis_key("cron", "heartbeat")))
    response = Response(generate_latest(registry), mimetype=CONTENT_TYPE_LATEST)
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    """Count every request; call early, so the timer starts before the other hooks run."""
    app.extensions["wardportal.metrics_networks"] = parse_networks(app.config["METRICS_ALLOWED_IPS"])
    app.before_request(_start_timer)
    app.after_request(_count)
    app.register_blueprint(bp)
