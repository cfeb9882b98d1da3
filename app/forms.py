"""Small helpers shared by the capabilities' forms."""

from __future__ import annotations

from enum import Enum

from wtforms import SelectChoice


def enum_choices(enum_type: type[Enum], blank=None) -> list[SelectChoice]:
    """Options of a select from an enum whose members have a translatable `label`.

    With `blank` (a label such as "Tất cả"), the list starts with an empty option: for filters.
    """
    options = [SelectChoice(member.value, member.label) for member in enum_type]
    return [SelectChoice("", blank), *options] if blank is not None else options
