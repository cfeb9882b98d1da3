"""`make demo`: one command that prepares everything and runs the web server, a worker and cron.

1. Start the embedded PostgreSQL and Valkey (or use `DATABASE_URL` / `REDIS_URL`).
2. Migrate the database and seed the demo data (both idempotent).
3. Start three children with the servers' URLs in their environment, so they attach instead of
   starting servers of their own: the web server, an RQ worker with its scheduler, and one
   `rq cron` process for periodic work.
4. On Ctrl-C (or SIGTERM) stop the children, then the embedded servers, leaving nothing behind.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

from app import create_app

# The demo's tourism places embed map views of their landmarks.
DEMO_EMBED_HOSTS = "www.google.com"


def _children(port: int) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "web": [
            python,
            "-m",
            "flask",
            "--app",
            "wsgi",
            "run",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--with-threads",
            "--no-reload",
        ],
        "worker": [python, "-m", "workers", "worker"],
        "cron": [python, "-m", "workers", "cron"],
    }


def _prepare(app) -> None:
    from flask_migrate import upgrade

    from app.demo import seed_demo

    with app.app_context():
        upgrade()
        for line in seed_demo():
            print(line, flush=True)


def _stop(processes: dict[str, subprocess.Popen]) -> None:
    for process in processes.values():
        if process.poll() is None:
            process.send_signal(signal.SIGINT)
    deadline = time.monotonic() + 15
    for process in processes.values():
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def main() -> int:
    port = int(os.environ.get("PORT", "5000"))
    app = create_app()
    _prepare(app)
    env = dict(
        os.environ,
        DATABASE_URL=app.config["DATABASE_URL"],
        REDIS_URL=app.config["REDIS_URL"],
        PORTAL_EMBED_HOSTS=os.environ.get("PORTAL_EMBED_HOSTS", DEMO_EMBED_HOSTS),
        PYTHONUNBUFFERED="1",
    )
    processes: dict[str, subprocess.Popen] = {}
    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        for name, command in _children(port).items():
            # Each child gets its own process group, so Ctrl-C reaches it only through us.
            processes[name] = subprocess.Popen(command, env=env, start_new_session=True)
        time.sleep(1.5)
        with app.app_context():
            from app.demo import demo_summary

            print("\n" + demo_summary(port) + "\n\nPress Ctrl-C to stop.\n", flush=True)
        while not stopping:
            for name, process in processes.items():
                if process.poll() is not None:
                    print(f"{name} exited with code {process.returncode}; stopping.", flush=True)
                    stopping = True
            time.sleep(0.5)
    finally:
        print("Stopping…", flush=True)
        _stop(processes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
