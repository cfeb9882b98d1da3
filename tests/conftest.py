"""Test fixtures: real PostgreSQL and real Redis, the schema built by the migrations.

Servers: `DATABASE_URL` / `REDIS_URL` when set, else the embedded ones under `instance/test/`.
Each run makes its own database (`wardportal_test_<pid>`) and Redis key prefix, so runs never
share state. Each test runs inside one outer transaction that is rolled back at the end; the
app's session joins it with `join_transaction_mode="create_savepoint"`, so code under test that
commits or rolls back behaves as it does in production. The app connects as its unprivileged
role, so row-level security is in force in every test.

The demo portals (`app.demo`) are seeded once per run, into a second database copied from the
migrated one: a test marked `@pytest.mark.usefixtures("demo")` runs its rolled-back transaction
there, so it reads the demo as seeded and leaves it so for the next.

Tiers: tests that drive Chromium are marked `browser` and those that run the W3C checker
`validator`; `make test-fast` runs the rest (`-m "not browser and not validator"`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
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
E2E = ROOT / "tests" / "e2e"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `browser` every test that opens Chromium: those under tests/e2e/ and any other that
    uses the `browser` fixture (directly or through `phone`, `laptop`, `new_page`)."""
    for item in items:
        if E2E in item.path.parents or "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


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
        DATABASE_URL=database_url,
        REDIS_URL=redis_url,
        APP_DATABASE_URL=None,
        REDIS_PREFIX=f"wardportal-test-{run}",
        RQ_QUEUE=f"wardportal-test-{run}",
        SECRET_KEY="test-secret-key",
        INSTANCE_PATH=str(TEST_INSTANCE),
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


@contextmanager
def session_bound_to(bind: sa.Connection | sa.Engine, **options) -> Iterator[None]:
    """Every session the app opens (in this thread or a live server's) uses `bind` meanwhile."""
    original = db.session
    db.session = orm.scoped_session(
        orm.sessionmaker(class_=JoinedSession, db=db, bind=bind, **options),
        scopefunc=original.registry.scopefunc,
    )
    try:
        yield
    finally:
        db.session.remove()
        db.session = original


@pytest.fixture(scope="session")
def demo_database(app):
    """The engine of a database holding the demo, seeded once per run.

    The database is a copy of the migrated test database (`CREATE DATABASE … TEMPLATE`), so the
    migrations are not run again; the seed commits there for real. Tests reach it through `demo`.
    """
    from app.demo import seed_demo
    from tenants.resolver import clear_cache

    owner_url = sa.engine.make_url(_RUN_SETTINGS["DATABASE_URL"])
    name = f"{owner_url.database}_demo"
    with app.app_context():
        db.engine.dispose()  # the template database must have no open connection
        server = sa.create_engine(owner_url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with server.connect() as conn:
            conn.execute(sa.text(f'CREATE DATABASE "{name}" TEMPLATE "{owner_url.database}"'))
            conn.execute(sa.text(f'GRANT CONNECT ON DATABASE "{name}" TO "{app.config["APP_DB_ROLE"]}"'))
        server.dispose()
    engine = sa.create_engine(
        sa.engine.make_url(app.config["SQLALCHEMY_DATABASE_URI"]).set(database=name),
        **app.config["SQLALCHEMY_ENGINE_OPTIONS"],
    )
    try:
        with app.app_context():
            clear_cache()
            with (
                engine.connect() as connection,
                connection.begin(),
                session_bound_to(connection, join_transaction_mode="create_savepoint"),
            ):
                list(seed_demo())  # one transaction; its commits become savepoints
            clear_cache()
            _delete_keys(app, f"{app.config['REDIS_PREFIX']}*")
            redis_client().delete(f"rq:queue:{app.config['RQ_QUEUE']}")
        yield engine
    finally:
        engine.dispose()
        _drop_database(owner_url.set(database=name).render_as_string(hide_password=False))


@pytest.fixture
def demo(demo_database):
    """The demo portals, people and content: ask for it with `@pytest.mark.usefixtures("demo")`
    and `database` runs the test's rolled-back transaction on the demo's database."""
    return demo_database


def test_engine(request) -> sa.Engine:
    """The engine of the test's database: the demo's when the test asks for `demo`."""
    return request.getfixturevalue("demo") if "demo" in request.fixturenames else db.engine


@contextmanager
def rolled_back(app, connection: sa.Connection, *setup: str) -> Iterator[sa.Connection]:
    """One transaction on `connection` (after the `setup` statements), joined by every session
    the app opens, rolled back at the end with the caches and Redis keys the test made."""
    from app import mail
    from tenants.resolver import clear_cache

    outer = connection.begin()
    for statement in setup:
        connection.execute(sa.text(statement))
    clear_cache()
    mail.outbox.clear()
    try:
        with session_bound_to(connection, join_transaction_mode="create_savepoint"):
            yield connection
    finally:
        outer.rollback()
        connection.close()
        clear_cache()
        _delete_keys(app, f"{app.config['REDIS_PREFIX']}*")
        redis_client().delete(f"rq:queue:{app.config['RQ_QUEUE']}")


@pytest.fixture(autouse=True)
def database(request, app):
    """One rolled-back transaction per test, joined by every session the app opens; on the demo's
    database when the test asks for `demo`."""
    with app.app_context(), rolled_back(app, test_engine(request).connect()) as connection:
        yield connection


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
