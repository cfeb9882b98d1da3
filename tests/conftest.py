"""Test fixtures: real PostgreSQL and real Redis, the schema built by the migrations.

Servers: `DATABASE_URL` / `REDIS_URL` when set, else the embedded ones under `instance/test/`.
Each run makes its own database (`wardportal_test_<pid>`) and Redis key prefix, so runs never
share state. Each test runs inside one outer transaction that is rolled back at the end; the
app's session joins it with `join_transaction_mode="create_savepoint"`, so code under test that
commits or rolls back behaves as it does in production. The app connects as its unprivileged
role, so row-level security is in force in every test.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.globals import _cv_app
from flask.testing import FlaskClient
from flask_sqlalchemy.session import Session as FlaskSession
from sqlalchemy import orm

from app import create_app, database_url_for
from app.config import TestConfig
from app.extensions import db, redis_client

ROOT = Path(__file__).resolve().parent.parent
TEST_INSTANCE = ROOT / "instance" / "test"


def _servers() -> tuple[str, str]:
    server = os.environ.get("DATABASE_URL")
    if not server:
        from app.embedded import postgres_url

        server = postgres_url(TEST_INSTANCE)
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        from app.embedded import valkey_url

        redis_url = valkey_url(TEST_INSTANCE)
    return server, redis_url


def make_app(**overrides):
    """An app on the test database; tests that need other settings build their own."""
    config = type("RunConfig", (TestConfig,), {**_RUN_SETTINGS, **overrides})
    return create_app(config)


_RUN_SETTINGS: dict = {}


@pytest.fixture(scope="session")
def app():
    server, redis_url = _servers()
    run = f"{os.getpid()}"
    database_url = database_url_for(server, f"wardportal_test_{run}")
    _RUN_SETTINGS.update(
        DATABASE_URL=database_url, REDIS_URL=redis_url, APP_DATABASE_URL=None,
        REDIS_PREFIX=f"wardportal-test-{run}", RQ_QUEUE=f"wardportal-test-{run}",
        SECRET_KEY="test-secret-key", INSTANCE_PATH=str(TEST_INSTANCE),
    )
    os.environ["INSTANCE_PATH"] = str(TEST_INSTANCE)
    application = make_app()
    with application.app_context():
        from flask_migrate import upgrade

        upgrade()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()
        _drop_database(database_url)
        _delete_keys(application, f"{_RUN_SETTINGS['REDIS_PREFIX']}*")
        _delete_keys(application, f"rq:*{_RUN_SETTINGS['RQ_QUEUE']}*")


def _drop_database(url: str) -> None:
    name = sa.engine.make_url(url).database
    engine = sa.create_engine(sa.engine.make_url(url).set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


def _delete_keys(application, pattern: str) -> None:
    client = application.extensions["wardportal.redis"]
    for key in client.scan_iter(match=pattern, count=500):
        client.delete(key)


class JoinedSession(FlaskSession):
    """Flask-SQLAlchemy's session, but bound to the test's connection when one is given."""

    def get_bind(self, mapper=None, clause=None, bind=None, **kwargs):
        if self.bind is not None:
            return self.bind
        return super().get_bind(mapper=mapper, clause=clause, bind=bind, **kwargs)


@pytest.fixture(autouse=True)
def database(app):
    """One rolled-back transaction per test, joined by every session the app opens."""
    from app import mail
    from tenants.resolver import clear_cache

    with app.app_context():
        connection = db.engine.connect()
        outer = connection.begin()
        original = db.session
        db.session = orm.scoped_session(
            orm.sessionmaker(class_=JoinedSession, db=db, bind=connection,
                             join_transaction_mode="create_savepoint"),
            scopefunc=original.registry.scopefunc,
        )
        clear_cache()
        mail.outbox.clear()
        try:
            yield connection
        finally:
            db.session.remove()
            db.session = original
            outer.rollback()
            connection.close()
            clear_cache()
            _delete_keys(app, f"{app.config['REDIS_PREFIX']}*")
            redis_client().delete(f"rq:queue:{app.config['RQ_QUEUE']}")


class PortalClient(FlaskClient):
    """A test client whose requests run in their own app context, as in production.

    Flask reuses an app context that is already pushed, so without this every request of a test
    would share the test's `g` and database session and hide bugs that only show between
    requests. The test's own context is hidden (not torn down) for the request, and what the test
    set up is committed first, as it would be before a real browser asks.
    """

    def open(self, *args, **kwargs):
        if _cv_app.get(None) is None:
            return super().open(*args, **kwargs)
        db.session.commit()
        hidden = _cv_app.set(None)
        try:
            return super().open(*args, **kwargs)
        finally:
            _cv_app.reset(hidden)


@pytest.fixture
def client(app):
    app.test_client_class = PortalClient
    return app.test_client()
