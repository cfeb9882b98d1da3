"""Tracking codes that a person can type and nobody can guess: `HD-7K3P-9QXM-2RT4`.

Twelve characters drawn by `secrets` from Crockford's base-32 alphabet (digits and capitals
without I, L, O and U, so nothing is read two ways; a typed O counts as 0, I or L as 1): 60
bits, so guessing one of even a million live codes takes about 10^12 tries, far beyond the
lookup's rate limit. Codes are unique per portal (a database constraint) and are only ever
looked up together with the asker's e-mail address.
"""

from __future__ import annotations

import re
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
PREFIXES = ("HD", "GY")
_TYPOS = str.maketrans({"O": "0", "I": "1", "L": "1"})
_LETTERS = re.compile(rf"^[{ALPHABET}]{{{LENGTH}}}$")


def new_code(prefix: str) -> str:
    """A fresh random code with `prefix` (HD or GY)."""
    letters = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return f"{prefix}-{letters[:4]}-{letters[4:8]}-{letters[8:]}"


def normalise(typed: str) -> str | None:
    """The canonical form of what a person typed (any case, spaces or dashes), or None when it
    cannot be a code at all."""
    bare = re.sub(r"[^0-9A-Za-z]", "", typed or "").upper()
    prefix, letters = bare[:2], bare[2:].translate(_TYPOS)
    if prefix not in PREFIXES or not _LETTERS.match(letters):
        return None
    return f"{prefix}-{letters[:4]}-{letters[4:8]}-{letters[8:]}"
