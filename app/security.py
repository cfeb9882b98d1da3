"""Passwords, host-bound sessions and signed tokens.

The session cookie is host-only (no Domain attribute) and, beyond that, signed with a salt that
names the host it was issued on. A cookie lifted from `phuong-1.…` and replayed on `phuong-2.…`
fails its signature there and is treated as no session at all.
"""

from __future__ import annotations

import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from flask import Flask, current_app, g, request
from flask.sessions import SecureCookieSessionInterface
from itsdangerous import URLSafeTimedSerializer
from werkzeug.datastructures import Headers

from app.spreadsheets import XLSX_MIMETYPE
from tenants.resolver import InvalidHost, normalise_host

_hashers: dict[bool, PasswordHasher] = {
    False: PasswordHasher(),
    # Tests hash hundreds of passwords; the cheap parameters are still argon2id.
    True: PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1),
}


def _hasher() -> PasswordHasher:
    return _hashers[bool(current_app.config.get("PASSWORD_HASH_FAST"))]


def hash_password(password: str) -> str:
    return _hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    if not stored_hash:
        return False
    try:
        return _hasher().verify(stored_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def password_needs_rehash(stored_hash: str) -> bool:
    return _hasher().check_needs_rehash(stored_hash)


def request_host() -> str:

    try:
        return normalise_host(request.host)
    except InvalidHost:
        return "-"


class HostBoundSessionInterface(SecureCookieSessionInterface):
    """Flask's signed-cookie session, with the host in the signing salt."""

    def get_signing_serializer(self, app: Flask) -> URLSafeTimedSerializer | None:
        if not app.secret_key:
            return None
        return URLSafeTimedSerializer(
            app.secret_key,
            salt=f"{self.salt}:{request_host()}",
            serializer=self.serializer,
            signer_kwargs={"key_derivation": self.key_derivation, "digest_method": self.digest_method},
        )


def token_serializer(purpose: str, host: str) -> URLSafeTimedSerializer:
    """A serializer for one purpose on one host: a token made for ward A is void on ward B."""
    secret = current_app.secret_key
    if not secret:
        raise RuntimeError("SECRET_KEY is not set: tokens cannot be signed")
    return URLSafeTimedSerializer(secret, salt=f"{purpose}:{host}")


def csp_nonce() -> str:
    """The nonce of this response's inline scripts (`<script nonce="{{ csp_nonce() }}">`)."""
    if "csp_nonce" not in g:
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def visitor_secrets() -> list[str]:
    """This request's CSRF token and script nonce, those it has made: a page or a part of one
    that holds either is this visitor's own, and no cache may keep it for anyone else."""
    made = (g.get(current_app.config.get("WTF_CSRF_FIELD_NAME", "csrf_token")), g.get("csp_nonce"))
    return [str(value) for value in made if value]


def content_security_policy() -> str:
    """Scripts only from this site or with this response's nonce; frames only from the embed
    allow-list; nothing may frame a portal page but the portal itself. Inline styles stay
    allowed: themes set their colours that way."""
    embeds = " ".join(
        f"https://{h.strip()}" for h in current_app.config["PORTAL_EMBED_HOSTS"].split(",") if h.strip()
    )
    return "; ".join(
        [
            "default-src 'self'",
            f"script-src 'self' 'nonce-{csp_nonce()}'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            f"frame-src {embeds or chr(39) + 'none' + chr(39)}",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'self'",
        ]
    )


# Spreadsheets the back office exports (royalty statements, comments, reports): personal data.
EXPORT_MIMETYPES = {"text/csv", XLSX_MIMETYPE}


def is_private(response) -> bool:
    """A back-office page or an export: nothing a shared computer's cache or a proxy may keep.

    Every back-office page lives under `/admin` (the English prefix is stripped before routing).
    An export is a CSV or XLSX the view made itself; a stored file that set its own caching (a
    public document's spreadsheet) keeps it.
    """
    if request.path == "/admin" or request.path.startswith("/admin/"):
        return True
    return response.mimetype in EXPORT_MIMETYPES and "Cache-Control" not in response.headers


def security_headers(response):
    """Headers every page gets: a content security policy, no MIME sniffing, no framing by
    other sites, short referrers; no caching of private pages; HSTS over HTTPS only (a browser
    ignores it over HTTP, and sending it there would only mislead). A response that set its own
    policy (a download) keeps it."""
    if is_private(response):
        response.headers["Cache-Control"] = "no-store"
    add_security_headers(response.headers, response.mimetype, request.is_secure)
    return response


def add_security_headers(headers: Headers, mimetype: str, secure: bool) -> None:
    """The headers of `security_headers` that a response has not set itself."""
    for name, value in security_header_items(mimetype, secure):
        headers.setdefault(name, value)


def security_header_items(mimetype: str, secure: bool) -> list[tuple[str, str]]:
    """Every header `security_headers` may add, for a response of this type (the page cache's
    hits answered before Flask add them from here too)."""
    items = [
        ("X-Content-Type-Options", "nosniff"),
        ("X-Frame-Options", "SAMEORIGIN"),
        ("Referrer-Policy", "strict-origin-when-cross-origin"),
    ]
    if mimetype == "text/html":
        items.insert(0, ("Content-Security-Policy", content_security_policy()))
    if secure:
        items.append(("Strict-Transport-Security", "max-age=31536000"))
    return items
