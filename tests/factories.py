"""Factories: each call makes fresh, uniquely named rows, so tests share no hidden state."""

from __future__ import annotations

import itertools
import uuid

import pyotp

from app.demo import DEMO_ROLES, demo_email
from app.extensions import db
from blueprints.auth import two_factor
from blueprints.auth.services import create_user, grant_role
from tenants.context import TenantInfo, tenant_scope
from tenants.provisioning import TenantSpec, create_tenant
from tenants.resolver import tenant_info

PASSWORD = "correct horse battery"
_numbers = itertools.count(1)


def unique(prefix: str) -> str:
    return f"{prefix}-{next(_numbers)}-{uuid.uuid4().hex[:6]}"


def make_tenant(
    kind: str = "ward", theme: str | None = None, parent: TenantInfo | None = None, **fields
) -> TenantInfo:
    slug = fields.pop("slug", None) or unique("t")
    spec = TenantSpec(
        slug=slug,
        name_vi=fields.pop("name_vi", f"Phường {slug}"),
        name_en=fields.pop("name_en", f"Ward {slug}"),
        kind=kind,
        theme=theme,
        parent_slug=parent.slug if parent else None,
        **fields,
    )
    tenant, _ = create_tenant(spec, hostname=f"{slug}.test.localhost")
    db.session.flush()
    return tenant_info(tenant)


def base_url(tenant: TenantInfo) -> str:
    return f"http://{tenant.primary_host}"


def make_user(
    *,
    roles: dict[TenantInfo, list[str]] | None = None,
    password: str = PASSWORD,
    platform_admin: bool = False,
    email: str | None = None,
):
    user, _ = create_user(
        email or f"{unique('u')}@example.org", password, "Nguyễn Văn A", platform_admin=platform_admin
    )
    for tenant, names in (roles or {}).items():
        with tenant_scope(tenant):
            for role in names:
                grant_role(user, role)
    if platform_admin or any(set(names) & two_factor.REQUIRED_ROLES for names in (roles or {}).values()):
        enrol_two_factor(user)
    db.session.flush()
    return user


def make_demo_staff(ward: TenantInfo) -> dict:
    """The people the demo seeds look up on `ward`: one user for each of `app.demo.DEMO_ROLES`,
    under the demo's address for that role; by role name."""
    return {
        role.value: make_user(roles={ward: [role.value]}, email=demo_email(role.value, ward.slug))
        for role in DEMO_ROLES
    }


def enrol_two_factor(user) -> list[str]:
    """Two-factor sign-in on, with a secret of its own (`tests.support.current_totp` reads it);
    the recovery codes."""
    secret = pyotp.random_base32()
    return two_factor.enable(user, secret, pyotp.TOTP(secret).now())
