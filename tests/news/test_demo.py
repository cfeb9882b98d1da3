"""The demo gives every published demo article a cover, once."""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.news import demo
from blueprints.newsroom.models import Article
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.news.helpers import publish
from tests.newsroom.helpers import make_article, make_board


def test_demo_covers_published_articles_once(client):
    board = make_board()
    published = publish(board, title="Tin có ảnh minh họa")
    draft = make_article(board, title="Bản nháp không cần ảnh")
    with tenant_scope(board.tenant):
        demo.seed(board.tenant)
        first_key = db.session.scalar(sa.select(Article.cover_key).where(Article.id == published))
        demo.seed(board.tenant)
        rows = {a.id: a for a in db.session.scalars(sa.select(Article))}
        assert rows[draft].cover_key is None
        assert first_key and rows[published].cover_key == first_key
        assert set(rows[published].cover_sizes) == {"800", "400"}
        assert rows[published].cover_alt.startswith("Ảnh minh họa")
    page = client.get(f"/tin-tuc/{published}-tin-co-anh-minh-hoa", base_url=base_url(board.tenant))
    assert f"/anh-bai-viet/{published}/800" in page.text
    assert client.get(f"/anh-bai-viet/{published}/400", base_url=base_url(board.tenant)).status_code == 200
