"""Who may do what on the current portal: the roles, their groups and the view guards.

Every capability checks roles, so they live in the core rather than in the sign-in package. A
person's roles are per portal (a membership row of that tenant); platform administrators are
marked on the user and pass everywhere.

`@require_role(Role.EDITOR, Role.APPROVER)` on a view: anonymous visitors go to the sign-in page,
signed-in people without one of the roles get a 403. Services that need finer rules (the author
of a draft, say) check the acting user themselves. The guards rely only on
`current_user.has_role(*roles)` and `current_user.is_platform_admin`, so the core does not import
the user model.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from flask import abort
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from app.enums import LabelledEnum
from app.extensions import login_manager

View = TypeVar("View", bound=Callable[..., Any])


class Role(LabelledEnum):
    COLLABORATOR = "collaborator", _l("Cộng tác viên")
    EDITOR = "editor", _l("Biên tập viên")
    APPROVER = "approver", _l("Người duyệt bài (Phó Trưởng ban)")
    BOARD_HEAD = "board-head", _l("Trưởng Ban biên tập")


PLATFORM_ADMIN = "platform-admin"

# Who manages a portal's content, people and settings in the back office.
CONTENT_MANAGERS = (Role.EDITOR, Role.BOARD_HEAD)

# The board's office: everyone but collaborators (they see the whole newsroom, not only their drafts).
STAFF = (Role.APPROVER, Role.EDITOR, Role.BOARD_HEAD)

# Everyone with a role on the portal.
MEMBERS = (Role.COLLABORATOR, *STAFF)


def require_role(*roles: str) -> Callable[[View], View]:
    def decorate(view: View) -> View:
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return guarded  # type: ignore[return-value]

    return decorate


def require_platform_admin(view: View) -> View:
    @functools.wraps(view)
    def guarded(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_platform_admin:
            abort(403)
        return view(*args, **kwargs)

    return guarded  # type: ignore[return-value]
