"""Back-office screens for the introduction: sections, units, leaders and contacts.

Editors and the board head maintain them. Saving a contact through its form, or pressing
"checked", sets its "last checked" date to today; the list flags contacts older than 180 days.
"""

from __future__ import annotations

from functools import partial
from operator import attrgetter

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.bilingual import TranslatableContent, add_translatable
from app.crud import or_404
from app.extensions import db
from app.i18n import current_locale
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from app.uploads import UploadRejected, send_stored
from blueprints.about.blueprint import bp
from blueprints.about.forms import ContactForm, LeaderForm, SectionForm, UnitForm, unit_choices
from blueprints.about.models import Contact, IntroSection, Leader, OrgChartUnit, SectionKind
from blueprints.about.services import (
    all_leaders,
    all_units,
    get_contact,
    get_leader,
    get_section,
    get_unit,
    intro_sections,
    is_stale,
    list_contacts,
    mark_checked,
    parent_choices,
    save_contact,
    save_leader,
    save_section,
    save_unit,
    stale_contacts,
    unit_name_taken,
)
from tenants.context import require_tenant

add_backoffice_page("about.admin_sections", _l("Giới thiệu"), roles=CONTENT_MANAGERS, order=40)
add_backoffice_page("about.admin_units", _l("Cơ cấu tổ chức"), roles=CONTENT_MANAGERS, order=41)
add_backoffice_page("about.admin_leaders", _l("Lãnh đạo"), roles=CONTENT_MANAGERS, order=42)
add_backoffice_page("about.admin_contacts", _l("Danh bạ cán bộ"), roles=CONTENT_MANAGERS, order=43)

# What Decree 42 requires in English: the introduction, the organisation and the officials' contacts.
# (key, label, model, edit screen, its URL argument, the item's name, what visitors see)
REQUIRED_IN_ENGLISH = (
    ("intro_sections", _l("Giới thiệu"), IntroSection, "about.admin_section", "kind", "kind_label", None),
    ("org_units", _l("Cơ cấu tổ chức"), OrgChartUnit, "about.admin_unit", "unit_id", "name_vi", None),
    ("leaders", _l("Lãnh đạo"), Leader, "about.admin_leader", "leader_id", "name", "is_published"),
    ("contacts", _l("Danh bạ cán bộ"), Contact, "about.admin_contact", "contact_id", "name", "is_published"),
)
for order, (key, label, model, endpoint, arg, name, shown) in enumerate(REQUIRED_IN_ENGLISH, start=1):
    add_translatable(
        TranslatableContent(
            key,
            label,
            model,
            order=order * 10,
            required_by_law=True,
            public=partial(getattr, model, shown) if shown else None,
            edit_endpoint=endpoint,
            edit_arg=arg,
            edit_field="kind" if arg == "kind" else "id",
            edit_roles=CONTENT_MANAGERS,
            describe=attrgetter(name),
        )
    )


def _saved(endpoint: str):
    """Commit what the form changed, say so, and go back to the list at `endpoint`."""
    db.session.commit()
    flash(_("Đã lưu."), "info")
    return redirect(url_for(endpoint))


def _form_page(form, title, endpoint: str, **extra):
    """The edit screen of one row: its form (422 when it was refused), cancelling to the list at
    `endpoint`."""
    page = render("about/admin/form.html", form=form, title=title, cancel=url_for(endpoint), **extra)
    return page, 422 if form.errors else 200


@bp.get("/admin/introduction")
@require_role(*CONTENT_MANAGERS)
def admin_sections():
    return render("about/admin/sections.html", sections=intro_sections(), kinds=list(SectionKind))


@bp.route("/admin/introduction/<kind>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_section(kind: str):
    if kind not in set(SectionKind):
        abort(404)
    kind = SectionKind(kind)
    section = get_section(kind)
    form = SectionForm(obj=section)
    if kind is not SectionKind.MAP:
        del form.image, form.image_alt_vi, form.image_alt_en
    if form.validate_on_submit():
        try:
            save_section(
                kind,
                body_vi=form.body_vi.data,
                body_en=form.body_en.data,
                image_alt_vi=form.image_alt_vi.data if "image" in form else "",
                image_alt_en=form.image_alt_en.data if "image" in form else "",
                image=form.image.data if "image" in form else None,
                reviewed=form.reviewed.data,
            )
        except UploadRejected as exc:
            form.image.errors.append(str(exc))
        else:
            return _saved("about.admin_sections")
    return _form_page(
        form,
        kind.label,
        "about.admin_sections",
        image_url=url_for("about.section_image", kind=kind)
        if section is not None and section.image_key
        else None,
        item=section,
    )


@bp.get("/admin/units")
@require_role(*CONTENT_MANAGERS)
def admin_units():
    return render("about/admin/units.html", units=all_units(), locale=current_locale())


@bp.route("/admin/units/new", methods=["GET", "POST"], defaults={"unit_id": None})
@bp.route("/admin/units/<int:unit_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_unit(unit_id: int | None):
    unit = or_404(get_unit(unit_id)) if unit_id else None
    form = UnitForm(obj=unit)
    form.parent_id.choices = unit_choices(
        parent_choices(unit), current_locale(), _l("(Không trực thuộc đơn vị nào)")
    )
    if form.validate_on_submit():
        if unit_name_taken(form.name_vi.data, unit):
            form.name_vi.errors.append(_("Đã có đơn vị cùng tên."))
        else:
            save_unit(unit, **form.data)
            return _saved("about.admin_units")
    return _form_page(
        form,
        _("Đơn vị") if unit is None else unit.name_vi,
        "about.admin_units",
        item=unit,
    )


@bp.get("/admin/leaders")
@require_role(*CONTENT_MANAGERS)
def admin_leaders():
    return render("about/admin/leaders.html", leaders=all_leaders())


@bp.route("/admin/leaders/new", methods=["GET", "POST"], defaults={"leader_id": None})
@bp.route("/admin/leaders/<int:leader_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_leader(leader_id: int | None):
    leader = or_404(get_leader(leader_id)) if leader_id else None
    form = LeaderForm(obj=leader)
    if form.validate_on_submit():
        values = {k: v for k, v in form.data.items() if k not in ("photo", "submit", "csrf_token")}
        try:
            save_leader(leader, photo=form.photo.data, **values)
        except UploadRejected as exc:
            form.photo.errors.append(str(exc))
        else:
            return _saved("about.admin_leaders")
    photo_url = (
        url_for("about.admin_leader_photo", leader_id=leader.id) if leader and leader.photo_key else None
    )
    return _form_page(
        form,
        _("Lãnh đạo") if leader is None else leader.name,
        "about.admin_leaders",
        image_url=photo_url,
        item=leader,
    )


@bp.get("/admin/leaders/<int:leader_id>/photo")
@require_role(*CONTENT_MANAGERS)
def admin_leader_photo(leader_id: int):
    """The photo of any leader, published or not, for the edit screen."""

    leader = get_leader(leader_id)
    if leader is None or not leader.photo_key:
        abort(404)
    return send_stored(leader.photo_key, leader.photo_type, f"leader-{leader.id}", as_attachment=False)


@bp.get("/admin/contacts")
@require_role(*CONTENT_MANAGERS)
def admin_contacts():
    today = require_tenant().today()
    page_number = request.args.get("page", "1")
    page = list_contacts(
        page=int(page_number) if page_number.isdigit() else 1, per_page=100, published_only=False
    )
    return render(
        "about/admin/contacts.html",
        page=page,
        today=today,
        is_stale=is_stale,
        stale=stale_contacts(today),
        locale=current_locale(),
    )


@bp.route("/admin/contacts/new", methods=["GET", "POST"], defaults={"contact_id": None})
@bp.route("/admin/contacts/<int:contact_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_contact(contact_id: int | None):
    contact = or_404(get_contact(contact_id)) if contact_id else None
    form = ContactForm(obj=contact)
    form.unit_id.choices = unit_choices(all_units(), current_locale(), _l("(Chưa chọn đơn vị)"))
    if form.validate_on_submit():
        save_contact(contact, today=require_tenant().today(), **form.data)
        return _saved("about.admin_contacts")
    return _form_page(
        form,
        _("Cán bộ đầu mối") if contact is None else contact.name,
        "about.admin_contacts",
        item=contact,
    )


@bp.post("/admin/contacts/<int:contact_id>/checked")
@require_role(*CONTENT_MANAGERS)
def admin_contact_checked(contact_id: int):
    """Confirm that a contact's details are still right, without editing it."""
    contact = or_404(get_contact(contact_id))
    mark_checked(contact, require_tenant().today())
    db.session.commit()
    flash(_("Đã xác nhận thông tin liên hệ của %(name)s.", name=contact.name), "info")
    return redirect(url_for("about.admin_contacts"))
