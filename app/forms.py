"""Small helpers shared by the capabilities' forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, SelectChoice, SelectField


class LabelledMember(Protocol):
    """A member of an enum that has a translatable `label` (the newsroom's states, kinds…)."""

    @property
    def value(self) -> str: ...

    @property
    def label(self) -> str: ...


def enum_choices(enum_type: Iterable[LabelledMember], blank=None) -> list[SelectChoice]:
    """Options of a select from an enum whose members have a translatable `label`.

    With `blank` (a label such as "Tất cả"), the list starts with an empty option: for filters.
    """
    options = [SelectChoice(member.value, member.label) for member in enum_type]
    return [SelectChoice("", blank), *options] if blank is not None else options


class OptionalIdField(SelectField):
    """A select of rows by id whose option 0 means "none": a row's NULL shows as that option, so
    an edit form needs no step of its own to turn a missing parent, unit or successor into 0."""

    def __init__(self, label=None, validators=None, **kwargs):
        super().__init__(label, validators, coerce=int, default=0, **kwargs)

    def process_data(self, value):
        super().process_data(0 if value is None else value)


def reviewed_field() -> BooleanField:
    """ "Checked against the Vietnamese": ticked, a save counts an item's English as made from the
    current Vietnamese even when the English itself is unchanged (app.bilingual)."""
    return BooleanField(_l("Tôi đã đối chiếu bản tiếng Anh với bản tiếng Việt hiện tại"))
