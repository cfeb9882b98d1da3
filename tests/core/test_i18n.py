"""Vietnamese first, English complete: catalogues, `lang`, hreflang, and English URLs."""

from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from app.i18n import translation_directories
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant

CATALOGUES = sorted(Path(d) / "en" / "LC_MESSAGES" / "messages.po" for d in translation_directories())


def test_every_package_catalogue_is_found():
    names = {p.parts[-5] if p.parts[-5] != "app" else "app" for p in CATALOGUES}
    assert {"app", "auth", "pages", "admin"} <= names


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.parent.parent.parent.parent.name))
def test_the_english_catalogue_has_no_untranslated_or_fuzzy_entry(path):
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    missing = [
        m.id
        for m in catalogue
        if m.id and (not m.string or (isinstance(m.string, tuple) and not all(m.string)))
    ]
    fuzzy = [m.id for m in catalogue if m.id and m.fuzzy]
    assert missing == [] and fuzzy == []


def test_english_pages_are_english_with_lang_and_hreflang(client):
    ward = make_tenant(name_vi="Phường Thắng Tam", name_en="Thang Tam Ward")
    vi = client.get("/gioi-thieu", base_url=base_url(ward))
    en = client.get("/en/gioi-thieu", base_url=base_url(ward))
    assert '<html lang="vi">' in vi.text and '<html lang="en">' in en.text
    assert "Giới thiệu" in vi.text and "Introduction" in en.text and "Giới thiệu</h1>" not in en.text
    host = base_url(ward)
    for page in (vi, en):
        assert f'hreflang="vi" href="{host}/gioi-thieu"' in page.text
        assert f'hreflang="en" href="{host}/en/gioi-thieu"' in page.text
    assert 'href="/en/so-do-trang"' in en.text  # English pages link to English pages
    assert 'href="/so-do-trang"' in vi.text


def test_the_language_switch_leads_to_the_same_page(client):
    ward = make_tenant()
    page = client.get("/en/dich-vu-cong", base_url=base_url(ward))
    assert 'href="/dich-vu-cong" lang="vi"' in page.text
    assert 'href="/en/dich-vu-cong" lang="en"' in page.text and 'aria-current="true">English' in page.text


@pytest.mark.parametrize(
    ("path", "lang", "text"),
    [
        ("/no-such-page", "vi", "Không tìm thấy trang"),
        ("/en/no-such-page", "en", "Page not found"),
    ],
)
def test_error_pages_are_translated_and_themed(client, path, lang, text):
    ward = make_tenant(name_vi="Phường Có Giao Diện", theme="ward")
    page = client.get(path, base_url=base_url(ward))
    assert page.status_code == 404
    assert f'<html lang="{lang}">' in page.text and text in page.text
    assert "theme-ward" in page.text and ward.name(lang) in page.text


def test_dates_follow_the_tenant_time_zone(app):
    from datetime import UTC, datetime

    from flask_babel import format_datetime

    ward = make_tenant()
    with app.test_request_context(base_url=base_url(ward)), tenant_scope(ward):
        shown = format_datetime(datetime(2024, 1, 31, 18, 30, tzinfo=UTC), "yyyy-MM-dd HH:mm")
    assert shown == "2024-02-01 01:30"


def test_every_string_in_the_code_has_its_english(app):
    """Extract the strings from the sources, as `make i18n` does, and look each one up: a
    catalogue that was not updated after new strings were written fails here too."""
    from babel.messages.extract import extract_from_dir
    from flask_babel import force_locale, gettext

    root = Path(__file__).resolve().parents[2]
    method_map = [("**.py", "python"), ("**/templates/**.html", "jinja2")]
    keywords = {"_": None, "gettext": None, "_l": None, "lazy_gettext": None, "ngettext": (1, 2)}
    missing = []
    with app.test_request_context("/en/"), force_locale("en"):
        for folder in ("app", "tenants", "workers", "themes", "blueprints"):
            for filename, lineno, message, _comments, _context in extract_from_dir(
                root / folder, method_map=method_map, keywords=keywords
            ):
                msgid = message[0] if isinstance(message, tuple) else message
                if msgid and gettext(msgid) == msgid and not msgid.isascii():
                    missing.append(f"{folder}/{filename}:{lineno} {msgid!r}")
    assert missing == []


def test_one_msgid_has_one_english_across_all_catalogues():
    """Flask-Babel merges the packages' catalogues and the last one wins, so two Englishes for
    one Vietnamese string would show the wrong one on some page. Where the meaning differs, the
    Vietnamese must differ too."""
    english: dict[str, set[str]] = {}
    for path in CATALOGUES:
        with path.open("rb") as handle:
            for message in read_po(handle):
                if isinstance(message.id, str) and message.id:
                    english.setdefault(message.id, set()).add(message.string)
    assert {msgid: sorted(texts) for msgid, texts in english.items() if len(texts) > 1} == {}


@pytest.mark.parametrize("locale", ["vi", "en"])
def test_whole_numbers_are_grouped_as_babel_formats_them(app, locale):
    from babel.numbers import format_decimal

    from app.i18n import whole_number

    with app.test_request_context(
        "/en/" if locale == "en" else "/", environ_overrides={"wardportal.locale": locale}
    ):
        for number in (0, 7, 999, 1000, 1234, 99_999, 1_001_234, 1_234_567_890):
            assert whole_number(number) == format_decimal(number, locale=locale)
