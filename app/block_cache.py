"""Rendered blocks of public pages, kept in each web process's memory per portal and version.

The page cache (`app.page_cache`) answers an anonymous reader with a whole stored page; every
other request renders, and most of a page's cost is the part that is the same for everyone: a
home page's news, schedule and answers, an article with its related articles. A template wraps
such a part in a block:

    {% call cached_block("home") %} … {% endcall %}

and the block's HTML is rendered once per portal, language, address and *version*, then reused
by every request that renders the page: a visitor with a cookie, a signed-in editor, a request
the page cache did not take. What differs per visitor (the flashed messages, the footer's
sign-in link, a form's CSRF token) stays outside blocks and is rendered every time; a block that
puts a CSRF token or a script nonce in the page is never kept (it would be someone's own).

- **Place**: the page's address as the page cache keys it (the portal, the language, the scheme,
  host, path and query), and the version: the portal's content version and the tenants' version
  (as for the page cache), read with the tenant resolver's check, in the same Redis round trip
  as the page cache's lookup, plus this Redis's *epoch*: a random token kept beside the
  versions. A Redis that lost its data (a restart without persistence, a flush) has lost the
  epoch too; a new one is written, and no counter that starts again from zero can meet a block
  kept under the old one. No version read (the host was not cached yet, Redis down): the block
  is rendered and not kept.
- **Data read only on a miss**: a view hands a block's data over as `deferred(fn)`, which runs
  `fn` the first time the template uses it, so a kept block costs no SQL.
- **Lifetime**: BLOCK_CACHE_SECONDS (0 turns it off) bounds what no write announces, as
  PAGE_CACHE_SECONDS does; BLOCK_CACHE_ENTRIES bounds the memory (first in, first out).
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable, Mapping, Sequence
from functools import cache, partial
from operator import getitem
from typing import Any

from flask import Flask, Response, current_app, g
from markupsafe import Markup
from werkzeug.local import LocalProxy

from app.bounded import Bounded
from app.extensions import redis_key
from app.security import visitor_secrets

PLACE = "block_cache_place"  # in `g`: the page's address and the version its blocks are kept under
TO_KEEP = "blocks_to_keep"  # in `g`: the blocks rendered, kept once the response is a page


class Blocks:
    """Rendered blocks by key, each until its lifetime ends, at most `entries` of them."""

    def __init__(self, seconds: float, entries: int) -> None:
        self.seconds = seconds
        self._blocks = Bounded(entries)

    def get(self, key: tuple, now: float) -> Markup | None:
        found = self._blocks.get(key)
        return found[1] if found is not None and found[0] > now else None

    def put(self, key: tuple, html: Markup, now: float) -> None:
        self._blocks.put(key, (now + self.seconds, html))

    def __len__(self) -> int:
        return len(self._blocks)


def epoch_key() -> str:
    return redis_key("cache-epoch")


def new_epoch() -> str:
    return secrets.token_hex(8)


def set_place(
    address: str, epoch: bytes | None, tenants_version: bytes | None, content_version: bytes | None
) -> None:
    """Called with the page's address (the page cache's key for it: portal, language, scheme,
    host, path and query) and what the resolver's check read: this request's blocks are kept
    under them. No epoch, no place: nothing is kept."""
    if epoch is not None:
        g.setdefault(PLACE, (address, epoch, tenants_version, content_version))


def _blocks() -> Blocks:
    return current_app.extensions["wardportal.blocks"]


def cached_block(name: str, caller: Callable[[], str]) -> Markup:
    """The block `name` of this page (the body of a `{% call %}`), kept or rendered now."""
    blocks, place = _blocks(), g.get(PLACE)
    if not blocks.seconds or place is None:
        return Markup(caller())
    key = (*place, name)
    now = time.monotonic()
    kept = blocks.get(key, now)
    if kept is not None:
        return kept
    html = Markup(caller())
    if not any(secret in html for secret in visitor_secrets()):
        g.setdefault(TO_KEEP, []).append((key, html))
    return html


def keep_blocks(response: Response) -> Response:
    """after_request: keep the blocks a page rendered, if it is a page (a 200): a made-up
    address's 404 fills no memory."""
    rendered = g.pop(TO_KEEP, ())
    if response.status_code == 200:
        now = time.monotonic()
        for key, html in rendered:
            _blocks().put(key, html, now)
    return response


def deferred(fn: Callable[[], Any]) -> Any:
    """`fn()`, computed the first time a template uses the value and then remembered for this
    request: data handed to a block that is kept is never read."""
    return LocalProxy(cache(fn))


def deferred_parts(
    names: tuple[str, ...], fn: Callable[[], Mapping[str, Any] | Sequence[Any]]
) -> dict[str, Any]:
    """The values `fn()` gives (by name, or in the order of `names`), each deferred: `fn` runs
    once, when a template first uses any of them."""

    def by_name() -> Mapping[str, Any]:
        found = fn()
        return found if isinstance(found, Mapping) else dict(zip(names, found, strict=True))

    whole = deferred(by_name)
    return {name: deferred(partial(getitem, whole, name)) for name in names}


def init_app(app: Flask) -> None:
    app.extensions["wardportal.blocks"] = Blocks(
        app.config["BLOCK_CACHE_SECONDS"], app.config["BLOCK_CACHE_ENTRIES"]
    )
    app.add_template_global(cached_block)
    app.after_request(keep_blocks)
