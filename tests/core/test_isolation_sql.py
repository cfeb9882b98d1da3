"""Tenant A's code cannot read or write tenant B's rows: through the ORM, and through raw SQL."""

import pytest
import sqlalchemy as sa
from psycopg.errors import InsufficientPrivilege

from app.db import CrossTenantWrite, cross_tenant_reads
from app.extensions import db
from blueprints.auth.models import Membership
from tenants.context import tenant_scope
from tests.factories import make_tenant, make_user


@pytest.fixture
def two_wards():
    a, b = make_tenant(), make_tenant()
    make_user(roles={a: ["editor", "collaborator"]})
    make_user(roles={b: ["editor"]})
    return a, b


def test_orm_queries_see_only_the_current_tenant(two_wards):
    a, b = two_wards
    with tenant_scope(a):
        assert {m.tenant_id for m in db.session.scalars(sa.select(Membership))} == {a.id}
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Membership)) == 2
    with tenant_scope(b):
        assert {m.role for m in db.session.scalars(sa.select(Membership))} == {"editor"}


def test_no_current_tenant_means_no_rows(two_wards):
    assert db.session.scalars(sa.select(Membership)).all() == []
    assert db.session.execute(sa.text("SELECT count(*) FROM memberships")).scalar() == 0


def test_raw_sql_in_tenant_a_cannot_read_tenant_b(two_wards):
    a, b = two_wards
    with tenant_scope(a):
        seen = db.session.execute(sa.text("SELECT DISTINCT tenant_id FROM memberships")).scalars().all()
        assert seen == [a.id]
        asked_for_b = db.session.execute(
            sa.text("SELECT count(*) FROM memberships WHERE tenant_id = :b"), {"b": b.id}
        ).scalar()
        assert asked_for_b == 0


def test_raw_sql_in_tenant_a_cannot_change_or_delete_tenant_b(two_wards):
    a, b = two_wards
    with tenant_scope(a):
        updated = db.session.execute(
            sa.text("UPDATE memberships SET role = 'board-head' WHERE tenant_id = :b"), {"b": b.id}
        )
        deleted = db.session.execute(sa.text("DELETE FROM memberships WHERE tenant_id = :b"), {"b": b.id})
        assert updated.rowcount == 0 and deleted.rowcount == 0
    with tenant_scope(b):
        assert db.session.scalars(sa.select(Membership.role)).all() == ["editor"]


def test_raw_sql_in_tenant_a_cannot_insert_a_row_for_tenant_b(two_wards):
    a, b = two_wards
    user = make_user()
    insert = sa.text("INSERT INTO memberships (tenant_id, user_id, role) VALUES (:b, :u, 'editor')")
    with tenant_scope(a), pytest.raises(sa.exc.ProgrammingError) as error, db.session.begin_nested():
        db.session.execute(insert, {"b": b.id, "u": user.id})
    assert isinstance(error.value.orig, InsufficientPrivilege)
    assert "row-level security" in str(error.value.orig)


def test_moving_a_row_to_another_tenant_is_refused(two_wards):
    a, b = two_wards
    with tenant_scope(a):
        membership = db.session.scalars(sa.select(Membership)).first()
        membership.tenant_id = b.id
        with pytest.raises(CrossTenantWrite):
            db.session.flush()
        db.session.rollback()


def test_the_orm_refuses_to_write_a_row_with_no_tenant():
    user = make_user()
    db.session.add(Membership(user_id=user.id, role="editor"))
    with pytest.raises(CrossTenantWrite):
        db.session.flush()
    db.session.rollback()


def test_cross_tenant_reads_are_explicit_and_read_only(two_wards):
    a, b = two_wards
    with tenant_scope(a), cross_tenant_reads("test: city aggregator"):
        tenants_seen = {m.tenant_id for m in db.session.scalars(sa.select(Membership))}
        assert {a.id, b.id} <= tenants_seen
        raw = set(db.session.execute(sa.text("SELECT DISTINCT tenant_id FROM memberships")).scalars())
        assert {a.id, b.id} <= raw
        changed = db.session.execute(
            sa.text("UPDATE memberships SET role = 'board-head' WHERE tenant_id = :b"), {"b": b.id}
        )
        assert changed.rowcount == 0
    with tenant_scope(a):
        assert {m.tenant_id for m in db.session.scalars(sa.select(Membership))} == {a.id}


def test_a_cross_tenant_read_must_say_why():
    with pytest.raises(ValueError), cross_tenant_reads(""):
        pass
