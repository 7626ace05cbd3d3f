"""Sector round sc13: a sector needs evidence about the story, not a word used in another sense, a part of
a name or code, or a notice to readers. Every sentence is written for these tests (invented names, no
outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract.sectors import boilerplate_start

from .sector_checks import codes

pytestmark = pytest.mark.unit

FILLER = "The weather in the valley was mild and the harvest was late. " * 8


def test_acquiring_weapons_or_a_skill_is_no_deal(gaz):
    text = (
        FILLER
        + "Varnia and Ostrel reaffirmed the right of all states to acquire and develop atomic energy for "
        "peaceful purposes. Ostrel denied it was trying to acquire nuclear weapons."
    )
    assert "investment" not in codes(text, gaz)


def test_an_acquired_disease_is_no_deal(gaz):
    text = (
        FILLER
        + "The lab studies therapies for acquired muscle myopathies. Kestrel is developing therapies for "
        "acquired muscle myopathies."
    )
    assert "investment" not in codes(text, gaz)


def test_acquiring_a_named_company_is_still_investment(gaz):
    text = (
        FILLER + "Brightwell said it would acquire Corvane. Brightwell acquired the analytics company Tessly."
    )
    assert "investment" in codes(text, gaz)
    text = FILLER + "Brightwell will acquire corvane.ai. Brightwell acquires Corvane to grow its team."
    assert "investment" in codes(text, gaz)


def test_return_on_investment_is_no_investment_topic(gaz):
    text = (
        FILLER
        + "The offer combines total cost of ownership with return on investment. Customers see a return on "
        "investment within a year."
    )
    assert "investment" not in codes(text, gaz)


def test_special_purpose_acquisition_company_is_a_shell(gaz):
    text = (
        FILLER + "Ostrel Holdings, a publicly traded special purpose acquisition company, said the "
        "reactor design was ready. Kestrel will use the cash for growth and investments in new lines."
    )
    assert "investment" not in codes(text, gaz)


def test_program_code_import_is_no_trade(gaz):
    text = (
        FILLER
        + 'Install the package and call the model:\n\n```tsx\nimport { kestrel } from "@kestrel/sdk";\n'
        'import { stream } from "kestrel";\n```\n'
    )
    assert "trade" not in codes(text, gaz)


def test_a_sector_word_glued_to_a_name_is_no_evidence(gaz):
    text = (
        "BRIGHTWELL.AI's credit bureau raises seed funding\n\n"
        + "BRIGHTWELL.AI is a leading identity verification company. BRIGHTWELL.AI said the round closed. "
        * 3
    )
    assert "cloud" not in codes(text, gaz)


def test_turbines_of_a_nuclear_plant_are_no_wind(gaz):
    text = (
        FILLER + "Varnia has no agreement with Ostrel on manufacturing turbines for its nuclear reactors. "
        "Ostrel annulled a contract to supply turbines to the nuclear power plant."
    )
    assert "wind" not in codes(text, gaz)
    assert "wind" in codes(FILLER + "The firm makes turbines for offshore wind farms.", gaz)


def test_trade_and_investment_is_a_trade_topic(gaz):
    text = (
        FILLER
        + "The leaders discussed economic prosperity through sustainable trade and investment. They also "
        "spoke about the weather."
    )
    assert codes(text, gaz) == {"trade"}


def test_investment_named_on_its_own_still_counts(gaz):
    text = FILLER + "The leaders discussed investment in ports. They agreed that investment will double."
    assert "investment" in codes(text, gaz)


def test_notices_at_the_end_of_a_release_are_no_evidence(gaz):
    text = (
        "Kestrel Robotics names new plant manager\n\n"
        + FILLER
        + "\nForward-Looking Statements\n\nInvestors should consult all of the information. Investors are "
        "cautioned about investment risks.\n"
    )
    assert boilerplate_start(text) == text.index("Forward-Looking")
    assert "investment" not in codes(text, gaz)
    # an issuer's own About paragraph stays evidence: it says what the parties do
    text = (
        "Kestrel signs deal\n\n" + FILLER + "\nAbout Kestrel\n\nKestrel builds solar farms and solar parks.\n"
    )
    assert boilerplate_start(text) == len(text)
    assert "solar" in codes(text, gaz)
