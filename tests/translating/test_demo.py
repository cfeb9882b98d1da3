"""The demo shows both paths: the pages the law requires are in English on the city and every
ward, some articles are translated (one out of date) and the others are Vietnamese only."""

from __future__ import annotations

import re

import pytest

from app.demo import CITY_SLUG, DEMO_PASSWORD
from app.extensions import db
from tenants.models import Tenant
from tests.support import sign_in
from tests.translating.test_dashboard import URL, _figures

pytestmark = pytest.mark.usefixtures("demo")


def _host(slug: str) -> str:
    return db.session.query(Tenant).filter_by(slug=slug).one().primary_domain.hostname


def test_the_demo_city_and_wards_have_their_required_pages_in_english(client):
    host = _host(CITY_SLUG)
    sign_in(client, host, f"editor.{CITY_SLUG}@example.org", DEMO_PASSWORD)
    html = client.get(URL, base_url=f"http://{host}").text
    required = html.split('id="required-h"')[1].split("</section>")[0]
    assert required.count('class="ok"') == 4, required
    assert "translation-current" in html.split('id="portal-h"')[1].split("</section>")[0]
    missing, outdated, current, total = _figures(html, "Tin bài đã đăng")
    assert missing > 0 and outdated == 1 and current > 0
    wards = html.split('id="children-h"')[1]
    rows = re.findall(r'<tr><th scope="row">(.*?)</th>(.*?)</tr>', wards, re.S)
    assert len(rows) > 10 and all("<td>Đủ</td>" in cells for _, cells in rows)


def test_a_demo_ward_shows_english_and_vietnamese_only_articles(client):
    host = f"http://{_host('thang-tam')}"
    news = client.get("/en/tin-tuc", base_url=host).text
    assert "How to apply online on the Public Service Portal" in news
    assert "Vietnamese only" in news
    article = re.search(r'href="(/en/tin-tuc/\d+-[^"]+)">Fire-fighting and rescue drill', news).group(1)
    page = client.get(article, base_url=host).text
    assert "has been updated since it was translated" in page
