"""Configuration, read from the environment.

Every setting a deployment may change is an environment variable with the same name.
`DATABASE_URL` and `REDIS_URL` are optional in development: when they are unset the project
starts its own embedded PostgreSQL and Valkey under `instance/` (see `app.embedded`), so a fresh
clone runs. `WARDPORTAL_ENV=production` turns those stand-ins off: a production process refuses
to start without `DATABASE_URL`, `REDIS_URL` and `SECRET_KEY` (`check_environment`).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


class ConfigurationError(RuntimeError):
    """A setting is missing or wrong: the process stops at start, saying which and why."""


ENVIRONMENTS = ("development", "production")
# What production must be given: the embedded servers and the generated key are stand-ins.
PRODUCTION_SETTINGS = ("DATABASE_URL", "REDIS_URL", "SECRET_KEY")
MIN_SECRET_LENGTH = 32


def check_environment(settings) -> None:
    """Refuse to start production without its own servers and secret key.

    `settings` is the app's config or `os.environ` (the names are the same). Development (the
    default, for the demo and the tests) may leave them unset.
    """
    environment = settings.get("WARDPORTAL_ENV") or "development"
    if environment not in ENVIRONMENTS:
        raise ConfigurationError(f"WARDPORTAL_ENV must be development or production, not {environment!r}.")
    if environment != "production":
        return
    missing = [name for name in PRODUCTION_SETTINGS if not settings.get(name)]
    if missing:
        raise ConfigurationError(
            f"WARDPORTAL_ENV=production and {', '.join(missing)} not set. The embedded PostgreSQL "
            "and Valkey and the generated secret key are for the demo and the tests only: give "
            "production its own (see docs/deploy.md)."
        )
    if len(settings["SECRET_KEY"]) < MIN_SECRET_LENGTH:
        raise ConfigurationError(
            f"SECRET_KEY is shorter than {MIN_SECRET_LENGTH} characters; make one with "
            "python3 -c 'import secrets; print(secrets.token_urlsafe(48))'."
        )


def instance_secret(instance_path: Path) -> str:
    """A development secret kept in `instance/secret_key`, so sessions survive restarts."""
    path = instance_path / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


class Config:
    """Defaults for development; production overrides them through the environment."""

    # "production" requires DATABASE_URL, REDIS_URL and SECRET_KEY (check_environment).
    WARDPORTAL_ENV = os.environ.get("WARDPORTAL_ENV", "development")

    # The base domain: the city portal answers on it and each ward on `<slug>.<base>`.
    PORTAL_BASE_DOMAIN = os.environ.get("PORTAL_BASE_DOMAIN", "vungtau.localhost")
    # Number of reverse proxies whose X-Forwarded-* headers are trusted (0 = none).
    PORTAL_TRUSTED_PROXIES = int(os.environ.get("PORTAL_TRUSTED_PROXIES", "0"))
    PREFERRED_URL_SCHEME = os.environ.get("PREFERRED_URL_SCHEME", "http")

    # Owner connection (migrations, provisioning of roles). The web app and workers connect
    # as APP_DB_ROLE, a role that owns nothing and so cannot bypass row-level security.
    DATABASE_URL = os.environ.get("DATABASE_URL")
    APP_DATABASE_URL = os.environ.get("APP_DATABASE_URL")
    APP_DB_ROLE = os.environ.get("APP_DB_ROLE", "wardportal_app")
    APP_DB_PASSWORD = os.environ.get("APP_DB_PASSWORD", "")
    REDIS_URL = os.environ.get("REDIS_URL")
    # pool_pre_ping: a pooled connection is tested before use and replaced if the server dropped
    # it (PostgreSQL restarted), so the first request after a restart succeeds; connect_timeout:
    # an unreachable server fails a request in seconds rather than hanging it.
    SQLALCHEMY_ENGINE_OPTIONS = {"pool_pre_ping": True, "connect_args": {"connect_timeout": 5}}

    SECRET_KEY = os.environ.get("SECRET_KEY")
    SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE")
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    # Host-only cookies: never a Domain attribute, so one ward's cookie never reaches another.
    SESSION_COOKIE_DOMAIN = False
    PERMANENT_SESSION_LIFETIME = int(os.environ.get("SESSION_LIFETIME_SECONDS", str(8 * 3600)))
    REMEMBER_COOKIE_SECURE = SESSION_COOKIE_SECURE
    # The largest request body accepted (bytes); larger ones are answered 413 before being read.
    # Above the 25 MB a single document upload may weigh, so that upload's own, friendlier check
    # (next to its field) still speaks for a file just over its limit.
    MAX_CONTENT_LENGTH = int(os.environ.get("MAX_CONTENT_LENGTH", str(30 * 1024 * 1024)))
    WTF_CSRF_TIME_LIMIT = 8 * 3600

    BABEL_DEFAULT_LOCALE = "vi"
    BABEL_DEFAULT_TIMEZONE = "Asia/Ho_Chi_Minh"
    PORTAL_LOCALES = ("vi", "en")

    # Failed sign-ins: at most LOGIN_MAX_FAILURES per account and portal in LOGIN_WINDOW_SECONDS.
    LOGIN_MAX_FAILURES = int(os.environ.get("LOGIN_MAX_FAILURES", "5"))
    LOGIN_MAX_FAILURES_PER_IP = int(os.environ.get("LOGIN_MAX_FAILURES_PER_IP", "30"))
    LOGIN_WINDOW_SECONDS = int(os.environ.get("LOGIN_WINDOW_SECONDS", "900"))
    PASSWORD_RESET_MAX_AGE = 3600

    # Mail: "folder" writes .eml files to instance/mail, "console" logs them, "smtp" sends.
    MAIL_BACKEND = os.environ.get("MAIL_BACKEND", "folder")
    MAIL_SENDER = os.environ.get("MAIL_SENDER", "no-reply@vungtau.localhost")
    MAIL_SMTP_HOST = os.environ.get("MAIL_SMTP_HOST", "localhost")
    MAIL_SMTP_PORT = int(os.environ.get("MAIL_SMTP_PORT", "25"))
    MAIL_SMTP_USER = os.environ.get("MAIL_SMTP_USER")
    MAIL_SMTP_PASSWORD = os.environ.get("MAIL_SMTP_PASSWORD")
    MAIL_SMTP_STARTTLS = env_bool("MAIL_SMTP_STARTTLS")
    # SMTPS: TLS from the first byte (port 465), instead of STARTTLS on a plain connection.
    MAIL_SMTP_SSL = env_bool("MAIL_SMTP_SSL")
    # A CA bundle to verify the mail server's certificate with (a private CA); default: the system's.
    MAIL_SMTP_CA_FILE = os.environ.get("MAIL_SMTP_CA_FILE") or None

    # RQ: one queue name per deployment; tests use their own.
    RQ_QUEUE = os.environ.get("RQ_QUEUE", "wardportal")
    RQ_JOB_TIMEOUT = 300
    # Hosts whose pages may be embedded (the 360° tourism tours): comma-separated, HTTPS only.
    PORTAL_EMBED_HOSTS = os.environ.get("PORTAL_EMBED_HOSTS", "")
    # Seconds the in-process tenant cache trusts itself when Redis cannot be reached.
    TENANT_CACHE_FALLBACK_SECONDS = 30
    # Seconds an anonymous page stays in the page cache (app/page_cache.py); 0 turns it off.
    # Changes to a portal's content refresh its pages at once; this bounds what no write
    # announces (a banner's first day, a new release's templates).
    PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
    # Seconds each web process answers a cookie-less reader's cached page from its own memory
    # before asking Redis again (app/page_cache_local.py), and how many pages it keeps there;
    # 0 seconds turns this first level off. Another process's change shows after at most this.
    PAGE_CACHE_LOCAL_SECONDS = float(os.environ.get("PAGE_CACHE_LOCAL_SECONDS", "1"))
    PAGE_CACHE_LOCAL_ENTRIES = int(os.environ.get("PAGE_CACHE_LOCAL_ENTRIES", "256"))
    # Seconds each web process keeps a rendered block of a public page (app/block_cache.py) for
    # the requests the page cache does not answer, and how many blocks; 0 seconds turns it off.
    # A change to the portal's content renews its blocks at once; this bounds the rest, as above.
    BLOCK_CACHE_SECONDS = int(os.environ.get("BLOCK_CACHE_SECONDS", "600"))
    BLOCK_CACHE_ENTRIES = int(os.environ.get("BLOCK_CACHE_ENTRIES", "1024"))
    # Redis may fail or hang; pages must not wait for it (app/redis_guard.py). Seconds to wait for
    # an answer / a connection; failures in a row that open the circuit breaker; seconds it stays
    # open before one trial command is let through.
    REDIS_SOCKET_TIMEOUT = float(os.environ.get("REDIS_SOCKET_TIMEOUT", "0.5"))
    REDIS_CONNECT_TIMEOUT = float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5"))
    REDIS_BREAKER_FAILURES = int(os.environ.get("REDIS_BREAKER_FAILURES", "3"))
    REDIS_BREAKER_RESET_SECONDS = float(os.environ.get("REDIS_BREAKER_RESET_SECONDS", "5"))
    # Who may read /metrics (app/metrics.py): a bearer token, and/or addresses or networks.
    # Both empty: nobody (the endpoint answers 404).
    METRICS_TOKEN = os.environ.get("METRICS_TOKEN", "")
    METRICS_ALLOWED_IPS = os.environ.get("METRICS_ALLOWED_IPS", "")
    # Prefix of every key this deployment writes to Redis.
    REDIS_PREFIX = os.environ.get("REDIS_PREFIX", "wardportal")


class TestConfig(Config):
    TESTING = True
    # Tests read Redis's figures right after a request; the first level's own tests turn it on.
    PAGE_CACHE_LOCAL_SECONDS = 0.0
    WTF_CSRF_ENABLED = True
    PASSWORD_HASH_FAST = True
    MAIL_BACKEND = "memory"
    RQ_QUEUE = "wardportal-test"
    REDIS_PREFIX = "wardportal-test"
