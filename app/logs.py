"""Logs that say which portal and which request they come from.

Each request gets an id (the proxy's `X-Request-ID` when it looks like one, else a new one),
echoed in the response so a citizen's complaint can be matched with the log line.
"""

from __future__ import annotations

import logging
import re
import uuid

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


def configure_logging(level: int = logging.INFO) -> None:
    root = logging.getLogger()
    if any(isinstance(f, ContextFilter) for h in root.handlers for f in h.filters):
        return
    handler = logging.StreamHandler()
    handler.addFilter(ContextFilter())
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)


def init_app(app: Flask) -> None:
    if not app.testing:
        configure_logging()

    @app.before_request
    def assign_request_id():
        incoming = request.headers.get("X-Request-ID", "")
        g.request_id = incoming if _REQUEST_ID.match(incoming) else uuid.uuid4().hex

    @app.after_request
    def echo_request_id(response):
        response.headers.setdefault("X-Request-ID", g.get("request_id", ""))
        return response
