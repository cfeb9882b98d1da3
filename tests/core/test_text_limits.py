"""Every stored text has a limit: forms say how much to cut, the database holds the line behind
them, and a value past it is a clear 4xx, never a 500."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from app.errors import too_long
from app.extensions import db
from blueprints.newsroom.forms import BODY_MAX_CHARS
from blueprints.newsroom.models import Article
from tenants.context import tenant_scope
from tests.factories import make_tenant, make_user
from tests.newsroom.helpers import load, make_article, make_board
from tests.support import post_form, sign_in


def test_every_text_column_has_a_length_check():
    """varchar(n) bounds itself; every `text` column needs its `ck_<table>_<column>_length`."""
    texts = db.session.execute(
        sa.text(
            "SELECT table_name, column_name FROM information_schema.columns "
            "WHERE table_schema = 'public' AND data_type = 'text'"
        )
    ).all()
    checks = set(
        db.session.scalars(
            sa.text("SELECT conname FROM pg_constraint WHERE contype = 'c' AND conname LIKE '%_length'")
        )
    )
    assert texts, "the schema has text columns"
    assert [f"{t}.{c}" for t, c in texts if f"ck_{t}_{c}_length" not in checks] == []


def test_a_huge_article_body_is_refused_with_the_count_and_the_input_kept(client):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    huge = "<p>" + "x" * BODY_MAX_CHARS + "</p>"
    response = post_form(
        client,
        board.tenant,
        "/admin/newsroom/articles/new",
        {"title": "Bài rất dài", "body": huge, "kind": "news", "source_type": "original", "save": "1"},
    )
    assert response.status_code == 422
    assert f"vượt quá giới hạn {BODY_MAX_CHARS} ký tự" in response.text
    assert 'value="Bài rất dài"' in response.text
    with tenant_scope(board.tenant):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(Article)) == 0


def test_the_database_refuses_what_a_form_let_through():
    board = make_board()
    article_id = make_article(board)
    with tenant_scope(board.tenant), pytest.raises(IntegrityError) as refused, db.session.begin_nested():
        load(board, article_id).body = "x" * 300_001
        db.session.flush()
    assert too_long(refused.value)


def test_an_introduction_past_its_limit_is_explained(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    page = post_form(client, ward, "/admin/introduction/history", {"body_vi": "x" * 100_001, "body_en": ""})
    assert page.status_code in (200, 422) and "vượt quá giới hạn 100000 ký tự" in page.text
