"""Sector round sc1: vocabulary of deals and project money, notices to investors, on sentences written here."""

from __future__ import annotations

import pytest

from kopru.intel.extract.gazetteer import load as load_gazetteer
from kopru.intel.extract.sectors import LEAD_CHARS, find_sectors, summarise


@pytest.fixture(scope="module")
def gaz():
    return load_gazetteer()


def codes(text: str, gaz) -> set[str]:
    return {s["code"] for s in summarise(find_sectors(text, gaz, []), lead_end=LEAD_CHARS, text=text)}


def test_buying_a_company_is_investment(gaz):
    text = (
        "Tovalo buys up Marren insurer\n\n"
        "The Marren group has sold its life insurance arm to Tovalo for $2bn. " + "Analysts were calm. " * 30
    )
    assert "investment" in codes(text, gaz)


def test_buying_goods_is_not_investment(gaz):
    text = "Grain prices rose.\n\n" + "Buyers said wheat can be bought with cash. " * 2 + "Farm purchases were slow. " * 2
    assert "investment" not in codes(text, gaz)


def test_project_with_its_price_and_funded_compound(gaz):
    text = "Port opens\n\n" + "Filler sentence about the weather. " * 15 + (
        "The Zarnian-funded harbour is part of a $3.5-billion port project. The Kelvar-funded road opened too."
    )
    assert "investment" in codes(text, gaz)


def test_in_a_bid_to_is_no_deal(gaz):
    text = "Plans grow\n\n" + "Filler sentence about the weather. " * 15 + (
        "Norland expands output in a bid to lead the field. It said so in a bid to calm critics."
    )
    assert "investment" not in codes(text, gaz)


def test_notice_to_investors_is_no_topic(gaz):
    text = "Lab opens in Velo\n\n" + "Filler sentence about the lab. " * 15 + (
        "NOTE TO INVESTORS: The latest news is available online. Readers should not rely on these statements "
        "in making an investment decision. The network reaches a wide audience of investors, journalists and "
        "the public.\n\nContact Proactive Investors\n"
    )
    assert "investment" not in codes(text, gaz)


def test_investors_in_title_case_headline_still_count(gaz):
    text = "Foreign Investors Flock to Velo\n\nInvestors from Norland are pouring money into Velo's factories."
    assert "investment" in codes(text, gaz)
