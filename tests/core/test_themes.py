"""Themes: each tenant's chain, static files, and no mixing under concurrency."""

import hashlib
import re
import threading

from app.extensions import db
from app.templating import render, theme_chain, theme_colours
from tenants.context import tenant_scope
from tests.conftest import JoinedSession
from tests.factories import base_url, make_tenant


def test_city_and_ward_themes_override_a_partial_and_their_colours(client):
    city = make_tenant(kind="city", theme="city", name_vi="Thành phố Thử")
    ward = make_tenant(theme="ward", parent=city)
    city_page = client.get("/", base_url=base_url(city)).text
    ward_page = client.get("/", base_url=base_url(ward)).text
    assert "city-tagline" in city_page and "ward-tagline" not in city_page
    assert "ward-tagline" in ward_page and "Thành phố Thử" in ward_page  # the ward names its city
    assert "--primary:#8b1a1a" in city_page and "--primary:#14532d" in ward_page
    assert re.search(r"/_themes/city/css/portal\.[0-9a-f]{12}\.css", city_page)


def test_the_chain_falls_back_to_default():
    assert [t.name for t in theme_chain("ward")] == ["ward", "default"]
    colours = theme_colours("ward")
    assert colours["primary"] == "#14532d" and colours["text"] == "#1a1a1a"  # inherited


def test_theme_static_files_fall_back_along_the_chain(client):
    ward = make_tenant(theme="ward")
    css = client.get("/_themes/ward/css/portal.css", base_url=base_url(ward))
    assert css.status_code == 200 and "skip-link" in css.text
    assert client.get("/_themes/ward/../../app/config.py", base_url=base_url(ward)).status_code == 404
    assert client.get("/_themes/nope/css/portal.css", base_url=base_url(ward)).status_code == 404


def test_static_files_carry_their_digest_and_are_cached_for_a_year(client):
    ward = make_tenant(theme="ward")
    page = client.get("/", base_url=base_url(ward)).text
    css_url = re.search(r'href="(/_themes/ward/css/portal\.([0-9a-f]{12})\.css)"', page)
    assert css_url is not None
    css = client.get(css_url[1], base_url=base_url(ward))
    assert css.status_code == 200 and hashlib.sha256(css.data).hexdigest()[:12] == css_url[2]
    assert css.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    # The plain name, and an old release's digest, still answer, for an hour only.
    for stale in ("/_themes/ward/css/portal.css", "/_themes/ward/css/portal.000000000000.css"):
        answer = client.get(stale, base_url=base_url(ward))
        assert answer.status_code == 200 and answer.data == css.data
        assert answer.headers["Cache-Control"] == "public, max-age=3600"
    assert client.get("/_themes/ward/css/nope.000000000000.css", base_url=base_url(ward)).status_code == 404


def test_two_themes_rendered_concurrently_never_mix(app):
    city = make_tenant(kind="city", theme="city", name_vi="Thành phố Song Song")
    ward = make_tenant(theme="ward", name_vi="Phường Song Song", parent=city)
    errors: list[str] = []
    barrier = threading.Barrier(8)

    def render_many(tenant, marker, foreign):
        barrier.wait()
        for _ in range(40):
            html = ""
            # Each thread has its own connection, as each request has in production: the
            # footer's visit count queries the database, and one connection is not shared.
            with (
                tenant_scope(tenant),
                app.test_request_context("/", base_url=base_url(tenant)),
                db.engine.connect() as own,
            ):
                db.session.registry.set(JoinedSession(db=db, bind=own))
                html = render("errors/error.html", code=404, title="t", message="m")
                db.session.remove()
            if marker not in html or foreign in html or tenant.name_vi not in html:
                errors.append(f"{tenant.slug}: wrong theme or name")

    threads = [
        threading.Thread(target=render_many, args=args)
        for args in [(city, "city-tagline", "ward-tagline"), (ward, "ward-tagline", "city-tagline")] * 4
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []


def test_pages_are_usable_without_a_mouse(client):
    ward = make_tenant()
    page = client.get("/", base_url=base_url(ward)).text
    assert page.index('class="skip-link" href="#content"') < page.index("<main")
    assert 'id="content"' in page
    for landmark in ('role="banner"', 'role="contentinfo"', 'role="search"', 'aria-label="Danh mục chính"'):
        assert landmark in page
    assert page.count("<h1") == 1
    assert '<label for="site-search"' in page


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_every_theme_meets_wcag_aa_contrast_for_text():
    """WCAG 2.0 AA (4.5:1 for text): links and headings on the page, the header's text on its
    colour, muted text, and the accent used for focus rings (3:1 for non-text)."""
    from app.templating import available_themes

    for name in available_themes():
        c = theme_colours(name)
        assert contrast(c["primary"], c["surface"]) >= 4.5, name
        assert contrast(c["primary-contrast"], c["primary"]) >= 4.5, name
        assert contrast(c["text"], c["surface"]) >= 4.5, name
        assert contrast(c["muted"], c["surface"]) >= 4.5, name
        assert contrast(c["primary"], c["band"]) >= 4.5, name  # the menu bar
        assert contrast(c["accent"], c["surface"]) >= 3, name
