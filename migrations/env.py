"""Alembic environment: migrations run as the owner (`DATABASE_URL`), never as the app's role.

Before migrating it creates the database and the app's role if they are missing; afterwards it
grants that role row access to every table. So `flask --app wsgi db upgrade` alone prepares an
empty server.
"""

import logging
from logging.config import fileConfig

import sqlalchemy as sa
from alembic import context
from flask import current_app

from app import import_models
from app.dbsetup import declare_leakproof_operators, ensure_app_role, ensure_database, grant_app_role

config = context.config
fileConfig(config.config_file_name, disable_existing_loggers=False)
logger = logging.getLogger("alembic.env")

import_models()
target_db = current_app.extensions["migrate"].db
owner_url = current_app.config["DATABASE_URL"]
config.set_main_option("sqlalchemy.url", owner_url.replace("%", "%%"))


def run_migrations_offline():
    context.configure(url=owner_url, target_metadata=target_db.metadata, literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online():
    def process_revision_directives(context, revision, directives):
        if getattr(config.cmd_opts, "autogenerate", False):
            script = directives[0]
            if script.upgrade_ops.is_empty():
                directives[:] = []
                logger.info("No changes in schema detected.")

    conf_args = current_app.extensions["migrate"].configure_args
    conf_args.setdefault("process_revision_directives", process_revision_directives)

    ensure_database(owner_url)
    engine = sa.create_engine(owner_url, poolclass=sa.pool.NullPool)
    role = current_app.config["APP_DB_ROLE"]
    with engine.connect() as connection:
        ensure_app_role(
            connection, role, current_app.config["APP_DB_PASSWORD"], connection.engine.url.database
        )
        connection.commit()
        context.configure(connection=connection, target_metadata=target_db.metadata, **conf_args)
        with context.begin_transaction():
            context.run_migrations()
        grant_app_role(connection, role)
        if not declare_leakproof_operators(connection):
            logger.warning(
                "Not a superuser: the search operators are not LEAKPROOF, so searches under "
                "row-level security cannot use their indexes (docs/search.md)."
            )
        connection.commit()
    engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
