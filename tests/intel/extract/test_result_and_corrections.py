"""The typed result (one ``to_dict()`` = the contract) and corrections learnt from review."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kopru.intel.extract import (
    Corrections,
    Extraction,
    ReadFailure,
    extract,
    extract_documents,
    extract_many,
    extract_text,
)
from kopru.intel.extract.corrections import correction_key

pytestmark = pytest.mark.unit

GOLD_DIR = Path(__file__).resolve().parents[3] / "data" / "gold" / "extraction"
CONTRACT_KEYS = [
    "source",
    "title",
    "published",
    "publisher",
    "language",
    "text",
    "people",
    "organizations",
    "countries",
    "places",
    "sectors",
    "events",
    "claims",
]

FIRST = (
    "Turkish Trade Minister Ömer Bolat met Chinese Commerce Minister Wang Wentao in Beijing on Monday.\n\n"
    "Bolat told reporters that Ganfeng Lithium would open a plant in Izmir. Analyst Selin Korkmaz of "
    "Ankara Policy Centre said the talks went well."
)
SECOND = (
    "Selin Korkmaz met Ömer Bolat in Ankara on Tuesday to discuss battery investment.\n\n"
    "Korkmaz said the Ganfeng plant would employ 1,200 people."
)


# ------------------------------------------------------------------------------------------- typed result


def test_the_typed_result_gives_exactly_the_contract_dict():
    typed = extract(FIRST, source="first.txt")
    assert isinstance(typed, Extraction)
    as_dict = typed.to_dict()
    assert list(as_dict) == CONTRACT_KEYS
    assert as_dict == extract_text(FIRST, source="first.txt")
    assert json.loads(json.dumps(as_dict)) == as_dict  # plain JSON types only
    assert typed.people[0].name == "Ömer Bolat"
    assert typed.people[0].positions[0].title == "Trade Minister"
    assert typed.quote(typed.people[0].mentions[0]) == "Ömer Bolat"


def test_from_dict_reads_back_every_gold_document_extraction():
    results = list(extract_many([str(GOLD_DIR)]))
    assert len(results) >= 30
    for d in results:
        assert "error" not in d
        assert Extraction.from_dict(d).to_dict() == d
        assert list(d) == CONTRACT_KEYS
        for event in d["events"]:
            assert list(event)[:7] == [
                "type",
                "status",
                "date",
                "place",
                "participants",
                "sectors",
                "evidence",
            ]
        for claim in d["claims"]:
            assert list(claim)[:8] == [
                "subject",
                "text",
                "sector",
                "metric",
                "value",
                "unit",
                "scope",
                "evidence",
            ]


def test_an_unreadable_file_is_a_read_failure(tmp_path):
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"whatever")
    (result,) = list(extract_documents([str(bad)]))
    assert isinstance(result, ReadFailure) and not result.ok
    assert result.to_dict() == {"source": str(bad), "error": result.error}


# ------------------------------------------------------------------------------------------- corrections


def _people(result: dict) -> list[str]:
    return [p["name"] for p in result["people"]]


def test_a_person_rejected_in_one_document_is_not_suggested_in_the_next():
    first = extract_text(FIRST)
    assert "Selin Korkmaz" in _people(first)
    # the reviewer rejects the person suggestion "Selin Korkmaz" (say, a pen name of a think tank)
    learnt = Corrections(not_person={"Selin Korkmaz"})
    second_before = extract_text(SECOND)
    assert "Selin Korkmaz" in _people(second_before)
    second = extract_text(SECOND, corrections=learnt)
    assert "Selin Korkmaz" not in _people(second)
    assert _people(second) == ["Ömer Bolat"]
    for event in second["events"]:
        assert "Selin Korkmaz" not in event["participants"]


def test_a_rejection_matches_folded_names_but_not_longer_names():
    learnt = Corrections(not_person={"SELIN  KORKMAZ"})
    assert "Selin Korkmaz" not in _people(extract_text(SECOND, corrections=learnt))
    learnt = Corrections(not_person={"Korkmaz"})  # a surname alone rejects no full name
    assert "Selin Korkmaz" in _people(extract_text(SECOND, corrections=learnt))


def test_aliases_rename_to_the_canonical_name_everywhere():
    learnt = Corrections(
        aliases={"organization": {"Ganfeng Lithium": "Jiangxi Ganfeng Lithium"}, "place": {"Izmir": "İzmir"}}
    )
    result = extract_text(FIRST, corrections=learnt)
    orgs = {o["name"]: o for o in result["organizations"]}
    assert "Jiangxi Ganfeng Lithium" in orgs and "Ganfeng Lithium" not in orgs
    assert "Ganfeng Lithium" in orgs["Jiangxi Ganfeng Lithium"]["aliases"]
    assert "İzmir" in [p["name"] for p in result["places"]]
    for event in result["events"]:
        assert "Ganfeng Lithium" not in event["participants"]


def test_rejected_claims_are_dropped_by_text_or_by_value():
    plain = extract_text(SECOND)
    assert [(c["metric"], c["value"]) for c in plain["claims"]] == [("jobs", 1200)]
    assert (
        extract_text(SECOND, corrections=Corrections(not_claim={plain["claims"][0]["text"]}))["claims"] == []
    )
    assert extract_text(SECOND, corrections=Corrections(not_claim_value={("jobs", 1200)}))["claims"] == []


def test_organisations_and_places_can_be_rejected():
    learnt = Corrections(not_organization={"Ganfeng Lithium"}, not_place={"izmir"})
    result = extract_text(FIRST, corrections=learnt)
    assert "Ganfeng Lithium" not in [o["name"] for o in result["organizations"]]
    assert "Izmir" not in [p["name"] for p in result["places"]]


def test_corrections_round_trip_through_json_and_merge():
    c = Corrections(
        not_person={"Minister Likely"},
        aliases={"person": {"Kacir": "Mehmet Fatih Kacır"}},
        not_claim_value={("count", 40)},
    )
    again = Corrections.from_dict(json.loads(json.dumps(c.to_dict())))
    assert again == c
    merged = c.merge(Corrections(not_place={"Gulf"}))
    assert merged.rejects("place", ["the Gulf"]) and merged.rejects("person", ["MINISTER LIKELY"])
    assert not Corrections() and Corrections().merge(None) == Corrections()
    assert correction_key("The Ministry of Trade's") == "ministry of trade"
    with pytest.raises(ValueError):
        Corrections(aliases={"people": {"a": "b"}})


# ------------------------------------------------------------------------------------------- casing


def test_a_shouted_headline_gives_no_person_and_offsets_index_the_original_text():
    text = (
        "MINISTER LIKELY TO VISIT CHINA NEXT WEEK\n\n"
        "Turkish Industry Minister Mehmet Fatih Kacır is likely to visit China next week, officials said."
    )
    result = extract_text(text)
    assert result["text"] == text  # the document's own text, capitals and all
    assert _people(result) == ["Mehmet Fatih Kacır"]
    assert result["title"] == "MINISTER LIKELY TO VISIT CHINA NEXT WEEK"
    for p in result["people"]:
        for s, e in p["mentions"]:
            assert text[s:e].casefold() in {p["name"].casefold(), *(a.casefold() for a in p["aliases"])}
