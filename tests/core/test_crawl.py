"""Every public page of the demo portals, crawled as a visitor would, in both languages.

Each page must answer 200, have exactly one `<h1>`, a `lang`, alt text on every image, a main
landmark, and pass the W3C Nu HTML Checker (run once over all pages). Links are followed on the
portal's own host only, so the crawl also shows that no page links into another portal's data.
"""

from __future__ import annotations

import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from app.demo import DEMO_PASSWORD
from tenants.resolver import tenant_by_slug
from tests.support import sign_in

VNU = (
    Path(__file__).resolve().parents[1]
    / "validator"
    / "node_modules"
    / "vnu-jar"
    / "build"
    / "dist"
    / "vnu.jar"
)
SKIP = re.compile(
    r"^/(en/)?(admin|login|logout|forgot-password|reset-password|_themes|static)\b|"
    r"/(ban-in|luu)$|\.(xml|pdf|png|jpg|webp|csv|xlsx|docx?)$|/tep/|/anh-"
)
MAX_PAGES = 120

# On the demo, seeded once per run; every test here runs the W3C checker (Java).
pytestmark = [pytest.mark.usefixtures("demo"), pytest.mark.validator]


class PageFacts(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []
        self.h1 = 0
        self.images_without_alt = 0
        self.lang = None
        self.has_main = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "h1":
            self.h1 += 1
        elif tag == "img" and "alt" not in attrs:
            self.images_without_alt += 1
        elif tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "main":
            self.has_main = True


BACK_OFFICE_SKIP = re.compile(r"/(logout|export|download|print)\b|\.(csv|xlsx|pdf|png|jpg|webp)$|/files/")


def crawl(client, host: str, start: str, skip: re.Pattern = SKIP, within: str = "") -> dict[str, str]:
    """Pages reachable from `start` on `host` (under `within`): {path: html}."""
    seen: dict[str, str] = {}
    queue = [start]
    while queue and len(seen) < MAX_PAGES:
        path = queue.pop(0)
        bare = urlsplit(path).path
        if path in seen or skip.search(bare) or not bare.removeprefix("/en").startswith(within):
            continue
        response = client.get(path, base_url=f"http://{host}")
        if response.status_code in (301, 302):
            continue
        assert response.status_code == 200, f"{host}{path}: {response.status_code}"
        if not response.content_type.startswith("text/html"):
            continue
        seen[path] = response.text
        facts = PageFacts()
        facts.feed(response.text)
        for href in facts.links:
            target = urlsplit(urljoin(f"http://{host}{path}", href))
            if target.netloc == host and target.scheme == "http":
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return seen


def crawl_demo(client) -> dict[str, str]:
    """The city, a ward and the commune, in both languages."""
    pages: dict[str, str] = {}
    for slug in ("vungtau", "thang-tam", "long-son"):
        host = tenant_by_slug(slug).primary_host
        for start in ("/", "/en/"):
            pages.update({f"{host}{p}": html for p, html in crawl(client, host, start).items()})
    return pages


def structure_problems(pages: dict[str, str]) -> list[tuple]:
    problems = []
    for url, html in pages.items():
        facts = PageFacts()
        facts.feed(html)
        expected_lang = "en" if "/en/" in url or url.endswith("/en") else "vi"
        if facts.h1 != 1 or facts.lang != expected_lang or not facts.has_main or facts.images_without_alt:
            problems.append((url, facts.h1, facts.lang, facts.has_main, facts.images_without_alt))
    return problems


def validation_errors(pages: dict[str, str], folder: Path) -> list[str]:
    """The W3C Nu HTML Checker's errors, run once over every page."""
    assert VNU.exists(), (
        "the W3C checker is missing: `make test` installs it (npm ci --prefix tests/validator)"
    )
    names = {}
    for number, (url, html) in enumerate(pages.items()):
        path = folder / f"page-{number}.html"
        path.write_text(html, encoding="utf-8")
        names[path.name] = url
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--errors-only", *map(str, folder.glob("*.html"))],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    return [
        f"{names[Path(urlsplit(m['url']).path).name]}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error"
    ]


ID_IN_PATH = re.compile(r"/\d+(-|/|$)")


def foreign_id_answers(client, pages: dict[str, str], owner: str, visitor: str) -> dict[str, int]:
    """Every crawled page of `owner` whose path holds an id, asked for on `visitor`'s host:
    the status codes that are not 404 (which would show, or at least betray, `owner`'s row)."""
    leaks = {}
    for url in pages:
        host, _, rest = url.partition("/")
        path = "/" + rest.split(" ")[0]
        if host == owner and ID_IN_PATH.search(urlsplit(path).path):
            status = client.get(path, base_url=f"http://{visitor}").status_code
            if status != 404:
                leaks[path] = status
    return leaks


def test_every_demo_page_is_reachable_well_formed_and_valid(client, tmp_path):
    pages = crawl_demo(client)
    paths = " ".join(pages)
    for expected in (
        "/tin-tuc/",
        "/van-ban/",
        "/lich-lam-viec",
        "/gioi-thieu",
        "/du-an",
        "/en/tin-tuc/",
        "/so-do-trang",
        "/ban-bien-tap",
    ):
        assert expected in paths, expected
    assert len(pages) > 60
    assert structure_problems(pages) == []
    thang_tam, long_son = (tenant_by_slug(s).primary_host for s in ("thang-tam", "long-son"))
    assert sum(1 for u in pages if u.startswith(thang_tam) and ID_IN_PATH.search(u[len(thang_tam) :])) > 10
    assert foreign_id_answers(client, pages, thang_tam, long_son) == {}
    errors = validation_errors(pages, tmp_path)
    assert errors == [], "\n".join(errors[:40])


def test_every_back_office_page_of_the_demo_is_well_formed_and_valid(client, tmp_path):
    """The screens of each role on one ward, in both languages, through the W3C checker too."""
    host = tenant_by_slug("thang-tam").primary_host
    pages: dict[str, str] = {}
    for role in ("collaborator", "approver", "editor", "boardhead"):
        client.delete_cookie("session", domain=host)
        sign_in(client, host, f"{role}.thang-tam@example.org", DEMO_PASSWORD)
        for start in ("/admin/", "/en/admin/"):
            found = crawl(client, host, start, skip=BACK_OFFICE_SKIP, within="/admin")
            pages.update({f"{host}{p} ({role})": html for p, html in found.items()})
    paths = " ".join(pages)
    for expected in ("/admin/newsroom", "/admin/documents", "/admin/schedule", "/admin/royalties"):
        assert expected in paths, expected
    long_son = tenant_by_slug("long-son").primary_host
    client.delete_cookie("session", domain=host)
    client.delete_cookie("session", domain=long_son)
    sign_in(
        client, long_son, "boardhead.long-son@example.org", DEMO_PASSWORD
    )  # the most-privileged board role
    ids = [u for u in pages if ID_IN_PATH.search(u.split(" ")[0].partition("/")[2])]
    assert len(ids) > 10
    assert foreign_id_answers(client, pages, host, long_son) == {}
    assert structure_problems({url.split(" ")[0]: html for url, html in pages.items()}) == []
    errors = validation_errors(pages, tmp_path)
    assert errors == [], "\n".join(errors[:40])
