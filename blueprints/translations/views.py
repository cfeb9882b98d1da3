"""The translation dashboard ("Bản dịch tiếng Anh"): one back-office page per portal."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from app.bilingual import TranslationState, translatable_content
from app.navigation import add_backoffice_page
from app.roles import STAFF, require_role
from app.templating import render
from blueprints.translations.blueprint import bp
from blueprints.translations.services import children_rows, portal_rows
from tenants.context import require_tenant

add_backoffice_page("translations.dashboard", _l("Bản dịch tiếng Anh"), roles=STAFF, order=80)


@bp.get("/admin/ban-dich")
@require_role(*STAFF)
def dashboard():
    rows = portal_rows()
    return render(
        "translations/dashboard.html",
        rows=rows,
        required=[row for row in rows if row.content.required_by_law],
        children=children_rows(require_tenant().id),
        contents=translatable_content(),
        State=TranslationState,
    )
