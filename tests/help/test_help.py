"""The help centre: every guide for every role in both languages, its links, the contextual "?"
links of other screens, and that the names it quotes are the screens' own."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po

from app.i18n import translation_directories
from blueprints.help.guides import GUIDES
from tests.factories import base_url, make_tenant, make_user
from tests.support import sign_in

ROLES = ("collaborator", "approver", "editor", "board-head")
HELP = Path(__file__).resolve().parents[2] / "blueprints" / "help"


class Facts(HTMLParser):
    """Headings in order, ids, links and the names of closed screens of a page."""

    def __init__(self):
        super().__init__()
        self.headings: list[int] = []
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.closed = 0
        self.h1_text = ""
        self._in_h1 = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self._in_h1 = tag == "h1"
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if "help-closed" in (attrs.get("class") or ""):
            self.closed += 1

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data):
        if self._in_h1:
            self.h1_text += data


def facts(html: str) -> Facts:
    parsed = Facts()
    parsed.feed(html)
    return parsed


def signed_in(client, role: str | None = None, **user_fields):
    tenant = make_tenant()
    user = make_user(roles={tenant: [role]} if role else {}, **user_fields)
    sign_in(client, tenant, user)
    return tenant


def own_links(html: str) -> list[str]:
    """The back-office links of a page's content (the menu and layout are the core's)."""
    body = html.split('<div class="backoffice-body">', 1)[1]
    return [href for href in facts(body).links if href.startswith("/") or href.startswith("#")]


def test_anonymous_visitors_are_sent_to_sign_in(client):
    tenant = make_tenant()
    for path in ("/admin/help/", "/admin/help/collaborator", "/en/admin/help/office"):
        response = client.get(path, base_url=base_url(tenant))
        assert response.status_code == 302 and "/login" in response.headers["Location"], path


def test_an_unknown_guide_is_not_found(client):
    tenant = signed_in(client, "collaborator")
    assert client.get("/admin/help/no-such-guide", base_url=base_url(tenant)).status_code == 404


@pytest.mark.parametrize("role", ROLES)
def test_every_guide_renders_in_both_languages_for_each_role(client, app, role):
    tenant = signed_in(client, role)
    for prefix, lang in (("", "vi"), ("/en", "en")):
        for slug, guide in GUIDES.items():
            response = client.get(f"{prefix}/admin/help/{slug}", base_url=base_url(tenant))
            assert response.status_code == 200, (role, prefix, slug)
            page = facts(response.text)
            assert f'<html lang="{lang}">' in response.text
            assert page.headings.count(1) == 1 and page.headings[0] == 1
            assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False)), (
                page.headings
            )
            assert {s.anchor for s in guide.sections} <= page.ids
            toc = [href for href in page.links if href.startswith("#") and href not in ("#content", "#toc")]
            assert [f"#{s.anchor}" for s in guide.sections] == toc[: len(guide.sections)]
            with app.test_request_context(f"{prefix}/"):
                from flask_babel import force_locale

                with force_locale(lang):
                    assert page.h1_text.strip() == str(guide.title)
        english = client.get("/en/admin/help/collaborator", base_url=base_url(tenant)).text
        assert "Lưu và gửi duyệt" not in english and "Save and submit" in english


@pytest.mark.parametrize("role", ROLES)
def test_every_link_inside_the_help_centre_opens(client, role):
    """No 404 and no 403: a guide links only to the screens its reader may open."""
    tenant = signed_in(client, role)
    pages = ["/admin/help/", *(f"/admin/help/{slug}" for slug in GUIDES)]
    pages += [f"/en{p}" for p in pages]
    checked: dict[str, set[str]] = {}
    for path in pages:
        html = client.get(path, base_url=base_url(tenant)).text
        for href in own_links(html):
            target = urlsplit(href)
            where = target.path or path
            if where not in checked:
                response = client.get(where, base_url=base_url(tenant))
                assert response.status_code == 200, (role, path, href, response.status_code)
                checked[where] = facts(response.text).ids
            if target.fragment:
                assert target.fragment in checked[where], (path, href)
    assert len(checked) > len(pages)  # the guides do link to screens


def test_the_landing_page_puts_the_readers_own_guides_first(client):
    expected = {
        "collaborator": ["collaborator"],
        "approver": ["approver"],
        "editor": ["editor", "office", "directory", "consultations"],
        "board-head": ["office", "directory", "consultations"],
    }
    for role, slugs in expected.items():
        tenant = signed_in(client, role)
        html = client.get("/admin/help/", base_url=base_url(tenant)).text
        mine, _, others = html.partition('id="others-h"')
        cards = re.findall(r'<h3><a href="/admin/help/([a-z-]+)">', mine)
        assert cards == slugs, role
        assert sorted(re.findall(r'<h3><a href="/admin/help/([a-z-]+)">', others)) == sorted(
            set(GUIDES) - set(slugs)
        )


def test_a_platform_administrator_gets_every_guide_and_every_screen_as_a_link(client):
    tenant = signed_in(client, platform_admin=True)
    html = client.get("/admin/help/", base_url=base_url(tenant)).text
    assert 'id="others-h"' not in html
    for slug in GUIDES:
        page = client.get(f"/admin/help/{slug}", base_url=base_url(tenant))
        assert facts(page.text).closed == 0, slug  # a gate that names no menu entry shows here


def test_screens_the_reader_may_not_open_are_named_not_linked(client):
    tenant = signed_in(client, "collaborator")
    html = client.get("/admin/help/office", base_url=base_url(tenant)).text
    assert "/admin/royalties/tables" not in html and '/admin/royalties/"' not in html
    assert facts(html).closed >= 3 and "Bảng hệ số nhuận bút" in html


@pytest.mark.parametrize(
    ("role", "path", "slug", "anchor"),
    [
        ("collaborator", "/admin/newsroom/articles/new", "collaborator", "write"),
        ("approver", "/admin/newsroom/", "approver", "dashboard"),
        ("editor", "/en/admin/royalties/", "office", "statement"),
    ],
)
def test_contextual_help_links_open_an_existing_section(client, role, path, slug, anchor):
    tenant = signed_in(client, role)
    html = client.get(path, base_url=base_url(tenant)).text
    links = re.findall(r'<p class="help-context"><a href="([^"]+)"', html)
    assert len(links) == 1, path
    target = urlsplit(links[0])
    assert (target.path.removeprefix("/en"), target.fragment) == (f"/admin/help/{slug}", anchor)
    assert target.path.startswith("/en/") == path.startswith("/en/")
    guide = client.get(target.path, base_url=base_url(tenant))
    assert guide.status_code == 200 and f'id="{anchor}"' in guide.text


def test_a_contextual_link_to_a_missing_section_fails_loudly(app):
    from blueprints.help.guides import help_url

    with app.test_request_context("/"):
        assert help_url("office", "statement") == "/admin/help/office#statement"
        for slug, anchor in (("office", "no-such-section"), ("nobody", None)):
            with pytest.raises(LookupError):
                help_url(slug, anchor)


def _english() -> tuple[dict[str, str], dict[str, str]]:
    """(the help centre's English, what every other catalogue makes of each msgid once Flask-Babel
    has merged them in order, the later one winning), with `%%` read as `%`."""
    ours, theirs = {}, {}
    for folder in translation_directories():
        with (Path(folder) / "en" / "LC_MESSAGES" / "messages.po").open("rb") as handle:
            strings = {
                m.id.replace("%%", "%"): m.string.replace("%%", "%")
                for m in read_po(handle)
                if m.id and isinstance(m.id, str)
            }
        (ours if Path(folder).parent == HELP else theirs).update(strings)
    return ours, theirs


QUOTED = re.compile(r'(?:ui|screen)\((?:"[\w.]+", )?_\("([^"]+)"\)')


def test_the_names_a_guide_quotes_are_the_screens_own_in_both_languages():
    """Every button, field and screen a guide names in `ui(_(…))` or `screen(…, _(…))` is a string
    of another package (so it is what the screen shows), and reads the same in English."""
    ours, theirs = _english()
    quoted = {
        m.replace("%%", "%")
        for path in (HELP / "templates").rglob("*.html")
        for m in QUOTED.findall(path.read_text("utf-8"))
    }
    assert len(quoted) > 100
    assert sorted(q for q in quoted if q not in theirs) == []
    assert sorted(q for q in quoted if ours[q] != theirs[q]) == []


def test_strings_shared_with_other_packages_keep_their_english():
    """Flask-Babel merges the catalogues: a shared msgid translated differently here would
    change what another package's screens say in English."""
    ours, theirs = _english()
    assert [
        (msgid, english) for msgid, english in ours.items() if msgid in theirs and theirs[msgid] != english
    ] == []
