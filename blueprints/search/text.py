"""Cutting text and queries into folded words, and highlighting them in the original text.

One tokeniser serves the index and the query: `tokens()` folds (NFC first, then `app.search.fold`:
no diacritics, đ → d, lower case) and keeps runs of letters and digits. "Thắng Tam", "thang tam",
"THẮNG TAM", decomposed "Thắng" and old/new tone placement ("hoà"/"hòa") all give the same words,
and a document number "15/2023/QĐ-UBND" gives `15 2023 qd ubnd`. Queries become tsquery text
built here from those words only, each quoted, so nothing a visitor types reaches PostgreSQL's
query syntax.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from markupsafe import Markup, escape

from app.search import fold

MAX_QUERY_LENGTH = 200
MAX_WORDS = 16
MAX_WORD_LENGTH = 60
_WORD = re.compile(r"[^\W_]+")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "＂": '"'})
_PHRASE = re.compile(r'"([^"]*)"')


def fold_word(word: str) -> str:
    """One word folded; Ð (often typed for Đ) folds to d as well."""
    return fold(unicodedata.normalize("NFC", word).replace("Ð", "Đ").replace("ð", "đ"))


def tokens(text: str) -> list[str]:
    """The folded words of `text`, in order."""
    return _WORD.findall(fold_word(text or ""))


def query_tokens(text: str) -> list[str]:
    """`tokens`, without words too long to be a word (PostgreSQL would not index them)."""
    return [w for w in tokens(text) if len(w) <= MAX_WORD_LENGTH]


def folded(text: str) -> str:
    """The text as the index stores it: folded words separated by single spaces."""
    return " ".join(tokens(text))


@dataclass(frozen=True)
class Query:
    """What a visitor asked for: loose words and quoted phrases, all folded."""

    text: str
    words: tuple[str, ...] = ()
    phrases: tuple[tuple[str, ...], ...] = ()
    all_words: tuple[str, ...] = field(default=())

    @property
    def is_empty(self) -> bool:
        return not self.all_words

    def tsquery(self, weight: str = "") -> str:
        """Every word and every phrase (words adjacent, in order) must match; with a `weight`
        ("A": the title and number), only where the index gave the words that weight."""
        parts = [_lexeme(w, weight) for w in self.words]
        parts += [" <-> ".join(_lexeme(w, weight) for w in phrase) for phrase in self.phrases]
        return " & ".join(f"({p})" if "<->" in p else p for p in parts)

    def phrase_tsquery(self) -> str:
        """All the words as one phrase, for ranking exact phrases first."""
        return " <-> ".join(_lexeme(w) for w in self.all_words)

    @property
    def key(self) -> str:
        """The words as a document number is stored (for "15/2023/QĐ-UBND" first)."""
        return " ".join(self.all_words)


def _lexeme(word: str, weight: str = "") -> str:
    return f"'{word}'" + (f":{weight}" if weight else "")  # letters and digits: nothing to escape


def parse_query(raw: str) -> Query:
    """Quoted phrases ("…" or “…”) and loose words; an unbalanced quote is just a character."""
    text = unicodedata.normalize("NFC", raw or "").strip()[:MAX_QUERY_LENGTH]
    unified = text.translate(_QUOTES)
    phrases: list[tuple[str, ...]] = []
    words: list[str] = []
    for found in _PHRASE.findall(unified):
        found_words = query_tokens(found)
        if len(found_words) > 1:
            phrases.append(tuple(found_words[:MAX_WORDS]))
        else:
            words.extend(found_words)
    words.extend(query_tokens(_PHRASE.sub(" ", unified)))
    budget = MAX_WORDS - sum(len(p) for p in phrases)
    kept_words = tuple(dict.fromkeys(words))[: max(budget, 0)]
    return Query(text, kept_words, tuple(phrases[: MAX_WORDS // 2]), tuple(query_tokens(unified)[:MAX_WORDS]))


# -- highlighting ---------------------------------------------------------------------------


def _spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, is_word) pieces of `text`, covering all of it."""
    pieces, last = [], 0
    for match in _WORD.finditer(text):
        if match.start() > last:
            pieces.append((last, match.start(), False))
        pieces.append((match.start(), match.end(), True))
        last = match.end()
    if last < len(text):
        pieces.append((last, len(text), False))
    return pieces


def _is_hit(word: str, wanted: frozenset[str]) -> bool:
    return any(part in wanted for part in tokens(word))


def highlight(text: str, words, limit: int | None = None) -> Markup:
    """`text` escaped, with the words whose folded form is wanted in <mark>.

    With `limit` (in characters), a window of about that size around the first hit, with "…"
    where it was cut. Everything is escaped before any mark is added, so the text can never
    bring markup of its own.
    """
    text = unicodedata.normalize("NFC", text or "")
    wanted = frozenset(words)
    pieces = _spans(text)
    start, end, cut_left, cut_right = 0, len(text), False, False
    if limit and len(text) > limit:
        first = next((s for s, e, is_word in pieces if is_word and _is_hit(text[s:e], wanted)), 0)
        start = max(0, first - limit // 4)
        end = min(len(text), start + limit)
        start = _word_boundary(text, start, backwards=True)
        end = _word_boundary(text, end, backwards=False)
        cut_left, cut_right = start > 0, end < len(text)
    out = [Markup("…")] if cut_left else []
    for s, e, is_word in pieces:
        if e <= start or s >= end:
            continue
        piece = text[max(s, start) : min(e, end)]
        if is_word and _is_hit(piece, wanted):
            out.append(Markup("<mark>%s</mark>") % piece)
        else:
            out.append(escape(piece))
    if cut_right:
        out.append(Markup("…"))
    return Markup("").join(out)


def _word_boundary(text: str, index: int, backwards: bool) -> int:
    step = -1 if backwards else 1
    while 0 < index < len(text) and not text[index].isspace():
        index += step
    return index


def snippet(hit, words) -> Markup:
    """The summary when it holds a word of the query, else the part of the body around one."""
    wanted = set(words)
    if hit.summary and wanted & set(tokens(hit.summary)):
        source = hit.summary
    elif hit.body and wanted & set(tokens(hit.body)):
        source = hit.body
    else:
        source = hit.summary or hit.body
    return highlight(source, words, limit=240)
