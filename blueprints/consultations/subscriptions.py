"""E-mail subscriptions to a portal's consultations: subscribe, confirm by a signed link,
unsubscribe in one click.

A subscription is confirmed only through the link mailed to the address (so nobody can subscribe
someone else), and every mail carries a signed unsubscribe link (and the `List-Unsubscribe`
header). Tokens are signed for this purpose on this portal's host (`app.security.token_serializer`),
so a ward A link does nothing on ward B. Subscribing an address twice reveals nothing: the answer
is always "check your mail".
"""

from __future__ import annotations

from datetime import UTC, datetime

import sqlalchemy as sa
from itsdangerous import BadSignature, SignatureExpired

from app.extensions import db
from app.security import token_serializer
from blueprints.consultations.models import Subscriber
from tenants.context import require_tenant

CONFIRM_MAX_AGE = 7 * 24 * 3600


def _serializer(purpose: str):
    return token_serializer(f"consultation-{purpose}", require_tenant().primary_host)


def subscribe(email: str, locale: str = "vi") -> Subscriber:
    """The subscriber row of `email` (new, or the existing one, re-activated if it had left);
    the caller enqueues the confirmation mail unless it is already active."""
    email = email.strip().lower()
    subscriber = db.session.scalar(sa.select(Subscriber).where(Subscriber.email == email))
    if subscriber is None:
        subscriber = Subscriber(email=email, locale=locale if locale in ("vi", "en") else "vi")
        db.session.add(subscriber)
    elif subscriber.unsubscribed_at is not None:
        subscriber.unsubscribed_at = None
        subscriber.confirmed_at = None
        subscriber.locale = locale if locale in ("vi", "en") else "vi"
    db.session.flush()
    return subscriber


def token(subscriber: Subscriber, purpose: str) -> str:
    return _serializer(purpose).dumps({"s": subscriber.id, "e": subscriber.email})


def _subscriber_of(token_value: str, purpose: str, max_age: int | None) -> Subscriber | None:
    try:
        data = _serializer(purpose).loads(token_value, max_age=max_age)
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(data, dict):
        return None
    subscriber = db.session.get(Subscriber, (require_tenant().id, data.get("s")))
    return subscriber if subscriber is not None and subscriber.email == data.get("e") else None


def confirm(token_value: str, now: datetime | None = None) -> Subscriber | None:
    """Confirm the subscription of a valid link (idempotent); None for a bad or old link."""
    subscriber = _subscriber_of(token_value, "confirm", CONFIRM_MAX_AGE)
    if subscriber is None or subscriber.unsubscribed_at is not None:
        return None
    if subscriber.confirmed_at is None:
        subscriber.confirmed_at = now or datetime.now(UTC)
        db.session.flush()
    return subscriber


def unsubscribe(token_value: str, now: datetime | None = None) -> Subscriber | None:
    """Stop every mail to the subscriber of a valid link (idempotent); None for a bad link."""
    subscriber = _subscriber_of(token_value, "unsubscribe", None)
    if subscriber is None:
        return None
    if subscriber.unsubscribed_at is None:
        subscriber.unsubscribed_at = now or datetime.now(UTC)
        db.session.flush()
    return subscriber


def active_subscribers() -> list[Subscriber]:
    return list(
        db.session.scalars(
            sa.select(Subscriber)
            .where(Subscriber.confirmed_at.is_not(None), Subscriber.unsubscribed_at.is_(None))
            .order_by(Subscriber.id)
        )
    )
