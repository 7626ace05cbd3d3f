"""Event round ev18 (session 12): events in agency wire copy and newspaper business stories. An agreed or
completed merger is read by the cue rules as an agreement of the two companies; the gold of wire and business
copy gives it as an investment too (one company takes in the other), planned when agreed and held when done.
Every sentence is invented for these tests (fictional companies)."""

from __future__ import annotations

import pytest

from kopru.intel.extract.mergers import is_merger_cue, merger_status
from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit

PARTIES = {"Halvard Industries"}

# (text, status the merger's investment must have)
MERGERS = [
    (
        "Norvex Corp. said it would merge with Halvard Industries to create the largest maker of valves.",
        "planned",
    ),
    (
        "Norvex Corp. and Halvard Industries have agreed plans to merge and create the biggest bank.",
        "planned",
    ),
    ("Norvex Corp. and Halvard Industries said they would merge.", "planned"),
    ("Norvex Corp. agreed to merge with Halvard Industries.", "planned"),
    ("Halvard Industries will be merged with Norvex Corp. next year.", "planned"),
    ("The merger of Norvex Corp. and Halvard Industries was completed on Friday.", "held"),
    ("Norvex Corp. announced a merger with Halvard Industries.", "planned"),
    ("Norvex Corp.'s planned merger with Halvard Industries was approved by regulators.", "planned"),
]


@pytest.mark.parametrize(("text", "status"), MERGERS)
def test_a_merger_is_also_an_investment(text: str, status: str) -> None:
    found = [(s, p) for t, s, p in events_of(text) if t == "investment" and p >= PARTIES]
    assert found, events_of(text)
    assert any(any("Norvex" in name for name in p) for _s, p in found), found
    assert found[0][0] == status, found
    # the agreement stays
    assert has_event(text, "agreement", PARTIES), events_of(text)


def test_talks_on_a_merger_are_no_investment() -> None:
    for text in (
        "Norvex Corp. and Halvard Industries are negotiating a merger.",
        "Norvex Corp. and Halvard Industries are in talks about a merger.",
        "Norvex Corp. has been in merger talks with Halvard Industries.",
    ):
        assert not has_event(text, "investment", PARTIES), events_of(text)
        assert has_event(text, "meeting", PARTIES), events_of(text)


def test_a_merger_tried_or_called_off_carries_no_investment() -> None:
    text = "Norvex Corp. and Halvard Industries tried to merge two years ago but talks failed."
    assert not has_event(text, "investment", PARTIES), events_of(text)


def test_an_investment_told_already_gets_no_twin() -> None:
    text = "Norvex Corp. snapped up rival Halvard Industries in a $4bn merger last March."
    assert [t for t, _s, _p in events_of(text)].count("investment") == 1, events_of(text)


def test_joint_ventures_and_supply_deals_are_no_merger() -> None:
    for text in (
        "Norvex Corp. and Halvard Industries formed a joint venture to make chips in Malaysia.",
        "Norvex Corp. said it had signed a contract with Halvard Industries to supply turbines.",
    ):
        assert not has_event(text, "investment", PARTIES), events_of(text)


def test_merger_cue_and_status_helpers() -> None:
    text = "Norvex and Halvard have agreed plans to merge. Norvex and Halvard merged in 1998."
    assert is_merger_cue(text, text.index("agreed"))
    assert not is_merger_cue(text, -1)
    assert not is_merger_cue("Norvex signed a supply contract with Halvard.", 7)
    first = (0, text.index(".") + 1)
    second = (first[1] + 1, len(text))
    assert merger_status(text, first, text.index("agreed")) == "planned"
    assert merger_status(text, second, text.index("merged")) == "held"
    called_off = "Norvex called off its merger with Halvard."
    assert merger_status(called_off, (0, len(called_off)), called_off.index("merger")) is None
