"""RSS 2.0 and Atom 1.0 documents, built with ElementTree so they are always well-formed XML.

Pure functions of plain data: the views gather a `Feed` (absolute URLs on the portal's own
host, published articles only) and these turn it into bytes.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from email.utils import format_datetime
from xml.etree import ElementTree as ET

ATOM_NS = "http://www.w3.org/2005/Atom"
DC_NS = "http://purl.org/dc/elements/1.1/"
RSS_TYPE = "application/rss+xml"
ATOM_TYPE = "application/atom+xml"


def tag_uri(authority: str, day: date, specific: str) -> str:
    """An RFC 4151 `tag:` URI, e.g. `tag:phuong-1.vungtau.gov.vn,2025-03-01:article/42`."""
    return f"tag:{authority},{day.isoformat()}:{specific}"


@dataclass
class FeedEntry:
    id: str  # stable for the item's life (a retitle changes its link, never this)
    title: str
    link: str
    summary: str
    published: datetime
    updated: datetime
    authors: list[str] = field(default_factory=list)
    category: str = ""


@dataclass
class Feed:
    title: str
    description: str
    link: str  # the HTML page the feed follows
    rss_url: str
    atom_url: str
    publisher: str
    language: str = "vi"  # the articles' language, whatever the interface's
    entries: list[FeedEntry] = field(default_factory=list)

    @property
    def updated(self) -> datetime:
        return max((e.updated for e in self.entries), default=datetime(2000, 1, 1, tzinfo=UTC))


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element


def _utc(moment: datetime) -> datetime:
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).astimezone(UTC)


def rss(feed: Feed) -> bytes:
    ET.register_namespace("atom", ATOM_NS)
    ET.register_namespace("dc", DC_NS)
    root = ET.Element("rss", {"version": "2.0"})
    channel = _sub(root, "channel")
    _sub(channel, "title", feed.title)
    _sub(channel, "link", feed.link)
    _sub(channel, "description", feed.description)
    _sub(channel, "language", feed.language)
    _sub(channel, "lastBuildDate", format_datetime(_utc(feed.updated)))
    _sub(channel, f"{{{ATOM_NS}}}link", href=feed.rss_url, rel="self", type=RSS_TYPE)
    for entry in feed.entries:
        item = _sub(channel, "item")
        _sub(item, "title", entry.title)
        _sub(item, "link", entry.link)
        _sub(item, "guid", entry.id, isPermaLink="false")
        _sub(item, "pubDate", format_datetime(_utc(entry.published)))
        _sub(item, "description", html.escape(entry.summary))  # RSS readers take it as HTML
        if entry.category:
            _sub(item, "category", entry.category)
        for author in entry.authors:
            _sub(item, f"{{{DC_NS}}}creator", author)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def atom(feed: Feed) -> bytes:
    # Plain names under a literal default namespace: Atom readers expect unprefixed elements.
    root = ET.Element("feed", {"xmlns": ATOM_NS, "xml:lang": feed.language})
    _sub(root, "title", feed.title)
    _sub(root, "subtitle", feed.description)
    _sub(root, "id", feed.atom_url)
    _sub(root, "updated", _utc(feed.updated).isoformat(timespec="seconds"))
    _sub(root, "link", href=feed.atom_url, rel="self", type=ATOM_TYPE)
    _sub(root, "link", href=feed.link, rel="alternate", type="text/html")
    _sub(_sub(root, "author"), "name", feed.publisher)
    for entry in feed.entries:
        item = _sub(root, "entry")
        _sub(item, "title", entry.title)
        _sub(item, "id", entry.id)
        _sub(item, "link", href=entry.link, rel="alternate", type="text/html")
        _sub(item, "published", _utc(entry.published).isoformat(timespec="seconds"))
        _sub(item, "updated", _utc(entry.updated).isoformat(timespec="seconds"))
        for author in entry.authors:
            _sub(_sub(item, "author"), "name", author)
        if entry.category:
            _sub(item, "category", term=entry.category)
        _sub(item, "summary", entry.summary, type="text")
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
