"""Vietnamese-aware text folding: "Thắng Tam", "thang tam" and "THANG TAM" compare equal.

Search compares folded text with folded queries. Folding is done in Python (not with PostgreSQL's
unaccent) so the embedded server and a production server behave the same, and so a folded copy
can be stored beside the text and indexed.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower case, without diacritics (đ → d), single-spaced."""
    decomposed = unicodedata.normalize("NFD", text or "")
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    bare = bare.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", bare).strip().lower()
