"""Back-office screens of the documents library: list, create, edit, attach and remove files."""

from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import SelectChoice

from app.bilingual import TranslatableContent, add_translatable
from app.crud import or_404
from app.extensions import db
from app.navigation import add_backoffice_page
from app.roles import CONTENT_MANAGERS, require_role
from app.templating import render
from app.uploads import UploadRejected, send_stored
from blueprints.documents.blueprint import bp
from blueprints.documents.forms import DocumentForm
from blueprints.documents.models import Document
from blueprints.documents.services import (
    DocumentFilters,
    DocumentInvalid,
    add_file,
    get_document,
    get_file,
    list_documents,
    number_taken,
    remove_file,
    save_document,
    successor_choices,
)

add_backoffice_page("documents.admin_index", _l("Văn bản"), roles=CONTENT_MANAGERS, order=45)
add_translatable(
    TranslatableContent(
        "documents",
        _l("Trích yếu văn bản"),
        Document,
        order=60,
        public=lambda: Document.is_published,
        edit_endpoint="documents.admin_edit",
        edit_arg="document_id",
        edit_roles=CONTENT_MANAGERS,
        describe=lambda document: f"{document.number} – {document.summary[:80]}",
    )
)


@bp.get("/admin/documents")
@require_role(*CONTENT_MANAGERS)
def admin_index():
    page_arg = request.args.get("page", "1")
    page = list_documents(
        DocumentFilters.from_args(request.args),
        per_page=50,
        published_only=False,
        page=int(page_arg) if page_arg.isdigit() and len(page_arg) < 7 else 1,
    )
    return render("documents/admin/index.html", page=page)


@bp.route("/admin/documents/new", methods=["GET", "POST"], defaults={"document_id": None})
@bp.route("/admin/documents/<int:document_id>", methods=["GET", "POST"])
@require_role(*CONTENT_MANAGERS)
def admin_edit(document_id: int | None):
    document = or_404(get_document(document_id, public=False)) if document_id else None
    form = DocumentForm(obj=document)
    form.replaced_by_id.choices = [SelectChoice(0, _("(Không)"))] + [
        SelectChoice(d.id, f"{d.number} – {d.summary[:80]}") for d in successor_choices(document)
    ]
    if form.validate_on_submit():
        if number_taken(form.number.data, document):
            form.number.errors.append(_("Đã có văn bản với số, ký hiệu này."))
        else:
            try:
                saved = save_document(document, **{k: v for k, v in form.data.items() if k != "upload"})
                if form.upload.data and form.upload.data.filename:
                    add_file(saved, form.upload.data)
            except DocumentInvalid as exc:
                db.session.rollback()
                form[exc.field].errors.append(str(exc))
            except UploadRejected as exc:
                db.session.rollback()
                form.upload.errors.append(str(exc))
            else:
                db.session.commit()
                flash(_("Đã lưu văn bản %(number)s.", number=saved.number), "info")
                return redirect(url_for("documents.admin_edit", document_id=saved.id))
    status = 422 if form.errors else 200
    return render("documents/admin/edit.html", form=form, document=document), status


@bp.get("/admin/documents/<int:document_id>/files/<int:file_id>")
@require_role(*CONTENT_MANAGERS)
def admin_download(document_id: int, file_id: int):

    file = or_404(get_file(document_id, file_id, public=False))
    return send_stored(file.file_key, file.content_type, file.filename)


@bp.post("/admin/documents/<int:document_id>/files/<int:file_id>/delete")
@require_role(*CONTENT_MANAGERS)
def admin_remove_file(document_id: int, file_id: int):
    file = or_404(get_file(document_id, file_id, public=False))
    remove_file(file)
    db.session.commit()
    flash(_("Đã gỡ tệp."), "info")
    return redirect(url_for("documents.admin_edit", document_id=document_id))
