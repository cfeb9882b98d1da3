"""`LOG_FORMAT=json`: one JSON object a line, naming the portal and the request."""

import json
import logging
import sys

from app.logs import ContextFilter, JsonFormatter, formatter
from tenants.context import tenant_scope
from tests.factories import make_tenant


def test_json_lines_carry_the_portal_the_message_and_the_traceback(app, monkeypatch):
    monkeypatch.setenv("LOG_FORMAT", "json")
    assert isinstance(formatter(), JsonFormatter)
    ward = make_tenant()
    try:
        raise ValueError("Thắng Tam")
    except ValueError:
        record = logging.LogRecord("app.test", logging.ERROR, __file__, 1, "failed for %s", ("x",), None)
        record.exc_info = sys.exc_info()
    with app.test_request_context(), tenant_scope(ward):
        ContextFilter().filter(record)
    entry = json.loads(formatter().format(record))
    assert entry["message"] == "failed for x" and entry["level"] == "ERROR" and entry["logger"] == "app.test"
    assert entry["tenant"] == ward.slug
    assert "ValueError: Thắng Tam" in entry["exception"]


def test_text_is_the_default(monkeypatch):
    monkeypatch.delenv("LOG_FORMAT", raising=False)
    assert not isinstance(formatter(), JsonFormatter)
