"""Sector round sc14: words in another sense (talk between parties, an analyst's note), devices and vehicles
named by their kind, and topicality. Every sentence is written for these tests (invented names, no outside
articles)."""

from __future__ import annotations

import pytest

from .sector_checks import codes

pytestmark = pytest.mark.unit

FILLER = "The weather in the valley was mild and the harvest was late. " * 8


# ------------------------------------------------------------------ words in another sense


def test_communication_between_parties_is_no_telecom(gaz):
    text = (
        "Joint statement on the Varnia-Ostrel economic meeting\n\nMoving forward in the spirit of mutual "
        "opening, continued communication, cooperation, and mutual respect, the parties agreed to meet again."
    )
    assert "telecom" not in codes(text, gaz)
    text = "The agency prioritises clear communication, thorough documentation and fair review of every file."
    assert "telecom" not in codes(text, gaz)


def test_communication_in_a_list_of_fields_is_still_telecom(gaz):
    text = "Kelvar exhibits technologies developed in communication, cloud computing and automotive fields."
    assert "telecom" in codes(text, gaz)
    text = "Firms from Ostrel will expand investment in communications and infrastructure in Varnia."
    assert "telecom" in codes(text, gaz)


def test_an_analysts_research_note_is_no_research_topic(gaz):
    text = (
        "Shares of Brightwell fell after its results.\n\n"
        + FILLER
        + "In a research report on Tuesday, an analyst at Corvane Securities cut his target. Another analyst "
        "wrote in a research note that sales would recover."
    )
    assert "research" not in codes(text, gaz)
    text = (
        FILLER + "The correspondent said research commissioned by the network showed no difference. A market "
        "analyst with the research firm Tessly said demand was flat."
    )
    assert "research" not in codes(text, gaz)


def test_a_bodys_own_research_is_no_research_topic(gaz):
    text = (
        FILLER
        + "The new money will allow us to continue our independent research. Microsoft will increase its "
        "support to accelerate our research and products. A key part of the charity's research process is "
        "finding evidence."
    )
    assert "research" not in codes(text, gaz)


def test_research_done_together_is_still_research(gaz):
    text = (
        FILLER
        + "The partnership will let the lab conduct more research and share the results. Both universities "
        "will fund research on new alloys."
    )
    assert "research" in codes(text, gaz)


# ------------------------------------------------------------------ devices and vehicles named by their kind


def test_medical_devices_named_by_their_kind(gaz):
    text = (
        "Halvorsen agrees to buy Kestrel Medical\n\nHalvorsen has agreed to buy the medical technology firm "
        "Kestrel. Kestrel makes implant defibrillators and pacemakers, and regulators may force the firms to "
        "shed some overlapping stent operations."
    )
    assert "medical_devices" in codes(text, gaz)
    text = (
        FILLER
        + "Its product suite includes a continuous glucose monitoring wearable and a home health device. "
        "The factory will also make insulin pumps."
    )
    assert "medical_devices" in codes(text, gaz)


def test_zero_emission_vehicles_are_electric_vehicles(gaz):
    text = (
        FILLER
        + "The partners will cooperate to manufacture solar and wind components, storage batteries, and zero "
        "and low-emission vehicles and components. The city will buy 40 zero-emission buses."
    )
    assert "ev" in codes(text, gaz)


def test_subsea_cables_are_telecom(gaz):
    text = (
        "Ostrel to lay a subsea cable to Varnia\n\nThe subsea cable will carry data between the two islands "
        "from next year."
    )
    assert "telecom" in codes(text, gaz)


# ------------------------------------------------------------------ money words in another sense


def test_the_markets_investors_are_no_investment_topic(gaz):
    text = (
        "Stocks drift as tariff talks stall\n\nA muddled view of the Varnia-Ostrel tariff talks is weighing "
        "on investors. Investors don't seem to know what to make of it.\n\n"
        + FILLER
        + "Two reasons investors shouldn't fret, an analyst said."
    )
    assert "investment" not in codes(text, gaz)


def test_investors_of_a_kind_are_still_investment(gaz):
    text = (
        FILLER
        + "The minister assured foreign investors that the zone is ready. Chinese investors plan two plants, "
        "and existing investors joined the round."
    )
    assert "investment" in codes(text, gaz)
    text = FILLER + "Investors from Norland are pouring money in. Investors in the Kestrel project met."
    assert "investment" in codes(text, gaz)


def test_budget_welfare_and_compensation_money_is_no_investment(gaz):
    text = (
        "Varnia to raise unemployment funds\n\n"
        + FILLER
        + "The president said the funding that Congress added to the bill is excessive. The bill cuts off "
        "funding for the border patrol after June."
    )
    assert "investment" not in codes(text, gaz)
    text = (
        FILLER
        + "Teachers chanted for school funding. The company set up a fund to compensate victims, but the "
        "compensation fund ran short."
    )
    assert "investment" not in codes(text, gaz)


def test_funding_of_a_company_is_still_investment(gaz):
    text = (
        FILLER
        + "Tessly will use the funding to hire engineers. The funding was led by Corvane Ventures, which "
        "funds start-ups in Ostrel."
    )
    assert "investment" in codes(text, gaz)


def test_money_with_its_sum_across_an_abbreviation(gaz):
    text = (
        FILLER
        + "Varnia and Ostrel signed an agreement for several industrial projects totalling 561 million U.S. "
        "dollars, which will be financed by the Ostrel Export Bank."
    )
    assert "investment" in codes(text, gaz)


def test_investing_in_peoples_skills_is_no_investment(gaz):
    text = (
        FILLER
        + "We're investing in training, technical support, and capacity building. By investing in skills and "
        "institutions, we hope to widen access."
    )
    assert "investment" not in codes(text, gaz)


def test_a_households_credit_is_no_investment(gaz):
    text = (
        "New car sales fall in October\n\n"
        + FILLER
        + "The average interest rate on a new vehicle loan stayed below 6 percent, and the rate on new "
        "financed vehicles fell. Buyers can look forward to lower financing rates."
    )
    assert "investment" not in codes(text, gaz)


def test_a_glued_contact_heading_closes_the_release(gaz):
    text = (
        "Kestrel and Tessly sign an MOU on voice services\n\n"
        + FILLER
        + "Kestrel will provide network services.\n\nInvestor Relations ContactKestrel Inc. Investment desk, "
        "1 Main Street. Questions on investment: call us."
    )
    assert "investment" not in codes(text, gaz)


# ------------------------------------------------------------------ trade and research named otherwise


def test_commerce_between_countries_is_trade(gaz):
    text = (
        FILLER
        + "The two leaders discussed efforts to expand commercial and economic cooperation. As a trading "
        "nation, Ostrel will keep diversifying its trade links."
    )
    assert "trade" in codes(text, gaz)


def test_technological_exchange_and_test_labs_are_research(gaz):
    text = (
        FILLER
        + "The centre became a driving force for technological exchange between the two countries. Kelvar "
        "will also establish a joint solar test lab in Varnia."
    )
    assert "research" in codes(text, gaz)


def test_a_data_sheet_row_about_the_battery_is_no_battery_topic(gaz):
    text = (
        "Kestrel will soon start production in a new car factory\n\nKestrel's fifth electric car factory "
        "will build electric cars from next year.\n\n"
        + FILLER
        + "\nKestrel Tern EV\nBattery chemistry: LFP (LiFePO4) Blade battery by Kestrel\nRange: 320 km\n"
        "Kestrel Heron EV\nBattery chemistry: LFP (LiFePO4) Blade battery by Kestrel\nRange: 420 km\n"
    )
    assert "battery" not in codes(text, gaz)
    assert "ev" in codes(text, gaz)
