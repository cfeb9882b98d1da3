from datetime import date

from app.extensions import db
from app.uploads import store_bytes
from blueprints.documents.models import Document
from blueprints.documents.services import attach_stored
from tenants.context import tenant_scope
from tests.about.helpers import PDF
from tests.documents.helpers import document_form
from tests.factories import base_url, make_tenant, make_user
from tests.support import csrf_token, h1_count, post_form, sign_in


def _document(
    tenant, number, *, summary="Về việc ban hành quy chế", published=True, with_file=False, **extra
):
    with tenant_scope(tenant):
        doc = Document(
            number=number,
            category=extra.pop("category", "administrative"),
            doc_type=extra.pop("doc_type", "decision"),
            field=extra.pop("field", "home-affairs"),
            issuer="UBND phường",
            signer="Nguyễn Văn A",
            issued_on=extra.pop("issued_on", date(2024, 3, 1)),
            summary=summary,
            search_text=summary.lower(),
            is_published=published,
            **extra,
        )
        db.session.add(doc)
        db.session.flush()
        file_id = None
        if with_file:
            file_id = attach_stored(doc, store_bytes(PDF, "application/pdf", "pdf", f"{number}.pdf")).id
        return doc.id, file_id


def test_editor_creates_a_document_with_a_pdf_and_the_public_downloads_it(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    response = post_form(
        client, ward, "/admin/documents/new", document_form(), {"upload": (PDF, "quyet-dinh.pdf")}
    )
    assert response.status_code == 302
    listing = client.get("/van-ban?q=dat+cong", base_url=base_url(ward))
    assert listing.status_code == 200 and h1_count(listing.text) == 1 and "12/QĐ-UBND" in listing.text
    with tenant_scope(ward):
        doc = db.session.query(Document).one()
        doc_id, file_id = doc.id, doc.files[0].id
    detail = client.get(f"/van-ban/{doc_id}", base_url=base_url(ward))
    assert detail.status_code == 200 and h1_count(detail.text) == 1
    assert "Trần Văn Bảy" in detail.text and "Còn hiệu lực" in detail.text
    download = client.get(f"/van-ban/{doc_id}/tep/{file_id}", base_url=base_url(ward))
    assert download.status_code == 200 and download.data == PDF
    assert download.mimetype == "application/pdf" and "attachment" in download.headers["Content-Disposition"]
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    english = client.get(f"/en/van-ban/{doc_id}", base_url=base_url(ward))
    assert "In force" in english.text and "Issue date" in english.text


def test_a_non_pdf_renamed_pdf_is_rejected_and_input_kept(client):
    ward = make_tenant()
    sign_in(client, ward, make_user(roles={ward: ["board-head"]}))
    response = post_form(
        client,
        ward,
        "/admin/documents/new",
        document_form(number="99/TB-UBND"),
        {"upload": (b"<html><script>alert(1)</script></html>", "thong-bao.pdf")},
    )
    assert response.status_code == 422
    assert "Chỉ nhận tệp PDF" in response.text and 'value="99/TB-UBND"' in response.text
    with tenant_scope(ward):
        assert db.session.query(Document).count() == 0


def test_replaced_status_needs_a_successor_and_links_to_it(client):
    ward = make_tenant()
    new_id, _ = _document(ward, "20/QĐ-UBND", issued_on=date(2024, 6, 1))
    sign_in(client, ward, make_user(roles={ward: ["editor"]}))
    missing = post_form(
        client, ward, "/admin/documents/new", document_form(number="5/QĐ-UBND", status="replaced")
    )
    assert missing.status_code == 422 and "Chọn văn bản thay thế." in missing.text
    ok = post_form(
        client,
        ward,
        "/admin/documents/new",
        document_form(number="5/QĐ-UBND", status="replaced", replaced_by_id=str(new_id)),
    )
    assert ok.status_code == 302
    with tenant_scope(ward):
        old_id = db.session.query(Document.id).filter_by(number="5/QĐ-UBND").scalar()
    detail = client.get(f"/van-ban/{old_id}", base_url=base_url(ward))
    assert "Bị thay thế" in detail.text and f'href="/van-ban/{new_id}"' in detail.text


def test_filters_sort_and_unpublished_are_hidden(client):
    ward = make_tenant()
    _document(ward, "1/NQ-HĐND", category="normative", doc_type="resolution", issued_on=date(2023, 1, 5))
    _document(ward, "7/KH-UBND", doc_type="plan", field="health", issued_on=date(2024, 8, 9))
    _document(ward, "8/KH-UBND", doc_type="plan", published=False)
    base = base_url(ward)
    assert "8/KH-UBND" not in client.get("/van-ban", base_url=base).text
    normative = client.get("/van-ban?category=normative", base_url=base).text
    assert "1/NQ-HĐND" in normative and "7/KH-UBND" not in normative
    by_year = client.get("/van-ban?year=2024", base_url=base).text
    assert "7/KH-UBND" in by_year and "1/NQ-HĐND" not in by_year
    by_field = client.get("/van-ban?field=health&type=plan", base_url=base).text
    assert "7/KH-UBND" in by_field and "1/NQ-HĐND" not in by_field
    oldest = client.get("/van-ban?sort=issued-asc", base_url=base).text
    assert oldest.index("1/NQ-HĐND") < oldest.index("7/KH-UBND")
    newest = client.get("/van-ban", base_url=base).text
    assert newest.index("7/KH-UBND") < newest.index("1/NQ-HĐND")
    assert client.get("/van-ban?status=bogus&page=abc", base_url=base).status_code == 200


def test_who_may_manage_documents(client):
    ward = make_tenant()
    doc_id, _ = _document(ward, "3/QĐ-UBND")
    assert client.get("/admin/documents", base_url=base_url(ward)).status_code == 302
    sign_in(client, ward, make_user(roles={ward: ["collaborator", "approver"]}))
    for url in ("/admin/documents", "/admin/documents/new", f"/admin/documents/{doc_id}"):
        assert client.get(url, base_url=base_url(ward)).status_code == 403


def test_isolation_of_documents_and_files(client):
    a, b = make_tenant(), make_tenant()
    doc_b, file_b = _document(b, "9/QĐ-UBND", summary="Bí mật của phường B", with_file=True)
    _, file_a = _document(a, "1/QĐ-UBND", with_file=True)
    doc_a = _document(a, "2/QĐ-UBND")[0]
    base = base_url(a)
    assert "Bí mật của phường B" not in client.get("/van-ban?q=bi+mat", base_url=base).text
    assert client.get(f"/van-ban/{doc_b}", base_url=base).status_code == 404
    assert client.get(f"/van-ban/{doc_b}/tep/{file_b}", base_url=base).status_code == 404
    # a ward-A document id with a ward-B file id, and a file through the wrong document
    assert client.get(f"/van-ban/{doc_a}/tep/{file_b}", base_url=base).status_code == 404
    assert client.get(f"/van-ban/{doc_a}/tep/{file_a}", base_url=base).status_code == 404
    sign_in(client, a, make_user(roles={a: ["editor"]}))
    assert client.get(f"/admin/documents/{doc_b}", base_url=base).status_code == 404
    assert client.get(f"/admin/documents/{doc_b}/files/{file_b}", base_url=base).status_code == 404
    token = csrf_token(client.get("/admin/documents/new", base_url=base).text)
    assert (
        client.post(
            f"/admin/documents/{doc_b}/files/{file_b}/delete", base_url=base, data={"csrf_token": token}
        ).status_code
        == 404
    )
    # ward B's document cannot be named as the successor of a ward-A document
    response = post_form(
        client,
        a,
        "/admin/documents/new",
        document_form(number="4/QĐ-UBND", status="replaced", replaced_by_id=str(doc_b)),
    )
    assert response.status_code == 422
    assert client.get(f"/van-ban/{doc_b}/tep/{file_b}", base_url=base_url(b)).status_code == 200
