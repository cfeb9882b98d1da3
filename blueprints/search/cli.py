"""`flask --app wsgi search reindex [--tenant SLUG]` and `flask --app wsgi demo generate`."""

from __future__ import annotations

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from app.extensions import db
from blueprints.search.indexing import reindex_tenant
from tenants.models import Tenant
from tenants.resolver import tenant_info

search_cli = AppGroup("search", help="The search index.")


@search_cli.command("reindex")
@click.option("--tenant", "slug", help="Only this portal (default: every portal).")
def reindex(slug: str | None):
    """Rebuild the index from the published content. Safe to run at any time."""
    stmt = sa.select(Tenant).order_by(Tenant.id)
    if slug:
        stmt = stmt.where(Tenant.slug == slug)
    tenants = list(db.session.scalars(stmt))
    if slug and not tenants:
        raise click.ClickException(f"no portal with the slug {slug!r}")
    for tenant in tenants:
        count = reindex_tenant(tenant_info(tenant))
        db.session.commit()
        click.echo(f"{tenant.slug}: {count} items indexed")


@click.command("generate")
@click.option(
    "--tenants",
    "tenant_count",
    type=click.IntRange(1, 9999),
    default=10,
    show_default=True,
    help="How many wards (gen-0001…) under the generated city gen-city.",
)
@click.option(
    "--articles",
    type=click.IntRange(0, 1_000_000),
    default=100,
    show_default=True,
    help="Published articles per ward.",
)
def generate_command(tenant_count: int, articles: int):
    """Generate portals full of Vietnamese articles for benchmarks (reuses an earlier run's)."""
    from blueprints.search.generator import generate

    with click.progressbar(length=tenant_count * articles, label="Generating articles") as bar:
        wards = generate(tenant_count, articles, progress=bar.update)
    click.echo(f"{len(wards)} wards of gen-city, {articles} articles each")
