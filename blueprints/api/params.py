"""Query parameters: each one parses its raw text and describes itself in OpenAPI, from one
definition. A wrong value is an `ApiError` (400) that names the parameter."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l


class ApiError(Exception):
    """An error the API answers as JSON: `{"error": {"code", "title", "message", "parameter"?}}`."""

    def __init__(self, code: int, message: str, parameter: str | None = None):
        super().__init__(message)
        self.code, self.message, self.parameter = code, message, parameter


@dataclass(frozen=True)
class Param:
    name: str
    schema: dict
    parse: Callable[[str], Any]
    description: object = ""

    def read(self, args) -> Any:
        raw = args.get(self.name)
        if raw is None or raw == "":
            return None
        try:
            return self.parse(raw)
        except (ValueError, OverflowError):
            raise ApiError(
                400,
                _("Giá trị của tham số “%(name)s” không hợp lệ.", name=self.name)
                + " "
                + _expected(self.schema),
                self.name,
            ) from None

    def openapi(self) -> dict:
        return {
            "name": self.name,
            "in": "query",
            "required": False,
            "schema": self.schema,
            **({"description": str(self.description)} if self.description else {}),
        }


def _expected(schema: dict) -> str:
    if "enum" in schema:
        return _("Giá trị cho phép: %(values)s.", values=", ".join(schema["enum"]))
    if schema.get("format") == "date":
        return _("Cần một ngày dạng YYYY-MM-DD.")
    if schema.get("type") == "integer":
        return _(
            "Cần một số nguyên từ %(low)s đến %(high)s.",
            low=schema.get("minimum", 1),
            high=schema.get("maximum", "…"),
        )
    if schema.get("type") == "boolean":
        return _("Cần true hoặc false.")
    if "pattern" in schema:
        return _("Cần dạng %(pattern)s.", pattern=schema.get("examples", [schema["pattern"]])[0])
    return _("Tối đa %(count)s ký tự.", count=schema.get("maxLength", "…"))


def integer(name: str, description="", minimum: int = 1, maximum: int = 2_147_483_647) -> Param:
    def parse(raw: str) -> int:
        if not re.fullmatch(r"\d{1,10}", raw) or not minimum <= int(raw) <= maximum:
            raise ValueError(raw)
        return int(raw)

    return Param(name, {"type": "integer", "minimum": minimum, "maximum": maximum}, parse, description)


def choice(name: str, values, description="") -> Param:
    allowed = [str(v) for v in values]

    def parse(raw: str) -> str:
        if raw not in allowed:
            raise ValueError(raw)
        return raw

    return Param(name, {"type": "string", "enum": allowed}, parse, description)


def day(name: str, description="") -> Param:
    def parse(raw: str) -> date:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
            raise ValueError(raw)
        return date.fromisoformat(raw)

    return Param(name, {"type": "string", "format": "date"}, parse, description)


def check_published_range(filters: dict) -> None:
    """Refuse a `published_to` before `published_from` (the resources filtering by publication
    day share these two parameters and this one message)."""
    start, end = filters["published_from"], filters["published_to"]
    if start and end and end < start:
        raise ApiError(400, str(_l("“published_to” không được trước “published_from”.")), "published_to")


def flag(name: str, description="") -> Param:
    def parse(raw: str) -> bool:
        if raw not in ("true", "false"):
            raise ValueError(raw)
        return raw == "true"

    return Param(name, {"type": "boolean"}, parse, description)


def text(name: str, description="", max_length: int = 200) -> Param:
    def parse(raw: str) -> str:
        if len(raw) > max_length:
            raise ValueError(raw)
        return raw.strip()

    return Param(name, {"type": "string", "maxLength": max_length}, parse, description)


MAX_PER_PAGE = 100
PAGE = integer("page", _l("Số trang, bắt đầu từ 1."))
PER_PAGE = integer("per_page", _l("Số mục mỗi trang (mặc định 20, tối đa 100)."), maximum=MAX_PER_PAGE)
