"""The command groups of `flask --app wsgi …`."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup

demo_cli = AppGroup("demo", help="Demo data for the city of Vũng Tàu and its 17 wards.")


@demo_cli.command("seed")
def seed():
    """Create the demo portals, people and content. Safe to run again."""
    from app.demo import seed_demo

    for line in seed_demo():
        click.echo(line)


@demo_cli.command("reform-2025")
def reform_2025():
    """Rehearse the 2025 reform on the demo: 17 portals of Vũng Tàu merged into 5, with a report."""
    from app.demo_reform import reform_report, run_reform

    click.echo(reform_report(run_reform()))


def init_app(app: Flask) -> None:
    from blueprints.auth.cli import users_cli
    from tenants.cli import tenants_cli

    app.cli.add_command(tenants_cli)
    app.cli.add_command(users_cli)
    app.cli.add_command(demo_cli)
