"""Rate limits and the honeypot that every citizen's form shares (app/public_forms.py).

The capabilities' own tests post their real forms through HTTP; these pin the shared rules: the
limits count per address and per portal, and without their store they are counted in the process,
never dropped.
"""

from __future__ import annotations

from werkzeug.datastructures import MultiDict

from app.public_forms import PublicForm, refusal
from tenants.context import tenant_scope
from tests.conftest import make_app
from tests.factories import make_tenant


def _post_from(app, address: str):
    return app.test_request_context("/", method="POST", environ_base={"REMOTE_ADDR": address})


def test_the_limit_counts_per_address_and_per_portal(app, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_FORM_LIMIT_PER_ADDRESS", "2 per minute")
    ward, other = make_tenant(), make_tenant()
    with tenant_scope(ward):
        answers = []
        for _ in range(3):
            with _post_from(app, "198.51.100.7"):
                answers.append(refusal("question"))
        assert answers[:2] == [None, None]
        assert "quá nhiều lần" in answers[2]
        with _post_from(app, "198.51.100.8"):
            assert refusal("question") is None  # another address has its own count
        with _post_from(app, "198.51.100.7"):
            assert refusal("comment") is None  # and another form too
    with tenant_scope(other), _post_from(app, "198.51.100.7"):
        assert refusal("question") is None  # and another portal


def test_the_portal_limit_holds_against_many_addresses(app, monkeypatch):
    monkeypatch.setitem(app.config, "PUBLIC_FORM_LIMIT_PER_PORTAL", "3 per hour")
    with tenant_scope(make_tenant()):
        answers = []
        for n in range(4):
            with _post_from(app, f"203.0.113.{n}"):
                answers.append(refusal("feedback"))
    assert answers[:3] == [None, None, None] and answers[3] is not None


def test_an_unreachable_store_still_limits_in_the_process():
    unreachable = make_app(REDIS_URL="redis://127.0.0.1:1/0", PUBLIC_FORM_LIMIT_PER_ADDRESS="2 per minute")
    answers = []
    for _ in range(3):
        with _post_from(unreachable, "198.51.100.9"):
            answers.append(refusal("question"))
    assert answers[:2] == [None, None] and answers[2] is not None


def test_the_honeypot_must_stay_empty(app):
    with app.test_request_context("/", method="POST"):
        filled = PublicForm(MultiDict({"website": "http://spam.example"}), meta={"csrf": False})
        assert not filled.validate() and filled.website.errors
        empty = PublicForm(MultiDict({}), meta={"csrf": False})
        assert empty.validate()
