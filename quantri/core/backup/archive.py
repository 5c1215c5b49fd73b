"""The backup archive: a ZIP file holding manifest.json, the database dump and the uploads.

The archive's own checksum sits in the ZIP comment, the last bytes of the file: the SHA-256 of
every byte before it. A damaged or truncated file fails that check before anything is read,
and each member is checked again against the manifest's SHA-256 as it is unpacked. Standard
tools (`unzip -l`, `unzip -z`) still open the file.
"""

import hashlib
import json
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.utils.translation import gettext as _

FORMAT = "quantri-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
_SEAL = b"quantri-backup sha256:"
_HEX_LEN = 64
_CHUNK = 1024 * 1024


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says why, for the operator."""


@dataclass(frozen=True)
class Member:
    name: str  # the path inside the archive
    size: int
    sha256: str

    def as_dict(self) -> dict:
        return {"member": self.name, "size": self.size, "sha256": self.sha256}


def describe(name: str, source: Path) -> Member:
    digest = hashlib.sha256()
    with open(source, "rb") as stream:
        while chunk := stream.read(_CHUNK):
            digest.update(chunk)
    return Member(name=name, size=source.stat().st_size, sha256=digest.hexdigest())


def write_archive(path: Path, *, manifest: dict, sources: dict[str, Path]) -> str:
    """Writes the archive next to `path` and moves it into place once sealed, so a crash
    never leaves a file that looks complete. Returns the archive's checksum."""
    partial = path.with_name(f".{path.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for name, source in sources.items():
                archive.write(source, name)
            archive.comment = _SEAL + b"0" * _HEX_LEN
        checksum = _digest_before_seal(partial)
        with open(partial, "r+b") as stream:
            stream.seek(-_HEX_LEN, os.SEEK_END)
            stream.write(checksum.encode())
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
    return checksum


def open_verified(path: Path) -> tuple[zipfile.ZipFile, dict]:
    """The archive and its manifest, once the whole file's checksum and the manifest's shape
    are right; nothing is unpacked yet."""
    _check_seal(path)
    try:
        archive = zipfile.ZipFile(path)
        manifest = json.loads(archive.read(MANIFEST))
    except (zipfile.BadZipFile, KeyError, ValueError, OSError):
        raise BackupError(_("%(file)s is not a Quản trị backup.") % {"file": path.name}) from None
    if manifest.get("format") != FORMAT or manifest.get("format_version") != FORMAT_VERSION:
        archive.close()
        raise BackupError(
            _("%(file)s is not a backup this version can read (format %(format)s).")
            % {"file": path.name, "format": manifest.get("format_version")}
        )
    try:
        expected = {MANIFEST, manifest["database"]["member"]}
        expected |= {entry["member"] for entry in manifest["files"]}
    except (KeyError, TypeError):
        expected = set()
    if set(archive.namelist()) != expected:
        archive.close()
        raise BackupError(
            _("%(file)s does not hold the members its manifest lists.") % {"file": path.name}
        )
    return archive, manifest


def extract_verified(archive: zipfile.ZipFile, entry: dict, target: Path) -> None:
    """Unpacks one member to `target`, refusing it if its size or SHA-256 differ from the
    manifest's."""
    digest, size = hashlib.sha256(), 0
    target.parent.mkdir(parents=True, exist_ok=True)
    with archive.open(entry["member"]) as source, open(target, "wb") as sink:
        while chunk := source.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            sink.write(chunk)
    if size != entry["size"] or digest.hexdigest() != entry["sha256"]:
        raise BackupError(
            _("%(member)s in the backup is damaged: its checksum does not match the manifest.")
            % {"member": entry["member"]}
        )


def safe_relative(name: str) -> PurePosixPath:
    """A member's path below its folder; an absolute path or `..` would write outside it."""
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise BackupError(_("The backup names an unsafe path: %(path)s") % {"path": name})
    return path


def _check_seal(path: Path) -> None:
    damaged = BackupError(
        _("%(file)s is damaged or incomplete: its checksum does not match. Nothing was restored.")
        % {"file": path.name}
    )
    size = path.stat().st_size
    if size < len(_SEAL) + _HEX_LEN:
        raise damaged
    with open(path, "rb") as stream:
        stream.seek(-(len(_SEAL) + _HEX_LEN), os.SEEK_END)
        tail = stream.read()
    if not tail.startswith(_SEAL) or tail[len(_SEAL) :].decode("ascii", "replace") != (
        _digest_before_seal(path)
    ):
        raise damaged


def _digest_before_seal(path: Path) -> str:
    digest = hashlib.sha256()
    remaining = path.stat().st_size - _HEX_LEN
    with open(path, "rb") as stream:
        while remaining > 0:
            chunk = stream.read(min(_CHUNK, remaining))
            if not chunk:
                break
            digest.update(chunk)
            remaining -= len(chunk)
    return digest.hexdigest()
