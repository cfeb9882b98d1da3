"""Logs that say which portal and which request they come from.

Each request gets an id (the proxy's `X-Request-ID` when it looks like one, else a new one),
echoed in the response so a citizen's complaint can be matched with the log line.

`LOG_FORMAT=json` writes one JSON object per line instead (time, level, logger, message, tenant,
request_id, and the traceback when there is one), for a log collector to index.
"""

from __future__ import annotations

import json
import logging
import os
import re
import uuid
from datetime import UTC, datetime

from flask import Flask, g, has_request_context, request

from tenants.context import current_tenant

_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")


class ContextFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        tenant = current_tenant()
        record.tenant = tenant.slug if tenant else "-"
        record.request_id = g.get("request_id", "-") if has_request_context() else "-"
        return True


FORMAT = "%(asctime)s %(levelname)s [%(tenant)s %(request_id)s] %(name)s: %(message)s"


class JsonFormatter(logging.Formatter):
    """One JSON object per record, with the portal and the request it comes from."""

    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "tenant": getattr(record, "tenant", "-"),
            "request_id": getattr(record, "request_id", "-"),
            "pid": record.process,
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def formatter() -> logging.Formatter:
    """`LOG_FORMAT`: `text` (the default, for people) or `json` (for a log collector)."""
    return (
        JsonFormatter()
        if os.environ.get("LOG_FORMAT", "text").lower() == "json"
        else logging.Formatter(FORMAT)
    )


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(isinstance(f, ContextFilter) for h in root.handlers for f in h.filters):
        return
    handler = logging.StreamHandler()
    handler.addFilter(ContextFilter())
    handler.setFormatter(formatter())
    root.addHandler(handler)
    root.setLevel(level)


def request_id(incoming: str) -> str:
    """The request's id: the proxy's when it looks like one, else a new one."""
    return incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex


def init_app(app: Flask) -> None:
    if not app.testing:
        configure_logging()

    @app.before_request
    def assign_request_id():
        g.request_id = request_id(request.headers.get("X-Request-ID", ""))

    @app.after_request
    def echo_request_id(response):
        response.headers.setdefault("X-Request-ID", g.get("request_id", ""))
        return response
