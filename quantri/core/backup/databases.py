"""Dumping and loading the database: SQLite through its online backup API, PostgreSQL through
pg_dump and pg_restore."""

import glob
import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db.backends.base.base import BaseDatabaseWrapper
from django.utils.translation import gettext as _

from quantri.core.backup.archive import BackupError

DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}


def dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    if connection.vendor == "sqlite":
        _sqlite_dump(connection, target)
    else:
        _run(_pg_tool("pg_dump"), connection, ["--format=custom", f"--file={target}"])


def load(connection: BaseDatabaseWrapper, source: Path, *, replace: bool) -> None:
    """Loads the dump in one transaction: on failure the database is as it was."""
    if connection.vendor == "sqlite":
        _sqlite_load(connection, source)
    else:
        # --clean only under --force: into an empty database it would only add noise.
        options = ["--single-transaction", "--exit-on-error"]
        options += ["--clean", "--if-exists"] if replace else []
        _run(_pg_tool("pg_restore"), connection, [*options, str(source)])
    connection.close()


def is_empty(connection: BaseDatabaseWrapper) -> bool:
    return not connection.introspection.table_names()


def _sqlite_dump(connection: BaseDatabaseWrapper, target: Path) -> None:
    # The backup API copies a consistent snapshot even while the site is writing.
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)
    finally:
        copy.close()


def _sqlite_load(connection: BaseDatabaseWrapper, source: Path) -> None:
    # Copied in one step, the backup API replaces the target's pages in one transaction.
    connection.ensure_connection()
    original = sqlite3.connect(source)
    try:
        original.backup(connection.connection)
    except sqlite3.Error as exc:
        raise BackupError(
            _("The database could not be restored: %(error)s") % {"error": exc}
        ) from None
    finally:
        original.close()


def _run(tool: str, connection: BaseDatabaseWrapper, options: list[str]) -> None:
    settings = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": str(settings.get("PASSWORD") or "")}
    if sslmode := settings.get("OPTIONS", {}).get("sslmode"):
        env["PGSSLMODE"] = sslmode
    address = [f"--dbname={settings['NAME']}", "--no-owner", "--no-privileges"]
    for flag, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings.get(key):
            address.append(f"{flag}={settings[key]}")
    result = subprocess.run([tool, *address, *options], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(
            _("%(tool)s failed: %(error)s")
            % {"tool": Path(tool).name, "error": result.stderr.strip()[-2000:]}
        )


def _pg_tool(name: str) -> str:
    """The newest client found: pg_dump refuses a server newer than itself, and a newer
    pg_restore reads every older dump."""
    candidates = {shutil.which(name), *glob.glob(f"/usr/lib/postgresql/*/bin/{name}")}
    found = [(path, _version(path)) for path in candidates if path and os.access(path, os.X_OK)]
    found = [(path, version) for path, version in found if version]
    if not found:
        raise BackupError(
            _(
                "%(tool)s was not found on PATH or under /usr/lib/postgresql: install the "
                "PostgreSQL client programs (Debian/Ubuntu: apt install postgresql-client)."
            )
            % {"tool": name}
        )
    return max(found, key=lambda pair: pair[1])[0]


def _version(path: str) -> tuple[int, ...]:
    try:
        output = subprocess.run([path, "--version"], capture_output=True, text=True).stdout
    except OSError:
        return ()
    match = re.search(r"(\d+)(?:\.(\d+))?", output)
    return tuple(int(part) for part in match.groups() if part) if match else ()
