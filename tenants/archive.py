"""The portal archive: one gzipped tar holding `manifest.json` and the members it lists.

The manifest says what the archive is (format version, schema revision, the portal) and lists
every other member with its size and SHA-256. Reading checks all of it before handing anything
back: a truncated file, a member whose bytes do not match its checksum, a member missing or not
listed, or an unknown format is refused with `ArchiveRefused`, so an import starts only from an
archive known to be whole.
"""

from __future__ import annotations

import hashlib
import io
import json
import tarfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

FORMAT_VERSION = 1
MANIFEST = "manifest.json"


class ArchiveRefused(ValueError):
    """The archive cannot be imported; the message says why."""


@dataclass
class Archive:
    manifest: dict
    members: dict[str, bytes]


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_archive(path: Path, manifest: dict, members: dict[str, bytes]) -> dict:
    """Write `members` and a manifest (`manifest` plus the format and the members' checksums)."""
    manifest = {
        **manifest,
        "format": FORMAT_VERSION,
        "members": {name: {"size": len(data), "sha256": sha256(data)} for name, data in members.items()},
    }
    with tarfile.open(path, "w:gz") as tar:
        for name, data in [
            (MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1).encode()),
            *members.items(),
        ]:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            tar.addfile(info, io.BytesIO(data))
    return manifest


def _safe_name(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return bool(parts) and not name.startswith("/") and ".." not in parts


def _read_members(path: Path) -> dict[str, bytes]:
    members: dict[str, bytes] = {}
    try:
        with tarfile.open(path, "r:gz") as tar:
            for info in tar:
                if not info.isfile() or not _safe_name(info.name) or info.name in members:
                    raise ArchiveRefused(f"unexpected member {info.name!r} in the archive")
                extracted = tar.extractfile(info)
                members[info.name] = extracted.read() if extracted else b""
    except (tarfile.TarError, EOFError, zlib.error, OSError) as exc:
        raise ArchiveRefused(f"the archive is truncated or damaged ({exc})") from exc
    return members


def read_archive(path: Path) -> Archive:
    """The archive at `path`, every member checked against the manifest; else ArchiveRefused."""
    members = _read_members(path)
    try:
        manifest = json.loads(members.pop(MANIFEST))
    except KeyError as exc:
        raise ArchiveRefused("the archive has no manifest.json") from exc
    except ValueError as exc:
        raise ArchiveRefused("the archive's manifest.json is not valid JSON") from exc
    if manifest.get("format") != FORMAT_VERSION:
        raise ArchiveRefused(f"archive format {manifest.get('format')!r} is not {FORMAT_VERSION}")
    listed = manifest.get("members") or {}
    if set(listed) != set(members):
        missing, extra = sorted(set(listed) - set(members)), sorted(set(members) - set(listed))
        raise ArchiveRefused(
            f"the archive's members differ from its manifest (missing {missing}, extra {extra})"
        )
    for name, data in members.items():
        if len(data) != listed[name]["size"] or sha256(data) != listed[name]["sha256"]:
            raise ArchiveRefused(f"checksum mismatch for {name}: the archive was altered or damaged")
    return Archive(manifest, members)
