"""Sector round sc1: words of deals, project money and trade; other senses of investors and tariffs."""

from __future__ import annotations

from .sector_checks import codes


def test_buying_a_company_is_investment(gaz):
    text = (
        "Tovalo buys up Marren insurer\n\n"
        "The Marren group has sold its life insurance arm to Tovalo for $2bn. " + "Analysts were calm. " * 30
    )
    assert "investment" in codes(text, gaz)


def test_buying_goods_is_not_investment(gaz):
    text = (
        "Grain prices rose.\n\n"
        + "Buyers said wheat can be bought with cash. " * 2
        + "Farm purchases were slow. " * 2
    )
    assert "investment" not in codes(text, gaz)


def test_project_with_its_price_and_funded_compound(gaz):
    text = (
        "Port opens\n\n"
        + "Filler sentence about the weather. " * 15
        + (
            "The Zarnian-funded harbour is part of a $3.5-billion port project. "
            "The Kelvar-funded road opened."
        )
    )
    assert "investment" in codes(text, gaz)


def test_in_a_bid_to_is_no_deal(gaz):
    text = (
        "Plans grow\n\n"
        + "Filler sentence about the weather. " * 15
        + ("Norland expands output in a bid to lead the field. It said so in a bid to calm critics.")
    )
    assert "investment" not in codes(text, gaz)


def test_notice_to_investors_is_no_topic(gaz):
    text = (
        "Lab opens in Velo\n\n"
        + "Filler sentence about the lab. " * 15
        + (
            "NOTE TO INVESTORS: The latest news is available online. Readers should not rely on these "
            "statements in making an investment decision. The network reaches a wide audience of investors, "
            "journalists and the public.\n\nContact Proactive Investors\n"
        )
    )
    assert "investment" not in codes(text, gaz)


def test_investors_in_title_case_headline_still_count(gaz):
    text = (
        "Foreign Investors Flock to Velo\n\nInvestors from Norland are pouring money into Velo's factories."
    )
    assert "investment" in codes(text, gaz)


FILLER = "Filler sentence about the weather. " * 15


def test_trade_named_with_its_kind_or_aim(gaz):
    for sentence in (
        "They discussed the resumption of border trade.",
        "Their talks aimed at mutually beneficial trade goals.",
        "It helps small firms reach foreign markets. Firms seek overseas markets.",
    ):
        assert "trade" in codes("Leaders meet\n\n" + FILLER + sentence, gaz), sentence


def test_exported_and_shipped_cars_are_trade(gaz):
    text = "First 300 Velo cars exported to Norland\n\n" + FILLER + "The cars were shipped to Norland in May."
    assert "trade" in codes(text, gaz)


def test_trading_in_a_company_is_no_trade(gaz):
    text = (
        "Merger agreed\n\n"
        + FILLER
        + (
            "Foreigners can only trade in Zarnoil via a small issue. "
            "Now foreigners may trade in Zarnoil shares."
        )
    )
    assert "trade" not in codes(text, gaz)


def test_utility_tariffs_are_prices_not_duties(gaz):
    text = (
        "Water firm in row\n\n"
        + FILLER
        + (
            "The firm wants a tariff rise of 60% to fund water works. The state froze its water tariffs. "
            "Any tariff increase was denied."
        )
    )
    assert "trade" not in codes(text, gaz)
    duties = text + " Norland also raised import tariffs on steel."
    assert "trade" in codes(duties, gaz)


def test_a_cars_data_sheet_is_no_battery_story(gaz):
    text = (
        "Velo V3 exported to Norland\n\n"
        + FILLER
        + (
            "The Velo V3 electric car has a 48 kWh LFP battery.\nLet's see its specs.\n"
            "Battery capacity: 48 kWh\nBattery: LFP cells\nRange: 400 km\n"
            "It has a smaller battery capacity than rivals. Velo makes BEVs (Battery Electric Vehicles)."
        )
    )
    found = codes(text, gaz)
    assert "battery" not in found
    assert "ev" in found


def test_battery_makers_still_a_battery_story(gaz):
    text = (
        "Kelvar opens battery cell plant\n\n"
        + FILLER
        + "Kelvar will supply batteries to Velo. Battery output grows."
    )
    assert "battery" in codes(text, gaz)


def test_ai_named_a_few_times_is_no_cloud_story(gaz):
    text = (
        "Zarnia Daily names a new editor\n\n"
        + FILLER
        + ("She used AI tools before. AI helps the desk. The paper will use AI for translation.")
    )
    assert "cloud" not in codes(text, gaz)
    platform = text + " Its AI platform serves ministries. Officials use AI in every service."
    assert "cloud" in codes(platform, gaz)


def test_carmakers_and_their_union_name_the_car_industry(gaz):
    text = (
        "Union reaches agreement\n\n"
        + FILLER
        + (
            "The United Auto Workers and Ford Motor Co. reached a deal. "
            "The UAW will next talk to General Motors."
        )
    )
    assert "automotive" in codes(text, gaz)


def test_combustion_engine_cars_are_automotive_beside_evs(gaz):
    text = (
        "Zarnia plans car hub\n\n"
        + FILLER
        + (
            "Kelvar will export electric vehicles and internal combustion engine automobiles from Zarnia. "
            "Its EV range grows."
        )
    )
    found = codes(text, gaz)
    assert {"automotive", "ev"} <= found


def test_networks_named_by_their_kind_are_telecom(gaz):
    for sentence in (
        "Kelvar will supply military SATCOM terminals. Its satellite communication links are secure.",
        "The pact covers mission-critical communications. Radio communications will be shared.",
        "Regulators questioned wireless providers. Residents lost cellphone connections.",
    ):
        assert "telecom" in codes("Pact signed\n\n" + FILLER + sentence, gaz), sentence


def test_research_named_otherwise(gaz):
    for sentence in (
        "The two firms will collaborate in research & development and marketing.",
        "Zarnia and Norland discussed joint development of solar energy.",
        "Scientists from Norland agreed to help. The scientists will stay a year.",
        "They discussed critical and emerging technologies.",
    ):
        assert "research" in codes("Pact signed\n\n" + FILLER + sentence, gaz), sentence
