"""What `sitemap.xml` lists: the registered public pages and every source's items, both languages.

Paths are built from the URL map without a request, and the ORM's tenant filter confines every
source to the current portal, so a sitemap can only ever name this portal's own pages.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from flask import current_app

from app.i18n import ENGLISH_PREFIX
from app.navigation import public_menu
from blueprints.seo.registry import sitemap_sources


@dataclass(frozen=True)
class SitemapEntry:
    vi: str
    en: str


def sitemap_paths() -> list[str]:
    """Paths (Vietnamese form) of every public page of the current portal."""
    adapter = current_app.url_map.bind("localhost", script_name="/")
    paths: list[str] = []
    for entry in public_menu():
        paths.append(adapter.build(entry.endpoint))
    for source in sitemap_sources():
        paths.extend(adapter.build(endpoint, values) for endpoint, values in source())
    return list(dict.fromkeys(paths))


def sitemap_entries(base_url: str) -> list[SitemapEntry]:
    base = base_url.rstrip("/")
    return [SitemapEntry(base + path, base + ENGLISH_PREFIX + path) for path in sitemap_paths()]


def sitemap_xml(base_url: str) -> str:
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    for entry in sitemap_entries(base_url):
        alternates = (f'<xhtml:link rel="alternate" hreflang="vi" href="{escape(entry.vi)}"/>'
                      f'<xhtml:link rel="alternate" hreflang="en" href="{escape(entry.en)}"/>')
        for loc in (entry.vi, entry.en):
            lines.append(f"<url><loc>{escape(loc)}</loc>{alternates}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def robots_txt(base_url: str) -> str:
    base = base_url.rstrip("/")
    return ("User-agent: *\n"
            "Disallow: /admin/\nDisallow: /en/admin/\n"
            "Disallow: /login\nDisallow: /en/login\n"
            "Disallow: /tim-kiem\nDisallow: /en/tim-kiem\n"
            f"\nSitemap: {base}/sitemap.xml\n")
