"""Themes: a tenant's templates and static files, found through its theme chain.

A theme is a folder in `themes/` with a `theme.toml` (parent, colours, logo), optional
`templates/` that override shared templates by path, and `static/`. The chain of `ward` is
`ward → default`. `render("news/detail.html")` asks Jinja for `ward:news/detail.html`, then
`default:news/detail.html`, then the shared `news/detail.html` of the blueprint: the first that
exists wins. Each candidate has its own name, so Jinja's template cache can never hand one
tenant's theme to another, however many requests run at once.
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from flask import Flask, abort, current_app, render_template, send_from_directory
from jinja2 import ChoiceLoader, FileSystemLoader, PrefixLoader, Template

from app.navigation import backoffice_menu, panels, public_menu
from tenants.context import current_tenant

THEMES_DIR = Path(__file__).resolve().parent.parent / "themes"
DEFAULT_THEME = "default"


@dataclass(frozen=True)
class Theme:
    name: str
    parent: str | None
    colours: dict = field(default_factory=dict, hash=False, compare=False)
    logo: str | None = None


@cache
def load_theme(name: str) -> Theme:
    path = THEMES_DIR / name / "theme.toml"
    if not path.is_file():
        raise LookupError(f"no theme {name!r}")
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    parent = data.get("parent", None if name == DEFAULT_THEME else DEFAULT_THEME)
    return Theme(name=name, parent=parent, colours=data.get("colours", {}), logo=data.get("logo"))


@cache
def theme_chain(name: str) -> tuple[Theme, ...]:
    """The theme and its ancestors, nearest first; always ends with `default`."""
    chain, seen = [], set()
    current: str | None = name
    while current and current not in seen:
        seen.add(current)
        chain.append(load_theme(current))
        current = chain[-1].parent
    if DEFAULT_THEME not in seen:
        chain.append(load_theme(DEFAULT_THEME))
    return tuple(chain)


@cache
def available_themes() -> tuple[str, ...]:
    """The installed themes, read once: every theme static file request asks."""
    return tuple(sorted(p.parent.name for p in THEMES_DIR.glob("*/theme.toml")))


def current_theme_name() -> str:
    tenant = current_tenant()
    return tenant.theme if tenant else DEFAULT_THEME


def themed(name: str, theme: str | None = None) -> list[str]:
    """Candidate template names for `name`, most specific first."""
    chain = theme_chain(theme or current_theme_name())
    return [f"{t.name}:{name}" for t in chain] + [name]


def theme_colours(theme: str | None = None) -> dict:
    """Colours merged down the chain: a child theme overrides only what it names."""
    merged: dict = {}
    for t in reversed(theme_chain(theme or current_theme_name())):
        merged.update(t.colours)
    return merged


def themed_template(name: str, theme: str | None = None) -> Template:
    """The template `name` resolves to for the current theme (the `themed()` of templates).

    A Template object works everywhere Jinja takes a name: `{% extends %}`, `{% include %}`,
    `{% import %}` and `{% from … import %}`. Which candidate exists is remembered per theme and
    name (`_resolved`): Jinja caches the templates it found but not the names it did not, so
    asking again would look on disk for every theme's missing override on every page.
    """
    theme = theme or current_theme_name()
    env = current_app.jinja_env
    if env.auto_reload:  # templates are being edited: an override may appear at any time
        return env.select_template(themed(name, theme))
    key = (theme, name)
    found = _resolved.get(key)
    if found is None:
        template = env.select_template(themed(name, theme))
        if template.name:
            _resolved[key] = template.name
        return template
    return env.get_template(found)


# (theme, name) → the name of the first candidate that exists; files change only with a release.
_resolved: dict[tuple[str, str], str] = {}


def theme_logo(theme: str | None = None) -> str:
    """The nearest logo down the chain (the default theme always has one)."""
    return next(t.logo for t in theme_chain(theme or current_theme_name()) if t.logo)


def render(name: str, **context) -> str:
    """Render `name` through the current tenant's theme chain, with its layout."""
    return render_template(themed_template(name), **context)


# -- theme static files, under names that carry a digest of their content ---------------------
# `url_for("theme_static", theme=…, filename="css/portal.css")` gives
# `/_themes/<theme>/css/portal.<digest>.css`: a new release's file has a new name, so the file
# can be cached for a year (`immutable`) and browsers still get the new one at once.
HASHED_NAME = re.compile(r"^(?P<stem>.+)\.(?P<digest>[0-9a-f]{12})(?P<suffix>\.[A-Za-z0-9]+)$")
YEAR = 365 * 24 * 3600
_digests: dict[tuple[str, str], str | None] = {}


def _theme_file(theme: str, filename: str) -> Path | None:
    """The file down the theme's chain (None when no theme has it, or the name leaves the folder)."""
    for t in theme_chain(theme):
        folder = (THEMES_DIR / t.name / "static").resolve()
        path = (folder / filename).resolve()
        if path.is_relative_to(folder) and path.is_file():
            return path
    return None


def asset_digest(theme: str, filename: str) -> str | None:
    """The first 12 hex digits of the file's SHA-256, read once per process (files change only
    with a release) unless templates are being edited."""
    key = (theme, filename)
    if key not in _digests or current_app.jinja_env.auto_reload:
        path = _theme_file(theme, filename)
        _digests[key] = hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path else None
    return _digests[key]


def _hash_theme_static(endpoint: str | None, values: dict) -> None:
    """url_defaults: put the content's digest in every theme static file's name."""
    if endpoint != "theme_static" or "filename" not in values or "theme" not in values:
        return
    filename = values["filename"]
    if values["theme"] not in available_themes() or HASHED_NAME.match(filename):
        return
    digest = asset_digest(values["theme"], filename)
    if digest:
        stem, dot, suffix = filename.rpartition(".")
        values["filename"] = f"{stem}.{digest}.{suffix}" if dot else f"{filename}.{digest}"


def _serve_theme_static(theme: str, filename: str):
    """Static files of a theme, falling back along its chain: a year's lifetime under the
    current digest's name; an hour under the plain name or an old release's digest."""
    if theme not in available_themes():
        abort(404)
    max_age, hashed = 3600, HASHED_NAME.match(filename)
    if hashed and _theme_file(theme, hashed["stem"] + hashed["suffix"]):
        filename = hashed["stem"] + hashed["suffix"]
        max_age = YEAR if asset_digest(theme, filename) == hashed["digest"] else 3600
    path = _theme_file(theme, filename)
    if path is None:
        abort(404)
    response = send_from_directory(path.parent, path.name, max_age=max_age)
    if max_age == YEAR:
        response.cache_control.immutable = True
    return response


def iso(value) -> str:
    """A date or time for `<time datetime>`: ISO 8601 to the second (HTML allows no microseconds)."""
    if hasattr(value, "hour"):
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def init_app(app: Flask) -> None:
    app.add_template_filter(iso)
    themes = {name: FileSystemLoader(str(THEMES_DIR / name / "templates")) for name in available_themes()}
    app.jinja_loader = ChoiceLoader(
        [PrefixLoader(themes, delimiter=":"), FileSystemLoader(str(Path(app.root_path) / "templates"))]
    )
    app.add_url_rule("/_themes/<theme>/<path:filename>", "theme_static", _serve_theme_static)
    app.url_defaults(_hash_theme_static)

    @app.context_processor
    def theme_context():
        theme = current_theme_name()
        return {
            "tenant": current_tenant(),
            "public_menu": public_menu,
            "backoffice_menu": backoffice_menu,
            "panels": panels,
            "layout": themed_template("layout.html", theme),
            "themed": themed_template,
            "theme_name": theme,
            "theme": theme_chain(theme)[0],
            "theme_colours": theme_colours(theme),
            "theme_logo": theme_logo(theme),
        }
