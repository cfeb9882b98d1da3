"""Text kept in Vietnamese and, optionally, English: `<field>_vi` and `<field>_en` columns."""

from __future__ import annotations

from collections.abc import Callable


def bilingual(field: str) -> Callable[[object, str], str]:
    """A method `(locale) -> str` for a class with `<field>_vi` / `<field>_en`: the English text
    on an English page where there is one, else the Vietnamese (which every row has)."""

    def pick(self, locale: str) -> str:
        english = getattr(self, f"{field}_en")
        return english if locale == "en" and english else getattr(self, f"{field}_vi")

    pick.__name__ = pick.__qualname__ = field
    pick.__doc__ = f"`{field}_en` on an English page where it is filled in, else `{field}_vi`."
    return pick
