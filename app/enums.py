"""Choices stored as short strings and shown to people by a translated label.

A member is declared with its label, `DRAFT = "draft", _l("Bản nháp")`, so the value and what a
reader sees stand on one line and no capability keeps a second table of labels to get out of step.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class LabelledEnum(enum.StrEnum):
    """A `StrEnum` whose members carry a (lazily translated) `label`."""

    _label: object

    def __new__(cls, value: str, label: object):
        member = str.__new__(cls, value)
        member._value_ = value
        member._label = label
        return member

    @property
    def label(self):
        return self._label


def check_in(column: str, values: Iterable[object]) -> str:
    """The SQL of a CHECK constraint that keeps `column` to `values`: `kind IN ('a', 'b')`."""
    return f"{column} IN ({', '.join(repr(str(v)) for v in values)})"
