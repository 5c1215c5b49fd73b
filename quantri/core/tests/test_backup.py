"""`quantri backup` then `quantri restore` into an empty instance: the same rows in every table
and the same uploaded files; damaged archives are refused and change nothing.

The restore runs as the operator runs it, a `quantri` process pointed at an empty database and
MEDIA_ROOT; on PostgreSQL the test creates that database beside the test database and drops it.
"""

import json
import os
import secrets
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from quantri.core.backup.archive import write_archive
from quantri.testing.factories import AgencyFactory, MembershipFactory, UserFactory

# Committed rows, so that pg_dump (another connection) sees them; the serialized rollback puts
# back the rows migrations load (PAPI, provinces) for the tests that follow.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

QUANTRI = str(Path(sys.executable).with_name("quantri"))
UPLOADS = {
    "plans/sources/ke-hoach-2026.docx": b"PK\x03\x04 a plan document",
    "evidence/2026/03/bien-ban họp.pdf": b"%PDF-1.7 minutes of the meeting",
    "feedback/anh.jpg": os.urandom(300_000),
}


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    for name, content in UPLOADS.items():
        path = settings.MEDIA_ROOT / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return settings.MEDIA_ROOT


@pytest.fixture
def archive(media, tmp_path):
    department = AgencyFactory(code="SVHTTDL-T", name="Sở Văn hóa thử")
    for n in range(3):
        MembershipFactory(user=UserFactory(username=f"staff{n}"), agency=department)
    path = tmp_path / "quantri-backup.zip"
    call_command("backup", str(path))
    return path


@pytest.fixture
def empty_instance(tmp_path):
    """The environment of a fresh site: an empty database and MEDIA_ROOT, yielding a function
    that counts the rows of a table there."""
    media_root = tmp_path / "restored-media"
    env = {
        "PATH": os.environ["PATH"],
        "SECRET_KEY": secrets.token_urlsafe(50),
        "MEDIA_ROOT": str(media_root),
        "QUANTRI_VAR_DIR": str(tmp_path / "var"),
    }
    if connection.vendor == "sqlite":
        database = tmp_path / "restored.sqlite3"
        env["DATABASE_URL"] = f"sqlite:///{database}"
        yield env, media_root, lambda table: _sqlite_count(database, table)
        return
    import psycopg

    name = f"{connection.settings_dict['NAME']}_restore"
    params = connection.get_connection_params()
    params["dbname"] = name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    settings = connection.settings_dict
    env["DATABASE_URL"] = (
        f"postgres://{quote(settings['USER'])}:{quote(settings['PASSWORD'])}@"
        f"{settings['HOST']}:{settings['PORT']}/{name}"
    )

    def count(table):
        with psycopg.connect(**params) as target:
            return target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]

    yield env, media_root, count
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')


def _sqlite_count(database: Path, table: str) -> int:
    with sqlite3.connect(database) as target:
        return target.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]


def _restore(archive: Path, env: dict, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [QUANTRI, "restore", str(archive), *extra],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        counts = {}
        for table in connection.introspection.table_names(cursor):
            cursor.execute(f'SELECT count(*) FROM "{table}"')
            counts[table] = cursor.fetchone()[0]
    return counts


def _files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def test_a_restore_into_an_empty_instance_gives_the_same_rows_and_files(archive, empty_instance):
    env, media_root, count = empty_instance
    result = _restore(archive, env)
    assert result.returncode == 0, result.stderr
    source = _counts()
    assert source["orgs_membership"] == 3
    assert {table: count(table) for table in source} == source
    assert _files(media_root) == UPLOADS


def test_the_archive_holds_a_manifest_of_every_file(archive):
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
    assert manifest["vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["orgs"]
    listed = {entry["path"]: entry["size"] for entry in manifest["files"]}
    assert listed == {name: len(content) for name, content in UPLOADS.items()}


@pytest.mark.parametrize("damage", ["flipped byte", "truncated"])
def test_a_damaged_archive_is_refused_and_changes_nothing(archive, media, damage):
    """Refused even with --force over the live database, which a restore would replace."""
    data = bytearray(archive.read_bytes())
    if damage == "flipped byte":
        data[len(data) // 2] ^= 0xFF
    else:
        data = data[: len(data) * 2 // 3]
    archive.write_bytes(bytes(data))
    UserFactory(username="written-after-the-backup")
    before, files_before = _counts(), _files(media)
    with pytest.raises(CommandError, match="damaged or incomplete.*Nothing was restored"):
        call_command("restore", str(archive), "--force")
    assert _counts() == before
    assert _files(media) == files_before


def test_a_member_that_differs_from_the_manifest_is_refused_before_anything_is_written(
    archive, media, tmp_path
):
    """Even a well-sealed archive is checked member by member."""
    with zipfile.ZipFile(archive) as opened:
        manifest = json.loads(opened.read("manifest.json"))
        unpacked = tmp_path / "unpacked"
        opened.extractall(unpacked)
    (unpacked / "media/feedback/anh.jpg").write_bytes(b"another picture")
    sources = {name: unpacked / name for name in ["database.sqlite3", "database.pgdump"]}
    sources = {name: path for name, path in sources.items() if path.exists()}
    sources |= {entry["member"]: unpacked / entry["member"] for entry in manifest["files"]}
    archive.unlink()
    write_archive(archive, manifest=manifest, sources=sources)
    before, files_before = _counts(), _files(media)
    UserFactory(username="written-after-the-backup")
    with pytest.raises(CommandError, match="media/feedback/anh.jpg in the backup is damaged"):
        call_command("restore", str(archive), "--force")
    assert _counts() == {**before, "auth_user": before["auth_user"] + 1}
    assert _files(media) == files_before


def test_a_restore_refuses_a_database_that_is_not_empty(archive):
    with pytest.raises(CommandError, match="already holds tables.*--force"):
        call_command("restore", str(archive))


def test_a_backup_never_overwrites_a_file(archive):
    with pytest.raises(CommandError, match="already exists"):
        call_command("backup", str(archive))
