"""What `sitemap.xml` lists: the registered public pages and every source's items, both languages.

Paths are built from the URL map without a request, and the ORM's tenant filter confines every
source to the current portal, so a sitemap can only ever name this portal's own pages.

The protocol allows at most 50,000 URLs in one file. Past that, `/sitemap.xml` becomes a
sitemap index naming `/sitemap-1.xml`, `/sitemap-2.xml`, … of at most `URLS_PER_SITEMAP` URLs
each, so robots.txt keeps naming one address whatever the portal's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from xml.sax.saxutils import escape

from flask import current_app

from app.i18n import ENGLISH_PREFIX
from app.navigation import public_menu
from blueprints.seo.registry import sitemap_sources

URLS_PER_SITEMAP = 50_000  # the sitemap protocol's limit for one file
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class SitemapEntry:
    """One page in both languages (`en` None when it has no English version); `lastmod` when
    its source knows when it last changed."""

    vi: str
    en: str | None
    lastmod: datetime | None = None


@dataclass(frozen=True)
class SitemapPath:
    lastmod: datetime | None = None
    english: bool = True


@dataclass(frozen=True)
class SitemapUrl:
    loc: str
    entry: SitemapEntry


def sitemap_paths() -> dict[str, SitemapPath]:
    """Paths (Vietnamese form) of every public page of the current portal, with the time each
    last changed where its source gives one and whether it has an English version (a source
    yields `(endpoint, values)`, `(endpoint, values, lastmod)` or `(…, lastmod, english)`)."""
    adapter = current_app.url_map.bind("localhost", script_name="/")
    paths: dict[str, SitemapPath] = {}
    for entry in public_menu():
        paths.setdefault(adapter.build(entry.endpoint), SitemapPath())
    for source in sitemap_sources():
        for endpoint, values, *extra in source():
            path = adapter.build(endpoint, values)
            known = paths.get(path, SitemapPath())
            lastmod = known.lastmod or (extra[0] if extra else None)
            paths[path] = SitemapPath(lastmod, extra[1] if len(extra) > 1 else known.english)
    return paths


def sitemap_entries(base_url: str) -> list[SitemapEntry]:
    base = base_url.rstrip("/")
    return [
        SitemapEntry(base + path, base + ENGLISH_PREFIX + path if found.english else None, found.lastmod)
        for path, found in sitemap_paths().items()
    ]


def sitemap_urls(base_url: str) -> list[SitemapUrl]:
    """Every URL of the sitemap, Vietnamese then English (where there is one) for each page."""
    return [
        SitemapUrl(loc, entry) for entry in sitemap_entries(base_url) for loc in (entry.vi, entry.en) if loc
    ]


def sitemap_pages(base_url: str) -> list[list[SitemapUrl]]:
    """The URLs cut into files of at most `URLS_PER_SITEMAP` (one, possibly empty, at least)."""
    urls = sitemap_urls(base_url)
    size = URLS_PER_SITEMAP
    return [urls[start : start + size] for start in range(0, len(urls), size)] or [[]]


def w3c_datetime(moment: datetime) -> str:
    """A W3C Datetime in UTC, as sitemaps want it: `2025-03-01T08:30:00+00:00`."""
    moment = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def urlset_xml(urls: list[SitemapUrl]) -> str:
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<urlset xmlns="{SITEMAP_NS}" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ]
    for url in urls:
        entry = url.entry
        lastmod = f"<lastmod>{w3c_datetime(entry.lastmod)}</lastmod>" if entry.lastmod else ""
        alternates = (
            (
                f'<xhtml:link rel="alternate" hreflang="vi" href="{escape(entry.vi)}"/>'
                f'<xhtml:link rel="alternate" hreflang="en" href="{escape(entry.en)}"/>'
            )
            if entry.en
            else ""
        )
        lines.append(f"<url><loc>{escape(url.loc)}</loc>{lastmod}{alternates}</url>")
    lines.append("</urlset>")
    return "\n".join(lines) + "\n"


def index_xml(base_url: str, pages: list[list[SitemapUrl]]) -> str:
    base = base_url.rstrip("/")
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', f'<sitemapindex xmlns="{SITEMAP_NS}">']
    for number, urls in enumerate(pages, start=1):
        dates = [url.entry.lastmod for url in urls if url.entry.lastmod]
        lastmod = f"<lastmod>{w3c_datetime(max(dates))}</lastmod>" if dates else ""
        lines.append(f"<sitemap><loc>{escape(f'{base}/sitemap-{number}.xml')}</loc>{lastmod}</sitemap>")
    lines.append("</sitemapindex>")
    return "\n".join(lines) + "\n"


def sitemap_xml(base_url: str) -> str:
    """`/sitemap.xml`: every URL, or, when they do not fit in one file, the index of the files."""
    pages = sitemap_pages(base_url)
    return urlset_xml(pages[0]) if len(pages) == 1 else index_xml(base_url, pages)


def sitemap_page_xml(base_url: str, number: int) -> str | None:
    """`/sitemap-<number>.xml`, or None when the sitemap is not split or has no such page."""
    pages = sitemap_pages(base_url)
    if len(pages) == 1 or not 1 <= number <= len(pages):
        return None
    return urlset_xml(pages[number - 1])


def robots_txt(base_url: str) -> str:
    base = base_url.rstrip("/")
    return (
        "User-agent: *\n"
        "Disallow: /admin/\nDisallow: /en/admin/\n"
        "Disallow: /login\nDisallow: /en/login\n"
        "Disallow: /tim-kiem\nDisallow: /en/tim-kiem\n"
        f"\nSitemap: {base}/sitemap.xml\n"
    )
