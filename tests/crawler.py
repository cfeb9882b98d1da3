"""A visitor's crawl of one portal, for tests that compare or inspect everything it reaches.

`visit(client, host)` follows links from the home pages (both languages), the open data API and
the site map, on that host only, and returns each response in crawl order with the numbers of
ids masked (paths, attributes, URLs, API ids), so two crawls of the same portal under different
ids compare equal.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

SKIP = re.compile(r"^/(en/)?(admin|login|logout|forgot-password|reset-password|_themes|static)\b")
MAX_RESPONSES = 400
NUMBER = re.compile(r"\d+")
SECRETS = re.compile(r'(name="csrf[_-]token"[^>]*(?:value|content)=")[^"]*"')  # per session


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.links.append(value)


def _mask_attributes(text: str) -> str:
    """Numbers inside attributes (ids in links, images, element ids) become `#`: the import
    gives new ids. The text itself is compared as it is."""
    text = re.sub(r'(=\s*"[^"]*")', lambda m: NUMBER.sub("#", m.group(1)), text)
    return re.sub(r"https?://[^\s<\"]+", lambda m: NUMBER.sub("#", m.group(0)), text)


def _mask_json(value):
    if isinstance(value, dict):
        return {k: "#" if k == "id" or k.endswith("_id") else _mask_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_mask_json(v) for v in value]
    if isinstance(value, str) and value.startswith("http"):
        return NUMBER.sub("#", value)
    return value


def _json_links(value, path: str) -> list[str]:
    """The URLs in an API answer, and each listed record's own URL."""
    found = []
    if isinstance(value, dict):
        if path.count("/") == 3 and isinstance(value.get("items"), list):  # /api/v1/<resource>
            found += [f"{urlsplit(path).path}/{item['id']}" for item in value["items"]]
        for item in value.values():
            found += _json_links(item, "")
    elif isinstance(value, list):
        for item in value:
            found += _json_links(item, "")
    elif isinstance(value, str) and value.startswith("http"):
        found.append(value)
    return found


def _record(response, path: str) -> tuple[str, list[str]]:
    kind = response.content_type.split(";")[0]
    if kind == "application/json":
        data = response.get_json()
        return json.dumps(_mask_json(data), sort_keys=True), _json_links(data, path)
    if kind.startswith("text/") or kind.endswith("xml"):
        text = SECRETS.sub(r"\1…", response.text)
        parser = Links()
        parser.feed(response.text)
        return _mask_attributes(NUMBER.sub("#", text) if kind.endswith("xml") else text), parser.links
    return f"{kind} {len(response.data)} {hash(response.data)}", []


def visit(client, host: str) -> list[tuple[str, int, str]]:
    """Everything a visitor can reach on `host` from its home pages and the API, in crawl order:
    (path with ids masked, status, masked body)."""
    queue, seen, visited = ["/", "/en/", "/api/v1/", "/api", "/sitemap.xml"], set(), []
    while queue and len(visited) < MAX_RESPONSES:
        path = queue.pop(0)
        if path in seen or SKIP.search(urlsplit(path).path):
            continue
        seen.add(path)
        response = client.get(path, base_url=f"http://{host}")
        body, links = _record(response, path) if response.status_code == 200 else ("", [])
        visited.append((NUMBER.sub("#", path), response.status_code, body))
        for link in links:
            target = urlsplit(urljoin(f"http://{host}{path}", link))
            if target.netloc == host:
                queue.append(target.path + (f"?{target.query}" if target.query else ""))
    return visited
