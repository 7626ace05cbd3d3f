"""Learning from review: rejects and edits become corrections that the next extraction applies."""

import pytest
from django.conf import settings

from kopru.core.enums import Visibility
from kopru.core.models import Person
from kopru.intel.domain.corrections import LearntCorrections, apply_corrections, corrections_from
from kopru.intel.domain.ingest import IncomingFile, ingest_files
from kopru.intel.domain.review import accept_suggestion, reject_suggestion
from kopru.intel.extract import extract_text
from kopru.intel.models import Correction, Suggestion

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

SIDE_A, SIDE_B = settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B
# A place-like name quoted as a speaker: the extractor takes "Ardent Lake" for a person.
FIRST = "Turkish Minister Mehmet Fatih Kacır will visit Beijing next week, said Ardent Lake."
SECOND = "Chinese Minister Yin Hejun will sign a battery agreement in Ankara, said Ardent Lake."


def ingest(text, name, capture, *, user=None, visibility=Visibility.SHARED, owner_side=""):
    with capture(execute=True):
        batch = ingest_files(
            [IncomingFile(name, text.encode())], user=user, visibility=visibility, owner_side=owner_side
        )
    return batch.items.get().document


def people_suggested(document) -> list[str]:
    return sorted(Suggestion.objects.filter(document=document, kind="person").values_list("label", flat=True))


def participants_suggested(document) -> list[str]:
    events = Suggestion.objects.filter(document=document, kind="event")
    return sorted(name for event in events for name in event.payload["participants"])


def test_a_rejected_person_is_not_suggested_again_in_the_next_document(
    cast, immediate_tasks, django_capture_on_commit_callbacks
):
    # without the correction, the second document would suggest "Ardent Lake" too
    assert "Ardent Lake" in [person["name"] for person in extract_text(SECOND)["people"]]
    first = ingest(FIRST, "first.txt", django_capture_on_commit_callbacks, user=cast.staff_a)
    wrong = Suggestion.objects.get(document=first, kind="person", payload__name="Ardent Lake")
    reject_suggestion(wrong, user=cast.staff_a)
    assert list(Correction.objects.values_list("kind", "entity", "surface", "surface_key", "owner_side")) == [
        ("not_a_person", "person", "Ardent Lake", "ardent lake", "")
    ]
    correction = Correction.objects.get()
    assert (correction.created_by, correction.suggestion) == (cast.staff_a, wrong)

    second = ingest(SECOND, "second.txt", django_capture_on_commit_callbacks, user=cast.staff_b)
    assert people_suggested(second) == ["Yin Hejun — Minister (CN)"]
    assert participants_suggested(second) == ["Yin Hejun"]


def test_an_alias_edit_maps_the_next_documents_name_to_the_edited_one(
    cast, immediate_tasks, django_capture_on_commit_callbacks
):
    first = ingest(
        "Minister Fatih Kacir met Chinese Minister Yin Hejun in Beijing to discuss batteries.",
        "first.txt",
        django_capture_on_commit_callbacks,
    )
    short = Suggestion.objects.get(document=first, kind="person", payload__name="Fatih Kacir")
    kacir = accept_suggestion(short, user=cast.staff_a, edits={"name": "Mehmet Fatih Kacır", "country": "TR"})
    assert (kacir.name, kacir.aliases) == ("Mehmet Fatih Kacır", ["Fatih Kacir"])
    assert list(Correction.objects.values_list("kind", "entity", "surface", "target")) == [
        ("alias_of", "person", "Fatih Kacir", "Mehmet Fatih Kacır")
    ]

    second = ingest(
        "Minister Fatih Kacir visited the Togg plant in Bursa with Chinese Minister Yin Hejun on Tuesday.",
        "second.txt",
        django_capture_on_commit_callbacks,
    )
    suggestion = Suggestion.objects.get(document=second, kind="person", payload__name="Mehmet Fatih Kacır")
    assert suggestion.payload["aliases"] == ["Fatih Kacir"]
    assert (suggestion.match, suggestion.match_note) == (kacir, "same name or alias")
    assert "Mehmet Fatih Kacır" in participants_suggested(second)
    assert "Fatih Kacir" not in participants_suggested(second)


def test_corrections_made_on_one_sides_internal_documents_never_change_the_other_sides_extraction(
    cast, immediate_tasks, django_capture_on_commit_callbacks
):
    internal_b = {"visibility": Visibility.INTERNAL, "owner_side": SIDE_B}
    first = ingest(FIRST, "b1.txt", django_capture_on_commit_callbacks, user=cast.staff_b, **internal_b)
    reject_suggestion(
        Suggestion.objects.get(document=first, kind="person", payload__name="Ardent Lake"), user=cast.staff_b
    )
    assert list(Correction.objects.values_list("surface", "owner_side")) == [("Ardent Lake", SIDE_B)]

    side_a = ingest(
        SECOND,
        "a.txt",
        django_capture_on_commit_callbacks,
        user=cast.staff_a,
        visibility=Visibility.INTERNAL,
        owner_side=SIDE_A,
    )
    shared = ingest(SECOND + " ", "shared.txt", django_capture_on_commit_callbacks, user=cast.staff_a)
    side_b = ingest(
        SECOND + "  ", "b2.txt", django_capture_on_commit_callbacks, user=cast.staff_b, **internal_b
    )
    assert people_suggested(side_a) == ["Ardent Lake", "Yin Hejun — Minister (CN)"]
    assert people_suggested(shared) == ["Ardent Lake", "Yin Hejun — Minister (CN)"]
    assert people_suggested(side_b) == ["Yin Hejun — Minister (CN)"]


def test_a_rejected_claim_and_a_cleared_place_are_learnt(cast, db):
    from tests.factories import DocumentFactory

    document = DocumentFactory(text="Türkiye ranks first in Europe in solar energy.")

    def suggestion(kind, payload, n):
        return Suggestion.objects.create(
            document=document, kind=kind, label=kind, payload=payload, fingerprint=f"f{n}", confidence=0.5
        )

    claim = suggestion(
        "claim", {"subject": "Türkiye", "text": "ranks first in Europe", "metric": "rank", "value": 1}, 1
    )
    reject_suggestion(claim, user=cast.staff_a)
    event = suggestion("event", {"type": "meeting", "status": "held", "place": "Bay Area Council"}, 2)
    accept_suggestion(event, user=cast.staff_a, edits={"place": None})
    assert list(Correction.objects.values_list("kind", "entity", "surface", "target")) == [
        ("not_a_claim", "claim", "ranks first in Europe", "rank=1"),
        ("not_a_place", "place", "Bay Area Council", ""),
    ]


def test_accepting_a_name_withdraws_an_earlier_not_a_person(cast, db):
    from tests.factories import DocumentFactory

    document = DocumentFactory(text="Yin Hejun spoke. Yin Hejun left.")
    rejected = Suggestion.objects.create(
        document=document,
        kind="person",
        label="Yin",
        payload={"name": "Yin Hejun"},
        fingerprint="a",
        confidence=1,
    )
    reject_suggestion(rejected, user=cast.staff_a)
    assert Correction.objects.count() == 1
    accepted = Suggestion.objects.create(
        document=document,
        kind="person",
        label="Yin",
        payload={"name": "Yin Hejun"},
        fingerprint="b",
        confidence=1,
    )
    accept_suggestion(accepted, user=cast.staff_a)
    assert Correction.objects.count() == 0
    assert Person.objects.filter(name="Yin Hejun").count() == 1


RESULT = {
    "people": [
        {"name": "Ardent Lake", "aliases": [], "mentions": [[0, 6]]},
        {"name": "Fatih Kacir", "aliases": [], "country": None, "mentions": [[10, 21]], "positions": []},
        {
            "name": "Mehmet Fatih Kacır",
            "aliases": ["Kacır"],
            "country": "TR",
            "mentions": [[30, 48]],
            "positions": [{"title": "Minister", "organization": "MIT"}],
        },
    ],
    "organizations": [{"name": "MIT", "aliases": [], "kind": "government", "mentions": [[50, 53]]}],
    "places": [{"name": "Pekin", "aliases": [], "mentions": [[60, 65]]}],
    "events": [
        {
            "type": "meeting",
            "status": "held",
            "place": "Pekin",
            "participants": ["Ardent Lake", "Fatih Kacir", "MIT"],
        }
    ],
    "claims": [
        {"text": "ranks first", "metric": "rank", "value": 1},
        {"text": "ranks first", "metric": "rank", "value": 4},
    ],
}


def test_apply_corrections_drops_renames_and_merges_and_applying_twice_changes_nothing():
    rows = [
        Correction(kind="not_a_person", entity="person", surface="ardent lake"),
        Correction(kind="alias_of", entity="person", surface="FATIH KACIR", target="Mehmet Fatih Kacır"),
        Correction(kind="alias_of", entity="organisation", surface="MIT", target="Ministry of Industry"),
        Correction(kind="alias_of", entity="place", surface="Pekin", target="Beijing"),
        Correction(kind="not_a_claim", entity="claim", surface="Ranks first", target="rank=4"),
    ]
    corrections = corrections_from(rows)
    corrected = apply_corrections(RESULT, corrections)
    assert corrected["people"] == [
        {
            "name": "Mehmet Fatih Kacır",
            "aliases": ["Fatih Kacir", "Kacır"],
            "country": "TR",
            "mentions": [[10, 21], [30, 48]],
            "positions": [{"title": "Minister", "organization": "Ministry of Industry"}],
        }
    ]
    assert [o["name"] for o in corrected["organizations"]] == ["Ministry of Industry"]
    assert [p["name"] for p in corrected["places"]] == ["Beijing"]
    assert corrected["events"][0]["participants"] == ["Mehmet Fatih Kacır", "Ministry of Industry"]
    assert corrected["events"][0]["place"] == "Beijing"
    assert corrected["claims"] == [{"text": "ranks first", "metric": "rank", "value": 1}]
    assert apply_corrections(corrected, corrections) == corrected
    assert RESULT["people"][0]["name"] == "Ardent Lake"  # the input is left as it was
    assert corrections.for_extractor() == {
        "not_person": ["ardent lake"],
        "not_organization": [],
        "not_place": [],
        "aliases": {
            "person": {"fatih kacir": "Mehmet Fatih Kacır"},
            "organization": {"mit": "Ministry of Industry"},
            "place": {"pekin": "Beijing"},
        },
    }
    assert apply_corrections(RESULT, LearntCorrections()) is RESULT
