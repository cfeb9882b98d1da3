"""`flask --app wsgi users create|grant`."""

from __future__ import annotations

import click
from flask.cli import AppGroup

from app.extensions import db
from app.roles import Role
from blueprints.auth import two_factor
from blueprints.auth.services import AccountError, create_user, end_sessions, find_user, grant_role
from tenants.context import tenant_scope
from tenants.provisioning import ProvisioningError
from tenants.resolver import tenant_by_slug

users_cli = AppGroup("users", help="Create users and grant them roles on portals.")


@users_cli.command("create")
@click.option("--email", required=True)
@click.option("--password", required=True, help="At least 10 characters.")
@click.option("--name", default="", help="Full name, as shown to colleagues.")
@click.option("--platform-admin", is_flag=True, help="Administrator of every portal.")
def create(email, password, name, platform_admin):
    """Create a user. An existing e-mail is left unchanged."""
    try:
        user, created = create_user(email, password, name, platform_admin=platform_admin)
        db.session.commit()
    except AccountError as exc:
        db.session.rollback()
        raise click.ClickException(str(exc)) from None
    click.echo(f"{user.email}: {'created' if created else 'already exists, unchanged'}")


@users_cli.command("grant")
@click.option("--email", required=True)
@click.option("--tenant", "slug", required=True, help="Slug of the portal.")
@click.option("--role", required=True, type=click.Choice([r.value for r in Role]))
def grant(email, slug, role):
    """Give a user a role on one portal."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"no user with e-mail {email!r}")
    tenant = tenant_by_slug(slug)
    if tenant is None:
        raise click.ClickException(str(ProvisioningError(f"no tenant with slug {slug!r}")))
    with tenant_scope(tenant):
        _membership, created = grant_role(user, role)
        db.session.commit()
    click.echo(f"{user.email}: {role} on {slug} {'granted' if created else 'already granted'}")


@users_cli.command("reset-two-factor")
@click.option("--email", required=True)
def reset_two_factor(email):
    """Forget a user's authenticator key and recovery codes (a lost phone) and end their sessions;
    the next sign-in enrols again."""
    user = find_user(email)
    if user is None:
        raise click.ClickException(f"no user with e-mail {email!r}")
    two_factor.reset(user)
    end_sessions(user)
    db.session.commit()
    click.echo(f"{user.email}: two-factor sign-in reset; enrolment is asked at the next sign-in")
