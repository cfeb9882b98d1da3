"""The block cache: a page's blocks kept per portal and version, for every visitor, and renewed
by exactly the changes that should renew them.

A kept block is seen by changing a row with raw SQL, which announces nothing (the content version
does not move): a page still showing the old text was served its kept block; a page showing the
new text was rendered afresh.
"""

from __future__ import annotations

import re

import pytest
import sqlalchemy as sa
from flask import g, render_template_string

from app.block_cache import PLACE
from app.content_version import bump, content_version_key
from app.extensions import db, redis_client
from tenants.context import tenant_scope
from tenants.resolver import version_key
from tests.conftest import make_app
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import make_board
from tests.search.helpers import publish_article
from tests.support import sign_in

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}


@pytest.fixture
def rendering():
    """An app without the page cache: every request renders, with its kept blocks."""
    return make_app(PAGE_CACHE_SECONDS=0)


def home(client, tenant) -> str:
    response = client.get("/", base_url=base_url(tenant), headers=BROWSER)
    assert response.status_code == 200
    return response.text


def retitle_unannounced(board, article_id: int, title: str) -> None:
    with tenant_scope(board.tenant):
        db.session.execute(
            sa.text("UPDATE newsroom_articles SET title = :title WHERE id = :id"),
            {"title": title, "id": article_id},
        )
        db.session.commit()


def kept_home(client, board, title: str) -> int:
    """A ward whose home shows an article titled `title`, with the home's blocks kept."""
    article_id = publish_article(board, title=title, is_highlight=True)
    db.session.commit()  # announced now: the blocks are kept under the version that follows
    for _ in range(3):  # the first request resolves the host; the next keeps; the last is served
        assert title in home(client, board.tenant)
    return article_id


def test_a_kept_block_is_served_until_the_portal_s_content_changes(rendering):
    client, board = rendering.test_client(), make_board()
    article_id = kept_home(client, board, "Ra quân tổng vệ sinh môi trường")
    retitle_unannounced(board, article_id, "Tiêu đề chưa được báo")
    assert "Ra quân tổng vệ sinh môi trường" in home(client, board.tenant)  # kept
    publish_article(board, title="Lễ chào cờ đầu tháng", is_highlight=True)
    db.session.commit()  # announced
    page = home(client, board.tenant)
    assert "Lễ chào cờ đầu tháng" in page and "Tiêu đề chưa được báo" in page


def test_a_change_on_one_ward_renews_its_blocks_only_and_no_ward_sees_another_s(rendering):
    client = rendering.test_client()
    a = make_board(make_tenant(name_vi="Phường Hoa Sen"))
    b = make_board(make_tenant(name_vi="Phường Hoa Mai"))
    kept_home(client, a, "Tin của phường Hoa Sen")
    b_article = kept_home(client, b, "Tin của phường Hoa Mai")
    retitle_unannounced(b, b_article, "Tin mới của Hoa Mai")
    publish_article(a, title="Tin thứ hai của Hoa Sen", is_highlight=True)
    db.session.commit()
    a_page, b_page = home(client, a.tenant), home(client, b.tenant)
    assert "Tin thứ hai của Hoa Sen" in a_page and "Hoa Mai" not in a_page
    assert "Tin của phường Hoa Mai" in b_page and "Tin mới của Hoa Mai" not in b_page  # still kept
    assert "Hoa Sen" not in b_page


def test_the_signed_in_and_the_anonymous_share_blocks_but_not_their_own_parts(client):
    board = make_board()
    anonymous = client.application.test_client()
    anonymous.set_cookie("consent", "1")  # a cookie: rendered by Flask, not the WSGI hit path
    kept_home(anonymous, board, "Thông báo lịch tiếp công dân")
    sign_in(client, board.tenant, board.editor)
    staff_view = home(client, board.tenant)
    assert "Thông báo lịch tiếp công dân" in staff_view and "Trang quản trị" in staff_view
    assert "Đăng nhập cán bộ" not in staff_view
    again = home(anonymous, board.tenant)
    assert "Đăng nhập cán bộ" in again and "Trang quản trị" not in again


def test_a_block_that_holds_a_visitor_s_token_or_nonce_is_never_kept(app):
    ward = make_tenant()
    blocks = app.extensions["wardportal.blocks"]
    before = len(blocks)
    for made in ("csrf_token()", "csp_nonce()"):
        # made before the block too, as a form higher up the page would
        template = f'{{{{ {made} }}}}{{% call cached_block("form") %}}<i>{{{{ {made} }}}}</i>{{% endcall %}}'
        with app.test_request_context("/", base_url=base_url(ward)), tenant_scope(ward):
            g.setdefault(PLACE, ("page", b"epoch", b"1", b"1"))
            page = render_template_string(template)
            app.process_response(app.response_class(page))
        assert "<i></i>" not in page
    assert len(blocks) == before


def test_a_page_that_is_not_found_keeps_nothing(rendering):
    ward = make_tenant()
    client = rendering.test_client()
    blocks = rendering.extensions["wardportal.blocks"]
    home(client, ward)
    before = len(blocks)
    for _ in range(3):
        response = client.get("/tin-tuc/999999-khong-co", base_url=base_url(ward), headers=BROWSER)
        assert response.status_code == 404
    assert len(blocks) == before


def test_a_redis_that_lost_its_data_never_meets_blocks_kept_before(rendering):
    """Counters that start again from nothing may reach the values a block was kept under; the
    epoch, lost with them, tells the blocks apart."""
    client, board = rendering.test_client(), make_board()
    article_id = kept_home(client, board, "Hội nghị tiếp xúc cử tri")
    with rendering.app_context():
        keys = [version_key(), content_version_key(board.tenant.id)]
        versions = redis_client().mget(keys)
        redis_client().delete(*redis_client().keys(f"{rendering.config['REDIS_PREFIX']}*"))
        for key, value in zip(keys, versions, strict=True):
            if value is not None:
                redis_client().set(key, value)
    retitle_unannounced(board, article_id, "Hội nghị tiếp xúc cử tri sau kỳ họp")
    for _ in range(3):
        assert "Hội nghị tiếp xúc cử tri sau kỳ họp" in home(client, board.tenant)


def test_without_a_lifetime_nothing_is_kept():
    off = make_app(PAGE_CACHE_SECONDS=0, BLOCK_CACHE_SECONDS=0)
    client, board = off.test_client(), make_board()
    article_id = publish_article(board, title="Tiêm chủng mở rộng", is_highlight=True)
    for _ in range(2):
        home(client, board.tenant)
    retitle_unannounced(board, article_id, "Tiêm chủng mở rộng đợt hai")
    assert "Tiêm chủng mở rộng đợt hai" in home(client, board.tenant)


def test_an_article_s_kept_page_still_redirects_a_wrong_address_and_goes_when_unpublished(rendering):
    client, board = rendering.test_client(), make_board()
    article_id = publish_article(board, title="Phát động phong trào thi đua")
    db.session.commit()
    news = client.get("/tin-tuc", base_url=base_url(board.tenant)).text
    path = re.search(rf'href="(/tin-tuc/{article_id}-[^"]+)"', news).group(1)
    for _ in range(3):
        assert client.get(path, base_url=base_url(board.tenant)).status_code == 200
    wrong = client.get(f"/tin-tuc/{article_id}-ten-cu?trang=1", base_url=base_url(board.tenant))
    assert wrong.status_code == 301 and wrong.headers["Location"].endswith(f"{path}?trang=1")
    with tenant_scope(board.tenant):
        db.session.execute(
            sa.text("UPDATE newsroom_articles SET state = 'draft' WHERE id = :id"), {"id": article_id}
        )
        db.session.commit()
    assert client.get(path, base_url=base_url(board.tenant)).status_code == 200  # unannounced: kept
    bump([board.tenant.id])  # what any announced change to the ward's content does
    assert client.get(path, base_url=base_url(board.tenant)).status_code == 404
