"""Text kept in Vietnamese and, optionally, English, and whether the English is still current.

Content carries its English beside the Vietnamese, in `<field>_en` columns of its own row (one
mechanism for every model: no join to show a page, and a row moves between tenants or out of a
portal with its translation). A translated row also keeps `translated_from`: the fingerprint of
its Vietnamese text when the English was last written or reviewed. When the Vietnamese changes
the fingerprint no longer matches and the English is *out of date* until someone reviews it.
The fingerprint is a SHA-256 the database can compute as well (`Translatable.fingerprint_sql`),
so the translation dashboard counts missing and out-of-date English for many portals in one
query, without loading a body.

`add_translatable()` is the registry of translated content the dashboard reads: each capability
registers its models, so the dashboard never names them.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from markupsafe import Markup
from sqlalchemy import event
from sqlalchemy.orm import Mapped, mapped_column

from app.enums import LabelledEnum

SEPARATOR = "\x1f"  # the unit separator: no field's text contains it, so joins stay unambiguous


def bilingual(field: str) -> Callable[[object, str], str]:
    """A method `(locale) -> str` for a class with `<field>_vi` / `<field>_en`: the English text
    on an English page where there is one, else the Vietnamese (which every row has)."""

    def pick(self, locale: str) -> str:
        english = getattr(self, f"{field}_en")
        return english if locale == "en" and english else getattr(self, f"{field}_vi")

    pick.__name__ = pick.__qualname__ = field
    pick.__doc__ = f"`{field}_en` on an English page where it is filled in, else `{field}_vi`."
    return pick


class TranslationState(LabelledEnum):
    MISSING = "missing", _l("Chưa có bản tiếng Anh")
    OUTDATED = "outdated", _l("Bản tiếng Anh đã cũ")
    CURRENT = "current", _l("Bản tiếng Anh đã cập nhật")


def fingerprint(texts: list[str]) -> str:
    return hashlib.sha256(SEPARATOR.join(texts).encode("utf-8")).hexdigest()


class Bilingual:
    """Reading `<field>_vi` / `<field>_en` pairs with the fallback every public page uses.

    The Vietnamese of a field is `<field>_vi`, or the bare `<field>` column for models whose
    Vietnamese came first (articles, documents)."""

    @classmethod
    def vi_name(cls, field: str) -> str:
        return f"{field}_vi" if hasattr(cls, f"{field}_vi") else field

    def vi(self, field: str) -> str:
        return getattr(self, self.vi_name(field)) or ""

    def en(self, field: str) -> str:
        """The English of `field`, or "" when it has none (blank counts as none)."""
        english = getattr(self, f"{field}_en") or ""
        return english if english.strip() else ""

    def local(self, field: str, locale: str) -> str:
        """The English of `field` on an English page where it has one, else the Vietnamese."""
        return (self.en(field) if locale == "en" else "") or self.vi(field)

    def is_fallback(self, field: str, locale: str) -> bool:
        """True when an English page shows the Vietnamese text (so it is marked lang="vi")."""
        return locale == "en" and not self.en(field) and bool(self.vi(field))


def lang_attr(item: Bilingual, field: str, locale: str) -> Markup:
    """` lang="vi"` for an element showing `field` of `item` when an English page falls back to
    the Vietnamese, else nothing: `<a href="…"{{ lang_attr(section, "name") }}>`."""
    return Markup(' lang="vi"') if item.is_fallback(field, locale) else Markup("")


class Translatable(Bilingual):
    """A model whose `TRANSLATED` fields have an English twin, `<field>_en`, kept current.

    The first field is the item's *lead*: an item has an English version when its lead has
    English (an article's title, a unit's name, an introduction section's text)."""

    TRANSLATED: ClassVar[tuple[str, ...]] = ()

    translated_from: Mapped[str] = mapped_column(sa.String(64), default="", server_default="")

    @property
    def has_english(self) -> bool:
        return bool(self.en(self.TRANSLATED[0]))

    def text_lang(self, locale: str) -> str:
        """The language the item's text is shown in on a page of `locale`."""
        return "en" if locale == "en" and self.has_english else "vi"

    def source_fingerprint(self) -> str:
        return fingerprint([self.vi(field) for field in self.TRANSLATED])

    @classmethod
    def fingerprint_sql(cls) -> sa.ColumnElement[str]:
        """The same fingerprint, computed by PostgreSQL from the row's Vietnamese columns."""
        joined = sa.func.concat_ws(
            SEPARATOR, *(sa.func.coalesce(getattr(cls, cls.vi_name(f)), "") for f in cls.TRANSLATED)
        )
        return sa.func.encode(sa.func.sha256(sa.func.convert_to(joined, "UTF8")), "hex")

    @property
    def translation_state(self) -> TranslationState:
        if not self.has_english:
            return TranslationState.MISSING
        if self.translated_from != self.source_fingerprint():
            return TranslationState.OUTDATED
        return TranslationState.CURRENT

    @classmethod
    def state_sql(cls) -> sa.ColumnElement[str]:
        lead = getattr(cls, f"{cls.TRANSLATED[0]}_en")
        return sa.case(
            (sa.func.btrim(sa.func.coalesce(lead, "")) == "", TranslationState.MISSING.value),
            (cls.translated_from != cls.fingerprint_sql(), TranslationState.OUTDATED.value),
            else_=TranslationState.CURRENT.value,
        )

    def english_gaps(self) -> bool:
        """True when an English page shows some of the item's text in Vietnamese."""
        return any(self.is_fallback(field, "en") for field in self.TRANSLATED)

    def english_texts(self) -> tuple[str, ...]:
        return tuple(getattr(self, f"{field}_en") or "" for field in self.TRANSLATED)

    def english_before_edit(self) -> tuple[str, ...] | None:
        """What `after_translation_edit` compares with: the stored English (None for a new row,
        whose English is all new)."""
        return self.english_texts() if getattr(self, "id", None) is not None else None

    def after_translation_edit(self, english_before: tuple[str, ...] | None, reviewed: bool = False) -> None:
        """Call after a save: English written or changed (or `reviewed`, confirmed against the
        Vietnamese) now counts as translated from the current Vietnamese; a save that changed
        only the Vietnamese leaves the English out of date."""
        if not self.has_english:
            self.translated_from = ""
        elif reviewed or english_before != self.english_texts():
            self.translated_from = self.source_fingerprint()


@event.listens_for(Translatable, "before_insert", propagate=True)
def _translated_when_created(mapper, connection, target: Translatable) -> None:
    """A row created with its English (a seed, an import, a form filled in both languages) was
    translated from the Vietnamese it is created with."""
    if not target.translated_from and target.has_english:
        target.translated_from = target.source_fingerprint()


def page_languages(items) -> dict[str, bool]:
    """What a page showing `items` tells the layout: `english_version` (False when there are
    items and none has English: no English alternate is named) and `vietnamese_parts` (the English
    page then says that some of it is in Vietnamese and links to the Vietnamese page)."""
    items = list(items)
    return {
        "english_version": not items or any(item.has_english for item in items),
        "vietnamese_parts": any(item.english_gaps() for item in items),
    }


# -- the registry the translation dashboard reads -------------------------------------------------


@dataclass(frozen=True)
class TranslatableContent:
    """One kind of translated content: its model, what the public sees of it, where to edit."""

    key: str
    label: Any  # a lazy_gettext string
    model: type
    order: int = 100
    required_by_law: bool = False  # Decree 42: organisation, contacts, introduction
    public: Callable[[], Any] | None = None  # a WHERE clause: only what visitors see counts
    edit_endpoint: str = ""  # one item's edit screen: url_for(edit_endpoint, **edit_args(row))
    edit_arg: str = "id"  # the URL argument naming the item …
    edit_field: str = "id"  # … and the column it takes its value from
    edit_roles: tuple[str, ...] = ()  # who may open the edit screen (empty: the dashboard's readers)
    describe: Callable[[Any], str] = str  # the item's name in the back office's lists

    def edit_args(self, row) -> dict:
        return {self.edit_arg: getattr(row, self.edit_field)}


_content: dict[str, TranslatableContent] = {}


def add_translatable(content: TranslatableContent) -> None:
    _content[content.key] = content


def translatable_content() -> list[TranslatableContent]:
    return sorted(_content.values(), key=lambda c: (not c.required_by_law, c.order, c.key))
