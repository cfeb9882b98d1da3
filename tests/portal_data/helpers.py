"""What the portal-data tests share: the headers of a real browser (the visit counter skips bots)."""

from __future__ import annotations

BROWSER = {"User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"}
