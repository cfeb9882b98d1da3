"""Creating and changing tenants and their domains: the rules behind the `tenants` commands.

Every function is idempotent (asking twice for the same state changes nothing the second time)
and raises `ProvisioningError` with a sentence a person can act on. Changes announce themselves
to every process's resolver cache once they commit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app

from app.db import after_commit
from app.extensions import db
from app.templating import available_themes
from tenants.models import Tenant, TenantDomain, TenantKind, TenantStatus
from tenants.resolver import InvalidHost, announce_change, normalise_host, split_host_port

SLUG = re.compile(r"^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")


class ProvisioningError(ValueError):
    """A request that cannot be carried out, with the reason."""


@dataclass
class TenantSpec:
    slug: str
    name_vi: str
    name_en: str
    kind: str = TenantKind.WARD
    parent_slug: str | None = None
    theme: str | None = None
    default_locale: str = "vi"
    timezone: str = "Asia/Ho_Chi_Minh"
    contact: dict | None = None


def default_hostname(slug: str, kind: str) -> str:
    """The city answers on the base domain; each ward and commune on `<slug>.<base>`."""
    base = current_app.config["PORTAL_BASE_DOMAIN"]
    return base if kind == TenantKind.CITY else f"{slug}.{base}"


def get_tenant(slug: str) -> Tenant:
    tenant = db.session.scalar(sa.select(Tenant).where(Tenant.slug == slug))
    if tenant is None:
        raise ProvisioningError(f"no tenant with slug {slug!r}")
    return tenant


def validate_spec(spec: TenantSpec) -> None:
    if not SLUG.match(spec.slug):
        raise ProvisioningError(
            f"slug {spec.slug!r} must be lower-case letters, digits and hyphens, without accents"
        )
    if spec.kind not in set(TenantKind):
        raise ProvisioningError(f"kind must be one of {', '.join(TenantKind)}")
    if not spec.name_vi.strip():
        raise ProvisioningError("the Vietnamese name is required")
    if spec.theme and spec.theme not in available_themes():
        raise ProvisioningError(f"no theme {spec.theme!r}; themes: {', '.join(available_themes())}")
    if spec.default_locale not in current_app.config["PORTAL_LOCALES"]:
        raise ProvisioningError("default locale must be vi or en")


def create_tenant(spec: TenantSpec, hostname: str | None = None) -> tuple[Tenant, bool]:
    """Create the tenant with its primary domain; returns (tenant, created).

    An existing tenant with the same slug is returned unchanged when it agrees with `spec` on
    its kind, so running a provisioning script twice is harmless.
    """
    validate_spec(spec)
    existing = db.session.scalar(sa.select(Tenant).where(Tenant.slug == spec.slug))
    if existing is not None:
        if existing.kind != spec.kind:
            raise ProvisioningError(f"tenant {spec.slug!r} exists with kind {existing.kind}")
        return existing, False
    parent = get_tenant(spec.parent_slug) if spec.parent_slug else None
    tenant = Tenant(
        slug=spec.slug,
        name_vi=spec.name_vi.strip(),
        name_en=(spec.name_en or spec.name_vi).strip(),
        kind=spec.kind,
        parent=parent,
        default_locale=spec.default_locale,
        timezone=spec.timezone,
        theme=spec.theme or ("city" if spec.kind == TenantKind.CITY else "ward"),
        contact=spec.contact or {},
        status=TenantStatus.ACTIVE,
    )
    db.session.add(tenant)
    db.session.flush()
    add_domain(tenant.slug, hostname or default_hostname(spec.slug, spec.kind), primary=True)
    return tenant, True


def add_domain(slug: str, hostname: str, primary: bool = False) -> tuple[TenantDomain, bool]:
    """Attach `hostname` to the tenant; with `primary`, make it the one the others redirect to."""
    tenant = get_tenant(slug)
    try:
        host = normalise_host(hostname)
    except InvalidHost as exc:
        raise ProvisioningError(f"{hostname!r} is not a valid hostname") from exc
    if split_host_port(hostname)[1] is not None:
        raise ProvisioningError("give the hostname without a port")
    domain = db.session.scalar(sa.select(TenantDomain).where(TenantDomain.hostname == host))
    if domain is not None and domain.tenant_id != tenant.id:
        raise ProvisioningError(f"{host} already belongs to tenant {domain.tenant.slug!r}")
    created = domain is None
    if domain is None:
        domain = TenantDomain(tenant=tenant, hostname=host, is_primary=False)
        db.session.add(domain)
    if primary or tenant.primary_domain is None:
        for other in tenant.domains:
            if other is not domain and other.is_primary:
                other.is_primary = False
        db.session.flush()
        domain.is_primary = True
    db.session.flush()
    after_commit(announce_change)
    return domain, created


def set_status(slug: str, status: str) -> tuple[Tenant, bool]:
    tenant = get_tenant(slug)
    if status not in set(TenantStatus):
        raise ProvisioningError(f"status must be one of {', '.join(TenantStatus)}")
    changed = tenant.status != status
    tenant.status = status
    db.session.flush()
    after_commit(announce_change)
    return tenant, changed


def describe(tenant: Tenant) -> dict:
    """The JSON shape of `tenants list --json`."""
    return {
        "slug": tenant.slug,
        "kind": tenant.kind,
        "status": tenant.status,
        "name_vi": tenant.name_vi,
        "name_en": tenant.name_en,
        "domains": [d.hostname for d in sorted(tenant.domains, key=lambda d: (not d.is_primary, d.hostname))],
    }


def list_tenants() -> list[Tenant]:
    kind_order = sa.case({"city": 0, "ward": 1, "commune": 2}, value=Tenant.kind)
    return list(db.session.scalars(sa.select(Tenant).order_by(kind_order, Tenant.id)))
