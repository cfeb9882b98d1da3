"""Failed sign-ins, counted in Redis, so that guessing a password cannot go on.

Two counters: one per account and one per client address. The account's counter is keyed by the
account that sign-in would check (its id), not by what was typed, so `approver@ｅxample.org` with
a full-width letter counts against the same account as `approver@example.org`. A member's account
is counted per portal (failures on one ward do not lock them out of another); a platform
administrator's on the whole platform, since the same password opens every portal. The address is
`request.remote_addr`, which werkzeug's ProxyFix sets from X-Forwarded-For only when
`PORTAL_TRUSTED_PROXIES` says to trust proxies.
"""

from __future__ import annotations

from flask import current_app

from app.extensions import redis_client, redis_key


def failure_keys(tenant_id: int, account: str, platform_wide: bool, address: str) -> tuple[str, str]:
    """The account's and the address's counters. `account` is the user's id when the e-mail names
    one, else the normalised e-mail (unknown addresses are counted too, so probing costs alike)."""
    scope = "platform" if platform_wide else tenant_id
    return (redis_key("login-failures", scope, account), redis_key("login-failures-ip", address))


def throttled(keys: tuple[str, str]) -> bool:
    config = current_app.config
    account, per_address = redis_client().mget(keys)
    return (
        int(account or 0) >= config["LOGIN_MAX_FAILURES"]
        or int(per_address or 0) >= config["LOGIN_MAX_FAILURES_PER_IP"]
    )


def record_failure(keys: tuple[str, str]) -> None:
    window = current_app.config["LOGIN_WINDOW_SECONDS"]
    with redis_client().pipeline() as pipe:
        for key in keys:
            pipe.incr(key)
            pipe.expire(key, window, nx=True)
        pipe.execute()


def clear_account(keys: tuple[str, str]) -> None:
    redis_client().delete(keys[0])
