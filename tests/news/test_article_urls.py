"""`article_urls()`: what the site map lists of the news, on the portal's own host."""

from __future__ import annotations

from flask import current_app

from blueprints.news.links import article_urls
from blueprints.newsroom.models import ArticleState
from tenants.context import tenant_scope
from tests.news.helpers import publish
from tests.newsroom.helpers import make_article, make_board


def test_article_urls_list_published_articles_in_both_languages_on_the_portals_host(app):
    a, b = make_board(), make_board()
    shown = publish(a, title="Tin đã đăng")
    make_article(a, ArticleState.DRAFT, title="Bản nháp")
    publish(b, title="Tin phường khác")
    with tenant_scope(a.tenant), current_app.test_request_context(base_url=f"http://{a.tenant.primary_host}"):
        urls = article_urls()
    host = f"http://{a.tenant.primary_host}"
    assert [(u.loc, u.lang) for u in urls] == [(f"{host}/tin-tuc/{shown}-tin-da-dang", "vi"),
                                              (f"{host}/en/tin-tuc/{shown}-tin-da-dang", "en")]
    assert all(u.lastmod is not None for u in urls)
    assert urls[0].alternates == {"vi": urls[0].loc, "en": urls[1].loc}
