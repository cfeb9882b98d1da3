"""Tenant-scoped models and the session rules that keep tenants apart.

Two locks, one above the other:

1. The ORM. Every SELECT, UPDATE and DELETE that touches a `TenantScoped` model gets
   `tenant_id = <current tenant>` added (`with_loader_criteria`), and new rows take the current
   tenant's id. With no current tenant the criterion matches nothing, so forgetting to set one
   shows nothing instead of everything.
2. PostgreSQL. Each tenant table has row-level security FORCEd with a policy on
   `app.tenant_id`, which is set with `set_config(..., is_local => true)` (the SET LOCAL of a bound
   parameter) at the start of every transaction and whenever the scope changes inside one. The web
   app and the workers connect as a role that neither owns the tables nor is a superuser, so raw
   SQL is held by the same rule.

Crossing tenants is a named act: `cross_tenant_reads("city aggregator")` lets SELECTs see every
tenant, for the city aggregator and platform administration. Writes always need a tenant.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any, ClassVar, Self

import sqlalchemy as sa
from flask import has_app_context
from sqlalchemy import event, orm
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from tenants.context import current_tenant_id, on_tenant_change

log = logging.getLogger(__name__)

_cross_tenant_reason: ContextVar[str | None] = ContextVar("cross_tenant_reason", default=None)


class CrossTenantWrite(RuntimeError):
    """A row of one tenant was about to be written while another tenant is current."""


class TenantScoped:
    """Mixin for tenant-owned models: `tenant_id` leads the primary key.

    Foreign keys from a tenant table to another tenant table must include `tenant_id`
    (`tenant_foreign_key("x_id", "x")`), so the database refuses a reference across tenants.
    `tests/core/test_schema_rules.py` checks every table.
    """

    __tenant_scoped__ = True

    tenant_id: Mapped[int] = mapped_column(
        sa.BigInteger,
        sa.ForeignKey("tenants.id", ondelete="CASCADE"),
        primary_key=True,
        sort_order=-100,
    )
    id: Mapped[int] = mapped_column(
        sa.BigInteger, sa.Identity(always=False), primary_key=True, sort_order=-99
    )


class OnePerTenant:
    """Mixin for a tenant's settings: one row per tenant, made on first use with `FIRST_VALUES`
    (the model also declares `sa.UniqueConstraint("tenant_id")`)."""

    FIRST_VALUES: ClassVar[dict[str, object]] = {}

    @classmethod
    def for_current_tenant(cls) -> Self:
        row = db.session.scalar(sa.select(cls))
        if row is None:
            row = cls(**cls.FIRST_VALUES)
            db.session.add(row)
            db.session.flush()
        return row


def tenant_foreign_key(column: str, table: str, **options: Any) -> sa.ForeignKeyConstraint:
    """The key from `(tenant_id, column)` to `(table.tenant_id, table.id)`: a row may only point at
    a row of its own tenant. `options` are the constraint's (`ondelete=...`)."""
    return sa.ForeignKeyConstraint(["tenant_id", column], [f"{table}.tenant_id", f"{table}.id"], **options)


def _tenant_relationship(child: str, column: str, parent: str, **options: Any) -> Any:
    return relationship(
        primaryjoin=f"and_({child}.tenant_id == {parent}.tenant_id, {child}.{column} == {parent}.id)",
        foreign_keys=f"[{child}.tenant_id, {child}.{column}]",
        **options,
    )


def tenant_parent(child: str, column: str, parent: str, **options: Any) -> Any:
    """The relationship from `child` to the `parent` row its `column` names, joined on both
    columns of `tenant_foreign_key` (class names as strings, resolved when the mappers are)."""
    return _tenant_relationship(child, column, parent, argument=parent, **options)


def tenant_children(parent: str, child: str, column: str, **options: Any) -> Any:
    """The relationship from `parent` to the `child` rows whose `column` names it (the other side
    of `tenant_parent`)."""
    return _tenant_relationship(child, column, parent, argument=child, **options)


def defer_tenant_foreign_keys(metadata: sa.MetaData) -> None:
    """Make every foreign key between tenant tables DEFERRABLE INITIALLY IMMEDIATE.

    The app sees no difference (the keys are still checked at once); a merge of portals moves
    rows by updating `tenant_id` table by table and says SET CONSTRAINTS ALL DEFERRED, so the
    keys are checked at its commit, when parents and children have all moved. Called once the
    models are imported, so capabilities need not repeat it on each key.
    """
    for table in metadata.tables.values():
        for fk in table.foreign_key_constraints:
            targets = {element.target_fullname.rsplit(".", 1)[-1] for element in fk.elements}
            if "tenant_id" in fk.column_keys and "tenant_id" in targets and len(fk.elements) > 1:
                fk.deferrable, fk.initially = True, "IMMEDIATE"


def cross_tenant_reason() -> str | None:
    return _cross_tenant_reason.get()


@contextmanager
def cross_tenant_reads(reason: str) -> Iterator[None]:
    """Let SELECTs in this block see every tenant's rows. `reason` names the act in the log."""
    if not reason:
        raise ValueError("a cross-tenant read must say why")
    log.info("cross-tenant read: %s", reason)
    token = _cross_tenant_reason.set(reason)
    apply_scope_to_open_transaction()
    try:
        yield
    finally:
        _cross_tenant_reason.reset(token)
        apply_scope_to_open_transaction()


def _scope_settings() -> dict[str, str]:
    tenant_id = current_tenant_id()
    return {
        "tenant": "" if tenant_id is None else str(tenant_id),
        "cross": "read" if cross_tenant_reason() else "",
    }


_SET_SCOPE = sa.text(
    "SELECT set_config('app.tenant_id', :tenant, true), set_config('app.cross_tenant', :cross, true)"
)


def apply_scope(connection: sa.Connection) -> None:
    """Set the database-side tenant for the transaction open on `connection`."""
    connection.execute(_SET_SCOPE, _scope_settings())


def apply_scope_to_open_transaction() -> None:
    """Re-apply the scope when it changes while the session already has a transaction.

    Outside an app context, or before the request's first query, there is no session, so
    nothing is open to re-scope."""
    if not has_app_context() or not db.session.registry.has():
        return  # no session yet, so no transaction to re-scope (and none is made for asking)
    session = db.session()
    if session.in_transaction():
        apply_scope(session.connection())


on_tenant_change(apply_scope_to_open_transaction)


@event.listens_for(orm.Session, "after_begin")
def _scope_new_transaction(session, transaction, connection) -> None:
    apply_scope(connection)


@event.listens_for(orm.Session, "do_orm_execute")
def _filter_by_tenant(execute_state: orm.ORMExecuteState) -> None:
    if cross_tenant_reason() and execute_state.is_select:
        return
    if not (execute_state.is_select or execute_state.is_update or execute_state.is_delete):
        return
    if execute_state.is_column_load or execute_state.is_relationship_load:
        return  # the criteria were attached to the statement that loaded the parent
    tenant_id = current_tenant_id()
    if tenant_id is None:  # tenant_id is NOT NULL: this matches no row
        criteria = orm.with_loader_criteria(
            TenantScoped, lambda cls: cls.tenant_id.is_(None), include_aliases=True
        )
    else:
        criteria = orm.with_loader_criteria(
            TenantScoped, lambda cls: cls.tenant_id == tenant_id, include_aliases=True
        )
    execute_state.statement = execute_state.statement.options(criteria)


@event.listens_for(orm.Session, "before_flush")
def _stamp_new_rows(session, flush_context, instances) -> None:
    tenant_id = current_tenant_id()
    for obj in list(session.new) + list(session.dirty):
        if not isinstance(obj, TenantScoped):
            continue
        if obj.tenant_id is None:
            if tenant_id is None:
                raise CrossTenantWrite(f"{type(obj).__name__} written with no current tenant")
            obj.tenant_id = tenant_id
        elif obj.tenant_id != tenant_id:
            raise CrossTenantWrite(
                f"{type(obj).__name__} of tenant {obj.tenant_id} written in tenant {tenant_id}"
            )


# -- work after commit ------------------------------------------------------------------------


def after_commit(callback: Callable[[], None]) -> None:
    """Run `callback` once the current transaction commits; drop it if it rolls back.

    Jobs are enqueued this way so a worker never runs before the rows it needs exist, and
    cache invalidations are announced only for changes that happened. A transaction is begun if
    none is open, so that a rollback always has something to drop the callback with.
    """
    session = db.session()
    session.connection()
    session.info.setdefault("after_commit", []).append(callback)


@event.listens_for(orm.Session, "after_commit")
def _run_after_commit(session) -> None:
    callbacks = session.info.pop("after_commit", [])
    for callback in callbacks:
        callback()


@event.listens_for(orm.Session, "after_soft_rollback")
def _drop_after_commit(session, previous_transaction) -> None:
    if previous_transaction.parent is None:
        session.info.pop("after_commit", None)
