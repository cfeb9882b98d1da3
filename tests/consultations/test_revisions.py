"""Clauses keep their key across revisions, comments stay on their clause and say which revision
they were made on, and a removed clause keeps its comments ("removed in revision N")."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest

from app.extensions import db
from app.validation import FieldErrors
from blueprints.consultations import draft_text, services
from blueprints.consultations.models import CommentState
from tenants.context import tenant_scope
from tests.consultations.helpers import TEXT, key_of, load, make_consultation, post_comment
from tests.factories import base_url

REVISED = (
    TEXT.replace(
        "1. Hè phố còn lại rộng tối thiểu 1,5 mét.", "1. Hè phố còn lại rộng tối thiểu 2 mét."
    ).replace("3. Thời gian từ 6 giờ đến 22 giờ.\n", "")
    + "Điều 3. Phí\nDo Hội đồng nhân dân quyết định.\n"
)


def test_the_parser_reads_parts_articles_and_clauses():
    nodes = draft_text.parse(
        "Phần I. Chung\nĐiều 1. Phạm vi\nNội dung.\n1. Khoản một\na) điểm a\n2) Khoản hai\n"
        "Chương II\nĐiều 2.\n1. Khoản của điều 2"
    )
    assert [(n.kind, n.number, n.path) for n in nodes] == [
        ("part", "I", "part:I"),
        ("article", "1", "article:1"),
        ("clause", "1", "article:1/clause:1"),
        ("clause", "2", "article:1/clause:2"),
        ("part", "II", "part:II"),
        ("article", "2", "article:2"),
        ("clause", "1", "article:2/clause:1"),
    ]
    assert nodes[1].heading == "Phạm vi" and nodes[1].body == "Nội dung."
    assert nodes[2].body == "Khoản một\na) điểm a"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Lời nói đầu\nĐiều 1. A", "phải bắt đầu"),
        ("Điều 1. A\nĐiều 1. B", "trùng số"),
        ("Điều 1. A\n1. x\n1. y", "trùng số"),
        ("   \n", "Nhập toàn văn"),
    ],
)
def test_the_parser_refuses_what_it_cannot_place(app, text, message):
    with app.test_request_context("/"), pytest.raises(draft_text.DraftTextError, match=message):
        draft_text.parse(text)


def test_text_written_back_reads_the_same(app):
    tenant, consultation_id = make_consultation()
    with tenant_scope(tenant):
        consultation = load(tenant, consultation_id)
        before = [(c.key, c.kind, c.number, c.heading, c.body) for c in services.clauses_of(consultation)]
        services.revise(consultation, services.draft_as_text(consultation))
        after = [(c.key, c.kind, c.number, c.heading, c.body) for c in services.clauses_of(consultation)]
    assert after == before and consultation.current_revision == 2


def test_keys_survive_a_revision_and_a_removed_clause_keeps_its_comments(client):
    tenant, consultation_id = make_consultation(moderation="post")
    edited, removed, kept = (key_of(tenant, consultation_id, f"Điều 2, khoản {n}") for n in (1, 3, 2))
    assert (
        post_comment(client, tenant, consultation_id, clause=edited, body="Nên là 2 mét.").status_code == 302
    )
    assert (
        post_comment(client, tenant, consultation_id, clause=removed, body="Bỏ khoản giờ giấc.").status_code
        == 302
    )
    with tenant_scope(tenant):
        consultation = load(tenant, consultation_id)
        services.revise(consultation, REVISED, "tiếp thu")
        db.session.flush()
        keys = {label: key for key, label in services.clause_choices(consultation)}
        histories = services.clause_histories(consultation)
    assert keys["Điều 2, khoản 1"] == edited and keys["Điều 2, khoản 2"] == kept
    assert removed not in keys.values() and histories[removed].removed_in == 2
    assert keys["Điều 3. Phí"] not in (edited, removed, kept)
    assert (
        post_comment(client, tenant, consultation_id, clause=edited, body="Đồng ý 2 mét.").status_code == 302
    )

    page = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
    clause_block = page.split(f'id="k-{edited}"', 1)[1].split('class="node', 1)[0]
    assert "2 mét." in clause_block and "Nên là 2 mét." in clause_block and "Đồng ý 2 mét." in clause_block
    assert "góp ý trên bản dự thảo lần 1" in clause_block and "góp ý trên bản dự thảo lần 2" in clause_block
    assert "Điều, khoản này đã được sửa sau khi có ý kiến." in clause_block
    assert f'id="k-{removed}"' not in page
    removed_section = page.split("Ý kiến về các điều, khoản đã bỏ", 1)[1]
    assert "Bỏ khoản giờ giấc." in removed_section
    assert re.search(r"đã bỏ ở bản dự thảo lần 2: Điều 2, khoản 3", removed_section)


def test_a_comment_on_a_clause_no_longer_in_the_draft_is_refused_with_its_text(client):
    tenant, consultation_id = make_consultation()
    removed = key_of(tenant, consultation_id, "Điều 2, khoản 3")
    page = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant))
    with tenant_scope(tenant):
        services.revise(load(tenant, consultation_id), REVISED)
    from tests.consultations.helpers import comment_data

    response = client.post(
        f"/lay-y-kien/{consultation_id}/gop-y",
        base_url=base_url(tenant),
        data=comment_data(page.text, clause=removed, body="Văn bản tôi đã gõ"),
    )
    assert response.status_code == 422 and "không còn trong dự thảo hiện hành" in response.text
    assert "Văn bản tôi đã gõ" in response.text


def test_the_comment_link_of_a_clause_preselects_it(client):
    tenant, consultation_id = make_consultation()
    key = key_of(tenant, consultation_id, "Điều 2, khoản 2")
    page = client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text
    assert f'href="/lay-y-kien/{consultation_id}?clause={key}#comment-form"' in page
    chosen = client.get(f"/lay-y-kien/{consultation_id}?clause={key}", base_url=base_url(tenant)).text
    assert re.search(rf'<option selected value="{key}">|<option value="{key}" selected>', chosen)
    assert 'href="#k-' in page  # the table of contents links to the articles


def test_no_revision_after_the_closing_time():
    now = datetime.now(UTC)
    tenant, consultation_id = make_consultation(
        opens=now - timedelta(days=5), closes=now - timedelta(seconds=1)
    )
    with tenant_scope(tenant), pytest.raises(FieldErrors):
        services.revise(load(tenant, consultation_id), REVISED)


def test_comment_state_defaults_to_pending():
    tenant, consultation_id = make_consultation()
    with tenant_scope(tenant):
        comment = services.submit_comment(
            load(tenant, consultation_id), clause_key=None, name="A", email="a@example.org", body="x"
        )
    assert comment.state == CommentState.PENDING and comment.revision_number == 1
