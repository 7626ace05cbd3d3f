"""Event rules of round 9 (a review of fresh wire stories and readouts): a signing that makes no pact, a
speaker who is no party, and leaders' calls. One test per rule, with negative sentences beside each, on
sentences written for these tests (fictional companies, countries and officials)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def _agreements(text: str) -> list[set[str]]:
    return [p for t, _s, p in events_of(text) if t == "agreement"]


def test_signing_a_law_or_a_sworn_paper_is_no_agreement():
    assert not _agreements(
        "President Anna Berg on Saturday signed a revised tax law that would tighten control."
    )
    assert not _agreements("Governor Tom Reyes signed the Clean Water Act into law on Monday.")
    assert not _agreements("Karl Bremer, who has signed a sworn statement about the accounts, resigned.")
    assert not _agreements("President Anna Berg signed the amendments to the adoption law on Friday.")
    # a pact signed is still one
    assert has_event(
        "Northwind Corp signed a supply agreement with Bellamy Group on Monday.",
        "agreement",
        {"Northwind", "Bellamy Group"},
        "held",
    )
    assert has_event(
        "Northwind Corp signs deal with Bellamy Group", "agreement", {"Northwind", "Bellamy Group"}
    )


def test_signs_as_a_noun_a_denial_or_a_counterfactual_is_no_signing():
    assert not _agreements("There are few signs that Norland is less than three weeks from an election.")
    assert not _agreements("Karl Bremer hasn't signed anything for Northwind Corp yet.")
    assert not _agreements(
        "``I doubt they would have signed it if they thought it was too much,'' "
        "Karl Bremer of Northwind Corp said."
    )
    assert not _agreements("Why should we sign when Norland says it is not strong enough? asked Karl Bremer.")
    # a signing still to come stays planned
    assert has_event(
        "Northwind Corp will sign a supply agreement with Bellamy Group next week.",
        "agreement",
        {"Northwind", "Bellamy Group"},
        "planned",
    )


def test_who_reports_a_pact_is_no_party_to_it():
    text = "Karl Bremer, the chief executive, said Northwind Corp signed a deal with Bellamy Group."
    assert any({"Northwind", "Bellamy Group"} <= p and "Karl Bremer" not in p for p in _agreements(text))
    text = "Minister Karl Bremer said that Norland should honour the agreement it signed with Bellamy Group."
    assert not any("Karl Bremer" in p for p in _agreements(text))
    # the speaker told by a pronoun is the party
    assert has_event(
        "Northwind Corp said that it signed a supply agreement with Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    )


def test_a_leaders_call_is_one_meeting():
    # session 10 (ev10): the guidelines' `call` is a call for proposals; the real-text gold records a
    # leaders' phone call as a meeting (White House readouts, AP, Jakarta Globe): one meeting, no `call`
    for text in (
        "Today, President Anna Berg held a call with Prime Minister Karl Bremer of Norland.",
        "President Anna Berg spoke today with Prime Minister Karl Bremer of Norland.",
        "On Saturday, President Anna Berg received a call from Prime Minister Karl Bremer of Norland.",
    ):
        assert has_event(text, "meeting", {"Anna Berg", "Karl Bremer"}, "held"), text
        assert [t for t, _s, _p in events_of(text)] == ["meeting"], text
    # talking to the press is no call
    assert not events_of("Karl Bremer spoke with reporters on Monday.")
    assert not events_of("Karl Bremer held a news conference with reporters on Monday.")


def test_a_denied_meeting_or_visit_written_short_is_none():
    assert not events_of("Karl Bremer hasn't even met formally with Anna Berg about the plan.")
    assert not events_of("Karl Bremer didn't visit Norland last year.")
    assert not _agreements("Northwind Corp won't sign the agreement with Bellamy Group.")
    # the denial of another clause leaves the meeting told
    assert has_event(
        "Karl Bremer met formally with Anna Berg about the plan.", "meeting", {"Karl Bremer", "Anna Berg"}
    )
    assert has_event(
        "Karl Bremer, who couldn't attend, said Anna Berg met Tom Reyes in Paris.",
        "meeting",
        {"Anna Berg", "Tom Reyes"},
    )


def test_agreeing_to_keep_talking_is_no_pact():
    assert not any(
        t == "agreement" for t, _s, _p in events_of("Norland and Vestria agreed to remain in close contact.")
    )
    text = "Northwind Corp and Bellamy Group agreed to continue the talks next month."
    assert not any(t == "agreement" for t, _s, _p in events_of(text))
    # agreeing to do something together is one
    assert has_event(
        "Northwind Corp and Bellamy Group agreed to cooperate on battery research.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    )
    assert has_event(
        "Norland and Vestria agreed to build a bridge across the river.", "agreement", {"Norland", "Vestria"}
    )


def _claims(text: str) -> list[tuple[str, float]]:
    from kopru.intel.extract import extract_text

    return [(c["metric"], c["value"]) for c in extract_text(text)["claims"]]


def test_figures_that_are_names_or_lengths_are_no_claims():
    assert not any(
        m == "growth" for m, _v in _claims("Later, Northwind Corp double-crossed Bellamy Group on prices.")
    )
    assert ("growth", 2) in _claims("Northwind Corp doubled its sales to $4 billion last year.")
    text = "Sea levels at Norland would rise between three-quarters of an inch and four inches per decade."
    assert not any(m == "share" for m, _v in _claims(text))
    assert ("share", 75) in _claims("Northwind Corp sold three-quarters of its plants to Bellamy Group.")
    text = "Some 92% of Fortune 500 companies use the Northwind Corp service."
    assert not any(m == "count" and v == 500 for m, v in _claims(text))
    assert ("count", 500) in _claims("Northwind Corp will hire 500 engineers in Norland next year.")


def test_a_pact_announced_with_its_purpose_keeps_its_parties():
    assert has_event(
        "Northwind Corp and Bellamy Group announced a partnership to develop batteries.",
        "agreement",
        {"Northwind", "Bellamy Group"},
        "held",
    )
    assert has_event(
        "Northwind Corp and Bellamy Group today announced a partnership to benefit both user communities.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    )
    # a pact wished for by someone unnamed names no party
    assert not events_of("Analysts want a partnership to develop batteries in Norland.")
