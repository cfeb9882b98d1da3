"""Accounts: creating users, granting roles, signing in, resetting passwords.

No request object here: views and commands pass plain values in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired
from limits import RateLimitItem, RateLimitItemPerSecond

from app import rate_limits
from app.extensions import db
from app.roles import Role
from app.security import hash_password, password_needs_rehash, token_serializer, verify_password
from blueprints.auth.models import Membership, User

MIN_PASSWORD_LENGTH = 10


class AccountError(ValueError):
    """A request about accounts that cannot be carried out, with the reason."""


def normalise_email(email: str) -> str:
    try:
        return validate_email(email.strip(), check_deliverability=False).normalized.lower()
    except EmailNotValidError as exc:
        raise AccountError(f"{email!r} is not a valid e-mail address") from exc


def find_user(email: str) -> User | None:
    try:
        email = normalise_email(email)
    except AccountError:
        return None
    return db.session.scalar(sa.select(User).where(sa.func.lower(User.email) == email))


def check_password_rules(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")


def create_user(
    email: str, password: str, name: str = "", platform_admin: bool = False, password_hash: str | None = None
) -> tuple[User, bool]:
    """Create a user; an existing one with the same e-mail is returned unchanged.

    `password_hash`, when given, is the hash of `password` computed once by the caller (the demo
    seeds dozens of accounts with one password; argon2 is slow on purpose).
    """
    email = normalise_email(email)
    existing = find_user(email)
    if existing is not None:
        return existing, False
    check_password_rules(password)
    user = User(
        email=email,
        name=name.strip() or email.split("@")[0],
        password_hash=password_hash or hash_password(password),
        is_platform_admin=platform_admin,
        password_changed_at=datetime.now(UTC),
    )
    db.session.add(user)
    db.session.flush()
    return user, True


def grant_role(user: User, role: str) -> tuple[Membership, bool]:
    """Give `user` a role on the current portal; granting it twice changes nothing."""
    if role not in set(Role):
        raise AccountError(f"role must be one of {', '.join(Role)}")
    membership = db.session.scalar(
        sa.select(Membership).where(Membership.user_id == user.id, Membership.role == role)
    )
    if membership is not None:
        return membership, False
    membership = Membership(user_id=user.id, role=role)
    db.session.add(membership)
    db.session.flush()
    return membership, True


# -- signing in, with failed attempts counted (app.rate_limits: Redis, or locally without it) ----


@dataclass(frozen=True)
class SignIn:
    user: User | None
    throttled: bool = False


def _failure_limits(tenant_id: int, email: str, ip: str) -> list[tuple[RateLimitItem, tuple[str, ...]]]:
    """The two failure limits a sign-in checks: per account on this portal, and per address."""
    config = current_app.config
    window = config["LOGIN_WINDOW_SECONDS"]
    return [
        (
            RateLimitItemPerSecond(config["LOGIN_MAX_FAILURES"], window),
            ("login-failures", str(tenant_id), email.lower()),
        ),
        (RateLimitItemPerSecond(config["LOGIN_MAX_FAILURES_PER_IP"], window), ("login-failures-ip", ip)),
    ]


def authenticate(tenant_id: int, email: str, password: str, ip: str) -> SignIn:
    """Check a sign-in on one portal.

    Refused while the account (on this portal) or the address has too many recent failures, even
    with the right password, so guessing cannot go on. A right password is accepted only from a
    user with a role here (or a platform administrator); it clears the account's failures.
    """
    limits = _failure_limits(tenant_id, email.strip(), ip)
    if not all(rate_limits.allows(item, *identifiers) for item, identifiers in limits):
        return SignIn(user=None, throttled=True)
    user = find_user(email)
    if (
        user is None
        or not user.is_active
        or not verify_password(user.password_hash, password)
        or not user.roles_here()
    ):
        if user is None:
            verify_password(_DUMMY_HASH.get(), password)  # same time whether the user exists or not
        for item, identifiers in limits:
            rate_limits.hit(item, *identifiers)
        return SignIn(user=None)
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    rate_limits.clear(*limits[0])
    return SignIn(user=user)


class _DummyHash:
    """A hash to verify against when the e-mail is unknown, made once per process."""

    _value: str | None = None

    def get(self) -> str:
        if self._value is None:
            self._value = hash_password("not-a-real-password")
        return self._value


_DUMMY_HASH = _DummyHash()


# -- password reset -----------------------------------------------------------------------------

RESET_MAIL_INTERVAL_SECONDS = 300


def reset_mail_allowed(tenant_id: int, email: str) -> bool:
    """At most one reset mail per address and portal every few minutes: the form cannot be used
    to flood someone's inbox."""
    once = RateLimitItemPerSecond(1, RESET_MAIL_INTERVAL_SECONDS)
    return rate_limits.hit(once, "reset-mail", str(tenant_id), email.strip().lower())


def _reset_fingerprint(user: User) -> str:
    """Changes when the password changes, so a reset link works once."""
    return (user.password_hash or "")[-16:]


def make_reset_token(user: User, host: str) -> str:
    return token_serializer("password-reset", host).dumps({"u": user.id, "f": _reset_fingerprint(user)})


def user_for_reset_token(token: str, host: str) -> User | None:
    """The user a reset token is for, or None if it is forged, expired, used or for another host."""
    try:
        data = token_serializer("password-reset", host).loads(
            token, max_age=current_app.config["PASSWORD_RESET_MAX_AGE"]
        )
    except (BadSignature, SignatureExpired):
        return None
    user = db.session.get(User, data.get("u"))
    if user is None or not user.is_active or data.get("f") != _reset_fingerprint(user):
        return None
    return user


def set_password(user: User, password: str) -> None:
    check_password_rules(password)
    user.password_hash = hash_password(password)
    user.password_changed_at = datetime.now(UTC)
