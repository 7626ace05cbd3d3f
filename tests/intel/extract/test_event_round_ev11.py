"""Event round ev11 (session 10, second pass): probes in the shapes of 1980s-2000s wire copy ("X Corp said
it ...", datelines, "mln dlrs", all-caps headlines). Every sentence is invented for these tests (fictional
companies and people, or public figures in invented sentences).

Expectations follow the annotation guidelines: countries are never participants, so a pact or talks between
countries alone is an event with no participant (the real-text gold records such pacts with `[]`); a party
named as "<organisation> <title> <person>" is the person; the lenient scorer asks every gold party among the
predicted participants."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


def _xfail(text: str, etype: str, parties: set[str], reason: str):
    return pytest.param(text, etype, parties, marks=pytest.mark.xfail(reason=reason, strict=False))


# (text, event type, the parties one event of that type must name; empty: an event with no participant)
PROBES = [
    # --- pacts and talks between countries only: an event with no participant
    (
        "Japan and the United States reached agreement on a new semiconductor pact after two days of talks "
        "in Tokyo.",
        "agreement",
        set(),
    ),
    # a dateline before the lead (ev16: the dash starts the parser's sentence; the verb has its subject)
    (
        "TOKYO, March 4 - Japan and the United States reached agreement on a new semiconductor pact, "
        "officials said.",
        "agreement",
        set(),
    ),
    ("Japan and the United States agreed on a new semiconductor pact on Friday.", "agreement", set()),
    ("Japan and the United States reached an accord on rice.", "agreement", set()),
    ("Japan and the United States concluded an agreement on fish.", "agreement", set()),
    ("Japan and the United States signed a semiconductor pact in Washington.", "agreement", set()),
    ("Brazil and Argentina signed a trade protocol.", "agreement", set()),
    ("Japan reached agreement with the United States on a new chip pact.", "agreement", set()),
    # a bloc or a company beside countries: the named body alone
    _xfail(
        "Turkey and the European Union reached agreement on a customs union.",
        "agreement",
        {"European Union"},
        "tried: a lone party beside a country in a pact was wrong 4 times of 4 on dev half A",
    ),
    _xfail(
        "Northwind Corp reached agreement with Turkey on a new plant.",
        "agreement",
        {"Northwind"},
        "tried: a lone party beside a country in a pact was wrong 4 times of 4 on dev half A",
    ),
    # --- a party named as "<organisation> <title> <person>" is the person
    (
        "Talks between Trade Minister Hajime Tamura and EC External Relations Commissioner Willy De Clercq "
        "ended without agreement.",
        "meeting",
        {"Hajime Tamura", "Willy De Clercq"},
    ),
    (
        "Talks between Trade Minister Hajime Tamura and EC External Relations Commissioner Willy De Clercq "
        "ended on Friday.",
        "meeting",
        {"Hajime Tamura", "Willy De Clercq"},
    ),
    (
        "Trade Minister Hajime Tamura met EC Commissioner Willy De Clercq in Tokyo on Monday.",
        "meeting",
        {"Hajime Tamura", "Willy De Clercq"},
    ),
    (
        "Japanese Trade Minister Hajime Tamura and U.S. Trade Representative Clayton Yeutter held talks in "
        "Geneva.",
        "meeting",
        {"Hajime Tamura", "Clayton Yeutter"},
    ),
    (
        "Trade Minister Hajime Tamura will meet World Bank President Barber Conable in Washington next week.",
        "meeting",
        {"Hajime Tamura", "Barber Conable"},
    ),
    _xfail(
        "Hajime Tamura will meet World Bank President Barber Conable in Washington next week.",
        "meeting",
        {"Hajime Tamura", "Barber Conable"},
        "a rare name at the head of the sentence with no title is not found as a person",
    ),
    # --- wire deal verbs and nouns
    (
        "Northwind Corp said it completed its acquisition of Bellamy Group for 120 mln dlrs.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it agreed in principle to acquire Bellamy Group for 120 mln dlrs.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it sold its Corvane unit to Bellamy Group for 40 mln dlrs.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it signed a letter of intent to acquire Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp and Bellamy Group said they signed a definitive merger agreement.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp and Bellamy Group said they would combine in a stock swap.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it would combine with Bellamy Group to form the largest maker of valves.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it won a 50 mln dlr contract from Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it received an order from Bellamy Group for 12 turbines.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said merger talks with Bellamy Group broke off.",
        "meeting",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it raised its stake in Bellamy Group to 12.5 pct.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    ("Northwind Corp said it would build a plant in Ohio.", "investment", {"Northwind"}),
    (
        "Northwind Corp said it completed the sale of its Corvane unit to Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it will buy Bellamy Group's valve unit.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it raised its holding in Bellamy Group to 9.8 pct.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it has reached an agreement in principle with Bellamy Group to buy its tire "
        "unit.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said its board approved a merger with Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Bellamy Group's shareholders approved the merger with Northwind Corp.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it has entered into a definitive agreement to acquire Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp said it has agreed to be acquired by Bellamy Group for 18 dlrs a share.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    ("NORTHWIND CORP TO ACQUIRE BELLAMY GROUP", "investment", {"Northwind", "Bellamy"}),
    # --- planned and ongoing visits and meetings in wire verbs
    (
        "Northwind Corp is expected to sign an agreement with Bellamy Group next week.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    ("Prime Minister Yasuhiro Nakasone will visit Washington next month.", "visit", {"Yasuhiro Nakasone"}),
    (
        "Prime Minister Yasuhiro Nakasone arrived in Washington on Tuesday for talks with President Ronald "
        "Reagan.",
        "meeting",
        {"Yasuhiro Nakasone", "Ronald Reagan"},
    ),
    (
        "Prime Minister Yasuhiro Nakasone began a three-day visit to Washington on Tuesday.",
        "visit",
        {"Yasuhiro Nakasone"},
    ),
    ("Prime Minister Yasuhiro Nakasone left for Washington on Tuesday.", "visit", {"Yasuhiro Nakasone"}),
    ("Prime Minister Yasuhiro Nakasone will fly to Washington on Monday.", "visit", {"Yasuhiro Nakasone"}),
    (
        "Prime Minister Yasuhiro Nakasone wound up a three-day visit to Washington on Friday.",
        "visit",
        {"Yasuhiro Nakasone"},
    ),
    (
        "Prime Minister Yasuhiro Nakasone is due to meet President Ronald Reagan on Thursday.",
        "meeting",
        {"Yasuhiro Nakasone", "Ronald Reagan"},
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_event_probe(text: str, etype: str, parties: set[str]):
    assert_probe(text, etype, parties)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Prime Minister Yasuhiro Nakasone will visit Washington next month.", "planned"),
        ("Prime Minister Yasuhiro Nakasone began a three-day visit to Washington on Tuesday.", "ongoing"),
        ("Prime Minister Yasuhiro Nakasone is due to meet President Ronald Reagan on Thursday.", "planned"),
        ("Northwind Corp is expected to sign an agreement with Bellamy Group next week.", "planned"),
        (
            "Prime Minister Yasuhiro Nakasone arrived in Washington on Tuesday for a three-day visit.",
            "ongoing",
        ),
        ("Prime Minister Yasuhiro Nakasone left for Washington on Tuesday.", "ongoing"),
        ("Prime Minister Yasuhiro Nakasone will arrive in Washington on Monday.", "planned"),
        ("Prime Minister Yasuhiro Nakasone will fly to Washington on Monday.", "planned"),
    ],
)
def test_wire_status(text: str, status: str):
    assert events_of(text)[0][1] == status, events_of(text)


def test_going_home_and_generic_words_tell_no_event():
    # an envoy leaving for his own capital goes home; a visitor leaving for a foreign capital goes on a visit
    assert not events_of(
        "Ludovico Ortona, Italian Ambassador to Iran, has already left for Rome to prepare the talks."
    )
    assert events_of("Italian Prime Minister Romano Prodi left for Washington on Tuesday.")[0][0] == "visit"
    # "combined" sales, combining things, "sales to" a country, a retold plural at a sentence head
    assert not events_of("The two companies' combined sales rose 5 pct in 1986.")
    assert not events_of("Northwind Corp will combine wind and solar power in one plant.")
    assert not events_of("Northwind Corp said sales to China rose 12 pct.")
    assert not events_of("Northwind Corp said the sale of tickets to fans began on Monday.")
    assert not events_of("Japan and the United States have failed to reach agreement on chips.")


def test_countries_reaching_agreement_with_a_company_or_a_person_is_no_countries_only_pact():
    # a side that is not a country: no pact "of countries only"
    assert set() not in [
        p
        for t, _s, p in events_of("Brazil reached agreement with its creditor banks on a new loan.")
        if t == "agreement"
    ]
