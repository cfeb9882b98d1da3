"""gunicorn's settings for wardportal, in production and in `make demo` alike.

    gunicorn -c gunicorn.conf.py wsgi:app

Every value can be changed through the environment, so a systemd unit or the demo needs no
other file: `GUNICORN_BIND` (default `127.0.0.1:$PORT`, `PORT` defaulting to 8000),
`WEB_CONCURRENCY` (worker processes, default 2), `GUNICORN_TIMEOUT` (seconds, default 60),
`GUNICORN_ACCESS_LOG` (`-` for stdout; default none, the proxy in front logs requests).
`LOG_FORMAT=json` makes gunicorn's own log lines JSON objects, like the app's.

The `Server` header says `gunicorn` without a version. Forwarded headers are left to the app
(`PORTAL_TRUSTED_PROXIES`), so gunicorn trusts none of them itself.

Metrics: each worker process counts its requests in files under `PROMETHEUS_MULTIPROC_DIR`, which
is emptied when gunicorn starts (a temporary folder, removed at exit, when it is unset); a dead
worker's live gauges are dropped. See `app/metrics.py`.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from app.config import ConfigurationError, check_environment

# Refuse a production start without its settings here, once, with the reason, rather than in
# every worker as a "worker failed to boot" traceback.
try:
    check_environment(os.environ)
except ConfigurationError as exc:
    sys.exit(f"wardportal: {exc}")

bind = [os.environ.get("GUNICORN_BIND") or f"127.0.0.1:{os.environ.get('PORT', '8000')}"]
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))
worker_class = "sync"
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "60"))
graceful_timeout = 20
# Workers are not recycled after N requests (max_requests): each new worker process would leave
# one more metrics file behind, for every scrape to read until the next restart.
forwarded_allow_ips = ""
secure_scheme_headers: dict[str, str] = {}
accesslog = os.environ.get("GUNICORN_ACCESS_LOG") or None
errorlog = "-"
if os.environ.get("LOG_FORMAT", "text").lower() == "json":
    # gunicorn's own lines in the app's JSON shape too (app.logs.JsonFormatter).
    logconfig_dict = {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": "app.logs.JsonFormatter"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"},
            "stdout": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stdout"},
        },
        "root": {"level": "INFO", "handlers": []},  # the app adds its own (app.logs)
        "loggers": {
            "gunicorn.error": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
            "gunicorn.access": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        },
    }
proc_name = "wardportal-web"
# gunicorn's control socket (one per user by default) is not used; two servers would fight over it.
control_socket_disable = True

_owned_metrics_dir: str | None = None
if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    _metrics = Path(os.environ["PROMETHEUS_MULTIPROC_DIR"])
    _metrics.mkdir(parents=True, exist_ok=True)
    for _stale in _metrics.glob("*.db"):  # last run's figures would be added to this run's
        _stale.unlink()
else:
    _owned_metrics_dir = tempfile.mkdtemp(prefix="wardportal-metrics-")
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = _owned_metrics_dir


def child_exit(server, worker) -> None:
    from prometheus_client import multiprocess

    multiprocess.mark_process_dead(worker.pid)


def on_exit(server) -> None:
    if _owned_metrics_dir:
        shutil.rmtree(_owned_metrics_dir, ignore_errors=True)
