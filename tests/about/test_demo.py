from app.extensions import db
from blueprints.about import demo as about_demo
from blueprints.about.models import Contact, Leader, OrgChartUnit
from blueprints.documents import demo as documents_demo
from blueprints.documents.models import Document, DocumentFile
from blueprints.schedule import demo as schedule_demo
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant
from tests.support import h1_count


def test_demo_seeds_every_section_twice_without_duplicates(client):
    ward = make_tenant(slug="thang-tam-demo-test")
    with tenant_scope(ward):
        for _ in range(2):
            for module in (about_demo, documents_demo, schedule_demo):
                module.seed(ward)
                db.session.flush()
        counts = [
            db.session.query(m).count() for m in (OrgChartUnit, Leader, Contact, Document, DocumentFile)
        ]
        file_id, doc_id = db.session.query(DocumentFile.id, DocumentFile.document_id).first()
    assert counts[0] == 8 and counts[1] == 3 and counts[2] == 9 and counts[3] == 4 and counts[4] == 4
    base = base_url(ward)
    for url in (
        "/gioi-thieu",
        "/so-do-to-chuc",
        "/lanh-dao",
        "/lien-he",
        "/van-ban",
        f"/van-ban/{doc_id}",
        "/lich-lam-viec",
        "/lich-lam-viec/ban-in",
        "/en/gioi-thieu",
        "/en/lien-he",
        "/en/van-ban",
        "/en/lich-lam-viec",
    ):
        page = client.get(url, base_url=base)
        assert page.status_code == 200 and h1_count(page.text) == 1, url
    pdf = client.get(f"/van-ban/{doc_id}/tep/{file_id}", base_url=base)
    assert pdf.data.startswith(b"%PDF-") and pdf.data.rstrip().endswith(b"%%EOF")
    assert "Họp giao ban lãnh đạo đầu tuần" in client.get("/lich-lam-viec", base_url=base).text
