"""Cover images: EXIF removed (it can hold a phone's location) and resized to what pages use."""

from __future__ import annotations

import io

from PIL import Image, ImageOps

from app.uploads import IMAGE_FORMATS, StoredFile, store_bytes

# Widths the news pages use: the article page, lists, and thumbnails.
COVER_WIDTHS = (1200, 800, 400)
_SAVE = {"JPEG": {"quality": 85, "optimize": True}, "WEBP": {"quality": 85}, "PNG": {"optimize": True}}


def _encode(image: Image.Image, kind: str) -> bytes:
    out = io.BytesIO()
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    image.save(out, format=kind, **_SAVE.get(kind, {}))  # no exif= argument: metadata is dropped
    return out.getvalue()


def clean_and_resize(data: bytes, filename: str) -> tuple[StoredFile, dict[str, StoredFile]]:
    """The original without metadata, and one copy per width narrower than it."""
    with Image.open(io.BytesIO(data)) as opened:
        kind = opened.format if opened.format in IMAGE_FORMATS else "PNG"
        if kind == "GIF":  # animated covers are not used; keep the first frame as PNG
            kind = "PNG"
        image = ImageOps.exif_transpose(opened)
        image.load()
    content_type, ext = IMAGE_FORMATS[kind]
    for metadata in ("exif", "xmp", "comment"):  # Pillow would write these back from info
        image.info.pop(metadata, None)
    original = store_bytes(_encode(image, kind), content_type, ext, filename)
    sizes: dict[str, StoredFile] = {}
    for width in COVER_WIDTHS:
        if image.width <= width:
            continue
        height = max(1, round(image.height * width / image.width))
        sizes[str(width)] = store_bytes(
            _encode(image.resize((width, height), Image.Resampling.LANCZOS), kind),
            content_type,
            ext,
            filename,
        )
    return original, sizes
