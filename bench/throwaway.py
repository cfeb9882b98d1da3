"""A throw-away database for a bench script: migrated on the configured server, dropped after.

Bench scripts run as `python bench/<name>.py`, so this module is imported by its bare name.
Run on its own it does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import sqlalchemy as sa
from flask import Flask
from flask_migrate import upgrade

from app import create_app, database_url_for


def server_url() -> str:
    """DATABASE_URL, else the embedded server of the demo (under instance/)."""
    server = os.environ.get("DATABASE_URL")
    if server:
        return server
    from app.embedded import postgres_url

    return postgres_url(Path(__file__).resolve().parent.parent / "instance")


@contextmanager
def throwaway_app(name: str, **settings) -> Iterator[Flask]:
    """An app on a new database `wardportal_bench_<name>_<pid>`, migrated; dropped at the end.
    Redis keys and the queue go under `wardportal-bench-<name>`."""
    database = f"wardportal_bench_{name}_{os.getpid()}"
    app = create_app(
        {
            "DATABASE_URL": database_url_for(server_url(), database),
            "APP_DATABASE_URL": None,
            "REDIS_PREFIX": f"wardportal-bench-{name}",
            "RQ_QUEUE": f"wardportal-bench-{name}",
            **settings,
        }
    )
    with app.app_context():
        upgrade()
    try:
        yield app
    finally:
        with app.app_context():
            from app.extensions import db

            db.engine.dispose()
        drop = sa.create_engine(
            sa.engine.make_url(app.config["DATABASE_URL"]).set(database="postgres"),
            isolation_level="AUTOCOMMIT",
        )
        with drop.connect() as conn:
            conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
        drop.dispose()
