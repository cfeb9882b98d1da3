"""Images inside an article's text: uploaded from the editor, cleaned at once, served by size.

An upload goes through the core's checks (`app.uploads.read_image`: by content and size), then
through the cover's processing (`images.clean_and_resize`: turned upright, EXIF, XMP and
comments removed, narrower copies made) before anything is stored, so no copy with metadata is
ever written or served. The body refers to an image by its public path
`/anh-trong-bai/<article>/<image>/<size>`; when the body is saved, each image must be one of
the article's own (an image from another site is refused, never hot-linked), and it gets its `srcset`,
`sizes`, `width` and `height`.
"""

from __future__ import annotations

import html
import io
import re
from datetime import UTC, datetime

import sqlalchemy as sa
from flask_babel import lazy_gettext as _l
from PIL import Image
from werkzeug.datastructures import FileStorage

from app.extensions import db
from app.uploads import read_image, safe_filename, stored_path
from blueprints.auth.models import User
from blueprints.newsroom.images import clean_and_resize
from blueprints.newsroom.models import Article, ArticleImage

ORIGINAL = "goc"
PATH = re.compile(r"^/anh-trong-bai/(\d+)/(\d+)/(goc|\d+)$")
_IMG = re.compile(r"<img\b([^>]*)>", re.I)
_ATTR = re.compile(r'([a-zA-Z-]+)="([^"]*)"')
SIZES = "(min-width: 48rem) 46rem, 100vw"


def image_path(article_id: int, image_id: int, size: str = ORIGINAL) -> str:
    return f"/anh-trong-bai/{article_id}/{image_id}/{size}"


def store_inline_image(article: Article, upload: FileStorage, actor: User) -> ArticleImage:
    """Check, clean and keep an uploaded image for `article` (UploadRejected when refused)."""
    # clean_and_resize turns it upright and drops its metadata itself: nothing raw is stored.
    data, _type, ext = read_image(upload)
    original, sizes = clean_and_resize(data, safe_filename(upload.filename, ext))
    width, height = _dimensions(stored_path(original.key).read_bytes())
    image = ArticleImage(
        article_id=article.id,
        key=original.key,
        content_type=original.content_type,
        width=width,
        height=height,
        sizes={w: f.key for w, f in sizes.items()},
        uploaded_by_id=actor.id,
        uploaded_at=datetime.now(UTC),
    )
    db.session.add(image)
    db.session.flush()
    return image


def _dimensions(data: bytes) -> tuple[int, int]:
    with Image.open(io.BytesIO(data)) as opened:
        return opened.size


def image_of(article_id: int, image_id: int) -> ArticleImage | None:
    return db.session.scalar(
        sa.select(ArticleImage).where(ArticleImage.article_id == article_id, ArticleImage.id == image_id)
    )


def key_for(image: ArticleImage, size: str) -> str | None:
    if size == ORIGINAL:
        return image.key
    return (image.sizes or {}).get(size)


def _attrs(tag_inside: str) -> dict[str, str]:
    return {name.lower(): html.unescape(value) for name, value in _ATTR.findall(tag_inside)}


def _srcset(article_id: int, image: ArticleImage) -> tuple[str, str]:
    widths = sorted(int(w) for w in (image.sizes or {}))
    entries = [f"{image_path(article_id, image.id, str(w))} {w}w" for w in widths]
    entries.append(f"{image_path(article_id, image.id)} {image.width}w")
    src = image_path(article_id, image.id, "800" if "800" in (image.sizes or {}) else ORIGINAL)
    return src, ", ".join(entries)


def finalise_body(article_id: int | None, body: str) -> tuple[str, list[str]]:
    """The cleaned body with each of the article's images given its sizes, and the sources of
    images that are not the article's own (to refuse: the body is then left as it was)."""
    foreign: list[str] = []

    def rewrite(match: re.Match) -> str:
        attrs = _attrs(match.group(1))
        src = attrs.get("src", "")
        found = PATH.match(src)
        image = None
        if found and article_id is not None and int(found.group(1)) == article_id:
            image = image_of(article_id, int(found.group(2)))
        if image is None:
            foreign.append(src)
            return match.group(0)
        main, srcset = _srcset(article_id, image)
        alt = html.escape(attrs.get("alt", ""), quote=True)
        return (
            f'<img src="{main}" alt="{alt}" width="{image.width}" height="{image.height}" '
            f'srcset="{srcset}" sizes="{SIZES}">'
        )

    return _IMG.sub(rewrite, body), foreign


def foreign_image_message(sources: list[str]):
    return _l(
        "Không dùng được ảnh lấy từ trang khác (%(source)s): hãy lưu ảnh về máy rồi tải lên bằng nút "
        "“Chèn ảnh”.",
        source=sources[0][:80] or "?",
    )


def images_without_alt(body: str) -> int:
    """How many images of the body have no alt text (a screen reader would say nothing)."""
    return sum(1 for match in _IMG.finditer(body or "") if not _attrs(match.group(1)).get("alt", "").strip())
