"""HTML written by editors, cleaned with an allow-list (nh3) before it is stored.

Only structure survives: paragraphs, headings from h2 down (the page owns h1), lists, emphasis,
links, quotes, tables, figures and images. Scripts, styles, event handlers and unknown tags are
removed; links get `rel="noopener noreferrer"`. Text is stored NFC-normalised, so "Thắng" typed
on two keyboards compares equal.

Editors may also type plain text: `with_paragraphs` turns text written outside any block element
into paragraphs (a blank line between them, a single newline a line break) before cleaning.
"""

from __future__ import annotations

import html as html_entities
import re
import unicodedata

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "blockquote",
    "ul",
    "ol",
    "li",
    "a",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "figure",
    "figcaption",
    "img",
    "hr",
    "abbr",
    "cite",
    "q",
    "code",
    "pre",
    "span",
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
# Elements that make their own block: text inside them is left as written.
BLOCK_TAGS = {
    "address",
    "article",
    "aside",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
}
VOID_BLOCK_TAGS = {"hr"}
_TOKEN = re.compile(r"(<!--.*?-->|</?[a-zA-Z][^>]*>)", re.S)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)")
_BLANK_LINE = re.compile(r"\n\s*\n")


def clean_html(html: str | None) -> str:
    """The allow-listed, NFC-normalised form of `html` (empty for None)."""
    if not html:
        return ""
    cleaned = nh3.clean(
        unicodedata.normalize("NFC", html),
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return cleaned.strip()


def with_paragraphs(html: str | None) -> str:
    """`html` with every run of text outside block elements made into `<p>` paragraphs: runs
    separated by a blank line are paragraphs, a single newline inside one is a `<br>`.

    Plain text ("Đoạn một.\n\nĐoạn hai.") becomes two paragraphs; HTML whose text already sits
    in blocks (`<p>…</p>`, lists, tables) is returned unchanged, so applying it twice changes
    nothing. Clean the result with `clean_html`: this only adds structure, it removes nothing.
    """
    text = (html or "").replace("\r\n", "\n").replace("\r", "\n")
    out: list[str] = []
    run: list[str] = []
    depth = 0
    for token in _TOKEN.split(text):
        tag = _TAG.match(token)
        if tag and tag.group(2).lower() in BLOCK_TAGS:
            if depth == 0:
                out.append(_paragraphs("".join(run)))
                run = []
            closing, void = tag.group(1) == "/", tag.group(2).lower() in VOID_BLOCK_TAGS
            depth = max(depth - 1, 0) if closing else depth + (0 if void else 1)
            out.append(token)
        elif depth:
            out.append(token)
        else:  # text, or an inline tag (whose own newlines are only spaces)
            run.append(token.replace("\n", " ") if token.startswith("<") else token)
    out.append(_paragraphs("".join(run)))
    return "".join(out)


def _paragraphs(run: str) -> str:
    """A run of inline content as paragraphs; whitespace around it is kept, and a run of only
    whitespace (between two blocks) is returned as it is."""
    body = run.strip()
    if not body:
        return run
    lead, trail = run[: len(run) - len(run.lstrip())], run[len(run.rstrip()) :]
    paragraphs = (
        "<br>\n".join(line.strip() for line in chunk.strip().split("\n")) for chunk in _BLANK_LINE.split(body)
    )
    return lead + "\n".join(f"<p>{paragraph}</p>" for paragraph in paragraphs) + trail


def plain_text(html: str | None) -> str:
    """The text of `html` without any tag or entity, for summaries, search, diffs and e-mail.

    The result is real text (`A & B`, not `A &amp; B`): whoever puts it into HTML must escape it,
    as Jinja's autoescape does, so it is escaped exactly once."""
    return " ".join(html_entities.unescape(nh3.clean(html or "", tags=set())).split())
