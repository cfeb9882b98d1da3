"""Who may do what on the current portal.

`@require_role("editor", "approver")` on a view: anonymous visitors go to the sign-in page,
signed-in people without one of the roles get a 403. Platform administrators pass everywhere.
Services that need finer rules (the author of a draft, say) check `current_user` themselves.
"""

from __future__ import annotations

import functools

from flask import abort
from flask_login import current_user

from app.extensions import login_manager


def require_role(*roles: str):
    def decorate(view):
        @functools.wraps(view)
        def guarded(*args, **kwargs):
            if not current_user.is_authenticated:
                return login_manager.unauthorized()
            if not current_user.has_role(*roles):
                abort(403)
            return view(*args, **kwargs)

        return guarded

    return decorate


def require_platform_admin(view):
    @functools.wraps(view)
    def guarded(*args, **kwargs):
        if not current_user.is_authenticated:
            return login_manager.unauthorized()
        if not current_user.is_platform_admin:
            abort(403)
        return view(*args, **kwargs)

    return guarded
