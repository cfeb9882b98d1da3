"""Accounts: creating users, granting roles, signing in, resetting passwords.

No request object here: views and commands pass plain values in.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa
from email_validator import EmailNotValidError, validate_email
from flask import current_app
from itsdangerous import BadSignature, SignatureExpired
from limits import RateLimitItemPerSecond

from app import rate_limits
from app.extensions import db
from app.roles import Role
from app.security import hash_password, password_needs_rehash, token_serializer, verify_password
from blueprints.audit import services as audit
from blueprints.audit.models import AuditAction
from blueprints.auth import two_factor
from blueprints.auth.models import Membership, User
from blueprints.auth.signin_limits import Limits, clear_account, failure_limits, record_failure, throttled

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
    audit.record(AuditAction.ROLE_GRANTED, detail=f"{user.email}: {role}")
    return membership, True


# -- signing in, with failed attempts counted (app.rate_limits: Redis, or locally without it) ----


@dataclass(frozen=True)
class SignIn:
    user: User | None
    throttled: bool = False
    how: str = ""  # the second factor that passed: "totp" or "recovery"


def _account_limits(tenant_id: int, email: str, user: User | None, address: str) -> Limits:
    if user is not None:
        return failure_limits(tenant_id, f"user-{user.id}", user.is_platform_admin, address)
    try:
        account = normalise_email(email)
    except AccountError:
        account = email.strip().lower()
    return failure_limits(tenant_id, account, False, address)


def authenticate(tenant_id: int, email: str, password: str, ip: str) -> SignIn:
    """Check a sign-in on one portal.

    Refused while the account or the address has too many recent failures, even with the right
    password, so guessing cannot go on (`signin_limits`). A right password is accepted only from a
    user with a role here (or a platform administrator); it clears the account's failures, unless
    a second factor is still to come: then only the right code clears them, so that signing in
    again with the password cannot buy more guesses at the code.
    """
    user = find_user(email)
    limits = _account_limits(tenant_id, email, user, ip)
    if throttled(limits):
        return SignIn(user=None, throttled=True)
    if (
        user is None
        or not user.is_active
        or not verify_password(user.password_hash, password)
        or not user.roles_here()
    ):
        if user is None:
            verify_password(_DUMMY_HASH.get(), password)  # same time whether the user exists or not
        record_failure(limits)
        return SignIn(user=None)
    if password_needs_rehash(user.password_hash):
        user.password_hash = hash_password(password)
    if not (user.two_factor_enabled or two_factor.required_for(user)):
        clear_account(limits)
    return SignIn(user=user)


def second_factor(tenant_id: int, user: User, code: str, ip: str) -> SignIn:
    """The second step of a sign-in: wrong codes count against the same limits as wrong
    passwords, so six digits cannot be guessed either."""
    limits = _account_limits(tenant_id, user.email, user, ip)
    if throttled(limits):
        return SignIn(user=None, throttled=True)
    how = two_factor.check(user, code)
    if how is None:
        record_failure(limits)
        return SignIn(user=None)
    clear_account(limits)
    return SignIn(user=user, how=how)


def user_for_session(session_id: str) -> User | None:
    """The active user a session's id (`User.get_id`: "<id>.<epoch>") names, if the epoch is still
    theirs; a session from before a sign-out or a new password names an old one."""
    user_id, _, epoch = session_id.partition(".")
    if not (user_id.isdigit() and epoch.isdigit()):
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.is_active or user.session_epoch != int(epoch):
        return None
    return user


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
    """Changes when the password changes, so a reset link works once. A keyed digest of the hash:
    the token (readable by whoever holds the link) carries no part of the hash itself."""
    key = (
        current_app.secret_key.encode() if isinstance(current_app.secret_key, str) else current_app.secret_key
    )
    digest = hmac.new(key, (user.password_hash or "").encode(), hashlib.sha256)
    return digest.hexdigest()[:24]


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
    """A new password ends every session of the person (a reset after a theft must shut the thief
    out); the view that changed it begins a fresh one for whoever is at the keyboard."""
    check_password_rules(password)
    user.password_hash = hash_password(password)
    user.password_changed_at = datetime.now(UTC)
    end_sessions(user)


def end_sessions(user: User) -> None:
    """Every session of `user`, on every portal and device, stops at its next request: the
    sessions name the epoch they began in (`User.get_id`)."""
    user.session_epoch = (user.session_epoch or 0) + 1


def change_password(user: User, current: str, new: str) -> None:
    if not verify_password(user.password_hash, current):
        raise AccountError("the current password is not right")
    set_password(user, new)
