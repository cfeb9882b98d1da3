"""Two-factor sign-in: a time-based code (TOTP, RFC 6238) from an authenticator app, or a
single-use recovery code.

Required of approvers, board heads and platform administrators (they publish and manage people);
anyone else may turn it on. The secret is shown once, at enrolment, as a QR code and as text; the
recovery codes are shown once too and kept only as argon2 hashes, each struck off when used.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime

import pyotp
import segno

from app.roles import Role
from app.security import hash_password, verify_password
from blueprints.auth.models import User

REQUIRED_ROLES = frozenset({Role.APPROVER, Role.BOARD_HEAD})
RECOVERY_CODE_COUNT = 10
ISSUER = "wardportal"


def required_for(user: User) -> bool:
    """Whether `user` must use a second factor on the current portal."""
    return user.is_platform_admin or bool(user.roles_here() & REQUIRED_ROLES)


def new_secret() -> str:
    return pyotp.random_base32()


def provisioning_uri(secret: str, email: str, portal: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=email, issuer_name=portal or ISSUER)


def qr_svg(uri: str) -> str:
    """The enrolment QR code as inline SVG (no image request, nothing kept on disk)."""
    return segno.make(uri, error="m").svg_inline(scale=4)


def code_is_valid(secret: str, code: str) -> bool:
    """A code of this 30-second step or the one either side (clocks drift)."""
    code = "".join(code.split())
    return len(code) == 6 and code.isdigit() and pyotp.TOTP(secret).verify(code, valid_window=1)


def _new_recovery_codes(user: User) -> list[str]:
    codes = [f"{secrets.token_hex(3)}-{secrets.token_hex(3)}" for _ in range(RECOVERY_CODE_COUNT)]
    user.recovery_code_hashes = [hash_password(c) for c in codes]
    return codes


def enable(user: User, secret: str, code: str) -> list[str] | None:
    """Turn two-factor sign-in on with `secret` if `code` proves the app holds it; the recovery
    codes to show (once), or None when the code is wrong."""
    if not code_is_valid(secret, code):
        return None
    user.totp_secret = secret
    user.totp_enabled_at = datetime.now(UTC)
    return _new_recovery_codes(user)


def renew_recovery_codes(user: User) -> list[str]:
    return _new_recovery_codes(user)


def reset(user: User) -> None:
    """Forget the secret and the codes (a lost phone): enrolment is asked at the next sign-in."""
    user.totp_secret = None
    user.totp_enabled_at = None
    user.recovery_code_hashes = []


def check(user: User, code: str) -> str | None:
    """How `code` passed as the second factor, "totp" or "recovery" (then struck off), or None."""
    if not user.two_factor_enabled or not user.totp_secret:
        return None
    if code_is_valid(user.totp_secret, code):
        return "totp"
    typed = code.strip().lower()
    for stored in user.recovery_code_hashes or []:
        if verify_password(stored, typed):
            user.recovery_code_hashes = [h for h in user.recovery_code_hashes if h != stored]
            return "recovery"
    return None
