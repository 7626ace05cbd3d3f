"""kopru backup / kopru restore: a round trip brings back every row and every uploaded file."""

from __future__ import annotations

import io
import json
import tarfile

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from kopru.core.backup import read_manifest, snapshot
from kopru.core.domain.documents import store_document
from kopru.core.models import Document

pytestmark = [pytest.mark.integration]


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _documents():
    store_document(
        content=b"Kacir met Li Lecheng in Beijing.",
        text="Kacir met Li Lecheng in Beijing.",
        title="Meeting",
        file_name="meeting.txt",
    )
    store_document(
        content=b"Farasis builds a plant in Gemlik.",
        text="Farasis builds a plant in Gemlik.",
        title="Plant",
        file_name="plant.txt",
    )


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_every_row_and_file_after_losing_them(cast, media, tmp_path):
    _documents()
    before = snapshot()
    archive = tmp_path / "kopru.tar"
    output = io.StringIO()
    call_command("backup", str(archive), stdout=output)

    manifest = read_manifest(archive)
    member = {"sqlite": "database.sqlite3", "postgresql": "database.dump"}[connection.vendor]
    assert (manifest["engine"], manifest["database"], manifest["documents"], manifest["files"]) == (
        connection.vendor,
        member,
        2,
        2,
    )
    assert manifest["counts"]["core_document"] == 2
    assert manifest["counts"]["auth_user"] == 5
    assert manifest["documents_checksum"] == before.documents_checksum
    assert output.getvalue().startswith(f"{archive}: ")
    # Disaster: a document and every uploaded file are lost, a stray user appears.
    Document.objects.filter(title="Plant").delete()
    for path in media.rglob("*"):
        if path.is_file():
            path.unlink()
    cast.admin.__class__.objects.create(username="stray")

    output = io.StringIO()
    call_command("restore", str(archive), "--force", stdout=output)

    after = snapshot()
    assert after == before
    assert sorted(Document.objects.values_list("title", flat=True)) == ["Meeting", "Plant"]
    assert Document.objects.get(title="Plant").file.read() == b"Farasis builds a plant in Gemlik."
    assert "2 documents and 2 files match the manifest" in output.getvalue()


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_holds_data(cast, media, tmp_path):
    _documents()
    archive = tmp_path / "kopru.tar"
    call_command("backup", str(archive), stdout=io.StringIO())

    with pytest.raises(CommandError, match="The database holds data already; restore into an empty one"):
        call_command("restore", str(archive))


@pytest.mark.django_db(transaction=True)
def test_a_restore_that_does_not_match_its_manifest_fails_loudly(cast, media, tmp_path):
    _documents()
    archive = tmp_path / "kopru.tar"
    call_command("backup", str(archive), stdout=io.StringIO())
    # An archive whose manifest promises a document the database copy does not hold.
    tampered = tmp_path / "tampered.tar"
    with tarfile.open(archive) as source, tarfile.open(tampered, "w") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "manifest.json":
                manifest = json.loads(data)
                manifest["counts"]["core_document"] = 3
                data = json.dumps(manifest).encode()
                member.size = len(data)
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="core_document: backup 3, restored 2"):
        call_command("restore", str(tampered), "--force")


@pytest.mark.django_db
def test_backup_will_not_overwrite_an_archive(tmp_path):
    archive = tmp_path / "kopru.tar"
    archive.write_bytes(b"keep me")
    with pytest.raises(CommandError, match="exists already"):
        call_command("backup", str(archive))
    assert archive.read_bytes() == b"keep me"


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar"
    bogus.write_bytes(b"not a tar file")
    with pytest.raises(CommandError, match="is not a Köprü backup"):
        call_command("restore", str(bogus))
