"""Languages: Vietnamese at `/…`, English at `/en/…`.

`LocalePrefix` moves a leading `/en` from PATH_INFO to SCRIPT_NAME before Flask sees the request.
Flask then routes the rest as usual and `url_for` prefixes every URL it builds with `/en`, so one
set of routes serves both languages and an English page only ever links to English pages.

Each package keeps its own catalogue in `<package>/translations`; Flask-Babel merges them, so a
capability brings its strings with it. `make i18n` extracts and updates them all.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from babel import support
from babel.numbers import get_group_symbol
from flask import Flask, current_app, g, request
from flask_babel import get_locale

from app.bilingual import lang_attr
from app.extensions import babel
from tenants.context import current_tenant

ROOT = Path(__file__).resolve().parent.parent
ENGLISH_PREFIX = "/en"
LOCALE_ENVIRON = "wardportal.locale"  # set by LocalePrefix: "vi" or "en"


class LocalePrefix:
    """WSGI middleware: `/en/x` is served as `/x` in English, with `/en` as the script root."""

    def __init__(self, wsgi_app):
        self.wsgi_app = wsgi_app

    def __call__(self, environ, start_response):
        path = environ.get("PATH_INFO", "")
        if path == ENGLISH_PREFIX or path.startswith(ENGLISH_PREFIX + "/"):
            environ[LOCALE_ENVIRON] = "en"
            environ["SCRIPT_NAME"] = environ.get("SCRIPT_NAME", "") + ENGLISH_PREFIX
            environ["PATH_INFO"] = path[len(ENGLISH_PREFIX) :] or "/"
        else:
            environ[LOCALE_ENVIRON] = "vi"
        return self.wsgi_app(environ, start_response)


def select_locale() -> str:
    if request:
        return request.environ.get(LOCALE_ENVIRON, "vi")
    return g.get("locale", current_app.config["BABEL_DEFAULT_LOCALE"])


def select_timezone() -> str:
    """The current portal's zone, in requests and jobs alike (both enter a tenant the same way)."""
    tenant = current_tenant()
    return tenant.timezone if tenant else current_app.config["BABEL_DEFAULT_TIMEZONE"]


def current_locale() -> str:
    """The language of what is being rendered: "vi" or "en" (a page's, or a job's `force_locale`)."""
    return str(get_locale())


@cache
def _group_symbol(locale: str) -> str:
    return get_group_symbol(locale)


def whole_number(number: int, locale: str | None = None) -> str:
    """A whole number grouped the way a language (the current one by default) writes it, with
    the language's own group symbol from Babel's data (1.234 in Vietnamese, 1,234 in English):
    what Babel's `format_decimal` gives for whole numbers in both languages, without its pattern
    machinery, for the figures every page view shows."""
    return f"{number:,}".replace(",", _group_symbol(locale or current_locale()))


@cache
def catalogue(locale: str) -> support.Translations:
    """Every package's catalogue for `locale`, merged as Flask-Babel merges them for a request.

    For text rendered on every page view, where Flask-Babel's lookup of the current language
    costs more than the text itself; the caller names the language. Catalogues do not change
    while the process runs."""
    merged = support.Translations()
    for directory in translation_directories():
        found = support.Translations.load(directory, [locale])
        if isinstance(found, support.Translations):  # else the folder has no such language
            merged.merge(found)
    return merged


def translation_directories() -> list[str]:
    """Every `translations/` folder of the project's packages, for Flask-Babel to merge."""
    found = sorted(ROOT.glob("*/translations")) + sorted(ROOT.glob("blueprints/*/translations"))
    return [str(path) for path in found]


def locale_urls(path: str | None = None) -> dict[str, str]:
    """The same page in each language: the targets of the language switch and hreflang links."""
    path = request.path if path is None else path
    root = request.script_root.removesuffix(ENGLISH_PREFIX)
    return {"vi": root + path, "en": root + ENGLISH_PREFIX + (path if path != "/" else "/")}


def init_app(app: Flask) -> None:
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(translation_directories())
    babel.init_app(app, locale_selector=select_locale, timezone_selector=select_timezone)

    @app.context_processor
    def language_context():
        locale = current_locale()
        return {
            "current_locale": locale,
            "locale_urls": locale_urls,
            "lang_attr": lambda item, field: lang_attr(item, field, locale),
        }
