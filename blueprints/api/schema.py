"""Field and object definitions that both serialise rows and describe them in OpenAPI.

A `Schema` is a tuple of `Field`s; `dump()` writes exactly those keys and `json_schema()` declares
exactly those keys (all required, nothing else allowed), so the document and the responses
cannot drift apart in shape; the tests validate live responses against the document for types.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from flask import url_for
from werkzeug.routing import BuildError

from tenants.context import portal_zone


@dataclass(frozen=True)
class Field:
    name: str
    schema: dict
    get: Callable[[Any], Any]
    description: object = ""
    nested: tuple[Schema, ...] = ()


@dataclass(frozen=True)
class Schema:
    name: str
    fields: tuple[Field, ...]
    description: object = ""

    def dump(self, row) -> dict:
        return {f.name: f.get(row) for f in self.fields}

    def json_schema(self) -> dict:
        properties = {}
        for f in self.fields:
            properties[f.name] = {
                **f.schema,
                **({"description": str(f.description)} if f.description else {}),
            }
        described = {"description": str(self.description)} if self.description else {}
        return {
            "type": "object",
            **described,
            "properties": properties,
            "required": [f.name for f in self.fields],
            "additionalProperties": False,
        }

    def components(self) -> dict[str, Schema]:
        """This schema and every schema nested in it, by name."""
        found = {self.name: self}
        for f in self.fields:
            for nested in f.nested:
                found |= nested.components()
        return found


def ref(schema: Schema) -> dict:
    return {"$ref": f"#/components/schemas/{schema.name}"}


def _nullable(schema: dict, nullable: bool) -> dict:
    if not nullable:
        return schema
    if "$ref" in schema:
        return {"anyOf": [schema, {"type": "null"}]}
    return {**schema, "type": [schema["type"], "null"]}


def _attr(name: str) -> Callable[[Any], Any]:
    return lambda row: getattr(row, name)


def string(name: str, get=None, description="", nullable: bool = False, **extra) -> Field:
    return Field(name, _nullable({"type": "string", **extra}, nullable), get or _attr(name), description)


def integer(name: str, get=None, description="", nullable: bool = False) -> Field:
    return Field(name, _nullable({"type": "integer"}, nullable), get or _attr(name), description)


def boolean(name: str, get=None, description="") -> Field:
    return Field(name, {"type": "boolean"}, get or (lambda row: bool(getattr(row, name))), description)


def enum(name: str, members, get=None, description="", nullable: bool = False) -> Field:
    values = [str(m) for m in members]
    schema = {"type": "string", "enum": values + ([None] if nullable else [])}
    return Field(name, _nullable(schema, nullable), get or _attr(name), description)


def _formatted(name: str, format: str, text, get, description, nullable: bool) -> Field:
    """A string field in a JSON Schema `format`, `text` turning the row's value into it."""
    getter = get or _attr(name)
    schema = _nullable({"type": "string", "format": format}, nullable)
    return Field(name, schema, lambda row: text(getter(row)), description)


def day(name: str, get=None, description="", nullable: bool = False) -> Field:
    """A calendar date ("2025-03-01"): a day has no time zone."""
    return _formatted(name, "date", _iso, get, description, nullable)


def moment(name: str, get=None, description="", nullable: bool = False) -> Field:
    """An instant in ISO 8601 with the portal's own offset ("2025-03-01T08:00:00+07:00")."""
    return _formatted(name, "date-time", local_iso, get, description, nullable)


def link(name: str, get, description="", nullable: bool = False) -> Field:
    return Field(name, _nullable({"type": "string", "format": "uri"}, nullable), get, description)


def strings(name: str, get, description="") -> Field:
    return Field(name, {"type": "array", "items": {"type": "string"}}, get, description)


def one(name: str, schema: Schema, get, description="", nullable: bool = False) -> Field:
    def dump(row):
        value = get(row)
        return None if value is None else schema.dump(value)

    return Field(name, _nullable(ref(schema), nullable), dump, description, (schema,))


def many(name: str, schema: Schema, get, description="") -> Field:
    return Field(
        name,
        {"type": "array", "items": ref(schema)},
        lambda row: [schema.dump(item) for item in get(row)],
        description,
        (schema,),
    )


# -- values ---------------------------------------------------------------------------------


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def local_iso(value: datetime | None) -> str | None:
    if value is None:
        return None
    return value.astimezone(portal_zone()).isoformat(timespec="seconds")


def local_moment(day_value: date, at: time | None) -> str | None:
    """A local day and wall-clock time as an instant with the portal's offset."""
    if at is None:
        return None
    return datetime.combine(day_value, at, tzinfo=portal_zone()).isoformat(timespec="seconds")


def local_midnight(day_value: date) -> datetime:
    """The start of a local day as an instant (a day filter's bound)."""
    return datetime.combine(day_value, time(0), tzinfo=portal_zone())


def page_url(endpoint: str, **values) -> str | None:
    """The absolute URL of a page of this portal (in the request's language), or None while no
    package provides that page (so the API does not depend on which pages are installed)."""
    try:
        return url_for(endpoint, _external=True, **values)
    except BuildError:
        return None
