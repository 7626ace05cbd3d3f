"""Resolution happens once, when suggestions are drafted; accepting uses what was stored."""

import pytest

from kopru.core.models import Organisation, Person
from kopru.intel.domain import acceptance, resolution
from kopru.intel.domain.ingest import IncomingFile, ingest_files
from kopru.intel.domain.review import accept_suggestion, decide_many
from kopru.intel.models import Suggestion
from tests.factories import PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TEXT = "Turkish Minister Mehmet Fatih Kacir met Chinese Minister Yin Hejun in Beijing on Monday."


def ingest(text, capture, name="release.txt"):
    with capture(execute=True):
        return ingest_files([IncomingFile(name, text.encode())]).items.get().document


def test_accepting_uses_the_resolution_stored_at_drafting_and_resolves_nothing(
    cast, immediate_tasks, django_capture_on_commit_callbacks, monkeypatch
):
    kacir = PersonFactory(name="Mehmet Fatih Kacır", aliases=[], country_id="TR")
    ingest(TEXT, django_capture_on_commit_callbacks)
    person = Suggestion.objects.get(kind="person", payload__name="Mehmet Fatih Kacir")
    assert (person.match, person.payload["match"]) == (kacir, {"id": kacir.pk, "note": "same name or alias"})
    event = Suggestion.objects.get(kind="event")
    assert [d["match"]["id"] for d in event.payload["participant_details"]] == [kacir.pk, None]

    def no_second_resolution(*args, **kwargs):
        raise AssertionError("resolved again on accept")

    for module in (resolution, acceptance):
        monkeypatch.setattr(module, "resolve_person", no_second_resolution)
        monkeypatch.setattr(module, "resolve_organisation", no_second_resolution)
    assert accept_suggestion(person, user=cast.staff_a) == kacir
    engagement = accept_suggestion(event, user=cast.staff_a)
    assert sorted(p.name for p in engagement.people.all()) == ["Mehmet Fatih Kacır", "Yin Hejun"]


def test_a_record_accepted_from_one_suggestion_becomes_the_match_of_pending_ones(
    cast, immediate_tasks, django_capture_on_commit_callbacks
):
    ingest(TEXT, django_capture_on_commit_callbacks, name="one.txt")
    ingest(TEXT.replace("Monday", "Tuesday"), django_capture_on_commit_callbacks, name="two.txt")
    first, second = Suggestion.objects.filter(kind="person", payload__name="Yin Hejun").order_by("pk")
    assert (first.match_note, second.match_note) == ("new", "new")
    yin = accept_suggestion(first, user=cast.staff_a)
    second.refresh_from_db()
    assert (second.match, second.match_note, second.payload["match"]["id"]) == (
        yin,
        "same name or alias",
        yin.pk,
    )
    later_event = Suggestion.objects.get(kind="event", document=second.document)
    assert {d["name"]: d["match"]["id"] for d in later_event.payload["participant_details"]} == {
        "Mehmet Fatih Kacir": None,
        "Yin Hejun": yin.pk,
    }
    decide_many(Suggestion.objects.filter(status="pending").order_by("kind"), user=cast.staff_a, accept=True)
    people = list(Person.objects.values_list("name", flat=True))
    organisations = list(Organisation.objects.values_list("name", flat=True))
    assert sorted(people) == ["Mehmet Fatih Kacir", "Yin Hejun"]
    assert len(organisations) == len(set(organisations))  # no twins


def test_renaming_a_person_on_accept_resolves_the_new_name(cast, db):
    from tests.factories import DocumentFactory

    document = DocumentFactory(text="Kacir spoke in Ankara.")
    kacir = PersonFactory(name="Mehmet Fatih Kacır", aliases=[], country_id="TR")
    suggestion = Suggestion.objects.create(
        document=document,
        kind="person",
        label="Kacir",
        payload={"name": "Kacir", "aliases": [], "match": {"id": None, "note": "new"}},
        fingerprint="k",
        confidence=0.9,
        match_note="new",
    )
    assert accept_suggestion(suggestion, user=cast.staff_a, edits={"name": "Mehmet Fatih Kacır"}) == kacir
    kacir.refresh_from_db()
    assert kacir.aliases == ["Kacir"]
