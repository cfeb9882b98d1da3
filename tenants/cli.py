"""`flask --app wsgi tenants create|list|add-domain|suspend|resume|merge`."""

from __future__ import annotations

import json
from pathlib import Path

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from app.extensions import db
from tenants import merge_report, merging, provisioning
from tenants.merge_rules import Strategy
from tenants.merging import MergeRefused, MergeRequest
from tenants.models import TenantKind, TenantStatus
from tenants.provisioning import ProvisioningError, TenantSpec

tenants_cli = AppGroup("tenants", help="Create and manage portals (tenants).")


def _fail(exc: Exception) -> None:
    db.session.rollback()
    raise click.ClickException(str(exc))


@tenants_cli.command("create")
@click.argument("slug")
@click.option("--name-vi", required=True, help="Full Vietnamese name, e.g. 'Phường Thắng Tam'.")
@click.option("--name-en", default="", help="English name, e.g. 'Thang Tam Ward'.")
@click.option("--kind", type=click.Choice([k.value for k in TenantKind]), default="ward", show_default=True)
@click.option("--parent", "parent_slug", help="Slug of the city this ward belongs to.")
@click.option("--domain", help="Primary hostname (default: <slug>.PORTAL_BASE_DOMAIN).")
@click.option("--theme", help="Theme name (default: city or ward).")
def create(slug, name_vi, name_en, kind, parent_slug, domain, theme):
    """Create a portal with its primary domain. Running it again changes nothing."""
    try:
        tenant, created = provisioning.create_tenant(
            TenantSpec(
                slug=slug, name_vi=name_vi, name_en=name_en, kind=kind, parent_slug=parent_slug, theme=theme
            ),
            hostname=domain,
        )
        db.session.commit()
    except ProvisioningError as exc:
        _fail(exc)
    state = "created" if created else "already exists, unchanged"
    click.echo(f"{tenant.slug}: {state} ({tenant.primary_domain.hostname})")


@tenants_cli.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print JSON: slug, kind, status, domains.")
def list_(as_json):
    """List every portal."""
    rows = [provisioning.describe(t) for t in provisioning.list_tenants()]
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        click.echo(f"{row['slug']:<16} {row['kind']:<8} {row['status']:<10} {' '.join(row['domains'])}")


@tenants_cli.command("add-domain")
@click.argument("slug")
@click.argument("hostname")
@click.option("--primary", is_flag=True, help="Make it the primary domain; the others redirect to it.")
def add_domain(slug, hostname, primary):
    """Attach a hostname to a portal (an alias unless --primary)."""
    try:
        domain, created = provisioning.add_domain(slug, hostname, primary=primary)
        db.session.commit()
    except ProvisioningError as exc:
        _fail(exc)
    role = "primary" if domain.is_primary else "alias"
    click.echo(f"{slug}: {domain.hostname} {'added' if created else 'already attached'} as {role}")


def _set_status(slug: str, status: str) -> None:
    try:
        tenant, changed = provisioning.set_status(slug, status)
        db.session.commit()
    except ProvisioningError as exc:
        _fail(exc)
    click.echo(f"{tenant.slug}: {status}{'' if changed else ' (unchanged)'}")


@tenants_cli.command("suspend")
@click.argument("slug")
def suspend(slug):
    """Take a portal offline: its pages answer 503 until it is resumed."""
    _set_status(slug, TenantStatus.SUSPENDED)


@tenants_cli.command("resume")
@click.argument("slug")
def resume(slug):
    """Bring a suspended portal back."""
    _set_status(slug, TenantStatus.ACTIVE)


@tenants_cli.command("export")
@click.argument("slug")
@click.argument("file", type=click.Path(dir_okay=False, writable=True))
def export(slug, file):
    """Write one portal's data and files to FILE (a .tar.gz with a manifest and checksums)."""
    from tenants.transfer import export_portal

    try:
        manifest = export_portal(slug, Path(file))
    except ProvisioningError as exc:
        _fail(exc)
    db.session.rollback()
    rows = sum(manifest["tables"].values())
    files = sum(1 for name in manifest["members"] if name.startswith("files/"))
    click.echo(f"{slug}: {rows} rows in {len(manifest['tables'])} tables, {files} files → {file}")


@tenants_cli.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@click.option("--as", "as_slug", help="Import under this slug (and its default hostname).")
def import_(file, as_slug):
    """Restore a portal from FILE, with new ids; refuses a damaged or newer archive, and a slug
    or hostname already in use, before writing anything."""
    from tenants.archive import ArchiveRefused
    from tenants.transfer import import_portal

    try:
        result = import_portal(Path(file), as_slug)
    except (ArchiveRefused, ProvisioningError) as exc:
        _fail(exc)
    tenant = result.tenant
    click.echo(
        f"{tenant.slug}: {result.rows} rows and {len(result.files)} files imported ({tenant.primary_host})"
    )


def _resolutions(values: tuple[str, ...]) -> dict[str, Strategy]:
    resolutions = {}
    for value in values:
        table, _, how = value.partition("=")
        if how not in set(Strategy):
            raise click.BadParameter(
                f"{value!r}: write TABLE=merge, TABLE=rename or TABLE=sum", param_hint="--resolve"
            )
        resolutions[table.strip()] = Strategy(how)
    return resolutions


@tenants_cli.command("merge")
@click.option(
    "--into", "into", required=True, help="Slug of the portal that receives everything (created if new)."
)
@click.argument("former", nargs=-1, required=True)
@click.option("--name-vi", default="", help="Vietnamese name of the new portal, when it does not exist yet.")
@click.option("--name-en", default="", help="English name of the new portal.")
@click.option("--kind", type=click.Choice([k.value for k in TenantKind]), default="ward", show_default=True)
@click.option("--parent", "parent_slug", help="Slug of the new portal's parent (the province, since 2025).")
@click.option("--domain", help="Primary hostname of a new portal (default: <slug>.PORTAL_BASE_DOMAIN).")
@click.option(
    "--resolve",
    "resolve",
    multiple=True,
    metavar="TABLE=HOW",
    help="Resolve a table's conflicts: merge, rename or sum.",
)
@click.option("--dry-run", is_flag=True, help="Print what would move and every conflict; change nothing.")
def merge(into, former, name_vi, name_en, kind, parent_slug, domain, resolve, dry_run):
    """Merge the FORMER portals into one: move every row, keep where it came from, redirect the
    old domains, suspend the former portals. One transaction: all of it or nothing."""
    request = MergeRequest(
        into=into,
        former=list(former),
        name_vi=name_vi,
        name_en=name_en,
        kind=kind,
        parent=parent_slug,
        hostname=domain,
        resolutions=_resolutions(resolve),
    )
    click.echo(execute_merge(request, dry_run=dry_run))


def execute_merge(request: MergeRequest, dry_run: bool = False) -> str:
    """Dry run (rolled back) or merge (committed), as the owner; the text to print."""
    try:
        if dry_run:
            with merging.owner_transaction() as conn:
                # Planning only reads (its settings are local to the transaction).
                return merge_report.describe_plan(merging.plan_merge(conn, request))
        result = merging.merge(request)
    except (MergeRefused, ProvisioningError) as exc:
        raise click.ClickException(str(exc)) from exc
    except sa.exc.IntegrityError as exc:  # a resolution the data refuses (a renamed code too long…)
        raise click.ClickException(f"nothing was merged: {exc.orig}") from exc
    return merge_report.describe_result(result)
