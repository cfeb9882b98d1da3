"""The hook through which capabilities add URLs to `sitemap.xml`.

Every public page registered with `add_public_page` is listed already; a capability with detail
pages (a project, an article) registers a source: a function that, inside the current tenant's
scope, yields `(endpoint, values)` for each public item, or `(endpoint, values, lastmod)` when it
knows when the item last changed (a datetime, or None), or `(endpoint, values, lastmod, english)`
when the item may lack an English version (`english` False: the site map then lists only the
Vietnamese URL, with no English alternate). The ORM tenant filter applies to its queries, so a
source can only ever list the current portal's rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

SitemapSource = Callable[
    [],
    Iterable[tuple[str, dict] | tuple[str, dict, datetime | None] | tuple[str, dict, datetime | None, bool]],
]

_sources: dict[str, SitemapSource] = {}


def add_sitemap_source(name: str, source: SitemapSource) -> None:
    _sources[name] = source


def sitemap_sources() -> list[SitemapSource]:
    return [_sources[name] for name in sorted(_sources)]
