"""HTML written by editors, cleaned with an allow-list (nh3) before it is stored.

Only structure survives: paragraphs, headings from h2 down (the page owns h1), lists, emphasis,
links, quotes, tables, figures and images. Scripts, styles, event handlers and unknown tags are
removed; links get `rel="noopener noreferrer"`. Text is stored NFC-normalised, so "Thắng" typed
on two keyboards compares equal.
"""

from __future__ import annotations

import html as html_entities
import unicodedata

import nh3

ALLOWED_TAGS = {
    "p", "br", "h2", "h3", "h4", "strong", "em", "b", "i", "u", "s", "sub", "sup", "blockquote",
    "ul", "ol", "li", "a", "table", "caption", "thead", "tbody", "tr", "th", "td", "figure",
    "figcaption", "img", "hr", "abbr", "cite", "q", "code", "pre", "span",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "abbr": {"title"},
    "*": {"lang"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_html(html: str | None) -> str:
    """The allow-listed, NFC-normalised form of `html` (empty for None)."""
    if not html:
        return ""
    cleaned = nh3.clean(
        unicodedata.normalize("NFC", html), tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES, link_rel="noopener noreferrer", strip_comments=True,
    )
    return cleaned.strip()


def plain_text(html: str | None) -> str:
    """The text of `html` without any tag or entity, for summaries, search, diffs and e-mail.

    The result is real text (`A & B`, not `A &amp; B`): whoever puts it into HTML must escape it,
    as Jinja's autoescape does, so it is escaped exactly once."""
    return " ".join(html_entities.unescape(nh3.clean(html or "", tags=set())).split())
