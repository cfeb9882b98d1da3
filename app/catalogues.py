"""Compile every translation catalogue (`.po` → `.mo`): part of installing the project.

`pip install` runs it through `setup.py` (the build step), `make catalogues` after editing a
catalogue, and `wardportal-compile-catalogues` by hand. It imports nothing but Babel and the
standard library, so the build can load it by its path before any dependency is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

# The folders that hold `translations/<locale>/LC_MESSAGES/messages.po`: the core's and each
# capability's.
PATTERNS = (
    "app/translations/*/LC_MESSAGES/messages.po",
    "blueprints/*/translations/*/LC_MESSAGES/messages.po",
)


def compile_catalogues(root: Path) -> list[Path]:
    """Write each catalogue's `.mo` beside its `.po`; return those written."""
    written = []
    for pattern in PATTERNS:
        for po in sorted(root.glob(pattern)):
            with po.open("rb") as source:
                catalogue = read_po(source)
            mo = po.with_suffix(".mo")
            with mo.open("wb") as target:
                write_mo(target, catalogue, use_fuzzy=True)
            written.append(mo)
    return written


def main() -> int:
    root = Path(__file__).resolve().parent.parent
    written = compile_catalogues(root)
    print(f"{len(written)} catalogue(s) compiled under {root}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
