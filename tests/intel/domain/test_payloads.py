"""Typed suggestion payloads read and write the stored JSON without losing anything."""

from kopru.intel.domain.payloads import (
    ClaimFacts,
    EventFacts,
    Match,
    OrganisationFacts,
    PersonFacts,
    SectorFacts,
    payload_dict,
    payload_from,
)

PERSON = {
    "name": "Mehmet Fatih Kacır",
    "aliases": ["Kacır"],
    "country": "TR",
    "positions": [
        {
            "title": "Minister",
            "organization": "Ministry of Industry and Technology",
            "organisation_match": {"id": 4, "note": "same name or alias"},
        }
    ],
    "mentions": [[0, 5], [10, 15]],
    "match": {"id": None, "note": "new"},
    "from_a_newer_extractor": 1,
}
EVENT = {
    "type": "meeting",
    "status": "held",
    "date": "2024-05-20",
    "place": "Beijing",
    "participants": ["Mehmet Fatih Kacır", "Farasis Energy"],
    "sectors": ["ev"],
    "evidence": [3, 40],
    "participant_details": [
        {"name": "Mehmet Fatih Kacır", "aliases": [], "country": "TR", "entity": "person"},
        {
            "name": "Farasis Energy",
            "aliases": [],
            "country": "CN",
            "kind": "company",
            "entity": "organisation",
        },
    ],
    "place_country": "CN",
}


def test_a_person_round_trips_with_its_matches_and_unknown_keys():
    person = payload_from("person", PERSON)
    assert isinstance(person, PersonFacts)
    assert (person.match, person.positions[0].organisation_match) == (
        Match(None, "new"),
        Match(4, "same name or alias"),
    )
    assert person.mentions == [(0, 5), (10, 15)]
    assert person.to_dict() == PERSON


def test_an_event_types_its_participants():
    event = payload_from("event", EVENT)
    assert isinstance(event, EventFacts)
    assert [type(p) for p in event.participant_details] == [PersonFacts, OrganisationFacts]
    assert event.evidence == (3, 40)
    assert event.to_dict() == EVENT


def test_an_event_drafted_before_participant_details_treats_participants_as_people():
    event = EventFacts.from_dict({"type": "call", "participants": ["Yin Hejun"]})
    assert [(type(p), p.name, p.match) for p in event.participant_details] == [
        (PersonFacts, "Yin Hejun", None)
    ]


def test_claims_sectors_and_other_apps_kinds():
    claim = {
        "subject": "Türkiye",
        "text": "ranks first",
        "metric": "rank",
        "value": 1,
        "unit": None,
        "scope": "Europe",
        "sector": "solar",
        "evidence": [1, 9],
    }
    assert payload_from("claim", claim) == ClaimFacts(
        "Türkiye", "ranks first", "rank", 1, None, "Europe", "solar", (1, 9)
    )
    assert payload_dict(payload_from("claim", claim)) == claim
    assert payload_from("sector", {"code": "ev", "evidence": [[1, 2]]}) == SectorFacts("ev", [(1, 2)])
    investment = {"type": "investment", "company": "BYD"}
    assert payload_from("investment", investment) == investment
