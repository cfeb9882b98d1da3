"""The demo portal's representative public pages on a 360 px phone, in Vietnamese and English.

What a visitor on a small phone depends on: the page never scrolls sideways (a wide table
scrolls inside its own container), it has one main heading, and every form control has a name
a screen reader can say.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.extensions import db
from blueprints.documents.models import Document
from blueprints.newsroom.models import Article, ArticleState
from tenants.context import tenant_scope
from tenants.resolver import tenant_by_slug
from tests.e2e.conftest import screenshot

# Run inside the page: the facts the test asserts, and where a failure comes from.
PHONE_PROBE = """() => {
  const named = el => (el.labels && el.labels.length) || el.getAttribute('aria-label')
      || el.getAttribute('aria-labelledby') || el.getAttribute('title');
  const controls = [...document.querySelectorAll(
      'input:not([type=hidden]):not([type=submit]):not([type=button]):not([type=reset]), select, textarea')];
  const buttons = [...document.querySelectorAll('button, input[type=submit], input[type=button]')];
  const width = window.innerWidth;
  const wide = [...document.body.querySelectorAll('*')].filter(el => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && !el.closest('.table-scroll, [data-scroll]');
    }).slice(0, 5).map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : '')
      + ' ' + Math.round(el.getBoundingClientRect().right) + 'px');
  return {
    overflow: document.documentElement.scrollWidth - width,
    wide: wide,
    h1: document.querySelectorAll('h1').length,
    lang: document.documentElement.lang,
    unlabelled: controls.filter(el => !named(el)).map(el => el.name || el.id),
    unnamedButtons: buttons.filter(
        b => !(b.innerText || b.value || '').trim() && !b.getAttribute('aria-label')).length,
  };
}"""


def phone_problems(page, prefix: str) -> dict | None:
    """The probe's report on the open page when something is wrong on a phone (it scrolls
    sideways, has not one h1, an unlabelled control or unnamed button, or the wrong lang for
    the `prefix` "" or "/en"); None when the page is fine."""
    report = page.evaluate(PHONE_PROBE)
    if (
        report["overflow"] > 0
        or report["h1"] != 1
        or report["unlabelled"]
        or report["unnamedButtons"]
        or report["lang"] != ("en" if prefix else "vi")
    ):
        return report
    return None


PAGES = [
    "/",
    "/tin-tuc",
    "{article}",
    "/van-ban",
    "{document}",
    "/lich-lam-viec",
    "/gioi-thieu",
    "/so-do-to-chuc",
    "/lien-he",
    "/du-an",
    "/du-lich",
    "/lien-ket",
    "/so-do-trang",
    "/tim-kiem?q=ve+sinh",
    "/api",
]


def _sample_ids(tenant) -> dict[str, str]:
    """A published article and a published document of the demo ward."""
    with tenant_scope(tenant):
        article_id = db.session.scalar(
            sa.select(Article.id)
            .where(Article.state == ArticleState.PUBLISHED)
            .order_by(Article.published_at.desc())
            .limit(1)
        )
        document_id = db.session.scalar(
            sa.select(Document.id).where(Document.is_published).order_by(Document.issued_on.desc()).limit(1)
        )
    assert article_id and document_id, "the demo has articles and documents"
    return {"article": f"/tin-tuc/{article_id}", "document": f"/van-ban/{document_id}"}


@pytest.mark.usefixtures("demo")
def test_representative_pages_fit_a_phone_in_both_languages(phone, portal):
    ward, city = tenant_by_slug("thang-tam"), tenant_by_slug("vungtau")
    samples = _sample_ids(ward)
    pages = [(ward, path.format(**samples)) for path in PAGES] + [(city, "/")]
    problems = []
    for prefix in ("", "/en"):
        for tenant, path in pages:
            response = phone.goto(portal(tenant, prefix + path))
            assert response.status == 200, (prefix + path, response.status)
            report = phone_problems(phone, prefix)
            if report is not None:
                problems.append((tenant.slug, prefix + path, report))
                screenshot(phone, f"phone-problem{(prefix + path).replace('/', '-').replace('?', '-')}")
            if path == samples["article"]:
                screenshot(phone, f"phone-article{prefix.replace('/', '-')}")
    assert problems == [], "\n".join(map(str, problems))
