"""Regression tests for the server errors found by probing as an attacker would (issue 14)."""

import io
import os

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import load_workbook

from kopru.core.models import ApiToken, Document
from kopru.core.text import single_line
from kopru.intel.extract.reading import ReadError, read_bytes
from kopru.intel.models import IngestBatch, IngestItem
from tests.factories import OrganisationFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

RLO = "\u202e"


@pytest.fixture
def token(cast):
    _, raw = ApiToken.issue(cast.staff_a, "tests")
    return {"Authorization": f"Bearer {raw}"}


# --- documents without a body -------------------------------------------------------------------------


def test_api_document_without_text_is_a_field_error_and_later_creates_work(client, token):
    response = client.post(
        "/api/documents/", {"title": "Empty"}, content_type="application/json", headers=token
    )
    assert response.status_code == 422
    assert "text" in str(response.json())
    assert not Document.objects.filter(title="Empty").exists()
    for n in (1, 2):
        created = client.post(
            "/api/documents/",
            {"title": f"Note {n}", "text": f"Body number {n}."},
            content_type="application/json",
            headers=token,
        )
        assert created.status_code == 201, created.content
    assert Document.objects.get(title="Note 2").checksum != Document.objects.get(title="Note 1").checksum


def test_api_document_with_the_same_text_twice_is_refused(client, token):
    payload = {"title": "One", "text": "The same body."}
    assert (
        client.post("/api/documents/", payload, content_type="application/json", headers=token).status_code
        == 201
    )
    again = client.post("/api/documents/", payload, content_type="application/json", headers=token)
    assert again.status_code == 422
    assert Document.objects.filter(text="The same body.").count() == 1


def test_web_document_form_without_text_shows_a_field_error(client, cast):
    client.force_login(cast.staff_a)
    response = client.post("/documents/new/", {"title": "Empty", "language": "en", "visibility": "shared"})
    assert response.status_code == 400
    assert response.context["form"].errors["text"] == ["A document needs its text."]
    assert not Document.objects.filter(title="Empty").exists()


# --- an admin's internal upload ----------------------------------------------------------------------


def test_admin_internal_upload_without_a_side_is_a_form_error(client, cast):
    client.force_login(cast.admin)
    response = client.post(
        "/documents/upload/",
        {"files": SimpleUploadedFile("a.txt", b"Some internal text."), "visibility": "internal"},
    )
    assert response.status_code == 400
    assert response.context["form"].errors["owner_side"] == [
        "Choose the side whose internal document this is."
    ]
    assert not Document.objects.exists()


def test_admin_internal_upload_with_a_chosen_side_is_stored_for_that_side(client, cast, settings):
    client.force_login(cast.admin)
    response = client.post(
        "/documents/upload/",
        {
            "files": SimpleUploadedFile("a.txt", b"Some internal text."),
            "visibility": "internal",
            "owner_side": settings.KOPRU_SIDE_B,
        },
    )
    assert response.status_code == 302
    assert Document.objects.get().owner_side == settings.KOPRU_SIDE_B


# --- XLSX export with control characters -------------------------------------------------------------


def test_xlsx_export_strips_control_characters(client, cast):
    OrganisationFactory(name="Bell\x07 Works\x1b Ltd", visibility="public")
    client.force_login(cast.staff_a)
    response = client.get("/organisations/export.xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    cells = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    assert "Bell Works Ltd" in cells


# --- a very long search ------------------------------------------------------------------------------


def test_a_thousand_word_search_is_capped_with_a_note(client):
    OrganisationFactory(name="Anatolia Solar", visibility="public")
    words = " ".join(["anatolia"] + [f"w{i}" for i in range(999)])
    response = client.get("/search/", {"q": words})
    assert response.status_code == 200
    assert "Only the first 12 words were searched for." in response.content.decode()


def test_a_thousand_word_list_query_does_not_fail(client, cast):
    OrganisationFactory(name="Anatolia Solar", visibility="public")
    client.force_login(cast.staff_a)
    words = " ".join(["solar"] * 1000)
    assert client.get("/organisations/", {"q": words}).status_code == 200
    api = client.get("/api/organisations/", {"q": words})
    assert api.status_code == 200
    assert [row["name"] for row in api.json()["items"]] == ["Anatolia Solar"]


# --- uploads: binary, UTF-16, bidi, refused files, metadata ------------------------------------------


def test_random_binary_named_txt_is_refused():
    data = os.urandom(4096)
    with pytest.raises(ReadError, match="binary content"):
        read_bytes(data, source="x.txt", suffix=".txt")
    no_nul = bytes(b if b else 1 for b in data)
    with pytest.raises(ReadError):
        read_bytes(no_nul, source="x.txt", suffix=".txt")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_text_is_read_with_or_without_a_bom(codec):
    text = "Kacır met Yin Hejun in Beijing. 会见了中国科学技术部部长。\n"
    assert read_bytes(text.encode(codec), source="x.txt", suffix=".txt").text.startswith(
        "Kacır met Yin Hejun"
    )


def test_single_line_removes_bidi_and_control_characters():
    assert single_line(f"invoice{RLO}fdp.exe\u200b\x07\n next") == "invoicefdp.exe next"


def test_upload_title_loses_bidi_override_and_form_metadata_is_used(client, cast):
    client.force_login(cast.staff_a)
    response = client.post(
        "/documents/upload/",
        {
            "files": SimpleUploadedFile("a.txt", b"Some article text about batteries."),
            "visibility": "shared",
            "title": f"Report{RLO}fdp.exe",
            "publisher": "Ministry\u2066 of Industry",
            "published_date": "2026-03-04",
            "source_url": "https://example.org/a",
        },
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert (document.title, document.publisher, str(document.published_date), document.source_url) == (
        "Reportfdp.exe",
        "Ministry of Industry",
        "2026-03-04",
        "https://example.org/a",
    )


def test_a_refused_single_upload_stores_nothing_and_shows_the_error(client, cast):
    client.force_login(cast.staff_a)
    response = client.post(
        "/documents/upload/",
        {"files": SimpleUploadedFile("junk.txt", os.urandom(2048)), "visibility": "shared"},
    )
    assert response.status_code == 400
    assert "Binary content, not text." in response.context["form"].errors["files"]
    assert (IngestBatch.objects.count(), IngestItem.objects.count(), Document.objects.count()) == (0, 0, 0)


def test_a_null_id_in_a_many_to_many_list_is_a_422(client, token):
    payload = {"kind": "visit", "title": "Visit", "status": "planned", "sectors": [None, None]}
    response = client.post("/api/engagements/", payload, content_type="application/json", headers=token)
    assert response.status_code == 422
    assert "sectors" in str(response.json())


def test_list_fields_are_documented_as_lists_of_strings(client):
    schemas = client.get("/api/openapi.json").json()["components"]["schemas"]
    assert schemas["OrganisationOut"]["properties"]["aliases"]["type"] == "array"
    assert schemas["SectorOut"]["properties"]["nace_codes"]["items"] == {"type": "string"}
    assert schemas["SectorOut"]["properties"]["hs_codes"]["items"] == {"type": "string"}
