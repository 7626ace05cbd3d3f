"""Event round ev10 (session 10): probes of shapes that told no event at type level. Every sentence is
invented for these tests (fictional companies and people, or public figures in invented sentences).

Expectations follow the annotation guidelines: countries are never participants (a meeting of countries only
has none); the `call` type is a call for proposals, so a leaders' phone call is a meeting; the lenient scorer
asks every gold party among the predicted participants."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


def _xfail(text: str, etype: str, parties: set[str], reason: str):
    return pytest.param(text, etype, parties, marks=pytest.mark.xfail(reason=reason, strict=False))


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- countries and blocs: the named body alone, or no participant at all
    (
        "The European Union and Turkey have met here to discuss the customs union.",
        "meeting",
        {"European Union"},
    ),
    ("Turkey and the European Union held talks in Ankara on Monday.", "meeting", {"European Union"}),
    ("Japan and South Korea held talks on trade in Seoul on Monday.", "meeting", set()),
    ("Germany and France met in Paris to discuss energy prices.", "meeting", set()),
    ("Japan and South Korea will hold talks on fisheries next month.", "meeting", set()),
    ("Italy and Iran signed an agreement in November for several industrial projects.", "agreement", set()),
    # --- meetings told by other verbs
    (
        "President Anna Berg shakes hands with Prime Minister Karl Bremer in Hanoi.",
        "meeting",
        {"Anna Berg", "Karl Bremer"},
    ),
    (
        "Karl Bremer said he had spoken to Anna Berg and Lena Holt about the budget.",
        "meeting",
        {"Karl Bremer", "Anna Berg", "Lena Holt"},
    ),
    (
        "Anna Berg said she had talked to Karl Bremer about the merger.",
        "meeting",
        {"Anna Berg", "Karl Bremer"},
    ),
    ("Anna Berg conferred with Karl Bremer in Berlin.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg had lunch with Karl Bremer in Berlin on Monday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg had a fireside chat with Karl Bremer on Tuesday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg hosted Karl Bremer in Berlin on Monday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg received Karl Bremer at the chancellery.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Ms Berg and Mr Bremer held talks at the summit in Lisbon on Saturday.", "meeting", {"Berg", "Bremer"}),
    # --- calls: a conversation between leaders is a meeting
    ("Anna Berg held a call with Karl Bremer on Monday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg talked with Karl Bremer by phone on Monday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg spoke to Karl Bremer by telephone on Monday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg and Karl Bremer spoke by phone on Monday.", "meeting", {"Anna Berg", "Karl Bremer"}),
    ("Anna Berg had a phone conversation with Karl Bremer.", "meeting", {"Anna Berg", "Karl Bremer"}),
    # --- headlines without a verb
    ("Fiat and GM in talks over takeover", "meeting", {"Fiat", "GM"}),
    ("Northwind Corp in talks with Bellamy Group over merger", "meeting", {"Northwind", "Bellamy Group"}),
    ("Northwind Corp, Bellamy Group in talks over merger", "meeting", {"Northwind", "Bellamy Group"}),
    ("Northwind Corp and Bellamy Group in $6bn gas deal", "agreement", {"Northwind", "Bellamy Group"}),
    _xfail(
        "Qatar and Shell in $6bn gas deal",
        "agreement",
        {"Shell"},
        "a country beside a company in a verbless headline: the company alone is not read as the party",
    ),
    _xfail(
        "Northwind signs deal with Bellamy Group",
        "agreement",
        {"Northwind", "Bellamy Group"},
        "a one-word company unknown to the gazetteer at the head of a headline is no organisation",
    ),
    # --- business copy
    (
        "Northwind Corp has agreed to sell its stake in Corvane to Bellamy Group.",
        "investment",
        {"Northwind", "Bellamy Group"},
    ),
    ("Northwind Corp is to buy rival Bellamy Group for $2bn.", "investment", {"Northwind", "Bellamy Group"}),
    (
        "Northwind Corp confirmed it was in talks with Bellamy Group.",
        "meeting",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp and Bellamy Group announced a joint venture.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp won a $50m contract from Bellamy Group to build ships.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    ("Northwind Corp will supply Bellamy Group with turbines.", "agreement", {"Northwind", "Bellamy Group"}),
    ("Northwind Corp is to supply engines to Bellamy Group.", "agreement", {"Northwind", "Bellamy Group"}),
    ("Northwind Corp is talking to Bellamy Group about a merger.", "meeting", {"Northwind", "Bellamy Group"}),
    (
        "Northwind Corp and Bellamy Group have announced plans to form a joint venture to make batteries.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    ("Northwind Corp held four days of talks with Bellamy Group.", "meeting", {"Northwind", "Bellamy Group"}),
]


PROBES += [
    # --- alliances and products made with a partner
    (
        "Northwind Corp, which has allied itself with Bellamy Group, dominates the market.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp has teamed with Bellamy Group on a new alarm system.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp announced a new alarm system with Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp and Bellamy Group launched a new alarm system together.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    (
        "Northwind Corp has been awarded a contract valued at over $8 million by Bellamy Group.",
        "agreement",
        {"Northwind", "Bellamy Group"},
    ),
    # --- funding rounds: the investors' investment in the company that raises the money
    (
        "Bellamy Group recently completed a $24 million Series B funding round, which was led by Northwind "
        "Capital.",
        "investment",
        {"Bellamy Group", "Northwind Capital"},
    ),
    (
        "Bellamy Group raised $24m in a funding round led by Northwind Capital, with participation from "
        "Corvane Ventures.",
        "investment",
        {"Bellamy Group", "Northwind Capital", "Corvane Ventures"},
    ),
    _xfail(
        "Northwind Capital led a $24m funding round in Bellamy Group.",
        "investment",
        {"Bellamy Group", "Northwind Capital"},
        "the investor as the subject of 'led' is not read yet",
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_event_probe(text: str, etype: str, parties: set[str]):
    assert_probe(text, etype, parties)


def test_talks_for_a_meeting_just_told_are_that_meeting():
    text = (
        "Tony Blair has met Italian Prime Minister Silvio Berlusconi for talks ahead of an EU summit in "
        "Brussels."
    )
    assert [(t, p) for t, _s, p in events_of(text)] == [("meeting", {"Tony Blair", "Silvio Berlusconi"})]


def test_talks_with_countries_by_an_unnamed_side_name_no_meeting_of_countries():
    # whoever talks "with Russia and Saudi Arabia" is not said: no meeting of the two countries
    text = "China's admission took 15 years and talks with Russia and Saudi Arabia have been taking place."
    assert not any(t == "meeting" and not p for t, _s, p in events_of(text))


def test_separate_meetings_with_each_counterpart():
    for text in (
        "Anna Berg met separately with Karl Bremer and Lena Holt before the ministers convened.",
        "Anna Berg held separate talks with Karl Bremer and Lena Holt in Geneva.",
    ):
        meetings = [p for t, _s, p in events_of(text) if t == "meeting"]
        assert meetings == [{"Anna Berg", "Karl Bremer"}, {"Anna Berg", "Lena Holt"}], text
    # one meeting of three when nothing says "separately"
    assert [
        p for t, _s, p in events_of("Anna Berg met Karl Bremer and Lena Holt in Geneva.") if t == "meeting"
    ] == [{"Anna Berg", "Karl Bremer", "Lena Holt"}]


def test_someone_there_for_talks_is_on_a_visit():
    text = "Lena Holt met here today with Karl Bremer, visiting Norland minister of external relations."
    assert ("visit", "ongoing", {"Karl Bremer"}) in events_of(text)
    assert not any(t == "visit" and "Lena Holt" in p for t, _s, p in events_of(text))
    text = "President Anna Berg said General Karl Bremer was in Ankara for military meetings."
    assert ("visit", "ongoing", {"Karl Bremer"}) in events_of(text)
    # being in a city for no gathering is no visit
    assert not events_of("Karl Bremer was in Ankara for three years as a student.")


def test_a_product_launched_alone_or_results_announced_are_no_pact():
    assert not events_of("Northwind Corp launched a new alarm system in Berlin.")
    assert not events_of("Northwind Corp announced its results with a warning on costs.")


def test_talking_to_the_press_or_wanting_to_talk_is_no_meeting():
    assert not events_of("Anna Berg spoke to reporters in Berlin on Monday.")
    assert not events_of("Anna Berg wants to talk to Karl Bremer about the budget.")
    assert not events_of("Anna Berg shook her head.")
    assert not events_of("Anna Berg had lunch in Berlin.")
