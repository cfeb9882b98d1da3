"""Menus that capabilities add themselves to: the public main menu (and site map) and the back
office's menu. A blueprint registers its entries when it is imported; templates read them through
`public_menu()` and `backoffice_menu()`, so adding a capability never means editing the layout.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class MenuEntry:
    endpoint: str
    label: object  # a lazy_gettext string
    description: object = ""
    order: int = 100
    roles: frozenset[str] = field(default_factory=frozenset)  # back office: who sees it
    in_main_menu: bool = True  # public: False lists it only in the site map
    visible: Callable[[], bool] | None = None  # public: shown only on portals where it says True


_public: dict[str, MenuEntry] = {}
_backoffice: dict[str, MenuEntry] = {}


def add_public_page(
    endpoint: str,
    label,
    description="",
    order: int = 100,
    in_main_menu: bool = True,
    visible: Callable[[], bool] | None = None,
) -> None:
    """`visible`, when given, is asked on each page (the current portal is set): a page that only
    some portals have (the wards' channel, on parents only) stays out of the others' menus."""
    _public[endpoint] = MenuEntry(
        endpoint, label, description, order, in_main_menu=in_main_menu, visible=visible
    )


def add_backoffice_page(endpoint: str, label, roles: tuple[str, ...] = (), order: int = 100) -> None:
    """`roles` empty means every signed-in member of the board."""
    _backoffice[endpoint] = MenuEntry(endpoint, label, order=order, roles=frozenset(roles))


def public_menu(main_only: bool = False) -> list[MenuEntry]:
    entries = [
        e
        for e in sorted(_public.values(), key=lambda e: (e.order, e.endpoint))
        if e.visible is None or e.visible()
    ]
    return [e for e in entries if e.in_main_menu] if main_only else entries


def backoffice_menu(user) -> list[MenuEntry]:
    """The back-office entries this user may open on the current portal."""
    entries = sorted(_backoffice.values(), key=lambda e: (e.order, e.endpoint))
    return [e for e in entries if not e.roles or user.has_role(*e.roles)]


# -- panels: templates one capability shows inside another's screen ----------------------------
# The newsroom's dashboard shows royalties' monthly plan; the approve form shows the factor field
# with royalties' range. The host screen names a slot and includes whatever is registered there,
# so it never names the capability that fills it.

_panels: dict[str, dict[str, int]] = {}


def add_panel(slot: str, template: str, order: int = 100) -> None:
    """Include `template` in every screen that renders `panels(slot)`."""
    _panels.setdefault(slot, {})[template] = order


def panels(slot: str) -> list[str]:
    entries = _panels.get(slot, {})
    return sorted(entries, key=lambda name: (entries[name], name))
