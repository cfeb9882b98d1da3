"""Small helpers shared by the capabilities' forms."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from wtforms import SelectChoice


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
