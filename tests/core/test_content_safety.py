"""Rich text is allow-listed, uploads are judged by content, search ignores diacritics."""

import io

import pytest
from PIL import Image
from werkzeug.datastructures import FileStorage

from app.richtext import clean_html, plain_text, with_paragraphs
from app.search import fold
from app.uploads import UploadRejected, safe_filename, store_upload, stored_path
from tenants.context import tenant_scope
from tests.factories import make_tenant


def test_scripts_styles_and_handlers_are_removed():
    dirty = (
        '<h1>Tiêu đề</h1><p onclick="x()">Xin <b>chào</b><script>alert(1)</script></p>'
        '<a href="javascript:alert(1)">x</a><a href="https://vungtau.gov.vn">ok</a><style>p{}</style>'
    )
    clean = clean_html(dirty)
    assert "<script" not in clean and "onclick" not in clean and "javascript:" not in clean
    assert "<style" not in clean and "<h1>" not in clean
    assert '<a href="https://vungtau.gov.vn" rel="noopener noreferrer">ok</a>' in clean
    assert "<b>chào</b>" in clean


def test_text_is_stored_nfc_normalised():
    decomposed = "Tha\u0306\u0301ng Tam"
    assert clean_html(f"<p>{decomposed}</p>") == "<p>Thắng Tam</p>"
    assert plain_text("<p>Một <b>hai</b></p>") == "Một hai"


def test_plain_text_is_text_not_escaped_html():
    assert plain_text("<p>A &amp; B &lt;i&gt; &quot;c&quot;</p><script>x()</script>") == 'A & B <i> "c"'


@pytest.mark.parametrize(
    ("written", "made"),
    [
        ("Một.\n\nHai.", "<p>Một.</p>\n<p>Hai.</p>"),
        ("Một\r\nhai", "<p>Một<br>\nhai</p>"),
        ("a < b\n\nc > d", "<p>a &lt; b</p>\n<p>c &gt; d</p>"),
        ("Trước<hr>sau", "<p>Trước</p><hr><p>sau</p>"),
        ("<pre>x\n\ny</pre>", "<pre>x\n\ny</pre>"),
        ("<ul><li>a\n\nb</li></ul>\nCuối", "<ul><li>a\n\nb</li></ul>\n<p>Cuối</p>"),
        (
            'Có <a\nhref="https://x.vn">liên kết</a>',
            '<p>Có <a href="https://x.vn" rel="noopener noreferrer">liên kết</a></p>',
        ),
    ],
)
def test_text_outside_blocks_becomes_paragraphs_once(written, made):
    cleaned = clean_html(with_paragraphs(written))
    assert cleaned == made
    assert clean_html(with_paragraphs(cleaned)) == cleaned


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Phường Thắng Tam", "phuong thang tam"),
        ("THẮNG  TAM", "thang tam"),
        ("Phường Rạch Dừa", "phuong rach dua"),
        ("Đường Trần Phú", "duong tran phu"),
        ("Đà Nẵng", "da nang"),
        ("", ""),
    ],
)
def test_folding_drops_diacritics_case_and_extra_spaces(text, folded):
    assert fold(text) == folded


def _upload(data: bytes, name: str) -> FileStorage:
    return FileStorage(stream=io.BytesIO(data), filename=name)


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return buffer.getvalue()


def test_uploads_are_judged_by_content_not_by_name():
    ward = make_tenant()
    with tenant_scope(ward):
        stored = store_upload(_upload(b"%PDF-1.4\n%...", "Quyết định số 12.pdf"))
        assert stored.content_type == "application/pdf" and stored.filename == "Quyết định số 12.pdf"
        assert stored_path(stored.key).read_bytes().startswith(b"%PDF")
        with pytest.raises(UploadRejected):
            store_upload(_upload(b"MZ\x90\x00 not a pdf", "virus.pdf"))
        image = store_upload(_upload(_png(), "photo.jpg"), kind="image")
        assert image.content_type == "image/png" and image.key.endswith(".png")
        with pytest.raises(UploadRejected):
            store_upload(_upload(b"%PDF-1.4", "looks-like.png"), kind="image")


def test_a_stored_file_is_served_only_to_its_own_tenant():
    from werkzeug.exceptions import NotFound

    a, b = make_tenant(), make_tenant()
    with tenant_scope(a):
        key = store_upload(_upload(b"%PDF-1.7 a", "a.pdf")).key
    with tenant_scope(b), pytest.raises(NotFound):
        stored_path(key)
    with tenant_scope(b), pytest.raises(NotFound):
        stored_path(f"{b.id}/../{key}")


def test_download_names_lose_paths_and_control_characters():
    assert safe_filename("../../etc/passwd", "pdf") == "passwd"
    assert safe_filename("C:\\Users\\a\\Báo cáo.docx", "docx") == "Báo cáo.docx"
    assert safe_filename("\x00\x1f", "pdf") == "file.pdf"
