"""Back-office screens of the sections' names, in Vietnamese and English."""

from __future__ import annotations

from operator import attrgetter

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.bilingual import TranslatableContent, add_translatable
from app.crud import or_404
from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from blueprints.newsroom.blueprint import bp
from blueprints.newsroom.forms import SectionNamesForm
from blueprints.newsroom.models import Section
from blueprints.newsroom.sections import all_sections, get_section, rename_section

add_backoffice_page("newsroom.sections", _l("Chuyên mục"), roles=CONTENT_MANAGERS, order=13)
add_translatable(
    TranslatableContent(
        "sections",
        _l("Chuyên mục"),
        Section,
        order=55,
        edit_endpoint="newsroom.edit_section",
        edit_arg="section_id",
        edit_roles=CONTENT_MANAGERS,
        describe=attrgetter("name_vi"),
    )
)


@bp.get("/admin/newsroom/sections")
@require_role(*CONTENT_MANAGERS)
def sections():
    return render("newsroom/sections.html", sections=all_sections())


@bp.route("/admin/newsroom/sections/<int:section_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def edit_section(section_id: int):
    section = or_404(get_section(section_id))
    form = SectionNamesForm(obj=section)
    if form.validate_on_submit():
        rename_section(section, form.name_vi.data, form.name_en.data or "", form.reviewed.data)
        db.session.commit()
        flash(_("Đã lưu."), "info")
        return redirect(url_for("newsroom.sections"))
    status = 422 if request.method == "POST" else 200
    return render("newsroom/section_form.html", form=form, section=section), status
