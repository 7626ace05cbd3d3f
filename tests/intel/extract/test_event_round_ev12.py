"""Event round ev12 (session 11): events found with a party missing or not found at all in business copy and
wire news. Every sentence is invented for these tests (fictional companies and people, or public figures in
invented sentences).

The lenient scorer asks every gold party among the predicted participants, so a probe names every party the
event must have."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- press-release boilerplate: the subject of "is pleased / excited / proud to announce" makes the pact
    (
        "Norvex Corp is pleased to announce a strategic partnership with Halden Group.",
        "agreement",
        {"Norvex", "Halden Group"},
    ),
    (
        "Norvex Corp, a leading maker of modular docks, is excited to announce a strategic partnership with "
        "Halden Group, the parent company of Poralu Marine.",
        "agreement",
        {"Norvex", "Halden Group"},
    ),
    (
        "Brightwater Energy Inc. is proud to sign a supply agreement with Calder Mining Ltd.",
        "agreement",
        {"Brightwater Energy", "Calder Mining"},
    ),
    # --- a headline's present verb read as a modifier of the pact noun
    (
        "Microsoft and Nvidia announce partnership to integrate Copilot into Nvidia devices",
        "agreement",
        {"Microsoft", "Nvidia"},
    ),
    # --- people sent by bodies: "executives from A, B and C" stand for the whole list
    (
        "Executives from Norvex Corp, Halden Group, Quenta Inc and Brightline Ltd are expected to meet on "
        "Monday with Secretary of State Anne Lowry in Hanoi.",
        "meeting",
        {"Norvex", "Halden Group", "Quenta", "Brightline", "Anne Lowry"},
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_event_probe(text: str, etype: str, parties: set[str]):
    assert_probe(text, etype, parties)


def test_intentions_and_people_words_are_no_new_event():
    # a wish or a near miss is no act; people's praise is not a body's formal statement
    assert not [
        e
        for e in events_of("Calder Mining had been willing to buy Norvex Corp, but its founder refused.")
        if e[0] == "investment"
    ]
    assert not [
        e
        for e in events_of("In May, Calder Mining said it was close to striking a deal with Norvex Corp.")
        if e[0] == "agreement"
    ]
    assert not [
        e
        for e in events_of("Top executives from Calder Mining have hailed the ruling as a rare chance.")
        if e[0] == "statement"
    ]


def test_separate_meetings_stay_apart():
    # "met separately with A and B": one meeting with each, never folded into one by the parse that names all
    text = (
        "Anna Berg, who called the meeting at the embassy, met separately with Karl Bremer and Foreign "
        "Minister Lena Holt before aides convened to approve the statement."
    )
    meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
    assert meetings == [{"Anna Berg", "Karl Bremer"}, {"Anna Berg", "Lena Holt"}], meetings


# --- deals told in other words: a buyout accepted, a stake being offloaded, funding secured from investors
DEAL_PROBES = [
    (
        "MCI accepted a $6.75bn buyout from telecoms giant Verizon on Monday.",
        "investment",
        {"MCI", "Verizon"},
    ),
    (
        "Halden Telecom accepted a $6.75bn takeover offer from Norvex Group on Monday.",
        "investment",
        {"Halden Telecom", "Norvex Group"},
    ),
    (
        "Norvex Holdings is offloading its stake in Calder Lines to Ferrovial.",
        "investment",
        {"Norvex Holdings", "Calder Lines", "Ferrovial"},
    ),
    (
        "Norvex Capital secures $4 million in seed funding from Calder Capital Partners.",
        "investment",
        {"Norvex Capital", "Calder Capital Partners"},
    ),
    (
        "Norvex Capital secured $40 million of funding from Calder Capital Partners.",
        "investment",
        {"Norvex Capital", "Calder Capital Partners"},
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), DEAL_PROBES)
def test_deal_probe(text: str, etype: str, parties: set[str]):
    assert_probe(text, etype, parties)


def test_a_commitment_secured_is_no_funding():
    # an order won ("secured a commitment from Y to buy aircraft") is not Y's investment in the sellers
    text = "Norvex Air and Halden Engines secured a $14.5bn commitment from Calder Airways to buy 28 jets."
    assert not [e for e in events_of(text) if e[0] == "investment"], events_of(text)
