"""Back-office list / create / edit / delete screens for simple tenant-owned records.

Several capabilities (projects, programmes, reports, banners, links, tourism) need the same four
screens; this builds them from a model, a Flask-WTF form and a few column definitions, so each
capability only states what differs. Rows are looked up through the ORM, so the tenant filter
applies: an id of another portal is a 404, exactly like an id that does not exist.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import sqlalchemy as sa
from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _
from flask_wtf import FlaskForm
from flask_wtf.file import FileField

from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from app.validation import FieldErrors

Row = TypeVar("Row")


@dataclass
class Crud:
    bp: Blueprint
    name: str  # URL part and endpoint prefix: /admin/<name>
    model: type
    form: type[FlaskForm]
    title: object  # lazy label of the screen
    columns: list[tuple[object, Callable]]  # (lazy heading, row -> value)
    order_by: Callable[[Any], list] = lambda m: [m.id.desc()]
    save: Callable | None = None  # (obj, form) -> None; raises FieldErrors; fills what the form cannot
    order: int = 200
    roles: tuple[str, ...] = CONTENT_MANAGERS
    hint: object = ""
    extra_links: list[tuple[object, str]] = field(default_factory=list)  # (label, endpoint)

    def endpoint(self, action: str) -> str:
        return f"{self.bp.name}.{self.name}_{action}"


def populate(form: FlaskForm, obj) -> None:
    """Copy every plain field onto `obj`; files are the save hook's business."""
    for f in form:
        if f.name in ("csrf_token", "submit") or isinstance(f, FileField):
            continue
        value = f.data.strip() if isinstance(f.data, str) else f.data
        if value is None and f.default is not None and not callable(f.default):
            value = f.default  # an optional number left empty takes the form's default
        setattr(obj, f.name, value)


def find_row(model, item_id: int):
    """The row with this id on the current portal, or 404."""
    return db.first_or_404(sa.select(model).where(model.id == item_id))


def or_404(row: Row | None) -> Row:
    """`row` as a service found it, or a 404 where it found none (not on this portal, say)."""
    if row is None:
        abort(404)
    return row


def register(crud: Crud) -> None:
    guard = require_role(*crud.roles)
    add_backoffice_page(crud.endpoint("list"), crud.title, roles=crud.roles, order=crud.order)

    def list_view():
        rows = db.session.scalars(sa.select(crud.model).order_by(*crud.order_by(crud.model))).all()
        return render("crud/list.html", crud=crud, rows=rows, delete_form=FlaskForm())

    def edit_view(item_id: int | None = None):
        obj = find_row(crud.model, item_id) if item_id is not None else None
        form = crud.form(obj=obj)
        if form.validate_on_submit():
            target = obj if obj is not None else crud.model()
            try:
                populate(form, target)
                if crud.save:
                    crud.save(target, form)
            except FieldErrors as exc:
                db.session.rollback()
                exc.apply_to(form)
            else:
                db.session.add(target)
                db.session.commit()
                flash(_("Đã lưu."), "success")
                return redirect(url_for(crud.endpoint("list")))
        status = 422 if form.errors else 200
        return render("crud/form.html", crud=crud, form=form, obj=obj), status

    def delete_view(item_id: int):
        form = FlaskForm()
        if form.validate_on_submit():
            db.session.delete(find_row(crud.model, item_id))
            db.session.commit()
            flash(_("Đã xoá."), "success")
        return redirect(url_for(crud.endpoint("list")))

    base = f"/admin/{crud.name}"
    crud.bp.add_url_rule(base, f"{crud.name}_list", guard(list_view))
    crud.bp.add_url_rule(f"{base}/new", f"{crud.name}_new", guard(edit_view), methods=["GET", "POST"])
    crud.bp.add_url_rule(
        f"{base}/<int:item_id>", f"{crud.name}_edit", guard(edit_view), methods=["GET", "POST"]
    )
    crud.bp.add_url_rule(
        f"{base}/<int:item_id>/delete", f"{crud.name}_delete", guard(delete_view), methods=["POST"]
    )
