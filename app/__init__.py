"""The application factory. `wsgi.py` is the only module that builds an app at import time."""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from pathlib import Path

from flask import Flask
from sqlalchemy.engine import make_url
from werkzeug.middleware.proxy_fix import ProxyFix

from app.config import Config, check_environment, instance_secret
from app.redis_guard import guarded_client

ROOT = Path(__file__).resolve().parent.parent

# Every capability is one package in blueprints/, registered in this order.
BLUEPRINTS = (
    "auth",
    "audit",
    "pages",
    "admin",
    "newsroom",
    "royalties",
    "about",
    "documents",
    "schedule",
    "programmes",
    "promo",
    "visits",
    "seo",
    "news",
    "aggregator",
    "api",
    "help",
    "feedback",
    "consultations",
    "search",
    "translating",
)


def import_models() -> None:
    """Import every model module, so the metadata (and Alembic) knows every table."""
    importlib.import_module("tenants.models")
    importlib.import_module("tenants.merge_models")
    importlib.import_module("app.holidays")
    importlib.import_module("workers.outbox")
    for name in BLUEPRINTS:
        try:
            importlib.import_module(f"blueprints.{name}.models")
        except ModuleNotFoundError as exc:
            if exc.name != f"blueprints.{name}.models":
                raise
    from app.db import defer_tenant_foreign_keys
    from app.extensions import db

    defer_tenant_foreign_keys(db.metadata)


def create_app(config: type[Config] | dict | None = None) -> Flask:
    app = Flask(__name__, instance_path=os.environ.get("INSTANCE_PATH", str(ROOT / "instance")))
    _configure(app, config)

    from app import (
        block_cache,
        cli,
        content_version,  # noqa: F401  (its session listeners register on import)
        errors,
        health,
        i18n,
        legacy_urls,
        logs,
        metrics,
        page_cache,
        public_forms,
        rate_limits,
        request_guards,
        templating,
    )
    from app.extensions import csrf, db, login_manager, migrate
    from app.security import HostBoundSessionInterface, csp_nonce, security_headers
    from tenants import web as tenant_web

    logs.init_app(app)
    metrics.init_app(app)
    db.init_app(app)
    migrate.init_app(app, db, directory=str(ROOT / "migrations"))
    login_manager.init_app(app)
    app.session_interface = HostBoundSessionInterface()
    app.after_request(security_headers)
    app.add_template_global(csp_nonce)
    app.extensions["wardportal.redis"] = guarded_client(app.config["REDIS_URL"], app.config)

    i18n.init_app(app)
    rate_limits.init_app(app)
    public_forms.init_app(app)
    templating.init_app(app)
    block_cache.init_app(app)
    tenant_web.init_app(app)
    request_guards.init_app(app)
    # After the tenant hook: reading a form (CSRF) may answer 400 or 413, and that page is the
    # portal's own, so the portal must be known first.
    csrf.init_app(app)
    legacy_urls.init_app(app)
    errors.init_app(app)
    app.register_blueprint(health.bp)
    for name in BLUEPRINTS:
        module = importlib.import_module(f"blueprints.{name}.blueprint")
        app.register_blueprint(module.bp)
        if hasattr(module, "init_app"):
            module.init_app(app)
    cli.init_app(app)
    # Last: its lookup runs after every other before-request hook and its store first after the view.
    page_cache.init_app(app)

    _add_middleware(app)
    return app


def _add_middleware(app: Flask) -> None:
    """WSGI middleware, outermost first: the proxies' headers made the request's own (when
    trusted), `/en` turned into the language, cached pages for cookie-less readers, then Flask."""
    from app.i18n import LocalePrefix
    from app.page_cache_wsgi import CachedPages

    wsgi_app: Callable = LocalePrefix(CachedPages(app, app.wsgi_app))
    if app.config["PORTAL_TRUSTED_PROXIES"]:
        hops = app.config["PORTAL_TRUSTED_PROXIES"]
        wsgi_app = ProxyFix(wsgi_app, x_for=hops, x_proto=hops, x_host=hops, x_prefix=hops)
    app.wsgi_app = wsgi_app  # type: ignore[method-assign]  # Flask's way to add middleware


def _configure(app: Flask, config: type[Config] | dict | None) -> None:
    app.config.from_object(Config)
    if isinstance(config, dict):
        app.config.update(config)
    elif config is not None:
        app.config.from_object(config)
    check_environment(app.config)
    instance = Path(app.instance_path)
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = instance_secret(instance)
    if app.config.get("DATABASE_URL"):
        app.config["DATABASE_URL"] = with_psycopg(app.config["DATABASE_URL"])
    else:
        from app.embedded import postgres_url

        app.config["DATABASE_URL"] = database_url_for(postgres_url(instance), "wardportal")
    if not app.config.get("REDIS_URL"):
        from app.embedded import valkey_url

        app.config["REDIS_URL"] = valkey_url(instance)
    if not app.config.get("APP_DATABASE_URL"):
        app.config["APP_DATABASE_URL"] = app_role_url(app.config)
    app.config["SQLALCHEMY_DATABASE_URI"] = app.config["APP_DATABASE_URL"]


def with_psycopg(url: str) -> str:
    """`postgresql://…` means psycopg 2 to SQLAlchemy; this project speaks psycopg 3."""

    return make_url(url).set(drivername="postgresql+psycopg").render_as_string(hide_password=False)


def database_url_for(server_url: str, database: str) -> str:
    """The URL of `database` on the server that `server_url` points at."""

    return (
        make_url(server_url)
        .set(drivername="postgresql+psycopg", database=database)
        .render_as_string(hide_password=False)
    )


def app_role_url(config) -> str:
    """The owner's URL with the app role's name and password instead."""

    url = make_url(config["DATABASE_URL"]).set(
        drivername="postgresql+psycopg",
        username=config["APP_DB_ROLE"],
        password=config["APP_DB_PASSWORD"] or None,
    )
    return url.render_as_string(hide_password=False)
