"""Sector round org9: telephone services named by their kind are the telecom sector. Every sentence is
written for these tests (invented names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract.gazetteer import load as load_gazetteer
from kopru.intel.extract.sectors import LEAD_CHARS, find_sectors, summarise

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def codes(text: str, gaz) -> set[str]:
    return {s["code"] for s in summarise(find_sectors(text, gaz, []), lead_end=LEAD_CHARS, text=text)}


def test_phone_networks_and_licences_are_telecom(gaz):
    text = (
        "Varnia to invite phone licence bids\n\n"
        "Varnia will invite bids for a licence to run a fixed phone network in three provinces, the "
        "ministry said."
    )
    assert codes(text, gaz) == {"telecom"}


def test_mobile_subscribers_and_4g_are_telecom(gaz):
    text = (
        "Quorvex Mobile serves more than 40 million mobile subscribers. "
        + "The weather was mild. " * 30
        + "The plan upgrades 4G coverage across the islands."
    )
    assert codes(text, gaz) == {"telecom"}


def test_a_phone_call_is_no_telecom(gaz):
    text = "The two leaders spoke by phone on Monday. " + "They discussed the harvest. " * 30
    assert codes(text, gaz) == set()
