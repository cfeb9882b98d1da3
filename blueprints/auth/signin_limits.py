"""Failed sign-ins, counted (`app.rate_limits`: in Redis, or in this process while Redis is away),
so that guessing a password or a code cannot go on.

Two limits: one per account and one per client address. The account's is keyed by the account
that sign-in would check (its id), not by what was typed, so `approver@ｅxample.org` with a
full-width letter counts against the same account as `approver@example.org`. A member's account
is counted per portal (failures on one ward do not lock them out of another); a platform
administrator's on the whole platform, since the same password opens every portal. The address is
`request.remote_addr`, which werkzeug's ProxyFix sets from X-Forwarded-For only when
`PORTAL_TRUSTED_PROXIES` says to trust proxies.
"""

from __future__ import annotations

from flask import current_app
from limits import RateLimitItem, RateLimitItemPerSecond

from app import rate_limits

Limits = list[tuple[RateLimitItem, tuple[str, ...]]]


def failure_limits(tenant_id: int, account: str, platform_wide: bool, address: str) -> Limits:
    """The account's and the address's limits. `account` is the user's id when the e-mail names
    one, else the normalised e-mail (unknown addresses are counted too, so probing costs alike)."""
    config = current_app.config
    window = config["LOGIN_WINDOW_SECONDS"]
    scope = "platform" if platform_wide else str(tenant_id)
    return [
        (RateLimitItemPerSecond(config["LOGIN_MAX_FAILURES"], window), ("login-failures", scope, account)),
        (RateLimitItemPerSecond(config["LOGIN_MAX_FAILURES_PER_IP"], window), ("login-failures-ip", address)),
    ]


def throttled(limits: Limits) -> bool:
    return not all(rate_limits.allows(item, *identifiers) for item, identifiers in limits)


def record_failure(limits: Limits) -> None:
    for item, identifiers in limits:
        rate_limits.hit(item, *identifiers)


def clear_account(limits: Limits) -> None:
    rate_limits.clear(*limits[0])
