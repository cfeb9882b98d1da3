"""Moderation both ways: under pre-moderation a comment is hidden until accepted, under
post-moderation it is shown until rejected; a rejection's reason is mailed, spam is not; only the
portal's content managers moderate; the form's abuse guards."""

from __future__ import annotations

import re

import sqlalchemy as sa

from app import mail
from app.extensions import db
from blueprints.consultations.models import CommentState, ConsultationComment
from tenants.context import tenant_scope
from tests.consultations.helpers import make_consultation, post_comment, sign_in_as
from tests.factories import base_url
from tests.support import csrf_token, run_jobs


def _only_comment(tenant) -> ConsultationComment:
    """The one comment, detached with its values loaded (read outside the tenant's scope)."""
    with tenant_scope(tenant):
        comment = db.session.scalars(sa.select(ConsultationComment)).one()
        db.session.expunge(comment)
        return comment


def _moderate(client, tenant, consultation_id, comment_id, action, reason=""):
    page = client.get(f"/admin/consultations/{consultation_id}/comments", base_url=base_url(tenant))
    assert page.status_code == 200
    return client.post(
        f"/admin/consultations/{consultation_id}/comments/{comment_id}/moderate",
        base_url=base_url(tenant),
        data={"csrf_token": csrf_token(page.text), "action": action, "reason": reason},
    )


def _public(client, tenant, consultation_id) -> str:
    return client.get(f"/lay-y-kien/{consultation_id}", base_url=base_url(tenant)).text


def test_pre_moderation_hides_a_comment_until_it_is_accepted(client):
    tenant, consultation_id = make_consultation(moderation="pre")
    response = post_comment(client, tenant, consultation_id, body="Ý kiến chờ duyệt")
    assert response.status_code == 302
    follow = client.get(response.headers["Location"], base_url=base_url(tenant))
    assert "sẽ được đăng sau khi được kiểm duyệt" in follow.text
    assert "Ý kiến chờ duyệt" not in _public(client, tenant, consultation_id)
    comment = _only_comment(tenant)
    assert comment.state == CommentState.PENDING and comment.email == "dan@example.org"
    sign_in_as(client, tenant)
    assert _moderate(client, tenant, consultation_id, comment.id, "accept").status_code == 302
    page = _public(client, tenant, consultation_id)
    assert "Ý kiến chờ duyệt" in page and "dan@example.org" not in page
    assert '<p class="plain">Ý kiến chờ duyệt</p>' in page


def test_post_moderation_shows_a_comment_until_it_is_rejected_and_mails_the_reason(client):
    tenant, consultation_id = make_consultation(moderation="post")
    assert post_comment(client, tenant, consultation_id, body="Ý kiến hiện ngay").status_code == 302
    assert "Ý kiến hiện ngay" in _public(client, tenant, consultation_id)
    comment = _only_comment(tenant)
    sign_in_as(client, tenant, "board-head")
    refused = _moderate(client, tenant, consultation_id, comment.id, "reject")  # no reason: refused
    assert refused.status_code == 302 and _only_comment(tenant).state == CommentState.PENDING
    assert (
        _moderate(
            client, tenant, consultation_id, comment.id, "reject", "Nội dung không liên quan"
        ).status_code
        == 302
    )
    assert "Ý kiến hiện ngay" not in _public(client, tenant, consultation_id)
    run_jobs()
    assert [m["To"] for m in mail.outbox] == ["dan@example.org"]
    assert "Nội dung không liên quan" in mail.outbox[0].get_content()
    run_jobs()
    assert len(mail.outbox) == 1


def test_spam_is_hidden_and_mails_nobody(client):
    tenant, consultation_id = make_consultation(moderation="post")
    post_comment(client, tenant, consultation_id, body="Mua hàng giá rẻ")
    sign_in_as(client, tenant)
    _moderate(client, tenant, consultation_id, _only_comment(tenant).id, "spam")
    run_jobs()
    assert "Mua hàng giá rẻ" not in _public(client, tenant, consultation_id) and mail.outbox == []
    assert _only_comment(tenant).state == CommentState.SPAM


def test_only_content_managers_moderate(client):
    tenant, consultation_id = make_consultation()
    assert (
        client.get(f"/admin/consultations/{consultation_id}/comments", base_url=base_url(tenant)).status_code
        == 302
    )  # to the sign-in page
    sign_in_as(client, tenant, "collaborator")
    for path in (
        "",
        "/new",
        f"/{consultation_id}",
        f"/{consultation_id}/comments",
        f"/{consultation_id}/text",
        f"/{consultation_id}/export.csv",
    ):
        assert client.get(f"/admin/consultations{path}", base_url=base_url(tenant)).status_code == 403, path


def test_the_setting_switches_the_mode(client):
    tenant, consultation_id = make_consultation()
    sign_in_as(client, tenant)
    page = client.get("/admin/consultations", base_url=base_url(tenant))
    assert re.search(r'<input checked[^>]*value="pre"', page.text)
    client.post(
        "/admin/consultations/settings",
        base_url=base_url(tenant),
        data={"csrf_token": csrf_token(page.text), "moderation": "post"},
    )
    post_comment(client, tenant, consultation_id, body="Hiện ngay sau khi đổi")
    assert "Hiện ngay sau khi đổi" in _public(client, tenant, consultation_id)


def test_abuse_guards_keep_what_was_typed(client, app, monkeypatch):
    tenant, consultation_id = make_consultation()
    honeypot = post_comment(
        client, tenant, consultation_id, body="Giữ lại nhé", website="http://spam.example"
    )
    assert honeypot.status_code == 422 and "Giữ lại nhé" in honeypot.text
    too_long = post_comment(client, tenant, consultation_id, body="x" * 5001)
    assert too_long.status_code == 422
    no_consent = post_comment(client, tenant, consultation_id, body="Không đồng ý", consent="")
    assert (
        no_consent.status_code == 422
        and "Cần đồng ý" in no_consent.text
        and "Không đồng ý" in no_consent.text
    )
    monkeypatch.setitem(app.config, "PUBLIC_FORM_LIMIT_PER_ADDRESS", "1 per minute")
    assert post_comment(client, tenant, consultation_id, body="Lần một").status_code == 302
    limited = post_comment(client, tenant, consultation_id, body="Lần hai bị chặn")
    assert (
        limited.status_code == 429 and "quá nhiều lần" in limited.text and "Lần hai bị chặn" in limited.text
    )
    with tenant_scope(tenant):
        assert db.session.scalar(sa.select(sa.func.count()).select_from(ConsultationComment)) == 1
