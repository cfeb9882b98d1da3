"""Notifications after commit, scheduled publishing from cron, cover images checked and cleaned."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from PIL import Image

from app import mail
from app.extensions import db
from app.uploads import stored_path
from blueprints.newsroom import workflow
from blueprints.newsroom.dashboard import dashboard
from blueprints.newsroom.models import ArticleState
from blueprints.newsroom.tasks import publish_due_articles
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import load, make_article, make_board
from tests.support import csrf_token, run_jobs, sign_in
from workers.queue import get_queue

S = ArticleState


def test_submission_mails_the_approvers_only_after_commit(app):
    board = make_board()
    with tenant_scope(board.tenant):
        article_id = make_article(board)
        workflow.submit(load(board, article_id), board.collaborator)
        assert get_queue().count == 0  # nothing leaves before the commit
        db.session.commit()
    run_jobs()
    assert [m["To"] for m in mail.outbox] == [board.approver.email]
    assert "Bài chờ duyệt" in mail.outbox[0]["Subject"]
    assert f"/admin/newsroom/articles/{article_id}" in mail.outbox[0].get_content()


def test_author_hears_of_return_approval_and_publication_once_each(app):
    board = make_board()
    with tenant_scope(board.tenant):
        article_id = make_article(board, S.SUBMITTED)
        workflow.return_article(load(board, article_id), board.approver, "Bổ sung ảnh")
        db.session.commit()
    run_jobs()
    assert [m["To"] for m in mail.outbox] == [board.collaborator.email]
    assert "Bổ sung ảnh" in mail.outbox[0].get_content()
    mail.outbox.clear()
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        article.state = S.SUBMITTED
        workflow.approve(article, board.approver)
        workflow.publish(article, board.editor)
        db.session.commit()
    run_jobs()
    to_author = [m["Subject"] for m in mail.outbox if m["To"] == board.collaborator.email]
    assert len(to_author) == 2 and any("được đăng" in s for s in to_author)
    assert any(m["To"] == board.editor.email for m in mail.outbox)  # the editor must publish next
    # Running the same jobs again sends nothing twice.
    from blueprints.newsroom.tasks import notify_transition
    from blueprints.newsroom.workflow import timeline

    with tenant_scope(board.tenant):
        ids = [t.id for t in timeline(load(board, article_id))]
    before = len(mail.outbox)
    for transition_id in ids:
        notify_transition(board.tenant.id, transition_id)
    assert len(mail.outbox) == before


def test_cron_publishes_due_articles_of_every_portal_and_only_those(app):
    a, b = make_board(), make_board()
    past, future = datetime.now(UTC) - timedelta(minutes=5), datetime.now(UTC) + timedelta(hours=3)
    due_a = make_article(a, S.SCHEDULED)
    due_b = make_article(b, S.SCHEDULED)
    later = make_article(a, S.SCHEDULED)
    for board, article_id, when in ((a, due_a, past), (b, due_b, past), (a, later, future)):
        with tenant_scope(board.tenant):
            load(board, article_id).publish_at = when
            db.session.flush()
    db.session.commit()
    result = publish_due_articles()
    assert result[a.tenant.slug] == 1 and result[b.tenant.slug] == 1
    with tenant_scope(a.tenant):
        published = load(a, due_a)
        assert published.state == S.PUBLISHED and published.published_at == past
        assert load(a, later).state == S.SCHEDULED
    with tenant_scope(b.tenant):
        assert load(b, due_b).state == S.PUBLISHED
    assert publish_due_articles() == {}  # idempotent


def test_scheduled_items_past_their_time_and_slow_approvals_show_as_late(app):
    board = make_board()
    stuck = make_article(board, S.SCHEDULED)
    waiting = make_article(board, S.SUBMITTED)
    fresh = make_article(board, S.SUBMITTED)
    now = datetime.now(UTC)
    with tenant_scope(board.tenant):
        load(board, stuck).publish_at = now - timedelta(hours=1)
        load(board, waiting).submitted_at = now - timedelta(days=3)
        load(board, fresh).submitted_at = now - timedelta(hours=3)
        db.session.flush()
        view = dashboard(board.editor)
        assert [x.id for x in view.late_scheduled] == [stuck]
        assert [x.id for x in view.late_submitted] == [waiting]
        assert {x.id for x in dashboard(board.approver).waiting} == {waiting, fresh}


def _photo(width=1600, height=900) -> bytes:
    image = Image.new("RGB", (width, height), (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x0132] = "2024:05:01 08:00:00"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _upload(client, board, article_id, data: bytes, name: str, alt: str = "Người dân dọn rác"):
    url, host = f"/admin/newsroom/articles/{article_id}/edit", base_url(board.tenant)
    page = client.get(url, base_url=host)
    import re

    version = re.search(
        r'value="(\d+)"', re.search(r'<input[^>]*name="version"[^>]*>', page.text).group(0)
    ).group(1)
    return client.post(
        url,
        base_url=host,
        content_type="multipart/form-data",
        data={
            "title": "Ra quân",
            "body": "<p>Nội dung</p>",
            "kind": "photo",
            "section_id": board.section_id,
            "source_type": "original",
            "cover_alt": alt,
            "cover": (io.BytesIO(data), name),
            "version": version,
            "save": "1",
            "csrf_token": csrf_token(page.text),
        },
    )


def test_cover_is_checked_by_content_then_cleaned_and_resized(app, client):
    board = make_board()
    article = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    fake = _upload(client, board, article, b"<?php echo 1; ?>", "anh.jpg")
    assert fake.status_code == 422 and "không phải là ảnh hợp lệ" in fake.text
    no_alt = _upload(client, board, article, _photo(), "anh.jpg", alt="")
    assert no_alt.status_code == 422 and 'id="cover_alt-error"' in no_alt.text
    good = _upload(client, board, article, _photo(), "anh.jpg")
    assert good.status_code == 302
    run_jobs()
    with tenant_scope(board.tenant):
        current = load(board, article)
        assert set(current.cover_sizes) == {"source", "1200", "800", "400"}
        with Image.open(stored_path(current.cover_key)) as original:
            assert original.size == (1600, 900) and not original.getexif()
        with Image.open(stored_path(current.cover_sizes["400"])) as small:
            assert small.size == (400, 225) and not small.getexif()
        version = current.version
    run_jobs()  # nothing left to do; the editor's open form is still valid
    with tenant_scope(board.tenant):
        assert load(board, article).version == version
    image = client.get(f"/admin/newsroom/articles/{article}/cover/400", base_url=base_url(board.tenant))
    assert image.status_code == 200 and image.mimetype == "image/jpeg"
