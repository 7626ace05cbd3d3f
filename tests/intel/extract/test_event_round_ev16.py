"""Event round ev16 (session 12): the lead of a press release or a wire story read after its dateline ("CITY,
ST, Date /Wire/ -- X is pleased to announce ..."), and "Visiting <title> X said" at the head of a sentence.
Every sentence is invented for these tests (fictional companies, bodies and people)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name)
PROBES = [
    # --- a release's or a wire's dateline before the lead: the lead's subject is still its actor
    (
        "CARMEL, IN, January 10, 2025 /24-7PressRelease/ -- Halvex Corp, a leading manufacturer of docks "
        "based in Indiana, is excited to announce a strategic partnership with Dorrin Group, the parent "
        "company of Varla Marine.",
        "agreement",
        {"Halvex", "Dorrin Group"},
    ),
    # the lead's first name stays whole after the dateline (the parser cut "Norvale | Timber Ltd" once)
    (
        "VANCOUVER, May 13 - Norvale Timber Ltd said it agreed to buy the sawmill assets of Dorrin Lumber Co "
        "for 19 mln dlrs.",
        "investment",
        {"Norvale Timber", "Dorrin Lumber"},
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
]

# shapes that stay without such an event
NOT_EVENTS = [
    # "Visiting" as a gerund subject names no visitor
    ("Visiting relatives is hard, Tom Brell said.", "visit"),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES)
def test_probe(text, etype, parties):
    assert_probe(text, etype, parties)


@pytest.mark.parametrize(("text", "etype"), NOT_EVENTS)
def test_not_event(text, etype):
    assert not [e for e in events_of(text) if e[0] == etype], events_of(text)
