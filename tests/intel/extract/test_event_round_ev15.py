"""Event round ev15 (session 11): events whose only actors are countries. A pact two countries sign or reach,
told with a company or a bank named later in the sentence (who finances it, who profits) and no named signer,
has no participants (the gold convention: countries are no participants). Every sentence is invented for these
tests (fictional companies, bodies and people)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import assert_probe, events_of

pytestmark = pytest.mark.unit


# (text, event type, the parties one event of that type must name; none: one event with no participant)
PROBES = [
    # --- two countries as the subject of the signing: nobody named signs
    (
        "Italy and Iran signed an agreement in March for three steel mills, to be financed by Norvex Bank "
        "and other lenders.",
        "agreement",
        set(),
    ),
    (
        "Norway and the Republic of Chile (Chile) have signed an Agreement on Fisheries Trade to open their "
        "markets to Halden Foods and other exporters.",
        "agreement",
        set(),
    ),
    # --- the pact's own name read as an organisation is no party
    (
        "Joint Statement on the Norway-Chile Agreement on Fisheries Trade\n\nNorway and Chile have reached "
        "an Agreement on Fisheries Trade. The Agreement on Fisheries Trade was signed in Oslo on Monday.",
        "agreement",
        set(),
    ),
    (
        "The U.S. and Japan signed a shipping agreement on Monday that supports the Marlex Corp terminal.",
        "agreement",
        set(),
    ),
]

# a named party after "with" is still a party; a named person as subject still signs
KEPT = [
    (
        "Chile signed an agreement with Norvex Corp on Monday to build a copper smelter.",
        "agreement",
        {"Norvex"},
    ),
    (
        "Foreign Minister Karl Bremer and Chile signed an agreement on Monday.",
        "agreement",
        {"Karl Bremer"},
    ),
]


@pytest.mark.parametrize(("text", "etype", "parties"), PROBES + KEPT)
def test_probe(text, etype, parties):
    assert_probe(text, etype, parties)


def test_no_guessed_party_beside_the_countries():
    found = [p for t, _s, p in events_of(PROBES[0][0]) if t == "agreement"]
    assert found == [set()]


def test_parties_told_after_between_stay():
    text = (
        "Italy and Spain signed a memorandum on gas supply on Tuesday during a meeting between Norvex Corp "
        "chairman Karl Bremer and Halden Energy chairman Tom Reyes."
    )
    found = [p for t, _s, p in events_of(text) if t == "agreement"]
    assert any({"Karl Bremer", "Tom Reyes"} <= p for p in found), events_of(text)
