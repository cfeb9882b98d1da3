"""`flask --app wsgi tenants set-parent SLUG PARENT` and `flask --app wsgi aggregator sync`."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

from app.extensions import db
from blueprints.aggregator.parents import set_parent
from blueprints.aggregator.tasks import sync_everything
from tenants.cli import tenants_cli
from tenants.provisioning import ProvisioningError

aggregator_cli = AppGroup("aggregator", help="The city board: sync the wards' highlights.")


@tenants_cli.command("set-parent")
@click.argument("slug")
@click.argument("parent")
def set_parent_command(slug, parent):
    """Make PARENT the portal that aggregates SLUG ("none": no parent)."""
    try:
        tenant, changed = set_parent(slug, None if parent.lower() == "none" else parent)
        db.session.commit()
    except ProvisioningError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from exc
    click.echo(f"{tenant.slug}: parent {parent}{'' if changed else ' (unchanged)'}")


@aggregator_cli.command("sync")
def sync_command():
    """Sync every aggregating portal now (what cron does every minute)."""
    for tenant_id, outcome in sync_everything().items():
        click.echo(f"{tenant_id}: {outcome}")


def init_app(app: Flask) -> None:
    if "aggregator" not in app.cli.commands:
        app.cli.add_command(aggregator_cli)
