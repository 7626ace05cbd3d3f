"""Sector round tt8 (studied on half A of dev, checked on half B): words of credit and share ownership alone
are no investment topic. Every sentence is written for these tests."""

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


def test_shares_and_shareholders_alone_are_market_news(gaz):
    text = (
        "Stocks drift\n\nShares in the brewer slipped on Monday. "
        + "The weather was mild. " * 20
        + "The brewer's largest shareholder stayed quiet."
    )
    assert "investment" not in codes(text, gaz)


def test_loans_and_financing_alone_are_lending_news(gaz):
    text = (
        "Car sales slow\n\nDealers cut financing rates as car loans got cheaper. "
        + "The weather was mild. " * 20
        + "Lenders financed fewer vans."
    )
    assert "investment" not in codes(text, gaz)


def test_a_word_of_investing_beside_them_keeps_the_topic(gaz):
    text = (
        "Fund buys in\n\nThe pension fund will invest in the port, and shareholders approved the loans. "
        + "The weather was mild. " * 20
        + "Investors cheered."
    )
    assert "investment" in codes(text, gaz)
