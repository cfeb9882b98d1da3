"""Load benchmark: wardportal under gunicorn, side by side with a Flask "hello world" under the
same gunicorn settings, driven by wrk. Prints figures; never pass/fail. `make bench-load` runs it
(and installs wrk from Debian when it is missing).

What it does:
1. Seeds the demo into its own database on the machine's servers (BENCH_DATABASE_URL, default
   postgresql://postgres@127.0.0.1:5432/wardportal_bench_load; BENCH_REDIS_URL, default
   redis://127.0.0.1:6379/0, under the key prefix wardportal-bench-load), never the embedded ones.
2. Starts four gunicorn servers on 127.0.0.1 with the same settings (the project's
   gunicorn.conf.py, which gunicorn reads from the working folder, overridden by BENCH_WORKERS
   gthread workers, default two per core, of BENCH_THREADS threads, default 4): hello world
   (bench/hello.py), wardportal with its page cache, wardportal with PAGE_CACHE_SECONDS=0
   (every request renders, with the blocks each process keeps: the "uncached" rows), and
   wardportal with BLOCK_CACHE_SECONDS=0 as well (every request renders every block: the
   "from nothing" rows).
3. For each row, a short warm-up, then wrk with BENCH_CONNECTIONS clients (default 200) for
   BENCH_DURATION seconds (default 60), a browser's User-Agent (so visits are counted as for
   a reader) and the ward's Host header. Hello world runs first and last; the ratio is to the
   mean of the two.

Rows: a ward's home page, an article, the news list and the API's article list, each cached and
uncached; the home and the article rendered from nothing; and the ward's home cached for a
reader whose browser sends a cookie. BENCH_ROWS (say "home,article") keeps the rows whose label
holds one of its words, for a quicker run. Cached rows
without a cookie are answered before Flask (app/page_cache_wsgi.py), mostly from each process's
memory (app/page_cache_local.py); with a cookie, by Flask's hooks from Redis. Figures are
requests per second and the latency's 50th, 95th and 99th percentiles; "errors" adds wrk's
connect, read, write and timeout errors and non-2xx/3xx answers. The machine is small and
shared: compare rows of one run, not runs of different days.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/wardportal_bench_load"
)
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")
DURATION = int(os.environ.get("BENCH_DURATION", "60"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "200"))
WORKERS = int(os.environ.get("BENCH_WORKERS", str(2 * (os.cpu_count() or 1))))
THREADS = int(os.environ.get("BENCH_THREADS", "4"))
WARD = "thang-tam"
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"
PORTS = {"hello": 8071, "cached": 8072, "uncached": 8073, "from nothing": 8074}
ROWS = [word for word in os.environ.get("BENCH_ROWS", "").split(",") if word]
PAGES = (
    ("/", "ward home"),
    ("ARTICLE", "article"),
    ("/tin-tuc", "news list"),
    ("/api/v1/articles", "API list"),
)
COOKIE = "consent=1"  # any cookie sends a hit through Flask rather than the WSGI path
TARGETS = {("/", "cached"): 0.5, ("/", "uncached"): 0.08, ("ARTICLE", "uncached"): 0.11}
# wrk reports through this script: one line of figures, parsed below.
REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %d %d %d %d %d %d %d %.0f %.0f %.0f\\n",
    summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
"""


@dataclass
class Figures:
    rps: float
    errors: int
    p50_ms: float
    p95_ms: float
    p99_ms: float


def environment(extra: dict[str, str] | None = None) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        REDIS_PREFIX="wardportal-bench-load",
        RQ_QUEUE="wardportal-bench-load",
        INSTANCE_PATH=str(Path(tempfile.gettempdir()) / "wardportal-bench-load"),
    )
    env.update(extra or {})
    return env


def seed() -> None:
    """Migrate and seed the demo in a child process (settings are read at import)."""
    code = (
        "from flask_migrate import upgrade\n"
        "from app import create_app\n"
        "from app.demo import seed_demo\n"
        "app = create_app()\n"
        "with app.app_context():\n"
        "    upgrade()\n"
        "    list(seed_demo())\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=environment(), check=True, capture_output=True)


def gunicorn(name: str, target: str, extra: dict[str, str], logs: Path) -> subprocess.Popen:
    binary = Path(sys.executable).parent / "gunicorn"
    if not binary.exists():
        raise SystemExit("gunicorn is not installed in this environment (`make bench-load` installs it)")
    command = [
        str(binary),
        f"--workers={WORKERS}",
        "--worker-class=gthread",
        f"--threads={THREADS}",
        "--backlog=2048",
        "--keep-alive=5",
        "--log-level=warning",
        f"--bind=127.0.0.1:{PORTS[name]}",
        target,
    ]
    log = (logs / f"{name}.log").open("w")
    return subprocess.Popen(
        command, cwd=ROOT, env=environment(extra), stdout=log, stderr=log, start_new_session=True
    )


def fetch(port: int, path: str, host: str) -> tuple[int, str]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}{path}", headers={"Host": host, "User-Agent": BROWSER}
    )
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, answer.read().decode("utf-8", "replace")


def wait_until_up(port: int, host: str) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            fetch(port, "/", host)
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"the server on port {port} did not answer within a minute")


def wrk(port: int, path: str, host: str, seconds: int, script: Path, cookie: str = "") -> Figures:
    command = [
        "wrk",
        "--threads=2",
        f"--connections={CONNECTIONS}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={script}",
        f"--header=Host: {host}",
        f"--header=User-Agent: {BROWSER}",
        *([f"--header=Cookie: {cookie}"] if cookie else []),
        f"http://127.0.0.1:{port}{path}",
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"^RESULT (.+)$", output, re.MULTILINE)
    if found is None:
        raise SystemExit(f"wrk printed no figures:\n{output}")
    requests, duration_us, *errors, p50, p95, p99 = (float(x) for x in found.group(1).split())
    return Figures(requests / (duration_us / 1e6), int(sum(errors)), p50 / 1000, p95 / 1000, p99 / 1000)


def measure(port: int, path: str, host: str, script: Path, cookie: str = "") -> Figures:
    if WARMUP:
        wrk(port, path, host, WARMUP, script, cookie)
    return wrk(port, path, host, DURATION, script, cookie)


def article_path(port: int, host: str) -> str:
    html = fetch(port, "/tin-tuc", host)[1]
    found = re.search(r'href="(/tin-tuc/[0-9]+-[^"]+)"', html)
    if found is None:
        raise SystemExit("the demo ward has no article")
    return found.group(1)


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is not installed (`make bench-load` installs Debian's)")
    base = environment().get("PORTAL_BASE_DOMAIN", "vungtau.localhost")
    ward_host = f"{WARD}.{base}"
    print(f"seeding the demo in {DATABASE_URL.rsplit('/', 1)[-1]} …", flush=True)
    seed()
    logs = Path(tempfile.mkdtemp(prefix="wardportal-bench-load-"))
    servers = [
        gunicorn("hello", "bench.hello:app", {}, logs),
        gunicorn("cached", "wsgi:app", {}, logs),
        gunicorn("uncached", "wsgi:app", {"PAGE_CACHE_SECONDS": "0"}, logs),
        gunicorn("from nothing", "wsgi:app", {"PAGE_CACHE_SECONDS": "0", "BLOCK_CACHE_SECONDS": "0"}, logs),
    ]
    try:
        for name in PORTS:
            wait_until_up(PORTS[name], ward_host)
        run(ward_host, logs)
    finally:
        for server in servers:
            os.killpg(server.pid, signal.SIGTERM)
        for server in servers:
            server.wait(timeout=30)


def run(ward_host: str, logs: Path) -> None:
    script = logs / "report.lua"
    script.write_text(REPORT)
    article = article_path(PORTS["uncached"], ward_host)
    print(
        f"gunicorn: {WORKERS} gthread workers × {THREADS} threads, backlog 2048, keep-alive 5 s; "
        f"wrk: {CONNECTIONS} connections, {DURATION} s per row after {WARMUP} s of warm-up; "
        f"{os.cpu_count()} cores shared with other work (noisy figures)\n"
    )
    first_hello = measure(PORTS["hello"], "/", ward_host, script)
    rows: list[tuple[str, str, str, Figures]] = []
    for path, label in PAGES:
        for mode in ("cached", "uncached", "from nothing"):
            if mode == "from nothing" and path not in ("/", "ARTICLE") or not wanted(label):
                continue
            figures = measure(PORTS[mode], article if path == "ARTICLE" else path, ward_host, script)
            rows.append((path, mode, f"{label} ({mode})", figures))
            print(f"  {label} ({mode}) measured", file=sys.stderr, flush=True)
    # A reader whose browser sends a cookie (say, after a form) is answered by Flask's hooks.
    if wanted("ward home"):
        figures = measure(PORTS["cached"], "/", ward_host, script, cookie=COOKIE)
        rows.append(("/", "cookie", "ward home (cached, with a cookie)", figures))
    last_hello = measure(PORTS["hello"], "/", ward_host, script)
    hello_rps = (first_hello.rps + last_hello.rps) / 2
    print(f"{'row':<34} {'req/s':>8} {'× hello':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}")
    print_row("hello world (first)", first_hello, hello_rps)
    for path, mode, label, figures in rows:
        target = TARGETS.get((path, mode))
        met = target is not None and figures.rps / hello_rps >= target
        note = f"  target ≥ {target}×: {'met' if met else 'NOT met'}" if target else ""
        print_row(label, figures, hello_rps, note)
    print_row("hello world (last)", last_hello, hello_rps)
    print(f"\narticle: {article}; server logs in {logs}")


def wanted(label: str) -> bool:
    return not ROWS or any(word in label for word in ROWS)


def print_row(label: str, figures: Figures, hello_rps: float, note: str = "") -> None:
    print(
        f"{label:<34} {figures.rps:>8.0f} {figures.rps / hello_rps:>8.2f} {figures.p50_ms:>8.1f} "
        f"{figures.p95_ms:>8.1f} {figures.p99_ms:>8.1f} {figures.errors:>7}{note}"
    )


if __name__ == "__main__":
    main()
