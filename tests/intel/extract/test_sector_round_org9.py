"""Sector round org9: telephone services named by their kind are the telecom sector. Every sentence is
written for these tests (invented names, no outside articles)."""

from __future__ import annotations

import pytest

from .sector_checks import codes

pytestmark = pytest.mark.unit


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


def test_money_named_with_its_sum_is_investment_once_is_enough(gaz):
    filler = "The weather was mild. " * 30
    text = "Quorvex to make cells for buses\n\n" + filler
    text += "With a total investment of up to 1.8 billion Euro, Quorvex plans a second building."
    assert "investment" in codes(text, gaz)
    text = "Varnia and Orvania sign energy pact\n\n" + filler
    text += "Orvania is Varnia's biggest lender, with loans amounting to $5 billion."
    assert "investment" in codes(text, gaz)


def test_money_words_without_a_sum_stay_as_before(gaz):
    filler = "The weather was mild. " * 30
    text = "Varnia and Orvania sign energy pact\n\n" + filler + "Orvania is Varnia's biggest lender of loans."
    assert "investment" not in codes(text, gaz)
    text = "Quorvex to make cells for buses\n\n" + filler + "The investment will bring jobs."
    assert "investment" not in codes(text, gaz)
