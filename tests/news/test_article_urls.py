"""The site map lists the news: published articles of this portal only, in English where they
have an English version."""

from __future__ import annotations

from blueprints.newsroom.models import ArticleState
from tests.news.helpers import publish, translate
from tests.newsroom.helpers import make_article, make_board


def test_the_site_map_lists_published_articles_of_this_portal_only(client):
    a, b = make_board(), make_board()
    shown = publish(a, title="Tin đã đăng")
    vietnamese_only = publish(a, title="Tin chỉ có tiếng Việt")
    translate(a, shown, "A published story")
    draft = make_article(a, ArticleState.DRAFT, title="Bản nháp")
    other = publish(b, title="Tin phường khác")
    xml = client.get("/sitemap.xml", base_url=f"http://{a.tenant.primary_host}").text
    host = f"http://{a.tenant.primary_host}"
    assert f"<loc>{host}/tin-tuc/{shown}-tin-da-dang</loc>" in xml
    assert f'hreflang="en" href="{host}/en/tin-tuc/{shown}-tin-da-dang"' in xml
    assert f"<loc>{host}/en/tin-tuc/{shown}-tin-da-dang</loc>" in xml
    assert f"<loc>{host}/tin-tuc/{vietnamese_only}-tin-chi-co-tieng-viet</loc>" in xml
    assert f"/en/tin-tuc/{vietnamese_only}-" not in xml  # no English twin, no English alternate
    assert f"/tin-tuc/{draft}-" not in xml and f"/tin-tuc/{other}-" not in xml
