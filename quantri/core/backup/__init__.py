"""`quantri backup FILE` and `quantri restore FILE`: the database and every uploaded file in one
archive with a checksum (docs/deployment.md, "Backups").

A restore checks everything before it writes anything: the whole file's checksum, the
manifest, the database vendor and migrations, each member's checksum as it is unpacked to a
staging folder, an empty target; only then is the database loaded (in one transaction) and the
uploads moved into place.
"""

import datetime
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils.translation import gettext as _

from quantri.core.backup import databases
from quantri.core.backup.archive import (
    FORMAT,
    FORMAT_VERSION,
    BackupError,
    describe,
    extract_verified,
    open_verified,
    safe_relative,
    write_archive,
)

__all__ = ["BackupError", "BackupSummary", "backup_create", "backup_restore"]


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    vendor: str
    files: int
    size: int
    checksum: str
    unapplied: tuple[str, ...] = ()  # migrations this code has that the backup had not run


def backup_create(*, path: Path, database: str = DEFAULT_DB_ALIAS) -> BackupSummary:
    connection = connections[database]
    if path.exists():
        raise BackupError(_("%(file)s already exists; choose a new name.") % {"file": path})
    if not path.parent.is_dir():
        raise BackupError(_("The folder %(folder)s does not exist.") % {"folder": path.parent})
    with tempfile.TemporaryDirectory(prefix="quantri-backup-") as staging:
        dump = Path(staging) / databases.DUMP_NAMES[connection.vendor]
        databases.dump(connection, dump)
        media = _media_files()
        sources = {f"media/{name}": source for name, source in media.items()}
        database_entry = describe(dump.name, dump)
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "vendor": connection.vendor,
            "migrations": _applied_migrations(connection),
            "database": database_entry.as_dict(),
            "files": [
                {"path": name, **describe(member, sources[member]).as_dict()}
                for member, name in ((f"media/{name}", name) for name in media)
            ],
        }
        checksum = write_archive(path, manifest=manifest, sources={dump.name: dump, **sources})
    return BackupSummary(
        path=path,
        vendor=connection.vendor,
        files=len(media),
        size=path.stat().st_size,
        checksum=checksum,
    )


def backup_restore(
    *, path: Path, force: bool = False, database: str = DEFAULT_DB_ALIAS
) -> BackupSummary:
    connection = connections[database]
    if not path.is_file():
        raise BackupError(_("%(file)s does not exist.") % {"file": path})
    archive, manifest = open_verified(path)
    with archive:
        _check_compatible(manifest, connection)
        media_root = Path(settings.MEDIA_ROOT)
        if not force:
            _check_empty(connection, media_root)
        staging = _staging_folder(media_root)
        try:
            dump = staging / "database"
            extract_verified(archive, manifest["database"], dump)
            for entry in manifest["files"]:
                target = staging / "media" / safe_relative(entry["path"])
                extract_verified(archive, entry, target)
            databases.load(connection, dump, replace=force)
            try:
                _swap_media(staging / "media", media_root, keep={staging.name})
            except OSError as exc:
                raise BackupError(
                    _(
                        "The database was restored, but the uploads could not be moved into "
                        "MEDIA_ROOT (%(error)s): restore again with --force."
                    )
                    % {"error": exc.strerror}
                ) from None
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return BackupSummary(
        path=path,
        vendor=manifest["vendor"],
        files=len(manifest["files"]),
        size=path.stat().st_size,
        checksum="",
        unapplied=tuple(_unapplied(manifest)),
    )


def _media_files() -> dict[str, Path]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return {}
    files = (p for p in sorted(root.rglob("*")) if p.is_file() and not p.is_symlink())
    return {
        p.relative_to(root).as_posix(): p
        for p in files
        if not p.relative_to(root).parts[0].startswith(".quantri-restore-")
    }


def _applied_migrations(connection) -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def _known_migrations() -> set[tuple[str, str]]:
    return set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)


def _check_compatible(manifest: dict, connection) -> None:
    if manifest["vendor"] != connection.vendor:
        raise BackupError(
            _("This backup holds a %(backup)s database; the configured database is %(target)s.")
            % {"backup": manifest["vendor"], "target": connection.vendor}
        )
    known = _known_migrations()
    unknown = [
        f"{app}.{name}"
        for app, names in manifest["migrations"].items()
        for name in names
        if (app, name) not in known
    ]
    if unknown:
        raise BackupError(
            _(
                "This backup was made by a newer version of Quản trị (migration %(name)s is "
                "unknown here): upgrade the code first, then restore."
            )
            % {"name": unknown[0]}
        )


def _check_empty(connection, media_root: Path) -> None:
    if not databases.is_empty(connection):
        raise BackupError(
            _(
                "The configured database already holds tables. Restore into an empty database, "
                "or pass --force to replace its contents."
            )
        )
    if media_root.is_dir() and any(media_root.iterdir()):
        raise BackupError(
            _(
                "MEDIA_ROOT already holds files. Restore into an empty folder, or pass --force "
                "to replace them."
            )
        )


def _staging_folder(media_root: Path) -> Path:
    """Inside MEDIA_ROOT, so the uploads move into place by rename even when MEDIA_ROOT is a
    mount of its own; creating it also proves MEDIA_ROOT writable before anything changes."""
    try:
        media_root.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=".quantri-restore-", dir=media_root))
    except OSError as exc:
        raise BackupError(
            _("MEDIA_ROOT cannot be written (%(error)s).") % {"error": exc.strerror}
        ) from None


def _swap_media(restored: Path, media_root: Path, *, keep: set[str]) -> None:
    """Moves what MEDIA_ROOT held aside, moves the restored uploads in, then drops the old."""
    restored.mkdir(exist_ok=True)
    old = Path(tempfile.mkdtemp(prefix=".quantri-restore-old-", dir=media_root))
    keep = keep | {old.name}
    for entry in list(media_root.iterdir()):
        if entry.name not in keep:
            entry.rename(old / entry.name)
    for entry in restored.iterdir():
        entry.rename(media_root / entry.name)
    shutil.rmtree(old, ignore_errors=True)


def _unapplied(manifest: dict) -> list[str]:
    applied = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    return sorted(f"{app}.{name}" for app, name in _known_migrations() - applied)
