"""Sections' names in the back office: the Vietnamese and the English, kept current together.

Sections are made with the portal (their slugs are public URLs and stay); editors rename them and
give or review their English here.
"""

from __future__ import annotations

import sqlalchemy as sa

from app.extensions import db
from blueprints.newsroom.models import Section
from tenants.context import require_tenant


def all_sections() -> list[Section]:
    return list(db.session.scalars(sa.select(Section).order_by(Section.position, Section.name_vi)))


def get_section(section_id: int) -> Section | None:
    return db.session.get(Section, (require_tenant().id, section_id))


def rename_section(section: Section, name_vi: str, name_en: str, reviewed: bool = False) -> Section:
    before = section.english_before_edit()
    section.name_vi, section.name_en = name_vi.strip(), name_en.strip()
    section.after_translation_edit(before, reviewed)
    db.session.flush()
    return section
