"""Merges run as the owner of the tables, so these tests hold an owner's connection.

The test's transaction is opened as the owner and switched to the app's role (`SET ROLE`) for
everything the app does, so row-level security holds as elsewhere; `merge_cli` runs the
`tenants merge` command with `owner_transaction` giving it the same connection as the owner, in
a savepoint (released when the merge succeeds, rolled back when it fails).
"""

from __future__ import annotations

from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from sqlalchemy.engine import make_url

from tenants import merging
from tests.conftest import rolled_back, test_engine


def _owner_engine(app, engine: sa.Engine) -> sa.Engine:
    url = make_url(app.config["DATABASE_URL"]).set(database=engine.url.database)
    return sa.create_engine(url, poolclass=sa.pool.NullPool)


@pytest.fixture(autouse=True)
def database(request, app):
    owner = _owner_engine(app, test_engine(request))
    role = app.config["APP_DB_ROLE"]
    try:
        with app.app_context(), rolled_back(app, owner.connect(), f'SET ROLE "{role}"') as connection:
            yield connection
    finally:
        owner.dispose()


@pytest.fixture
def as_owner(app, database, monkeypatch):
    """Merges in this test get the test's connection as the owner, in a savepoint."""
    role = app.config["APP_DB_ROLE"]

    @contextmanager
    def owner_transaction():
        savepoint = database.begin_nested()
        database.execute(sa.text("RESET ROLE"))
        try:
            yield database
        except BaseException:
            savepoint.rollback()  # the role comes back with the rollback
            raise
        database.execute(sa.text(f'SET ROLE "{role}"'))
        savepoint.commit()

    monkeypatch.setattr(merging, "owner_transaction", owner_transaction)


@pytest.fixture
def flask_cli(app, as_owner):
    """Run `flask ARGS…` (merges as the owner, on the test's transaction); the click result."""
    runner = app.test_cli_runner()

    def run(*args: str):
        from app.extensions import db

        db.session.commit()  # what the test set up, as a person would have it before merging
        return runner.invoke(args=list(args))

    return run


@pytest.fixture
def merge_cli(flask_cli):
    """Run `flask tenants merge ARGS…`."""
    return lambda *args: flask_cli("tenants", "merge", *args)
