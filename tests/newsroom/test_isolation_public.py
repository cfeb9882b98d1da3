"""One ward's board sees and changes nothing of another's; the public board page and read API."""

from __future__ import annotations

from app.extensions import db
from blueprints.newsroom.models import Article, ArticleState, BoardMember, Section
from blueprints.newsroom.public import highlights, published_article, published_articles, sections_tree
from tenants.context import tenant_scope
from tests.factories import base_url
from tests.newsroom.helpers import load, make_article, make_board
from tests.support import post_form, sign_in

S = ArticleState


def test_a_ward_board_cannot_see_or_change_another_wards_articles_by_id(client):
    a, b = make_board(), make_board()
    theirs = make_article(b, S.SUBMITTED, title="Bài riêng của phường B")
    sign_in(client, a.tenant, a.approver)
    host = base_url(a.tenant)
    for url in (
        f"/admin/newsroom/articles/{theirs}",
        f"/admin/newsroom/articles/{theirs}/edit",
        f"/admin/newsroom/articles/{theirs}/revisions",
        f"/admin/newsroom/articles/{theirs}/cover/400",
        f"/anh-bai-viet/{theirs}/400",
    ):
        assert client.get(url, base_url=host).status_code == 404, url
    response = post_form(
        client,
        a.tenant,
        f"/admin/newsroom/articles/{theirs}/do/approve",
        {"comment": "x"},
        form_url="/admin/",
    )
    assert response.status_code == 404
    for page in ("/admin/newsroom/", "/admin/newsroom/articles", "/admin/newsroom/articles?state=submitted"):
        assert "Bài riêng của phường B" not in client.get(page, base_url=host).text
    with tenant_scope(b.tenant):
        assert load(b, theirs).state == S.SUBMITTED


def _new_news_article(client, board, **fields):
    """Board's collaborator, signed in, saves a new original news item with `fields` (the title,
    section and any authors)."""
    sign_in(client, board.tenant, board.collaborator)
    return post_form(
        client,
        board.tenant,
        "/admin/newsroom/articles/new",
        {"body": "<p>x</p>", "kind": "news", "source_type": "original", "save": "1"} | fields,
    )


def test_an_article_cannot_point_at_another_wards_section(client):
    a, b = make_board(), make_board()
    response = _new_news_article(client, a, title="Bài thử", section_id=b.section_id)
    assert response.status_code == 422 and "Chuyên mục không tồn tại." in response.text
    with tenant_scope(a.tenant):
        assert db.session.scalar(db.select(Article).where(Article.title == "Bài thử")) is None


def test_a_user_of_another_ward_is_not_an_author_here(client):
    a, b = make_board(), make_board()
    response = _new_news_article(
        client, a, title="Bài có tác giả lạ", section_id=a.section_id, author_ids=[b.collaborator.id]
    )
    assert response.status_code == 422
    assert "Tác giả phải là người viết bài" in response.text


def test_public_read_functions_return_only_this_portals_published_articles(app):
    a, b = make_board(), make_board()
    shown = make_article(a, S.PUBLISHED, is_highlight=True)
    make_article(a, S.APPROVED)
    other = make_article(b, S.PUBLISHED)
    with tenant_scope(a.tenant):
        load(a, shown).published_at = db.func.now()
        db.session.flush()
        assert [x.id for x in published_articles().items] == [shown]
        assert [x.id for x in published_articles(section_id=a.section_id).items] == [shown]
        assert published_article(other) is None
        assert [x.id for x in highlights()] == [shown]
        child = Section(name_vi="Tin phường", slug="tin-phuong-con", parent_id=a.section_id)
        db.session.add(child)
        db.session.flush()
        tree = sections_tree()
        assert [n.section.id for n in tree] == [a.section_id]
        assert [n.section.slug for n in tree[0].children] == ["tin-phuong-con"]


def test_the_board_page_lists_names_and_positions_in_both_languages(client):
    a, b = make_board(), make_board()
    with tenant_scope(a.tenant):
        db.session.add_all(
            [
                BoardMember(
                    full_name="Nguyễn Thị Lan",
                    title_vi="Phó Chủ tịch UBND phường, Trưởng ban",
                    title_en="Vice Chairwoman of the Ward People's Committee, Head of the Board",
                    position=1,
                ),
                BoardMember(full_name="Trần Văn Hùng", title_vi="Cộng tác viên", on_board=False, position=2),
            ]
        )
        db.session.flush()
    with tenant_scope(b.tenant):
        db.session.add(BoardMember(full_name="Lê Văn Bình", title_vi="Trưởng ban", position=1))
        db.session.flush()
    vi = client.get("/ban-bien-tap", base_url=base_url(a.tenant))
    assert vi.status_code == 200
    assert "Nguyễn Thị Lan" in vi.text and "Phó Chủ tịch UBND phường, Trưởng ban" in vi.text
    assert "Trần Văn Hùng" not in vi.text and "Lê Văn Bình" not in vi.text
    assert vi.text.count("<h1") == 1
    en = client.get("/en/ban-bien-tap", base_url=base_url(a.tenant))
    assert "Head of the Board" in en.text and 'lang="en"' in en.text
