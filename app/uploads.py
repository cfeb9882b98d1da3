"""Uploaded files: checked by content, stored under the instance folder per tenant, served safely.

A file is accepted for what it *is*, not for its name or the browser's claim: images must open
in Pillow as JPEG, PNG, WebP or GIF; documents must start like a PDF, an Office (OOXML or OLE)
or an OpenDocument file. Stored names are random, so a visitor can neither guess nor overwrite
one, and every stored key starts with the tenant's id, so one portal can never serve another's.
Downloads always go out with the stored content type, `nosniff` and a safe file name whose
extension is the checked type's. Images lose their EXIF and other metadata before they are stored.
"""

from __future__ import annotations

import errno
import hashlib
import io
import os
import re
import secrets
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from flask import abort, current_app, send_file
from flask_babel import gettext as _
from PIL import ExifTags, Image, ImageOps, UnidentifiedImageError
from sqlalchemy.orm import Mapped, mapped_column
from werkzeug.datastructures import FileStorage

from app.extensions import db
from app.validation import FieldErrors
from tenants.context import require_tenant

IMAGE_FORMATS = {
    "JPEG": ("image/jpeg", "jpg"),
    "PNG": ("image/png", "png"),
    "WEBP": ("image/webp", "webp"),
    "GIF": ("image/gif", "gif"),
}
OPENDOCUMENT_TYPES = {
    "application/vnd.oasis.opendocument.text": "odt",
    "application/vnd.oasis.opendocument.spreadsheet": "ods",
    "application/vnd.oasis.opendocument.presentation": "odp",
    "application/vnd.oasis.opendocument.graphics": "odg",
}
# Write errors that mean "no room": the disk, the user's quota, the process's file size limit.
DISK_FULL = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
DOCUMENT_MAX_BYTES = 25 * 1024 * 1024
IMAGE_MAX_BYTES = 10 * 1024 * 1024


class UploadRejected(ValueError):
    """The file cannot be accepted; the message says why, in the user's language."""


@dataclass(frozen=True)
class StoredFile:
    key: str  # "<tenant_id>/<random>.<ext>": what a model stores
    filename: str  # the uploader's file name, cleaned, for downloads
    content_type: str
    size: int
    sha256: str


class StoredFileColumns:
    """Mixin of a model whose rows are stored uploads (a document's or a consultation's files):
    the columns that find the file again and serve it under its name and type."""

    file_key: Mapped[str] = mapped_column(sa.String(200))
    filename: Mapped[str] = mapped_column(sa.String(200))
    content_type: Mapped[str] = mapped_column(sa.String(100))
    size: Mapped[int] = mapped_column(sa.Integer)

    @classmethod
    def from_stored(cls, stored: StoredFile, **owner):
        """A new row for `stored`, attached to its owner by the keyword columns in `owner`."""
        return cls(  # type: ignore[call-arg]  # the model that mixes this in takes its columns
            **owner,
            file_key=stored.key,
            filename=stored.filename,
            content_type=stored.content_type,
            size=stored.size,
        )

    @classmethod
    def attach(cls, stored: StoredFile, **owner):
        """`from_stored`, added to the session and flushed (so it has its id)."""
        row = cls.from_stored(stored, **owner)
        db.session.add(row)
        db.session.flush()
        return row


def storage_root() -> Path:
    return Path(current_app.instance_path) / "uploads"


def _read_limited(upload: FileStorage, max_bytes: int) -> bytes:
    data = upload.stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise UploadRejected(_("Tệp lớn hơn %(mb)d MB.", mb=max_bytes // (1024 * 1024)))
    return data


def safe_filename(name: str | None, ext: str) -> str:
    """A download name without path parts or control characters, keeping Vietnamese letters,
    ending in `ext`: the extension of what the content was checked to be, whatever the uploader
    called it (a PDF sent as `x.html` downloads as `x.pdf`)."""
    name = unicodedata.normalize("NFC", (name or "").replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(c for c in name if c.isprintable() and c not in '<>:"|?*;').strip(" .")
    stem = name.rsplit(".", 1)[0].strip(" .") if "." in name else name
    return f"{stem[:140] or 'file'}.{ext}"


def sniff_image(data: bytes) -> tuple[str, str]:
    """(content type, extension) of an image that Pillow can open, else UploadRejected."""

    try:
        with Image.open(io.BytesIO(data)) as image:
            image.verify()
            kind = image.format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as exc:
        raise UploadRejected(_("Tệp không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF).")) from exc
    if kind not in IMAGE_FORMATS:
        raise UploadRejected(_("Tệp không phải là ảnh hợp lệ (JPEG, PNG, WebP hoặc GIF)."))
    return IMAGE_FORMATS[kind]


def without_metadata(data: bytes) -> bytes:
    """The image re-encoded without EXIF, XMP or comments (GPS positions, camera serials, the
    author's name), turned upright first as its EXIF orientation said. Runs before the file is
    stored, so no copy with the metadata is ever served. An animated GIF keeps its frames (GIF
    carries no EXIF)."""
    with Image.open(io.BytesIO(data)) as image:
        kind = image.format
        if kind == "GIF":
            return data
        turned = image.getexif().get(ExifTags.Base.Orientation, 1) not in (1, None)
        upright = ImageOps.exif_transpose(image) if turned else image
        # Pillow carries a comment and XMP over unless told otherwise; EXIF only when given.
        options: dict = {"icc_profile": image.info.get("icc_profile"), "comment": b"", "xmp": b""}
        if kind == "JPEG":
            options["quality"] = 90 if turned else "keep"  # same quality, no second loss
        elif kind == "WEBP":
            options.update(lossless=bool(image.info.get("lossless")), quality=90)
        out = io.BytesIO()
        upright.save(out, kind, **{k: v for k, v in options.items() if v is not None})
    return out.getvalue()


def sniff_document(data: bytes) -> tuple[str, str]:
    """(content type, extension) of a PDF, Office or OpenDocument file, else UploadRejected."""

    if data.startswith(b"%PDF-"):
        return "application/pdf", "pdf"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "application/msword", "doc"
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                names = set(archive.namelist())
                if "word/document.xml" in names:
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"
                if "xl/workbook.xml" in names:
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
                if "mimetype" in names:
                    # Only the known types, byte for byte: the file's own text never becomes a
                    # header (a newline in it would break every download of the file).
                    mimetype = archive.read("mimetype")[:100].decode("ascii", "replace")
                    if mimetype in OPENDOCUMENT_TYPES:
                        return mimetype, OPENDOCUMENT_TYPES[mimetype]
        except zipfile.BadZipFile:
            pass
    raise UploadRejected(_("Chỉ nhận tệp PDF, Word, Excel hoặc OpenDocument."))


def read_image(upload: FileStorage) -> tuple[bytes, str, str]:
    """An uploaded image's bytes, content type and extension, checked by content (UploadRejected
    otherwise), not yet stored: for code that cleans it itself before storing anything."""
    data = _read_limited(upload, IMAGE_MAX_BYTES)
    return (data, *sniff_image(data))


def store_upload(upload: FileStorage, kind: str = "document") -> StoredFile:
    """Check `upload` by content and store it for the current tenant."""
    if kind == "image":
        data, content_type, ext = read_image(upload)
        data = without_metadata(data)
    else:
        data = _read_limited(upload, DOCUMENT_MAX_BYTES)
        content_type, ext = sniff_document(data)
    return store_bytes(data, content_type, ext, safe_filename(upload.filename, ext))


def store_bytes(data: bytes, content_type: str, ext: str, filename: str) -> StoredFile:
    """Store already-checked bytes (a resized image, a generated file) for the current tenant."""
    tenant = require_tenant()
    key = f"{tenant.id}/{secrets.token_hex(16)}.{ext}"
    _write_whole(storage_root() / key, data)
    return StoredFile(
        key=key,
        filename=filename,
        content_type=content_type,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
    )


def _write_whole(path: Path, data: bytes) -> None:
    """Write `data` to `path` whole or not at all: into a hidden temporary file first, renamed
    into place once complete. A full disk (or quota, or size limit) leaves no partial file and
    is an `UploadRejected` that says so, shown at the form's field like any refused file."""
    temporary = path.with_name(f".{path.name}.part")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with temporary.open("wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        temporary.replace(path)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        if exc.errno not in DISK_FULL:
            raise
        current_app.logger.error("upload not stored, the disk is full: %s", exc)
        raise UploadRejected(
            _("Máy chủ đã hết chỗ lưu tệp nên chưa nhận được tệp này. Vui lòng thử lại sau.")
        ) from exc


def stored_path(key: str) -> Path:
    """The file of `key`, only if it belongs to the current tenant (else 404)."""
    tenant_part, _, name = key.partition("/")
    if tenant_part != str(require_tenant().id) or not name or "/" in name or name.startswith("."):
        abort(404)
    path = storage_root() / tenant_part / name
    if not path.is_file():
        abort(404)
    return path


_MEDIA_TYPE = re.compile(r"[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*")


def send_stored(key: str, content_type: str, download_name: str, as_attachment: bool = True):
    """The stored file under its name and checked type. A type stored before the checks were
    strict, and not a plain media type, goes out as bytes rather than break the response."""
    if not _MEDIA_TYPE.fullmatch(content_type or ""):
        content_type = "application/octet-stream"
    response = send_file(
        stored_path(key),
        mimetype=content_type,
        as_attachment=as_attachment,
        download_name=download_name,
        max_age=3600,
    )
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def form_upload(form, name: str, kind: str, *, has_one: bool, missing) -> StoredFile | None:
    """Store the file the form's `name` field brings (checked as `kind`), for a save hook.

    None when it brings none and the row already `has_one` (the old file stays); a FieldErrors on
    that field when the file is refused, or when there is none at all (`missing` says so).
    """
    upload = form[name].data
    if upload and getattr(upload, "filename", ""):
        try:
            return store_upload(upload, kind=kind)
        except UploadRejected as exc:
            raise FieldErrors.on(name, str(exc)) from exc
    if not has_one:
        raise FieldErrors.on(name, missing)
    return None


# -- a portal's files as a whole (moving a portal between deployments) -----------------------

NAME_PATTERN = r"[0-9a-f]{32}\.[a-z0-9]{1,8}"  # a stored file's name: a random hex and its extension
STORED_NAME = re.compile(f"^{NAME_PATTERN}$")
STORED_KEY = re.compile(rf"^(\d+)/({NAME_PATTERN})$")


def tenant_files(tenant_id: int) -> list[tuple[str, Path]]:
    """(stored name, path) of every file the tenant has, sorted by name."""
    folder = storage_root() / str(tenant_id)
    if not folder.is_dir():
        return []
    return sorted((p.name, p) for p in folder.iterdir() if p.is_file() and STORED_NAME.match(p.name))


def rekey(value: str, old_tenant_id: int, new_tenant_id: int) -> str:
    """The key of a stored file of `old_tenant_id` as the same file of `new_tenant_id`; any other
    string unchanged."""
    match = STORED_KEY.match(value)
    if match and match.group(1) == str(old_tenant_id):
        return f"{new_tenant_id}/{match.group(2)}"
    return value


def place_files(tenant_id: int, files: dict[str, bytes]) -> list[Path]:
    """Write already-checked files (a moved portal's) under `tenant_id`; returns their paths so
    that a failed import can take them back with `remove_paths`. A name already there is
    refused: a portal's files are never overwritten."""
    folder = storage_root() / str(tenant_id)
    written: list[Path] = []
    try:
        for name, data in files.items():
            if not STORED_NAME.match(name):
                raise ValueError(f"not a stored file name: {name!r}")
            path = folder / name
            if path.exists():
                raise FileExistsError(f"{path} exists: a portal's files are never overwritten")
            _write_whole(path, data)
            written.append(path)
    except Exception:
        remove_paths(written)
        raise
    return written


def remove_paths(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
