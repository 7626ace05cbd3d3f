"""The database lost in the middle of a request: a clear page (or JSON), status 503, nothing stored.

On PostgreSQL the test really cuts the request's connection (pg_terminate_backend from a second
connection) between two files of an upload; on SQLite the driver's OperationalError is raised there.
"""

from __future__ import annotations

import psycopg
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError, connection
from django.test import Client

from kopru.core.domain import documents as documents_domain
from kopru.core.models import Document
from kopru.intel.models import IngestBatch, IngestItem

pytestmark = [pytest.mark.fault, pytest.mark.django_db(transaction=True)]


def _terminate_own_connection():
    if connection.vendor != "postgresql":
        raise OperationalError("database is locked")
    settings = connection.settings_dict
    own_pid = connection.connection.info.backend_pid
    with psycopg.connect(
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        dbname=settings["NAME"],
        autocommit=True,
    ) as other:
        other.execute("SELECT pg_terminate_backend(%s)", [own_pid])


@pytest.fixture
def database_dies_on_second_file(monkeypatch):
    real = documents_domain.store_document
    calls = []

    def store_then_die(**kwargs):
        calls.append(kwargs["file_name"])
        if len(calls) == 2:
            _terminate_own_connection()
        return real(**kwargs)

    monkeypatch.setattr("kopru.intel.domain.ingest.store_document", store_then_die)
    return calls


def _files():
    return [
        SimpleUploadedFile("first.txt", b"Kacir met Li Lecheng in Beijing on Tuesday."),
        SimpleUploadedFile("second.txt", b"Farasis will build a battery plant in Gemlik."),
    ]


def test_an_upload_that_loses_the_database_shows_a_clear_page_and_stores_nothing(
    cast, database_dies_on_second_file
):
    client = Client()
    client.force_login(cast.staff_a)

    response = client.post("/documents/upload/", {"files": _files(), "visibility": "shared"})

    assert database_dies_on_second_file == ["first.txt", "second.txt"]
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    page = response.content.decode()
    assert "<h1>Temporarily unavailable</h1>" in page
    assert "Nothing you submitted was saved. Wait a minute and try again" in page
    assert (IngestBatch.objects.count(), IngestItem.objects.count(), Document.objects.count()) == (0, 0, 0)


def test_the_api_answers_json_when_the_database_is_lost(cast, database_dies_on_second_file):
    client = Client()
    client.force_login(cast.staff_a)

    response = client.post("/api/intel/documents", {"files": _files(), "visibility": "shared"})

    assert response.status_code == 503
    assert response.json()["detail"].startswith("The database did not answer")
    assert (IngestBatch.objects.count(), Document.objects.count()) == (0, 0)


def test_an_unexpected_error_gets_the_styled_500_page(cast, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("kopru.intel.domain.ingest.store_document", broken)
    client = Client(raise_request_exception=False)
    client.force_login(cast.staff_a)

    response = client.post("/documents/upload/", {"files": _files()[:1], "visibility": "shared"})

    assert response.status_code == 500
    page = response.content.decode()
    assert "<h1>Something went wrong</h1>" in page
    assert "kopru/kopru.css" in page
    assert Document.objects.count() == 0
