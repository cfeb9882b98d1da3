"""The writing desk's server side: images in the text (cleaned, sized, the article's own only,
alt text before submission), autosave with the version check, the preview, and isolation."""

from __future__ import annotations

import io
import re

from PIL import Image

from app.extensions import db
from blueprints.newsroom.inline_images import finalise_body, images_without_alt
from blueprints.newsroom.models import Article, ArticleState
from blueprints.newsroom.workflow import missing_for_submission
from tenants.context import tenant_scope
from tests.factories import base_url, make_tenant
from tests.newsroom.helpers import load, make_article, make_board
from tests.support import csrf_token, sign_in, signed_in_browser


def _jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (1600, 900), (200, 50, 50))
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif.tobytes())
    return out.getvalue()


def _token(client, board, article_id):
    return csrf_token(
        client.get(f"/admin/newsroom/articles/{article_id}/edit", base_url=base_url(board.tenant)).text
    )


def _upload(client, board, article_id, data: bytes, name="anh.jpg"):
    return client.post(
        f"/admin/newsroom/articles/{article_id}/images",
        base_url=base_url(board.tenant),
        data={"csrf_token": _token(client, board, article_id), "image": (io.BytesIO(data), name)},
        content_type="multipart/form-data",
    )


def _editing_own_article(client):
    """A collaborator signed in on a board's article: the board, the article's id, its version
    and the session's CSRF token (what an edit or an autosave posts)."""
    board = make_board()
    article_id = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    with tenant_scope(board.tenant):
        version = load(board, article_id).version
    return board, article_id, version, _token(client, board, article_id)


def _form(board, token, version, body, **extra):
    return {
        "csrf_token": token,
        "version": str(version),
        "title": "Ra quân",
        "summary": "",
        "body": body,
        "kind": "news",
        "section_id": str(board.section_id),
        "unit_id": str(board.unit_id),
        "source_type": "original",
        **extra,
    }


def test_an_uploaded_image_is_cleaned_sized_and_given_a_srcset(client):
    board = make_board()
    article_id = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    response = _upload(client, board, article_id, _jpeg_with_exif())
    assert response.status_code == 201
    reply = response.get_json()
    assert reply["width"] == 1600 and re.fullmatch(rf"/anh-trong-bai/{article_id}/\d+/goc", reply["src"])
    served = client.get(reply["src"], base_url=base_url(board.tenant))
    assert served.status_code == 200
    with Image.open(io.BytesIO(served.data)) as image:
        assert image.size == (1600, 900) and not image.getexif()
    small = client.get(reply["src"].replace("/goc", "/400"), base_url=base_url(board.tenant))
    with Image.open(io.BytesIO(small.data)) as image:
        assert image.width == 400
    with tenant_scope(board.tenant):
        body, foreign = finalise_body(article_id, f'<figure><img src="{reply["src"]}" alt="Ảnh"></figure>')
    assert foreign == []
    assert 'srcset="' in body and f"/anh-trong-bai/{article_id}/" in body and " 400w" in body
    assert 'width="1600" height="900"' in body


def test_a_file_that_is_not_an_image_is_refused(client):
    board = make_board()
    article_id = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    response = _upload(client, board, article_id, b"%PDF-1.4 not an image", "anh.jpg")
    assert response.status_code == 422 and "không phải là ảnh" in response.get_json()["error"]


def test_images_from_other_sites_are_refused_with_a_message(client):
    board, article_id, version, token = _editing_own_article(client)
    response = client.post(
        f"/admin/newsroom/articles/{article_id}/edit",
        base_url=base_url(board.tenant),
        data=_form(
            board,
            token,
            version,
            '<p>Xem ảnh</p><img src="https://baodientu.example/a.jpg" alt="A">',
            save="Lưu",
        ),
    )
    assert response.status_code == 422
    assert "Không dùng được ảnh lấy từ trang khác (https://baodientu.example/a.jpg)" in response.text
    with tenant_scope(board.tenant):
        assert "baodientu" not in load(board, article_id).body


def test_an_image_without_alt_text_blocks_submission():
    board = make_board()
    article_id = make_article(board, source_type="original")
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        article.body = '<p>Chữ.</p><figure><img src="/anh-trong-bai/1/2/goc" alt=""></figure>'
        assert images_without_alt(article.body) == 1
        assert "1 ảnh trong bài chưa có mô tả" in str(missing_for_submission(article)["body"])
        article.body = '<figure><img src="/anh-trong-bai/1/2/goc" alt="Người dân dọn rác"></figure>'
        assert "body" not in missing_for_submission(article)


def test_autosave_saves_with_the_version_and_refuses_a_stale_copy(client):
    board, article_id, version, token = _editing_own_article(client)
    url = f"/admin/newsroom/articles/{article_id}/autosave"
    saved = client.post(
        url, base_url=base_url(board.tenant), data=_form(board, token, version, "<p>Bản tự lưu.</p>")
    )
    assert saved.status_code == 200 and saved.get_json()["version"] == version + 1
    stale = client.post(
        url, base_url=base_url(board.tenant), data=_form(board, token, version, "<p>Bản cũ.</p>")
    )
    assert stale.status_code == 409
    with tenant_scope(board.tenant):
        assert load(board, article_id).body == "<p>Bản tự lưu.</p>"


def test_autosave_of_a_new_article_creates_the_draft(client):
    board = make_board()
    sign_in(client, board.tenant, board.collaborator)
    token = csrf_token(client.get("/admin/newsroom/articles/new", base_url=base_url(board.tenant)).text)
    reply = client.post(
        "/admin/newsroom/articles/autosave",
        base_url=base_url(board.tenant),
        data=_form(board, token, "", "Đoạn một.\n\nĐoạn hai."),
    ).get_json()
    article_id = int(re.search(r"/articles/(\d+)/edit", reply["edit_url"]).group(1))
    assert reply["autosave_url"].endswith(f"/articles/{article_id}/autosave")
    with tenant_scope(board.tenant):
        article = load(board, article_id)
        assert article.state == ArticleState.DRAFT and article.body == "<p>Đoạn một.</p>\n<p>Đoạn hai.</p>"


def test_the_edit_page_works_without_javascript_and_loads_the_editor_script(client):
    board = make_board()
    article_id = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    page = client.get(f"/admin/newsroom/articles/{article_id}/edit", base_url=base_url(board.tenant))
    textarea = re.search(r"<textarea[^>]*name=\"body\"[^>]*>", page.text).group(0)
    assert 'name="body"' in textarea and 'data-richtext="1"' in textarea
    tag = re.search(r"<script[^>]*editor\.[0-9a-f.]*js[^>]*>", page.text).group(0)
    assert "/_themes/" in tag and "nonce" not in tag  # a file from the site: no inline script needed
    script = client.get(
        re.search(r'src="([^"]*editor\.[0-9a-f.]*js)"', page.text).group(1), base_url=base_url(board.tenant)
    )
    assert script.status_code == 200 and b"eval(" not in script.data


def test_preview_frames_the_portals_own_page_only(client):
    board = make_board()
    article_id = make_article(board, body="<p>Nội dung xem trước.</p>")
    sign_in(client, board.tenant, board.editor)
    page = client.get(f"/admin/newsroom/articles/{article_id}/preview", base_url=base_url(board.tenant))
    assert page.status_code == 200 and "frame-src 'self'" in page.headers["Content-Security-Policy"]
    frame = client.get(
        f"/admin/newsroom/articles/{article_id}/preview/frame", base_url=base_url(board.tenant)
    )
    assert '<div class="article-body"><p>Nội dung xem trước.</p></div>' in frame.text
    assert "noindex" in frame.text


def test_ward_b_cannot_see_ward_as_images_previews_or_autosave(app, client):
    board = make_board()
    article_id = make_article(board)
    sign_in(client, board.tenant, board.collaborator)
    src = _upload(client, board, article_id, _jpeg_with_exif()).get_json()["src"]
    anonymous = app.test_client()
    assert anonymous.get(src, base_url=base_url(board.tenant)).status_code == 404  # a draft's image
    with tenant_scope(board.tenant):
        db.session.get(Article, (board.tenant.id, article_id)).state = ArticleState.PUBLISHED
        db.session.flush()
    assert anonymous.get(src, base_url=base_url(board.tenant)).status_code == 200
    other = make_board(make_tenant())
    browser = signed_in_browser(app, other.tenant, other.editor)
    url = base_url(other.tenant)
    assert browser.get(src, base_url=url).status_code == 404
    for path in (
        f"/admin/newsroom/articles/{article_id}/preview",
        f"/admin/newsroom/articles/{article_id}/preview/frame",
    ):
        assert browser.get(path, base_url=url).status_code == 404
    token = csrf_token(browser.get("/admin/", base_url=url).text)
    for path in (
        f"/admin/newsroom/articles/{article_id}/autosave",
        f"/admin/newsroom/articles/{article_id}/images",
    ):
        assert browser.post(path, base_url=url, data={"csrf_token": token}).status_code == 404
