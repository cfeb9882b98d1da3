"""A portal's own texts, its name and the footer's contact block, in Vietnamese and English.

They live on the global `tenants` row (the name in `name_vi` / `name_en`, the footer in the
`contact` JSON: `owner`, `responsible`, `address` and their `…_en`, with `phone` and `email`), are
read through the resolver's `TenantInfo`, and are kept current like content (app.bilingual): the
fingerprint of the Vietnamese the English was made from is `contact["translated_from"]`. A
portal's back office only ever changes its own row.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.bilingual import TranslationState, fingerprint
from app.db import after_commit
from app.extensions import db
from tenants.models import Tenant
from tenants.resolver import announce_change

FOOTER_FIELDS = ("owner", "responsible", "address", "phone", "email")
TRANSLATED_FOOTER = ("owner", "responsible", "address")


@dataclass
class PortalTexts:
    name_vi: str
    name_en: str
    contact: dict

    def vietnamese(self) -> list[str]:
        return [self.name_vi, *(self.contact.get(name) or "" for name in TRANSLATED_FOOTER)]

    def english(self) -> list[str]:
        return [self.name_en, *(self.contact.get(f"{name}_en") or "" for name in TRANSLATED_FOOTER)]

    @property
    def state(self) -> TranslationState:
        """Missing while the name has no English of its own or a footer text has none."""
        name_missing = not self.name_en.strip() or self.name_en.strip() == self.name_vi.strip()
        footer_missing = any(
            (self.contact.get(name) or "").strip() and not (self.contact.get(f"{name}_en") or "").strip()
            for name in TRANSLATED_FOOTER
        )
        if name_missing or footer_missing:
            return TranslationState.MISSING
        made_from = self.contact.get("translated_from")
        if made_from and made_from != fingerprint(self.vietnamese()):
            return TranslationState.OUTDATED
        return TranslationState.CURRENT


def portal_texts(tenant) -> PortalTexts:
    """The texts of a `Tenant` row or a `TenantInfo`."""
    return PortalTexts(tenant.name_vi, tenant.name_en, dict(tenant.contact or {}))


def save_portal_texts(tenant_id: int, values: dict, reviewed: bool = False) -> Tenant:
    """Store the English name and the footer (both languages) of the portal `tenant_id`.

    The Vietnamese name is the portal's legal name, changed by the platform, not here."""
    tenant = db.session.get(Tenant, tenant_id)
    if tenant is None:
        raise LookupError(f"no tenant {tenant_id}")
    before = portal_texts(tenant)
    contact = dict(tenant.contact or {})
    for name in FOOTER_FIELDS + tuple(f"{n}_en" for n in TRANSLATED_FOOTER):
        contact[name] = (values.get(name) or "").strip()
    tenant.name_en = (values.get("name_en") or "").strip() or tenant.name_vi
    after = PortalTexts(tenant.name_vi, tenant.name_en, contact)
    if reviewed or after.english() != before.english():
        contact["translated_from"] = fingerprint(after.vietnamese())
    tenant.contact = contact
    db.session.flush()
    after_commit(announce_change)
    return tenant
