"""`make demo`: one command that prepares everything and runs the web server, a worker and cron.

1. Start the embedded PostgreSQL and Valkey (or use `DATABASE_URL` / `REDIS_URL`).
2. Migrate the database and seed the demo data (both idempotent).
3. Start three children with the servers' URLs in their environment, so they attach instead of
   starting servers of their own: gunicorn with `gunicorn.conf.py` (what production runs;
   `WEB_CONCURRENCY` workers, default 2), an RQ worker with its scheduler, and one `rq cron`.
4. A child that dies is started again after a back-off (1 s, doubling up to 30 s; back to 1 s
   once it has stayed up for a minute), and whatever it left behind in its process group (the
   RQ scheduler, a job's work horse, gunicorn's workers) is stopped first, so nothing is orphaned
   and no lock is held by a process nobody owns.
5. On Ctrl-C (or SIGTERM) stop the children and their groups, then the embedded servers.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from app import ROOT, create_app

# The demo's tourism places embed map views of their landmarks.
DEMO_EMBED_HOSTS = "www.google.com"
# On the demo, the metrics may be read from this machine (production: docs/deploy.md).
DEMO_METRICS_ALLOWED_IPS = "127.0.0.1,::1"

FIRST_BACKOFF = 1.0
MAX_BACKOFF = 30.0
# A child that ran this long before dying was healthy: its next restart is quick again.
STEADY_SECONDS = 60.0
# How long a stopping child and its group get before SIGKILL.
STOP_SECONDS = 15.0


def _children(port: int) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "web": [
            python,
            "-m",
            "gunicorn",
            "--config",
            str(ROOT / "gunicorn.conf.py"),
            "--bind",
            f"127.0.0.1:{port}",
            "wsgi:app",
        ],
        "worker": [python, "-m", "workers", "worker"],
        "cron": [python, "-m", "workers", "cron"],
    }


def _state_and_group(stat: Path) -> tuple[str, int] | None:
    """A process's state letter and process group, from Linux's `/proc/<pid>/stat`."""
    try:
        state, _ppid, group = stat.read_text().rsplit(")", 1)[1].split()[:3]
        return state, int(group)
    except (OSError, IndexError, ValueError):
        return None


def running(pid: int) -> bool:
    """Whether `pid` runs (Linux): zombies, stopped and waiting for whoever adopted them to
    collect them, do not count."""
    found = _state_and_group(Path(f"/proc/{pid}/stat"))
    return found is not None and found[0] not in ("Z", "X")


def _group_alive(pgid: int) -> bool:
    """Whether a process of the group still runs (on Linux, zombies aside)."""
    proc = Path("/proc")
    if not proc.is_dir():
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return False
        return True
    for stat in proc.glob("[0-9]*/stat"):
        found = _state_and_group(stat)
        if found and found[1] == pgid and found[0] not in ("Z", "X"):
            return True
    return False


def stop_group(pgid: int, timeout: float = 5.0) -> None:
    """SIGTERM every process left in a child's group, then SIGKILL whatever remains."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _group_alive(pgid) and time.monotonic() < deadline:
            time.sleep(0.1)
        os.killpg(pgid, signal.SIGKILL)


@dataclass
class Child:
    """One supervised command, in a process group of its own (its pid is the group's id)."""

    name: str
    command: list[str]
    env: dict[str, str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    backoff: float = FIRST_BACKOFF
    restart_at: float | None = None
    restarts: int = 0

    def start(self) -> None:
        # A session of its own: Ctrl-C in the terminal reaches it only through the supervisor,
        # and its whole group (its own children too) can be stopped as one.
        self.process = subprocess.Popen(self.command, env=self.env, cwd=ROOT, start_new_session=True)
        self.started_at = time.monotonic()
        self.restart_at = None

    def tend(self, now: float) -> str | None:
        """Notice a death (stop its leftovers, plan the restart) or restart when it is time."""
        if self.process is not None:
            code = self.process.poll()
            if code is None:
                return None
            stop_group(self.process.pid)
            self.process = None
            if now - self.started_at >= STEADY_SECONDS:
                self.backoff = FIRST_BACKOFF
            self.restart_at = now + self.backoff
            message = f"{self.name} exited with code {code}; restarting in {self.backoff:g} s."
            self.backoff = min(self.backoff * 2, MAX_BACKOFF)
            return message
        if self.restart_at is not None and now >= self.restart_at:
            self.start()
            self.restarts += 1
            return f"{self.name} restarted (pid {self.process.pid if self.process else '?'})."
        return None

    def interrupt(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)

    def finish(self, deadline: float) -> None:
        """Wait for the interrupted child until `deadline`, then clear its group either way."""
        if self.process is None:
            return
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=max(0.1, deadline - time.monotonic()))
        stop_group(self.process.pid, timeout=1.0)
        self.process.wait()


def stop_all(children: list[Child]) -> None:
    for child in children:
        child.interrupt()
    deadline = time.monotonic() + STOP_SECONDS
    for child in children:
        child.finish(deadline)


def _prepare(app) -> None:
    from flask_migrate import upgrade

    from app.demo import seed_demo

    with app.app_context():
        upgrade()
        for line in seed_demo():
            print(line, flush=True)


def _wait_until_serving(port: int, children: list[Child], timeout: float = 60.0) -> None:
    """Until gunicorn answers `/healthz` (its workers build the app first), or a child died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and all(c.process and c.process.poll() is None for c in children):
        with (
            contextlib.suppress(OSError),
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2),
        ):
            return
        time.sleep(0.3)


def supervise(children: list[Child], stopping) -> None:
    """Keep every child running until `stopping()` says so; print each death and restart."""
    while not stopping():
        now = time.monotonic()
        for child in children:
            message = child.tend(now)
            if message:
                print(message, flush=True)
        time.sleep(0.2)


def main() -> int:
    port = int(os.environ.get("PORT", "5000"))
    app = create_app()
    _prepare(app)
    env = dict(
        os.environ,
        DATABASE_URL=app.config["DATABASE_URL"],
        REDIS_URL=app.config["REDIS_URL"],
        PORTAL_EMBED_HOSTS=os.environ.get("PORTAL_EMBED_HOSTS", DEMO_EMBED_HOSTS),
        METRICS_ALLOWED_IPS=os.environ.get("METRICS_ALLOWED_IPS", DEMO_METRICS_ALLOWED_IPS),
        # Kept under instance/ (and emptied by gunicorn.conf.py at each start), so a web server
        # killed outright leaves no temporary folder behind.
        PROMETHEUS_MULTIPROC_DIR=os.environ.get(
            "PROMETHEUS_MULTIPROC_DIR", os.path.join(app.instance_path, "metrics")
        ),
        PYTHONUNBUFFERED="1",
    )
    children = [Child(name, command, env) for name, command in _children(port).items()]
    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        for child in children:
            child.start()
        _wait_until_serving(port, children)
        with app.app_context():
            from app.demo import demo_summary

            print("\n" + demo_summary(port) + "\n\nPress Ctrl-C to stop.\n", flush=True)
        supervise(children, lambda: stopping)
    finally:
        print("Stopping…", flush=True)
        stop_all(children)
    return 0


if __name__ == "__main__":
    sys.exit(main())
