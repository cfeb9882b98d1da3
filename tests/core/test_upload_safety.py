"""Uploads: the served type and extension come from the checked content, never the uploader's
name; images lose their metadata before they are stored; article authors are the portal's writers."""

from __future__ import annotations

import io
import zipfile

import pytest
from PIL import Image

from app.extensions import db
from app.uploads import UploadRejected, safe_filename, sniff_document
from blueprints.documents.models import Document, DocumentFile
from blueprints.newsroom.editing import create_article
from blueprints.newsroom.workflow import SubmissionIncomplete
from tenants.context import tenant_scope
from tests.about.helpers import PDF
from tests.factories import base_url, make_tenant, make_user
from tests.newsroom.helpers import article_input, make_article, make_board
from tests.support import csrf_token, post_form, sign_in

GPS = 0x8825


def _document_form(**overrides):
    return {
        "number": "7/QĐ-UBND",
        "category": "administrative",
        "doc_type": "decision",
        "field": "land",
        "issuer": "UBND phường",
        "signer": "Trần Văn Bảy",
        "issued_on": "2024-05-02",
        "effective_on": "2024-05-02",
        "status": "in-force",
        "replaced_by_id": "0",
        "summary": "Về việc rà soát đất công",
        "is_published": "y",
    } | overrides


def _odf(mimetype: bytes) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("mimetype", mimetype)
        archive.writestr("content.xml", "<office:document-content/>")
    return out.getvalue()


@pytest.mark.parametrize(
    ("name", "ext", "expected"),
    [
        ("x.html", "pdf", "x.pdf"),
        ("Quyết định.PDF", "pdf", "Quyết định.pdf"),
        ("", "odt", "file.odt"),
        ("../../etc/passwd", "pdf", "passwd.pdf"),
        ("báo cáo", "xlsx", "báo cáo.xlsx"),
    ],
)
def test_the_download_name_ends_in_the_checked_extension(name, ext, expected):
    assert safe_filename(name, ext) == expected


def _uploaded_document(client, data: bytes, name: str):
    """An editor uploads a document with one file: the ward, the document's id and the file's."""
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    response = post_form(client, ward, "/admin/documents/new", _document_form(), {"upload": (data, name)})
    assert response.status_code == 302
    with tenant_scope(ward):
        doc = db.session.query(Document).one()
        return ward, doc.id, doc.files[0].id


def test_a_pdf_uploaded_as_html_downloads_as_a_pdf(client):
    ward, doc_id, file_id = _uploaded_document(client, PDF, "x.html")
    download = client.get(f"/van-ban/{doc_id}/tep/{file_id}", base_url=base_url(ward))
    assert download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"] == "attachment; filename=x.pdf"


def test_an_odf_whose_mimetype_holds_a_newline_is_refused():
    assert sniff_document(_odf(b"application/vnd.oasis.opendocument.text")) == (
        "application/vnd.oasis.opendocument.text",
        "odt",
    )
    with pytest.raises(UploadRejected):
        sniff_document(_odf(b"application/vnd.oasis.opendocument.text\nX-Injected: 1"))


def test_a_file_stored_with_a_broken_type_still_downloads(client):
    """A type stored before the checks were strict (a newline in it) must not break the download."""
    ward, doc_id, file_id = _uploaded_document(client, PDF, "a.pdf")
    with tenant_scope(ward):
        db.session.get(DocumentFile, (ward.id, file_id)).content_type = "application/pdf\nX-Injected: 1"
        db.session.flush()
    download = client.get(f"/van-ban/{doc_id}/tep/{file_id}", base_url=base_url(ward))
    assert download.status_code == 200 and download.mimetype == "application/octet-stream"


def _photo_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[GPS] = {2: (10.0, 20.0, 30.0), 4: (106.0, 40.0, 0.0)}
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (20, 120, 60)).save(
        out, format="JPEG", exif=exif.tobytes(), comment="Nhà tôi".encode()
    )
    return out.getvalue()


def test_an_images_metadata_is_gone_before_the_original_is_ever_served(client):
    board = make_board()
    article_id = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    edit = client.get(f"/admin/newsroom/articles/{article_id}/edit", base_url=base_url(board.tenant))
    uploaded = client.post(
        f"/admin/newsroom/articles/{article_id}/images",
        base_url=base_url(board.tenant),
        data={"csrf_token": csrf_token(edit.text), "image": (io.BytesIO(_photo_with_gps()), "anh.jpg")},
        content_type="multipart/form-data",
    )
    assert uploaded.status_code == 201
    original = client.get(
        uploaded.get_json()["src"].rsplit("/", 1)[0] + "/goc", base_url=base_url(board.tenant)
    )
    assert original.status_code == 200  # served at once, before any job has run
    with Image.open(io.BytesIO(original.data)) as image:
        assert image.size == (800, 600) and not image.getexif() and "comment" not in image.info
    assert b"PhoneMaker" not in original.data


def test_an_author_must_be_a_writer_of_the_portal():
    board = make_board()
    with tenant_scope(board.tenant), pytest.raises(SubmissionIncomplete) as refused:
        create_article(board.collaborator, article_input(board, author_ids=[board.head.id]))
    assert "author_ids" in refused.value.fields
    with tenant_scope(board.tenant):
        article = create_article(board.collaborator, article_input(board, author_ids=[board.approver.id]))
        assert set(article.author_ids) == {board.approver.id}
