"""The audit log: what is recorded, who may read it, and that each portal reads only its own."""

import pytest

from app.extensions import db
from blueprints.newsroom import workflow
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant, make_user
from tests.newsroom.helpers import load, make_article, make_board
from tests.support import h1_count, sign_in


@pytest.fixture
def board():
    return make_board()


def _log(client, tenant, **args):
    return client.get("/admin/audit", base_url=base_url(tenant), query_string=args)


def test_a_board_head_reads_sign_ins_and_role_grants(client, board):
    sign_in(client, board.tenant, board.head)
    page = _log(client, board.tenant)
    assert page.status_code == 200 and h1_count(page.text) == 1
    assert "Đăng nhập" in page.text and board.head.email in page.text
    assert "Cấp vai trò" in page.text and f"{board.approver.email}: approver" in page.text
    only_grants = _log(client, board.tenant, action="role-granted")
    assert "Cấp vai trò" in only_grants.text and "<td>Đăng nhập</td>" not in only_grants.text
    by_person = _log(client, board.tenant, who=board.head.email, action="signed-in")
    assert board.head.email in by_person.text and board.approver.email not in by_person.text


def test_publishing_is_recorded_with_who_did_it(client, board):
    with tenant_scope(board.tenant):
        article = load(board, make_article(board, ArticleState.APPROVED, title="Tin có dấu vết"))
        workflow.publish(article, board.editor)
        db.session.flush()
    sign_in(client, board.tenant, board.head)
    page = _log(client, board.tenant, action="article-published")
    assert "Tin có dấu vết" in page.text and board.editor.email in page.text


def test_only_board_heads_and_administrators_read_the_log(client, board):
    sign_in(client, board.tenant, board.editor)
    assert _log(client, board.tenant).status_code == 403
    admin = make_user(platform_admin=True)
    client.delete_cookie("session", domain=board.tenant.primary_host)
    sign_in(client, board.tenant, admin)
    assert _log(client, board.tenant).status_code == 200


def test_a_portal_reads_only_its_own_events(client, board):
    other = make_board(make_tenant())
    sign_in(client, other.tenant, other.head)
    page = _log(client, other.tenant)
    assert other.head.email in page.text
    assert board.approver.email not in page.text and board.head.email not in page.text


def test_a_bad_filter_is_a_page_not_an_error(client, board):
    sign_in(client, board.tenant, board.head)
    page = _log(client, board.tenant, since="not a date", action="nonsense", page="3")
    assert page.status_code == 200 and "Không có hoạt động nào" in page.text
