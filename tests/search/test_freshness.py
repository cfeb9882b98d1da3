"""The index follows every publish, edit, unpublish, archive and delete, for every kind of
content, in the same transaction; and `search reindex` rebuilds it."""

from __future__ import annotations

from datetime import date

import sqlalchemy as sa

from app.extensions import db
from blueprints.about.models import Contact, IntroSection, Leader, OrgChartUnit, SectionKind
from blueprints.about.services import save_contact, save_leader, save_section
from blueprints.documents.models import Document
from blueprints.newsroom.editing import save_article
from blueprints.newsroom.workflow import perform, publish
from blueprints.search.models import SearchDocument
from tenants.context import tenant_scope
from tests.factories import make_tenant
from tests.newsroom.helpers import article_input, load, make_board
from tests.search.helpers import make_document, publish_article, search, titles


def _found(client, tenant, query: str) -> list[str]:
    return titles(search(client, tenant, query).text)


def test_article_publish_edit_unpublish_republish_archive(client):
    board = make_board()
    article_id = publish_article(board, title="Khai trương chợ đêm Bãi Trước")
    assert _found(client, board.tenant, "cho dem") == ["Khai trương chợ đêm Bãi Trước"]
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        save_article(
            article,
            board.editor,
            article_input(board, title="Tạm hoãn khai trương phố đi bộ"),
            article.version,
        )
    assert _found(client, board.tenant, "cho dem") == []
    assert _found(client, board.tenant, "pho di bo") == ["Tạm hoãn khai trương phố đi bộ"]
    with tenant_scope(board.tenant):
        perform("unpublish", load(board, article_id), board.editor, "Sai thông tin")
    assert _found(client, board.tenant, "pho di bo") == []
    with tenant_scope(board.tenant):
        publish(load(board, article_id), board.editor)
    assert _found(client, board.tenant, "pho di bo") == ["Tạm hoãn khai trương phố đi bộ"]
    with tenant_scope(board.tenant):
        perform("archive", load(board, article_id), board.editor)
    assert _found(client, board.tenant, "pho di bo") == []


def test_drafts_and_approved_articles_are_not_searchable(client):
    board = make_board()
    from tests.newsroom.helpers import make_article

    make_article(board, title="Bản nháp về lễ hội Nghinh Ông")
    publish_article(board, title="Lễ hội Nghinh Ông năm nay")
    assert _found(client, board.tenant, "nghinh ong") == ["Lễ hội Nghinh Ông năm nay"]


def test_a_published_article_carries_its_publication_time(client):
    board = make_board()
    article_id = publish_article(board, title="Tin có ngày đăng")
    with tenant_scope(board.tenant):
        db.session.commit()
        stored = db.session.scalar(
            sa.select(SearchDocument.published_at).where(SearchDocument.item_id == article_id)
        )
        assert stored == load(board, article_id).published_at


def test_documents_publish_edit_unpublish_delete(client):
    ward = make_tenant()
    document_id = make_document(ward, "21/2024/QĐ-UBND", "Về việc thu hồi đất công viên")
    assert _found(client, ward, "thu hoi dat") == ["Về việc thu hồi đất công viên"]
    with tenant_scope(ward):
        db.session.get(Document, (ward.id, document_id)).summary = "Về việc giao đất xây trường học"
        db.session.flush()
    assert _found(client, ward, "thu hoi dat") == []
    assert _found(client, ward, "truong hoc") == ["Về việc giao đất xây trường học"]
    with tenant_scope(ward):
        db.session.get(Document, (ward.id, document_id)).is_published = False
        db.session.flush()
    assert _found(client, ward, "truong hoc") == []
    with tenant_scope(ward):
        db.session.get(Document, (ward.id, document_id)).is_published = True
        db.session.flush()
    assert _found(client, ward, "21/2024/QĐ-UBND") == ["Về việc giao đất xây trường học"]
    with tenant_scope(ward):
        db.session.delete(db.session.get(Document, (ward.id, document_id)))
        db.session.flush()
    assert _found(client, ward, "truong hoc") == []


def test_introduction_leaders_and_contacts_follow_their_services(client):
    ward = make_tenant()
    with tenant_scope(ward):
        save_section(SectionKind.HISTORY, body_vi="<p>Làng chài Thắng Tam lập năm 1822.</p>", body_en="")
        leader = save_leader(
            None,
            name="Trần Thị Hồng",
            title_vi="Chủ tịch UBND phường",
            biography_vi="<p>Phụ trách kinh tế và đô thị.</p>",
            is_published=True,
        )
        unit = OrgChartUnit(name_vi="Văn phòng HĐND và UBND")
        db.session.add(unit)
        db.session.flush()
        contact = save_contact(
            None,
            today=date(2024, 5, 1),
            name="Lê Văn Tám",
            position_vi="Chánh văn phòng",
            unit_id=unit.id,
            phone="0254 3852 000",
            is_published=True,
        )
        leader_id, contact_id = leader.id, contact.id
    assert _found(client, ward, "lang chai 1822") == ["Lịch sử hình thành"]
    assert _found(client, ward, "chu tich") == ["Trần Thị Hồng"]
    assert _found(client, ward, "van phong hdnd") == ["Lê Văn Tám"]
    page = search(client, ward, "lang chai").text
    assert "/gioi-thieu#intro-history" in page
    with tenant_scope(ward):
        save_section(SectionKind.HISTORY, body_vi="<p>Vùng đất của ngư dân.</p>", body_en="")
        save_leader(
            db.session.get(Leader, (ward.id, leader_id)),
            name="Trần Thị Hồng",
            title_vi="Phó Chủ tịch",
            is_published=False,
        )
        db.session.delete(db.session.get(Contact, (ward.id, contact_id)))
        db.session.flush()
    assert _found(client, ward, "lang chai") == [] and _found(client, ward, "ngu dan") == [
        "Lịch sử hình thành"
    ]
    assert _found(client, ward, "tran thi hong") == []
    assert _found(client, ward, "le van tam") == []
    with tenant_scope(ward):
        db.session.delete(
            db.session.get(IntroSection, (ward.id, db.session.scalar(sa.select(IntroSection.id))))
        )
        db.session.flush()
    assert _found(client, ward, "ngu dan") == []


def test_a_rollback_leaves_the_index_as_it_was(client):
    ward = make_tenant()
    make_document(ward, "3/KH-UBND", "Kế hoạch phòng chống bão")
    db.session.commit()
    with tenant_scope(ward):
        db.session.scalar(sa.select(Document)).summary = "Kế hoạch khác hẳn"
        db.session.flush()
        db.session.rollback()
    assert _found(client, ward, "phong chong bao") == ["Kế hoạch phòng chống bão"]


def test_reindex_command_rebuilds_from_content(app, client):
    board = make_board()
    publish_article(board, title="Giải bóng đá thiếu niên")
    make_document(board.tenant, "9/TB-UBND", "Thông báo giải bóng đá")
    db.session.commit()
    with tenant_scope(board.tenant):
        db.session.execute(sa.delete(SearchDocument))
    db.session.commit()
    assert _found(client, board.tenant, "bong da") == []
    result = app.test_cli_runner().invoke(args=["search", "reindex", "--tenant", board.tenant.slug])
    assert result.exit_code == 0, result.output
    assert f"{board.tenant.slug}: 2 items indexed" in result.output
    assert sorted(_found(client, board.tenant, "bong da")) == [
        "Giải bóng đá thiếu niên",
        "Thông báo giải bóng đá",
    ]
    missing = app.test_cli_runner().invoke(args=["search", "reindex", "--tenant", "no-such-ward"])
    assert missing.exit_code != 0 and "no-such-ward" in missing.output
