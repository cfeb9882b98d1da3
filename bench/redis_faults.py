"""How long a ward's home page takes while Redis is down or hangs. Prints figures; not a test.

Seeds the demo into a throw-away database on the configured server (DATABASE_URL, else the
embedded one), then asks for a ward's home page BENCH_RUNS times (default 20) through apps whose
Redis is: the real one; a port where nothing listens (refused); a TCP server that accepts and
never answers (hanging: a paused server, a network partition). For the hanging case it also
shows the client the app had before (5 s socket timeout, redis-py's default retries, no circuit
breaker), asked twice only, since each page waited on every Redis call. The database is dropped
at the end.
"""

from __future__ import annotations

import os
import socket
import statistics
import threading
import time

import redis
from throwaway import throwaway_app

from app import create_app
from app.demo import seed_demo

RUNS = int(os.environ.get("BENCH_RUNS", "20"))
WARD = "thang-tam"


def silent_server() -> tuple[socket.socket, str]:
    """A listening socket whose connections are accepted and never read: a hanging Redis."""
    listener = socket.create_server(("127.0.0.1", 0), backlog=128)
    held: list[socket.socket] = []

    def hold() -> None:
        while True:
            try:
                held.append(listener.accept()[0])
            except OSError:
                return

    threading.Thread(target=hold, daemon=True).start()
    return listener, f"redis://127.0.0.1:{listener.getsockname()[1]}/0"


def closed_port_url() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"redis://127.0.0.1:{probe.getsockname()[1]}/0"


def timed(settings: dict, label: str, runs: int, old_client: bool = False) -> None:
    app = create_app(settings)
    if old_client:
        app.extensions["wardportal.redis"] = redis.Redis.from_url(
            app.config["REDIS_URL"], health_check_interval=30, socket_timeout=5
        )
    client = app.test_client()
    host = f"http://{WARD}.{app.config['PORTAL_BASE_DOMAIN']}"
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        status = client.get("/", base_url=host).status_code
        samples.append(time.perf_counter() - started)
        assert status == 200, (label, status)
    print(
        f"{label:<44} first {samples[0] * 1000:>8.1f}ms  median {statistics.median(samples) * 1000:>8.1f}ms"
        f"  max {max(samples) * 1000:>8.1f}ms  ({runs} runs)"
    )


def main() -> None:
    with throwaway_app("faults") as app:
        with app.app_context():
            list(seed_demo())
        settings = {key: app.config[key] for key in ("DATABASE_URL", "REDIS_PREFIX", "RQ_QUEUE")}
        settings["APP_DATABASE_URL"] = None
        listener, hanging = silent_server()
        try:
            timed(settings, "Redis answering", RUNS)
            timed({**settings, "REDIS_URL": closed_port_url()}, "Redis refusing connections", RUNS)
            timed({**settings, "REDIS_URL": hanging}, "Redis hanging", RUNS)
            timed({**settings, "REDIS_URL": hanging}, "Redis hanging, the former client", 2, old_client=True)
        finally:
            listener.close()


if __name__ == "__main__":
    main()
