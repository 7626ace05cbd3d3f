"""Every intelligence route and API operation × every role."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kopru.core.enums import Visibility
from kopru.intel.models import IngestBatch, IngestItem, Suggestion
from tests.factories import DocumentFactory
from tests.matrix import ROLES, api_operation_ids, client_as, on_success, url_names

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

STAFF = {"admin": 200, "staff_a": 200, "staff_b": 200, "company": 403, "reviewer": 403, "anonymous": 302}
STAFF_OWN_SIDE = {
    "admin": 200,
    "staff_a": 200,
    "staff_b": 404,
    "company": 403,
    "reviewer": 403,
    "anonymous": 302,
}
API_STAFF = {"admin": 200, "staff_a": 200, "staff_b": 200, "company": 403, "reviewer": 403, "anonymous": 401}
API_OWN_SIDE = {**API_STAFF, "staff_b": 404}


@pytest.fixture
def world(cast):
    shared = DocumentFactory(text="Kacır met Yin Hejun in Beijing.", visibility=Visibility.SHARED)
    internal = DocumentFactory(text="Internal brief.", visibility=Visibility.INTERNAL, owner_side="TR")
    batch = IngestBatch.objects.create(created_by=cast.staff_a)
    IngestItem.objects.create(batch=batch, name="x.txt", document=shared, status="done")

    def suggestion(document, n):
        return Suggestion.objects.create(
            document=document,
            kind="person",
            label=f"Person {n}",
            payload={"name": f"Person {n}"},
            fingerprint=f"f{n}",
            confidence=0.9,
            evidence_start=0,
            evidence_end=5,
        )

    return {
        "shared": suggestion(shared, 1),
        "internal": suggestion(internal, 2),
        "batch": batch,
        "document": shared,
        "internal_document": internal,
    }


def test_every_intel_route_is_in_the_matrix():
    assert url_names("intel/") == {
        "intel:queue",
        "intel:bulk-decide",
        "intel:suggestion",
        "intel:suggestion-reject",
        "intel:batch",
        "intel:document",
    }
    assert api_operation_ids("/intel/") == {
        "list_suggestions",
        "get_suggestion",
        "accept_suggestion",
        "reject_suggestion",
        "ingest_documents",
        "get_batch",
    }


@pytest.mark.parametrize("role", ROLES)
def test_pages(client, cast, world, role):
    client = client_as(client, cast, role)
    assert client.get("/intel/queue/").status_code == STAFF[role]
    # a batch opens only for its creator's side (its label and file names are as internal as its documents)
    assert client.get(f"/intel/batches/{world['batch'].pk}/").status_code == STAFF_OWN_SIDE[role]
    assert client.get(f"/intel/suggestions/{world['shared'].pk}/").status_code == STAFF[role]
    assert client.get(f"/intel/suggestions/{world['internal'].pk}/").status_code == STAFF_OWN_SIDE[role]
    document_page = {
        **STAFF,
        "company": 404,
        "reviewer": 404,
    }  # a shared document is not theirs to read at all
    assert client.get(f"/intel/documents/{world['document'].pk}/").status_code == document_page[role]
    internal_page = {**STAFF_OWN_SIDE, "company": 404, "reviewer": 404}
    assert client.get(f"/intel/documents/{world['internal_document'].pk}/").status_code == internal_page[role]


@pytest.mark.parametrize("role", ROLES)
def test_decisions(client, cast, world, role):
    client = client_as(client, cast, role)
    assert (
        client.post(f"/intel/suggestions/{world['internal'].pk}/reject/").status_code
        == on_success(STAFF_OWN_SIDE, 302)[role]
    )
    assert (
        client.post("/intel/queue/decide/", {"action": "reject", "ids": [world["shared"].pk]}).status_code
        == (on_success(STAFF, 302)[role])
    )
    assert Suggestion.objects.get(pk=world["shared"].pk).status == (
        "rejected" if STAFF[role] == 200 else "pending"
    )


@pytest.mark.parametrize("role", ROLES)
def test_api(client, cast, world, role):
    client = client_as(client, cast, role)
    assert client.get("/api/intel/suggestions/").status_code == API_STAFF[role]
    assert client.get(f"/api/intel/suggestions/{world['internal'].pk}").status_code == API_OWN_SIDE[role]
    assert client.get(f"/api/intel/batches/{world['batch'].pk}").status_code == API_OWN_SIDE[role]
    assert (
        client.post(f"/api/intel/suggestions/{world['internal'].pk}/reject").status_code == API_OWN_SIDE[role]
    )
    accepted = client.post(
        f"/api/intel/suggestions/{world['shared'].pk}/accept", {}, content_type="application/json"
    )
    assert accepted.status_code == API_STAFF[role]
    upload = SimpleUploadedFile("note.txt", b"Minister Kacir visited Beijing.")
    expected_upload = {**API_STAFF, "admin": 201, "staff_a": 201, "staff_b": 201}
    assert client.post("/api/intel/documents", {"files": [upload]}).status_code == expected_upload[role]
