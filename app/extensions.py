"""The Flask extensions, created unbound here and bound in `create_app`."""

from __future__ import annotations

import redis
from flask import current_app
from flask_babel import Babel
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect
from sqlalchemy import MetaData

# Stable constraint names, so migrations can drop and alter them by name.
NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

db = SQLAlchemy(metadata=MetaData(naming_convention=NAMING_CONVENTION))
migrate = Migrate()
login_manager = LoginManager()
babel = Babel()
csrf = CSRFProtect()


def redis_client() -> redis.Redis:
    """The app's Redis connection, shared by every request of the process."""
    return current_app.extensions["wardportal.redis"]


def redis_key(*parts: object) -> str:
    """A key under this deployment's prefix, so tests and the demo never share keys."""
    return ":".join([current_app.config["REDIS_PREFIX"], *map(str, parts)])
