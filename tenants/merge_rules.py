"""How clashing rows are resolved when portals merge, and the registry capabilities fill.

Two portals' rows clash when a unique key of their table (after `tenant_id`) holds the same
value in both: two sections with the slug `tin-tuc`, two royalty plans for March 2025, one
document number in both libraries. Each table's clashes are resolved one way:

- `merge`: the rows become one, the first one (the receiving portal's, else the first former
  portal's in the order given); every row that pointed at the others now points at it.
- `rename`: every row but the first keeps its place and gets the former portal's name added to
  its text key (`tin-tuc-phuong-3`, `01/QĐ-UBND (Phường 3)`); if that key is part of a URL, the
  old URL is redirected to the new one.
- `sum`: like merge, and the rows' numbers are added up (daily visits, procedure figures).

Capabilities say, in their `init_app`, which resolution their table takes when none is given
(`add_merge_default`) and which of their text keys appear in public URLs (`add_merge_path`).
Tables whose only unique key is the tenant itself (one settings row per portal) merge by default:
the receiving portal's settings win.
"""

from __future__ import annotations

import enum


class Strategy(enum.StrEnum):
    MERGE = "merge"
    RENAME = "rename"
    SUM = "sum"


_defaults: dict[str, Strategy] = {}
_paths: dict[tuple[str, str], str] = {}


def add_merge_default(table: str, strategy: Strategy) -> None:
    """`table`'s clashes are resolved this way unless the merge is told otherwise."""
    _defaults[table] = Strategy(strategy)


def add_merge_path(table: str, column: str, pattern: str) -> None:
    """`table.column` appears in public URLs as `pattern.format(value)` (and the paths below it),
    so a renamed value leaves a redirect from its old path."""
    _paths[(table, column)] = pattern


def default_strategy(table: str) -> Strategy | None:
    return _defaults.get(table)


def path_pattern(table: str, column: str) -> str | None:
    return _paths.get((table, column))
