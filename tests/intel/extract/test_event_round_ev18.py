"""Event round ev18 (session 12): events in agency wire copy and newspaper business stories. An agreed or
completed merger is read by the cue rules as an agreement of the two companies; the gold of wire and business
copy gives it as an investment too (one company takes in the other), planned when agreed and held when done.
A company that pays to settle charges or a suit, or settles with a regulator, has an agreement with it; the
cue rules read no "pay ... to settle" at all. Every sentence is invented for these tests (fictional
companies)."""

from __future__ import annotations

import pytest

from kopru.intel.extract.mergers import accepted_offers, agreed_mergers, is_merger_cue, merger_status
from kopru.intel.extract.settlements import names_the_payer, settlement_shapes
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


# --- settlements: a company paying to settle, or settling with a body, has an agreement with it
SETTLEMENTS = [
    (
        "Norvex Corp. agreed to pay $1.5 billion to settle charges brought by the Securities and Exchange "
        "Commission.",
        "held",
        {"Norvex", "Securities and Exchange Commission"},
    ),
    (
        "Norvex Corp. paid the Securities and Exchange Commission $250 million in October to settle charges "
        "that it inflated its results.",
        "held",
        {"Norvex", "Securities and Exchange Commission"},
    ),
    (
        "Norvex Corp., meanwhile, had to pay the Federal Trade Commission $250m to settle charges.",
        "held",
        {"Norvex", "Federal Trade Commission"},
    ),
    (
        "Norvex Corp. settled with the Securities and Exchange Commission for $40 million.",
        "held",
        {"Norvex", "Securities and Exchange Commission"},
    ),
    (
        "Norvex Corp. reached a settlement with the Federal Trade Commission.",
        "held",
        {"Norvex", "Federal Trade Commission"},
    ),
    (
        "Norvex Corp. will pay $20 million to settle a lawsuit filed by Halvard Industries.",
        "planned",
        {"Norvex", "Halvard Industries"},
    ),
    (
        "Shares in Norvex Corp. fell 3% after it agreed to pay $1.5 billion to settle claims with Halvard "
        "Industries.",
        "held",
        {"Norvex", "Halvard Industries"},
    ),
]


@pytest.mark.parametrize(("text", "status", "parties"), SETTLEMENTS)
def test_a_settlement_is_an_agreement(text: str, status: str, parties: set[str]) -> None:
    assert has_event(text, "agreement", parties, status), events_of(text)


def test_no_settlement_agreement() -> None:
    for text in (
        # the named body modifies the payers, who are told one by one elsewhere
        "Five Norvex Corp. subsidiaries have agreed to pay a total of $515m to settle an investigation.",
        # refused, only talked about, or a deadline
        "Norvex Corp. rejected a settlement offered by Halvard Industries.",
        "Norvex Corp. has until Friday to settle the dispute with Halvard Industries.",
        # a payment into a fund settles nothing with a named body
        "Norvex Corp. has agreed to pay $1.5bn into a fund to compensate victims.",
    ):
        assert not has_event(text, "agreement", set()), events_of(text)


def test_settlement_talks_stay_a_meeting() -> None:
    text = "Norvex Corp. and Halvard Industries held settlement talks on Monday."
    assert has_event(text, "meeting", {"Norvex", "Halvard Industries"}), events_of(text)
    assert not has_event(text, "agreement", set()), events_of(text)


def test_settlement_shapes_helper() -> None:
    text = "Norvex will pay the FTC $2.5m to settle charges. Norvex settled with the FTC."
    first = settlement_shapes(text, 0, text.index(".", 30) + 1)
    assert [s.status for s in first] == ["planned"]
    assert text[first[0].cue :].startswith("pay")
    second_start = text.index("Norvex settled")
    assert [s.status for s in settlement_shapes(text, second_start, len(text))] == ["held"]
    assert names_the_payer("Norvex units paid", len("Norvex")) is False
    assert names_the_payer("Norvex paid", len("Norvex")) is True


def test_a_settlement_naming_one_body_alone_is_no_agreement() -> None:
    # round 7: one body agreeing alone is no agreement; the settlement needs the body it settles with
    text = "Norvex Corp. agreed to pay $10m to settle the case."
    assert not has_event(text, "agreement", set()), events_of(text)


# --- deals told as noun phrases the syntax step reads nothing in
NOUN_DEALS = [
    ("Norvex Corp. agreed to a merger with Halvard Industries valued at $2 billion.", "agreement"),
    ("Norvex Corp. agreed to a merger with Halvard Industries valued at $2 billion.", "investment"),
    ("Norvex Corp.'s board approved a merger with Halvard Industries on Monday.", "investment"),
    ("Halvard Industries accepted a $2 billion offer from Norvex Corp.", "investment"),
    ("Halvard Industries accepted a sweetened cash bid from Norvex Corp.", "investment"),
]


@pytest.mark.parametrize(("text", "etype"), NOUN_DEALS)
def test_deals_told_as_noun_phrases(text: str, etype: str) -> None:
    found = [p for t, _s, p in events_of(text) if t == etype and "Halvard Industries" in p]
    assert any(any("Norvex" in name for name in p) for p in found), events_of(text)


def test_a_rejected_offer_is_no_accepted_one() -> None:
    text = "Halvard Industries rejected a $2 billion offer from Norvex Corp."
    assert accepted_offers(text, 0, len(text)) == []
    assert agreed_mergers("Norvex agreed to a merger with Halvard.", 0, 39) != []
