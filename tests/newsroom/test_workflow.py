"""Every transition, who may make it, and who may not (403); attribution refusal; the timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest

from app.extensions import db
from blueprints.newsroom import workflow
from blueprints.newsroom.models import Article, ArticleState, ArticleTransition
from tenants.context import tenant_scope
from tests.factories import base_url, make_user
from tests.newsroom.helpers import load, make_article, make_board
from tests.support import post_form, sign_in, signed_in_browser

S = ArticleState
FUTURE = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")

# action: (starting state, state after, people allowed)
MATRIX = {
    "submit": (S.DRAFT, S.SUBMITTED, {"collaborator", "approver", "editor"}),
    "return": (S.SUBMITTED, S.RETURNED, {"approver"}),
    "approve": (S.SUBMITTED, S.APPROVED, {"approver"}),
    "schedule": (S.APPROVED, S.SCHEDULED, {"editor"}),
    "unschedule": (S.SCHEDULED, S.APPROVED, {"editor"}),
    "publish": (S.APPROVED, S.PUBLISHED, {"editor"}),
    "unpublish": (S.PUBLISHED, S.UNPUBLISHED, {"editor"}),
    "archive": (S.UNPUBLISHED, S.ARCHIVED, {"editor"}),
}
PEOPLE = ("collaborator", "other_collaborator", "approver", "editor", "head")


@pytest.mark.parametrize("action", sorted(MATRIX))
def test_each_transition_is_allowed_exactly_to_its_roles(app, client, action):
    start, end, allowed = MATRIX[action]
    board = make_board()
    for person in PEOPLE:
        article = make_article(board, start)
        browser = signed_in_browser(app, board.tenant, getattr(board, person))
        detail = f"/admin/newsroom/articles/{article}"
        page = browser.get(detail, base_url=base_url(board.tenant))
        assert page.status_code == (403 if person == "other_collaborator" else 200)  # not theirs: unseen
        response = post_form(
            browser,
            board.tenant,
            f"/admin/newsroom/articles/{article}/do/{action}",
            {"comment": "Cần bổ sung số liệu.", "publish_at": FUTURE},
            form_url="/admin/",
        )
        with tenant_scope(board.tenant):
            state = load(board, article).state
        if person in allowed:
            assert response.status_code == 302, (person, response.status_code)
            assert state == end, person
        else:
            assert response.status_code == 403, (person, response.status_code)
            assert state == start, person


def test_platform_admin_may_do_everything(app, client):
    board = make_board()
    admin = make_user(platform_admin=True)
    article = make_article(board, S.DRAFT)
    sign_in(client, board.tenant, admin)
    detail = f"/admin/newsroom/articles/{article}"
    for action in ("submit", "approve", "publish", "unpublish", "archive"):
        response = post_form(
            client, board.tenant, f"{detail}/do/{action}", {"comment": "ok"}, form_url=detail
        )
        assert response.status_code == 302, action
    with tenant_scope(board.tenant):
        steps = db.session.scalars(
            db.select(ArticleTransition.to_state)
            .where(ArticleTransition.article_id == article)
            .order_by(ArticleTransition.id)
        ).all()
    assert steps == ["submitted", "approved", "published", "unpublished", "archived"]


def test_publishing_and_unscheduling_from_the_page_keep_their_dates(client):
    """The page's buttons go through the services: the public pages and the royalty statements
    rely on the publication date (a bug once left it empty)."""
    board = make_board()
    published, scheduled = make_article(board, S.APPROVED), make_article(board, S.SCHEDULED)
    with tenant_scope(board.tenant):
        load(board, scheduled).publish_at = datetime.now(UTC) + timedelta(days=1)
        db.session.flush()
    sign_in(client, board.tenant, board.editor)
    for article, action in ((published, "publish"), (scheduled, "unschedule")):
        detail = f"/admin/newsroom/articles/{article}"
        assert (
            post_form(client, board.tenant, f"{detail}/do/{action}", {}, form_url=detail).status_code == 302
        )
    with tenant_scope(board.tenant):
        assert load(board, published).published_at is not None
        assert load(board, scheduled).publish_at is None and load(board, scheduled).state == S.APPROVED


def test_return_needs_a_reason_and_is_shown_in_the_timeline(client):
    board = make_board()
    article = make_article(board, S.SUBMITTED)
    sign_in(client, board.tenant, board.approver)
    detail = f"/admin/newsroom/articles/{article}"
    refused = post_form(client, board.tenant, f"{detail}/do/return", {"comment": "  "}, form_url=detail)
    assert refused.status_code == 422
    assert "Hãy ghi lý do." in refused.text
    done = post_form(
        client, board.tenant, f"{detail}/do/return", {"comment": "Thiếu ảnh minh họa"}, form_url=detail
    )
    assert done.status_code == 302
    page = client.get(detail, base_url=base_url(board.tenant))
    assert "Thiếu ảnh minh họa" in page.text and "Bị trả lại" in page.text


def test_submission_refused_until_the_source_is_complete(client):
    board = make_board()
    article = make_article(board, S.DRAFT, source_type="quoted", source_name="", source_url="")
    sign_in(client, board.tenant, board.collaborator)
    detail = f"/admin/newsroom/articles/{article}"
    response = post_form(client, board.tenant, f"{detail}/do/submit", {}, form_url=detail)
    assert response.status_code == 422
    assert "Bài trích dẫn phải ghi tên nguồn." in response.text
    assert f"/admin/newsroom/articles/{article}/edit#source_url" in response.text  # the field is marked
    with tenant_scope(board.tenant):
        assert load(board, article).state == S.DRAFT


def test_save_and_submit_marks_the_missing_source_field_and_keeps_the_text(client):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    response = post_form(
        client,
        board.tenant,
        "/admin/newsroom/articles/new",
        {
            "title": "Hội nghị tiếp xúc cử tri",
            "body": "<p>Nội dung</p>",
            "kind": "news",
            "section_id": board.section_id,
            "source_type": "quoted",
            "source_name": "Báo Bà Rịa – Vũng Tàu",
            "save_and_submit": "1",
        },
    )
    assert response.status_code == 422
    assert 'id="source_url-error"' in response.text
    assert "Hội nghị tiếp xúc cử tri" in response.text  # nothing typed is lost
    with tenant_scope(board.tenant):
        article = db.session.scalar(db.select(Article).where(Article.title == "Hội nghị tiếp xúc cử tri"))
        assert article.state == S.DRAFT  # saved as a draft, not submitted


def test_approve_stores_the_factor_and_who(app):
    board = make_board()
    with tenant_scope(board.tenant):
        article = load(board, make_article(board, S.SUBMITTED))
        workflow.approve(article, board.approver, "Tốt", factor=Decimal("7.50"))
        assert article.royalty_factor == Decimal("7.50")
        assert article.approved_by_id == board.approver.id and article.approved_at is not None


def test_wrong_state_is_refused_with_a_message(app):
    board = make_board()
    with tenant_scope(board.tenant), pytest.raises(workflow.InvalidTransition):
        workflow.publish(load(board, make_article(board, S.DRAFT)), board.editor)


def test_schedule_needs_a_future_time(app):
    board = make_board()
    with tenant_scope(board.tenant), pytest.raises(workflow.SubmissionIncomplete):
        workflow.schedule(
            load(board, make_article(board, S.APPROVED)),
            board.editor,
            datetime.now(UTC) - timedelta(minutes=1),
        )


def test_collaborator_edits_only_own_drafts_and_returned(client):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    for state, code in ((S.DRAFT, 200), (S.RETURNED, 200), (S.SUBMITTED, 403), (S.PUBLISHED, 403)):
        article = make_article(board, state)
        assert (
            client.get(
                f"/admin/newsroom/articles/{article}/edit", base_url=base_url(board.tenant)
            ).status_code
            == code
        ), state
    others = make_article(board, S.DRAFT, author=board.other_collaborator)
    assert (
        client.get(f"/admin/newsroom/articles/{others}/edit", base_url=base_url(board.tenant)).status_code
        == 403
    )
