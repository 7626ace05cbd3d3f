"""Event round ev16 (session 12): shapes of wire and business copy that told no event. A statement told with
its venue first ("In a statement, X said"), the lead of a release or a wire story after its dateline,
"Visiting <title> X said" at the head of a sentence, testimony before a legislature (a meeting of the speaker
and the body). Every sentence is invented for
these tests (fictional companies, bodies and people)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- the venue of the statement fronted: "In a statement, X said"
    (
        "The plant in Varna will close next year. In a statement, Dorrin Industries said the decision was "
        "taken because demand had fallen.",
        "statement",
        {"Dorrin Industries"},
    ),
    (
        "Talks on the new route ended on Monday. In a statement, Mr Brell said the service would reunite "
        "families.\n\nTom Brell is the transport minister.",
        "statement",
        {"Tom Brell"},
    ),
    (
        "Dorrin Industries has agreed to open its books to Karl Weber. In a statement released on Tuesday, "
        "the company said it would allow him limited access.",
        "statement",
        {"Dorrin Industries"},
    ),
    # --- a release's or a wire's dateline before the lead: the lead's subject is still its actor
    (
        "CARMEL, IN, January 10, 2025 /24-7PressRelease/ -- Halvex Corp, a leading manufacturer of docks "
        "based in Indiana, is excited to announce a strategic partnership with Dorrin Group, the parent "
        "company of Varla Marine.",
        "agreement",
        {"Halvex", "Dorrin Group"},
    ),
    # --- "Visiting" + title + name at the head of the sentence: the named holder is on a visit
    (
        "Visiting Varnian Premier Tom Brell said today that Varnia values its ties with Mongolia.",
        "visit",
        {"Tom Brell"},
    ),
    (
        "ULAN BATOR, April 13 (Xinhua) -- Visiting Varnian National Assembly (VNA) Chairman Tom Brell said "
        "today that Varnia values its ties with Mongolia.",
        "visit",
        {"Tom Brell"},
    ),
    # --- testimony before a legislature
    (
        "Central bank chairman Tom Brell made the remarks in an appearance before the Senate Finance "
        "Committee on Tuesday.",
        "meeting",
        {"Tom Brell", "Senate Finance Committee"},
    ),
    (
        "Labour minister Karl Weber told the Standing Committee of the National Assembly that two million "
        "workers had lost their jobs.",
        "meeting",
        {"Karl Weber", "Standing Committee of the National Assembly"},
    ),
    (
        "Karl Weber testified before the House Energy Committee on Thursday about the blackout.",
        "meeting",
        {"Karl Weber", "House Energy Committee"},
    ),
]

# shapes that stay without such an event
NOT_EVENTS = [
    # a company saying something is no statement without a formal venue
    ("Halvex Corp said on Tuesday that it would close three plants.", "statement"),
    # telling a reporter or a company is no testimony
    ("Karl Weber told Halvex Corp that the plan would fail.", "meeting"),
    # "Visiting" as a gerund subject names no visitor
    ("Visiting relatives is hard, Tom Brell said.", "visit"),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_probe(text, etype, parties):
    assert_probe(text, etype, parties)


@pytest.mark.parametrize(("text", "etype"), NOT_EVENTS)
def test_not_event(text, etype):
    assert not [e for e in events_of(text) if e[0] == etype], events_of(text)
