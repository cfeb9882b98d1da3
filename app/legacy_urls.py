"""Old public URLs answer 301 to their Vietnamese successors, so links already shared keep working.

The public pages moved from English paths (`/documents/12`) to unaccented Vietnamese ones
(`/van-ban/12`). One table says where each old path prefix went; a `*` stands for one path segment
(an id, an article's `id-slug`) that is carried over as it is. The rest of the path, the query
string and the `/en` prefix (the script root, see `app.i18n`) are kept.

The hook runs after the tenant hook (`tenants.web`), so an unknown host is still "no portal here",
an alias domain still goes to its primary domain first, and only a request that matched no route
is ever redirected: a live page can never be shadowed by this table.
"""

from __future__ import annotations

from urllib.parse import quote

from flask import Flask, redirect, request

# Old prefix → new prefix. The most specific (longest) prefix that matches whole segments wins.
LEGACY_PREFIXES: tuple[tuple[str, str], ...] = (
    ("/introduction", "/gioi-thieu"),
    ("/introduction/images", "/gioi-thieu/anh"),
    ("/introduction/organisation", "/so-do-to-chuc"),
    ("/introduction/leaders", "/lanh-dao"),
    ("/introduction/leaders/*/photo", "/lanh-dao/*/anh"),
    ("/introduction/contacts", "/lien-he"),
    ("/documents", "/van-ban"),
    ("/documents/*/files", "/van-ban/*/tep"),
    ("/schedule", "/lich-lam-viec"),
    ("/schedule/print", "/lich-lam-viec/ban-in"),
    ("/public-services", "/dich-vu-cong"),
    ("/site-map", "/so-do-trang"),
    ("/search", "/tim-kiem"),
    ("/projects", "/du-an"),
    ("/science-programmes", "/de-tai-khoa-hoc"),
    ("/statistics", "/thong-ke"),
    ("/statistics/*/file", "/thong-ke/*/tep"),
    ("/tourism", "/du-lich"),
    ("/links", "/lien-ket"),
    ("/banners/*/image", "/bang-ron/*/anh"),
    ("/tin-tuc/*/print", "/tin-tuc/*/ban-in"),
    ("/tin-tuc/*/save", "/tin-tuc/*/luu"),
)

WILDCARD = "*"
REDIRECTED_METHODS = frozenset({"GET", "HEAD"})
# RFC 3986 path characters that stay as they are when the decoded path is quoted again.
PATH_SAFE = "/-._~!$&'()*+,;=:@"


def _segments(path: str) -> list[str]:
    return path.split("/")[1:]


# The table as segment lists, most specific first.
_RULES = sorted(
    ((_segments(old), _segments(new)) for old, new in LEGACY_PREFIXES),
    key=lambda rule: len(rule[0]),
    reverse=True,
)


def _rewrite(segments: list[str], old: list[str], new: list[str]) -> list[str] | None:
    head = segments[: len(old)]
    if len(head) < len(old) or any(
        wanted not in (WILDCARD, actual) for wanted, actual in zip(old, head, strict=True)
    ):
        return None
    carried = iter(actual for wanted, actual in zip(old, head, strict=True) if wanted == WILDCARD)
    return [next(carried) if part == WILDCARD else part for part in new] + segments[len(old) :]


def new_path(path: str) -> str | None:
    """Where an old public path lives now (`/documents/5/files/9` → `/van-ban/5/tep/9`), or None
    when no old prefix matches. Works on the path below the `/en` prefix."""
    segments = _segments(path)
    for old, new in _RULES:
        rewritten = _rewrite(segments, old, new)
        if rewritten is not None:
            return "/" + "/".join(rewritten)
    return None


def _redirect_legacy_path():
    if request.url_rule is not None or request.method not in REDIRECTED_METHODS:
        return None
    target = new_path(request.path)
    if target is None:
        return None
    query = request.query_string.decode("latin-1")
    location = quote(request.script_root + target, safe=PATH_SAFE) + (f"?{query}" if query else "")
    return redirect(location, code=301)


def init_app(app: Flask) -> None:
    """Register after `tenants.web.init_app`: hooks run in the order they were registered."""
    app.before_request(_redirect_legacy_path)
