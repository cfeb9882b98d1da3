"""The draft's text as editors type it, and its structure: parts, articles and clauses.

Editors write the draft in a textarea, the way Vietnamese legal texts are laid out:

    Phần I. QUY ĐỊNH CHUNG          (or "Chương I. …": a part)
    Điều 1. Phạm vi điều chỉnh       (an article, numbered across the whole draft)
    Nội dung của điều …              (lines that start nothing new belong to what precedes them)
    1. Nội dung của khoản 1 …        (a clause of the current article)
    a) điểm a …                      (stays in its clause's text)

`parse()` turns the text into `Node`s with paths ("article:3/clause:2"); `assign_keys()` gives
each node the key its path had in the previous revision, or a new one, so a clause that a
revision edits keeps its identifier and the comments made on it. `to_text()` writes the
structure back for the next edit.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from dataclasses import dataclass, field

PART = re.compile(r"^(Phần|Chương|Part|Chapter)\s+([IVXLCDM]+|\d{1,3})\s*[.:]?\s*(.*)$", re.IGNORECASE)
ARTICLE = re.compile(r"^(Điều|Article)\s+(\d{1,4}[a-z]?)\s*[.:]?\s*(.*)$", re.IGNORECASE)
CLAUSE = re.compile(r"^(\d{1,3})\s*[.)]\s+(.*)$")

MAX_NODES = 2000


class DraftTextError(ValueError):
    """The text cannot be read as a draft; the message names the line."""

    def __init__(self, message: str, line: int = 0):
        super().__init__(message)
        self.line = line


@dataclass
class Node:
    kind: str  # "part", "article" or "clause"
    number: str
    heading: str = ""
    lines: list[str] = field(default_factory=list)
    parent_path: str | None = None
    key: str = ""
    parent_key: str | None = None

    @property
    def path(self) -> str:
        own = f"{self.kind}:{self.number.upper() if self.kind == 'part' else self.number}"
        return f"{self.parent_path}/{own}" if self.kind == "clause" and self.parent_path else own

    @property
    def body(self) -> str:
        return "\n".join(self.lines).strip()


def _clean(text: str) -> list[str]:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return [line.strip() for line in text.split("\n")]


def parse(text: str) -> list[Node]:
    """The nodes of `text` in reading order; DraftTextError for text before the first heading, a
    clause outside any article, or two nodes with one path (two "Điều 3", say)."""
    from flask_babel import gettext as _

    nodes: list[Node] = []
    part: Node | None = None
    article: Node | None = None
    seen: set[str] = set()
    for number, line in enumerate(_clean(text), start=1):
        if not line:
            if nodes:
                nodes[-1].lines.append("")
            continue
        node = None
        if match := PART.match(line):
            node = part = Node("part", match.group(2), match.group(3).strip())
            article = None
        elif match := ARTICLE.match(line):
            node = article = Node(
                "article", match.group(2), match.group(3).strip(), parent_path=part.path if part else None
            )
        elif (match := CLAUSE.match(line)) and article is not None:
            node = Node("clause", match.group(1), "", [match.group(2).strip()], parent_path=article.path)
        elif not nodes:
            raise DraftTextError(
                _(
                    "Dòng %(line)d: văn bản phải bắt đầu bằng “Phần …”, “Chương …” hoặc “Điều …”.",
                    line=number,
                ),
                number,
            )
        if node is None:
            nodes[-1].lines.append(line)
            continue
        if node.path in seen:
            raise DraftTextError(
                _("Dòng %(line)d: “%(text)s” trùng số với một mục ở trên.", line=number, text=line[:60]),
                number,
            )
        seen.add(node.path)
        nodes.append(node)
        if len(nodes) > MAX_NODES:
            raise DraftTextError(_("Dự thảo có quá nhiều mục (tối đa %(count)d).", count=MAX_NODES), number)
    if not nodes:
        raise DraftTextError(_("Nhập toàn văn dự thảo."))
    return nodes


def assign_keys(nodes: list[Node], previous: dict[str, str]) -> list[Node]:
    """Give each node the key its path had before (`previous`: path → key), or a new one, and
    each node its parent's key (an article's part, a clause's article)."""
    by_path: dict[str, str] = {}
    for node in nodes:
        node.key = previous.get(node.path) or str(uuid.uuid4())
        by_path[node.path] = node.key
    for node in nodes:
        node.parent_key = by_path.get(node.parent_path) if node.parent_path else None
    return nodes


def node_path(kind: str, number: str, parent_path: str | None) -> str:
    return Node(kind, number, parent_path=parent_path).path


def to_text(clauses) -> str:
    """The structure (rows with kind, number, heading, body) written back as editors type it."""
    out: list[str] = []
    for clause in clauses:
        if clause.kind == "part":
            out += [
                "",
                f"Phần {clause.number}. {clause.heading}".rstrip(" .")
                if clause.heading
                else f"Phần {clause.number}",
            ]
        elif clause.kind == "article":
            out.append(
                f"Điều {clause.number}. {clause.heading}".rstrip()
                if clause.heading
                else f"Điều {clause.number}."
            )
        if clause.kind == "clause":
            first, *rest = (clause.body or "").split("\n") or [""]
            out.append(f"{clause.number}. {first}")
            out += rest
        elif clause.body:
            out += clause.body.split("\n")
    return "\n".join(out).strip() + "\n"
