"""The review queue never reaches into the other side's internal records (issue 11, findings 2 and 6)."""

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from kopru.core.enums import Visibility
from kopru.core.models import Document, Evidence, Person, Position
from kopru.engage.models import Engagement
from kopru.intel.domain.ingest import IncomingFile, ingest_files
from kopru.intel.domain.review import accept_suggestion, decide_many
from kopru.intel.models import IngestBatch, Suggestion
from tests.factories import EngagementFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SIDE_A = settings.KOPRU_SIDE_A
INTERNAL_A = {"visibility": Visibility.INTERNAL, "owner_side": SIDE_A}
TEXT = "Turkish Minister Mehmet Fatih Kacir met Chinese Minister Yin Hejun in Beijing on Monday."
ORDER = {"person": 0, "organisation": 1, "event": 2, "sector": 3, "claim": 4}


def ingest(text, capture, *, user, name="release.txt", **visibility):
    with capture(execute=True):
        return ingest_files([IncomingFile(name, text.encode())], user=user, **visibility)


def accept_all(user):
    pending = sorted(Suggestion.objects.filter(status="pending"), key=lambda s: (ORDER[s.kind], s.pk))
    return decide_many(pending, user=user, accept=True)


def test_a_shared_documents_suggestions_never_link_to_or_name_the_other_sides_internal_records(
    client, cast, immediate_tasks, django_capture_on_commit_callbacks
):
    hidden = PersonFactory(name="Mehmet Fatih Kacır", aliases=["Kacir"], **INTERNAL_A)
    visible = PersonFactory(name="Yin Hejun", aliases=[], visibility=Visibility.SHARED)
    ingest(TEXT, django_capture_on_commit_callbacks, user=cast.staff_b)
    kacir = Suggestion.objects.get(kind="person", payload__name="Mehmet Fatih Kacir")
    yin = Suggestion.objects.get(kind="person", payload__name="Yin Hejun")
    assert (kacir.match_id, kacir.match_note, kacir.payload["match"]) == (
        None,
        "new",
        {"id": None, "note": "new"},
    )
    assert (yin.match, yin.match_note) == (visible, "same name or alias")
    event = Suggestion.objects.get(kind="event")
    assert {d["name"]: d["match"]["id"] for d in event.payload["participant_details"]} == {
        "Mehmet Fatih Kacir": None,
        "Yin Hejun": visible.pk,
    }
    # nobody reviewing the shared document sees the internal record's name or address
    for user in (cast.staff_a, cast.staff_b):
        client.force_login(user)
        pages = [client.get(f"/intel/suggestions/{kacir.pk}/"), client.get("/intel/queue/")]
        api = client.get(f"/api/intel/suggestions/{kacir.pk}")
        assert api.json()["match"] is None
        for response in [*pages, api]:
            assert hidden.get_absolute_url() not in response.content.decode()


def test_an_internal_document_links_to_its_own_sides_internal_records(
    cast, immediate_tasks, django_capture_on_commit_callbacks
):
    own = PersonFactory(name="Mehmet Fatih Kacır", aliases=["Kacir"], **INTERNAL_A)
    ingest(TEXT, django_capture_on_commit_callbacks, user=cast.staff_a, **INTERNAL_A)
    suggestion = Suggestion.objects.get(kind="person", payload__name="Mehmet Fatih Kacir")
    assert suggestion.match == own
    accept_suggestion(suggestion, user=cast.staff_a)
    assert Evidence.objects.filter(content_type__model="person", object_id=own.pk).exists()


def test_accepting_never_changes_the_other_sides_internal_records(
    client, cast, immediate_tasks, django_capture_on_commit_callbacks
):
    kacir = PersonFactory(name="Mehmet Fatih Kacır", aliases=["Kacir"], country_id="TR")
    ingest(TEXT, django_capture_on_commit_callbacks, user=cast.staff_b)
    assert Suggestion.objects.get(kind="person", payload__name="Mehmet Fatih Kacir").match == kacir
    # after the suggestions were drafted, side A makes the person its internal record
    Person.objects.filter(pk=kacir.pk).update(**INTERNAL_A)
    before = Person.objects.values().get(pk=kacir.pk)
    # the link drafted earlier no longer shows side B the record's name or address
    stale = Suggestion.objects.get(kind="person", payload__name="Mehmet Fatih Kacir")
    client.force_login(cast.staff_b)
    for response in (client.get(f"/intel/suggestions/{stale.pk}/"), client.get("/intel/queue/")):
        assert kacir.get_absolute_url() not in response.content.decode()
        assert "Mehmet Fatih Kacır" not in response.content.decode()
    assert client.get(f"/api/intel/suggestions/{stale.pk}").json()["match"] is None

    assert [d.message for d in accept_all(cast.staff_b) if not d.ok] == []
    assert Person.objects.values().get(pk=kacir.pk) == before
    assert not Evidence.objects.filter(content_type__model="person", object_id=kacir.pk).exists()
    assert not Position.objects.filter(person=kacir).exists()
    assert not Engagement.objects.filter(people=kacir).exists()
    twin = Person.objects.exclude(pk=kacir.pk).get(name="Mehmet Fatih Kacir")
    assert (twin.visibility, twin.owner_side) == (Visibility.SHARED, "")
    assert Engagement.objects.get().people.filter(pk=twin.pk).exists()


def test_the_same_event_is_never_merged_into_the_other_sides_internal_engagement(
    cast, immediate_tasks, django_capture_on_commit_callbacks
):
    kacir = PersonFactory(name="Mehmet Fatih Kacır", aliases=["Kacir"], country_id="TR")
    yin = PersonFactory(name="Yin Hejun", aliases=[], country_id="CN")
    internal = EngagementFactory(
        kind="meeting", place="Beijing", start_date=None, title="Talks", **INTERNAL_A
    )
    internal.people.add(kacir, yin)
    ingest(TEXT.replace(" on Monday", ""), django_capture_on_commit_callbacks, user=cast.staff_b)
    assert [d.message for d in accept_all(cast.staff_b) if not d.ok] == []
    created = Engagement.objects.exclude(pk=internal.pk).get()
    assert set(created.people.all()) == {kacir, yin}
    assert not Evidence.objects.filter(content_type__model="engagement", object_id=internal.pk).exists()
    # side A accepting the same report from its own copy does merge it into its engagement
    Suggestion.objects.all().delete()
    ingest(
        TEXT.replace(" on Monday", "."), django_capture_on_commit_callbacks, user=cast.staff_a, **INTERNAL_A
    )
    accept_all(cast.staff_a)
    assert Evidence.objects.filter(content_type__model="engagement", object_id=internal.pk).exists()


def test_uploading_the_bytes_of_a_hidden_document_is_refused_and_leaves_it_alone(
    client, cast, immediate_tasks, django_capture_on_commit_callbacks
):
    ingest(TEXT, django_capture_on_commit_callbacks, user=cast.staff_a, name="brief.txt", **INTERNAL_A)
    hidden = Document.objects.get()
    suggestions = list(Suggestion.objects.order_by("pk").values_list("pk", "status", "payload"))

    client.force_login(cast.staff_b)
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post(
            "/documents/upload/",
            {"files": SimpleUploadedFile("copy.txt", TEXT.encode()), "visibility": "shared"},
        )
        api = client.post("/api/intel/documents", {"files": [SimpleUploadedFile("copy.txt", TEXT.encode())]})
    assert page.status_code == 400
    assert page.context["form"].errors["files"] == [
        "This file is already stored as a document you may not open, so it was not stored again. "
        "Ask an administrator if you need it."
    ]
    assert hidden.get_absolute_url() not in page.content.decode()
    assert [(i["status"], i["document"], i["duplicate"]) for i in api.json()["items"]] == [
        ("failed", None, False)
    ]
    assert list(Document.objects.all()) == [hidden]
    assert list(Suggestion.objects.order_by("pk").values_list("pk", "status", "payload")) == suggestions
    assert hidden.ingest_items.count() == 1
    # the same bytes from the document's own side are still recognised as already stored
    ingest(TEXT, django_capture_on_commit_callbacks, user=cast.staff_a, name="again.txt", **INTERNAL_A)
    assert hidden.ingest_items.filter(duplicate=True).count() == 1


def test_a_batch_opens_by_id_only_for_its_creators_side(client, cast):
    batch = IngestBatch.objects.create(created_by=cast.staff_b, label="side B's internal briefs")
    cli_batch = IngestBatch.objects.create(created_by=None, label="kopru ingest")
    expected = {
        cast.staff_a: {batch: 404, cli_batch: 404},
        cast.staff_b: {batch: 200, cli_batch: 404},
        cast.admin: {batch: 200, cli_batch: 200},
    }
    for user, codes in expected.items():
        client.force_login(user)
        for each, code in codes.items():
            assert client.get(f"/intel/batches/{each.pk}/").status_code == code
            assert client.get(f"/api/intel/batches/{each.pk}").status_code == code
