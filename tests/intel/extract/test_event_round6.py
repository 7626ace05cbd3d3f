"""Event rules of session 6 (classes the dev misses showed): one test per rule, on sentences written for these
tests (fictional companies, bodies and officials)."""

from __future__ import annotations

import pytest

from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


def test_each_coordinate_clause_with_its_own_subject_tells_its_own_agreement():
    text = (
        "Halvor Security won a contract from the Ministry of Transport, and Brisk Aero Holdings signed "
        "an engine deal with Corvane Aviation."
    )
    events = [e for e in events_of(text) if e[0] == "agreement"]
    assert any({"Halvor Security", "Ministry of Transport"} <= p for _t, _s, p in events)
    assert any({"Brisk Aero Holdings", "Corvane Aviation"} <= p for _t, _s, p in events)
    assert not any({"Halvor Security", "Corvane Aviation"} <= p for _t, _s, p in events)


def test_one_contract_told_across_two_clauses_keeps_both_parties():
    text = "Morvan claims that Tessel must buy the unit; Tessel says the contract, signed in 2001, is void."
    assert not has_event(text, "agreement", {"Morvan"}) or has_event(text, "agreement", {"Morvan", "Tessel"})
