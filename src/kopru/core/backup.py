"""Backups: the database and the uploaded files in one archive, with a manifest to check a restore by.

The archive is a tar file holding `manifest.json`, the database (`database.dump` from `pg_dump -Fc` for
PostgreSQL, `database.sqlite3` from SQLite's online backup API) and `media/` (the uploaded files under
the var directory). The manifest records how many rows each table held and a checksum of the documents
(their ids, content checksums and texts) and of the uploaded files, so a restore proves it brought back
what was saved, not just that a command exited 0.
"""

from __future__ import annotations

import datetime
import hashlib
import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction

FORMAT = 1
MANIFEST = "manifest.json"


class BackupError(RuntimeError):
    """A backup or restore that cannot go ahead or did not bring back what the manifest says."""


@dataclass(frozen=True)
class Snapshot:
    counts: dict[str, int]
    documents: int
    documents_checksum: str
    files: int
    files_checksum: str

    def as_dict(self) -> dict:
        return {
            "counts": self.counts,
            "documents": self.documents,
            "documents_checksum": self.documents_checksum,
            "files": self.files,
            "files_checksum": self.files_checksum,
        }


def _media_root() -> Path:
    return Path(settings.MEDIA_ROOT)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(root: Path | None = None) -> list[Path]:
    root = root or _media_root()
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else []


def _tables() -> list[str]:
    tables = set()
    for model in apps.get_models(include_auto_created=True):
        if not model._meta.proxy and model._meta.managed:
            tables.add(model._meta.db_table)
    return sorted(tables)


def _database_state(cursor) -> tuple[dict[str, int], int, str]:
    """Row counts and the documents' checksum, read through a DB-API cursor (live database or a copy)."""
    counts = {}
    for table in _tables():
        cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
        counts[table] = cursor.fetchone()[0]
    digest, total = hashlib.sha256(), 0
    cursor.execute('SELECT id, checksum, text FROM "core_document" ORDER BY id')
    for pk, checksum, text in cursor.fetchall():
        digest.update(f"{pk}:{checksum}:{hashlib.sha256(text.encode()).hexdigest()}\n".encode())
        total += 1
    return counts, total, digest.hexdigest()


def _files_state(files: list[Path], root: Path) -> str:
    digest = hashlib.sha256()
    for path in files:
        digest.update(f"{path.relative_to(root).as_posix()}:{_file_digest(path)}\n".encode())
    return digest.hexdigest()


def snapshot(cursor=None, files: list[Path] | None = None) -> Snapshot:
    """Row counts of every table and checksums of the documents and uploaded files."""
    root = _media_root()
    files = media_files(root) if files is None else files
    if cursor is None:
        with connection.cursor() as own:
            counts, total, documents = _database_state(own)
    else:
        counts, total, documents = _database_state(cursor)
    return Snapshot(counts, total, documents, len(files), _files_state(files, root))


def _pg_environment(database: dict) -> tuple[list[str], dict[str, str]]:
    arguments = ["--dbname", database["NAME"]]
    if database.get("HOST"):
        arguments += ["--host", str(database["HOST"])]
    if database.get("PORT"):
        arguments += ["--port", str(database["PORT"])]
    if database.get("USER"):
        arguments += ["--username", str(database["USER"])]
    environment = {**os.environ}
    if database.get("PASSWORD"):
        environment["PGPASSWORD"] = str(database["PASSWORD"])
    return arguments, environment


def _run(command: list[str], environment: dict[str, str]) -> None:
    try:
        done = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        raise BackupError(f"{command[0]} is not installed (install the PostgreSQL client tools)") from None
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip()[:2000]}")


def _dump_postgresql(folder: Path, files: list[Path]) -> Snapshot:
    """pg_dump and the manifest's counts read one and the same snapshot, while others keep writing."""
    arguments, environment = _pg_environment(connection.settings_dict)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        exported = cursor.fetchone()[0]
        _run(
            [
                "pg_dump",
                "--format=custom",
                "--no-owner",
                f"--snapshot={exported}",
                "--file",
                str(folder / "database.dump"),
                *arguments,
            ],
            environment,
        )
        return snapshot(cursor, files)


def _dump_sqlite(folder: Path, files: list[Path]) -> Snapshot:
    """SQLite's online backup copies a consistent database; the manifest is read from that copy."""
    connection.ensure_connection()
    target = sqlite3.connect(folder / "database.sqlite3")
    try:
        connection.connection.backup(target)
        return snapshot(target.cursor(), files)
    finally:
        target.close()


def create_backup(destination: Path) -> dict:
    """Write the archive to `destination` (a new file); returns the manifest."""
    destination = Path(destination)
    if destination.exists():
        raise BackupError(f"{destination} exists already; choose a new file name")
    if connection.vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {connection.vendor}")
    root = _media_root()
    files = media_files(root)
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        if connection.vendor == "postgresql":
            database_member, state = "database.dump", _dump_postgresql(folder, files)
        else:
            database_member, state = "database.sqlite3", _dump_sqlite(folder, files)
        manifest = {
            "format": FORMAT,
            "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
            "engine": connection.vendor,
            "database": database_member,
            **state.as_dict(),
        }
        partial = destination.with_name(destination.name + ".partial")
        with tarfile.open(partial, "w") as archive:
            data = json.dumps(manifest, indent=2, sort_keys=True).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(folder / database_member, arcname=database_member)
            for path in files:
                archive.add(path, arcname=f"media/{path.relative_to(root).as_posix()}")
        partial.replace(destination)  # never leave a half-written archive under the final name
    return manifest


def read_manifest(source: Path) -> dict:
    try:
        with tarfile.open(source) as archive:
            manifest = json.load(archive.extractfile(MANIFEST))
    except (OSError, tarfile.TarError, KeyError, json.JSONDecodeError) as error:
        raise BackupError(f"{source} is not a Köprü backup: {error}") from None
    if manifest.get("format") != FORMAT:
        raise BackupError(
            f"{source} has backup format {manifest.get('format')!r}; this version reads {FORMAT}"
        )
    return manifest


def _database_is_empty() -> bool:
    tables = set(connection.introspection.table_names())
    if "core_document" not in tables:
        return True
    document = apps.get_model("core", "Document")
    user = apps.get_model(settings.AUTH_USER_MODEL)
    return not document.objects.exists() and not user.objects.exists()


def _restore_database(member: Path, manifest: dict) -> None:
    if manifest["engine"] != connection.vendor:
        raise BackupError(
            f"The backup is of a {manifest['engine']} database; this one is {connection.vendor}"
        )
    if connection.vendor == "postgresql":
        arguments, environment = _pg_environment(connection.settings_dict)
        connections.close_all()
        restore = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--exit-on-error"]
        _run([*restore, *arguments, str(member)], environment)
    else:
        connection.ensure_connection()
        source = sqlite3.connect(member)
        try:
            source.backup(connection.connection)
        finally:
            source.close()


def _safe_members(archive: tarfile.TarFile) -> list[tarfile.TarInfo]:
    members = []
    for member in archive.getmembers():
        name = Path(member.name)
        if name.is_absolute() or ".." in name.parts or not (member.isfile() or member.isdir()):
            raise BackupError(f"The archive holds an unsafe entry: {member.name!r}")
        members.append(member)
    return members


def restore_backup(source: Path, *, force: bool = False) -> tuple[dict, Snapshot]:
    """Put the archive's database and files in place, then check them against its manifest."""
    manifest = read_manifest(source)
    if not force and not _database_is_empty():
        raise BackupError("The database holds data already; restore into an empty one, or pass --force")
    with tempfile.TemporaryDirectory() as scratch, tarfile.open(source) as archive:
        folder = Path(scratch)
        archive.extractall(folder, members=_safe_members(archive), filter="data")
        _restore_database(folder / manifest["database"], manifest)
        media = _media_root()
        if media.exists():
            shutil.rmtree(media)
        if (folder / "media").is_dir():
            shutil.copytree(folder / "media", media)
    state = snapshot()
    expected = {key: manifest[key] for key in state.as_dict()}
    if state.as_dict() != expected:
        differences = [
            f"{key}: backup {expected[key]!r}, restored {value!r}"
            for key, value in state.as_dict().items()
            if key != "counts" and value != expected[key]
        ] + [
            f"{label}: backup {expected['counts'].get(label)}, restored {count}"
            for label, count in state.counts.items()
            if expected["counts"].get(label) != count
        ]
        raise BackupError("The restore does not match the backup's manifest:\n  " + "\n  ".join(differences))
    return manifest, state
