"""Older wire copy: company names marked with angle brackets, "mln"/"bln" and "dlrs"/"stg", European company
forms after a name. Texts written for these tests."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.reading import normalise_text

pytestmark = pytest.mark.unit

WIRE = (
    "HARLOW TO BUY STAKE IN VESTRA\n\n"
    "LONDON, May 4 - <Harlow Industries Plc> said it agreed to buy a 30 pct stake in <Vestra AB> for "
    "85 mln dlrs. Vestra, a maker of pumps, had sales of 1.4 bln stg last year, it said. "
    "Harlow is also in talks with <Kemmer Werke AG> about a joint venture.\n"
)


def test_angle_brackets_around_names_are_dropped_and_tags_are_kept():
    assert normalise_text("<Harlow Industries Plc> said") == "Harlow Industries Plc said"
    assert normalise_text("shares of <IBM> rose") == "shares of IBM rose"
    assert (
        normalise_text("<P>Text</P> and <BR> and <TABLE WIDTH=1>")
        == "<P>Text</P> and <BR> and <TABLE WIDTH=1>"
    )
    assert normalise_text("1 < 2 and 3 > 2") == "1 < 2 and 3 > 2"


def test_wire_names_keep_no_bracket_and_lose_their_company_form():
    result = extract_text(WIRE)
    names = {org["name"] for org in result["organizations"]}
    assert not any("<" in name or ">" in name for name in names)
    assert {"Vestra", "Kemmer Werke"} <= names
    vestra = next(org for org in result["organizations"] if org["name"] == "Vestra")
    assert "Vestra AB" in vestra["aliases"]


def test_wire_money_abbreviations_are_amounts():
    claims = {(c["metric"], c["value"], c["unit"]) for c in extract_text(WIRE)["claims"]}
    assert ("amount", 85_000_000, "USD") in claims
    assert ("amount", 1_400_000_000, "GBP") in claims
    assert ("share", 30, "%") in claims


def test_company_forms_without_a_full_stop_name_companies():
    text = (
        "Galway said it completed its acquisition of Dunmore Bakeries Ltd, a British baker, for 38 mln stg. "
        "Talks between Pike Mills and Harker Grain Co on a joint venture broke off in March, Pike said."
    )
    orgs = {org["name"]: org["aliases"] for org in extract_text(text)["organizations"]}
    assert orgs["Dunmore Bakeries"] == ["Dunmore Bakeries Ltd"]
    assert orgs["Harker Grain"] == ["Harker Grain Co"]


def test_an_initialism_before_a_title_gives_the_holders_country():
    text = "Deputy U.S. Trade Representative Martha Ellery will lead the talks in Geneva."
    people = {
        p["name"]: (p["country"], [pos["title"] for pos in p["positions"]])
        for p in extract_text(text)["people"]
    }
    assert people["Martha Ellery"] == ("US", ["Deputy Trade Representative"])


def test_a_name_starts_after_a_long_title():
    text = "British Chancellor of the Exchequer Edwin Marlowe met bankers in Frankfurt on Monday."
    people = {p["name"]: [pos["title"] for pos in p["positions"]] for p in extract_text(text)["people"]}
    assert people == {"Edwin Marlowe": ["Chancellor of the Exchequer"]}


def test_the_agency_signing_off_a_wire_story_is_its_publisher():
    result = extract_text(WIRE + " Reuter\n")
    assert result["publisher"] == "Reuters"
    assert "Reuters" in {org["name"] for org in result["organizations"]}
    assert extract_text(WIRE)["publisher"] is None


def test_companies_joined_by_and_stay_one_or_become_two_as_they_should():
    text = (
        "Marks and Spencer said it would open 30 stores in India with its partner Vantara Retail. "
        "Separately, BASF and Kessel AG announced a research alliance."
    )
    orgs = {org["name"] for org in extract_text(text)["organizations"]}
    assert {"Marks and Spencer", "Vantara Retail", "BASF", "Kessel"} <= orgs
    assert not orgs & {"Marks", "Spencer", "BASF and Kessel"}
    assert "Vantara Retail" not in {p["name"] for p in extract_text(text)["people"]}


def test_a_name_an_appositive_calls_a_company_is_an_organisation():
    text = (
        "Orlen Mobile assembles most of its phones in Vietnam through Kestrix, a Taiwanese contractor, "
        "and buys its chips from Veltana, the Dutch maker that supplies most carmakers."
    )
    result = extract_text(text)
    assert {"Kestrix", "Veltana"} <= {org["name"] for org in result["organizations"]}
    assert not {"Kestrix", "Veltana"} & {place["name"] for place in result["places"]}
    assert not {"Kestrix", "Veltana"} & {person["name"] for person in result["people"]}


def test_states_of_older_copy_are_countries_and_their_former_selves_are_not():
    older = "The Soviet Union has bought one million tonnes of wheat, and Yugoslavia signed a trade pact."
    assert {"SU", "YU"} <= set(extract_text(older)["countries"])
    later = (
        "The bloc groups twelve former Soviet republics; "
        "Croatia works with the tribunal for the former Yugoslavia."
    )
    assert not {"SU", "YU"} & set(extract_text(later)["countries"])


def test_the_group_of_seven_is_an_international_body():
    text = "Finance ministers of the Group of Seven agreed in Paris last month to keep currencies stable."
    assert "Group of Seven" in {org["name"] for org in extract_text(text)["organizations"]}


def test_a_limited_partnership_is_a_company_not_a_programme():
    text = "The Texas investor said his Corvo Limited Partnership had acquired 4.9 pct of Halden Oil Corp."
    assert "Corvo Limited Partnership" in {org["name"] for org in extract_text(text)["organizations"]}


def test_amounts_are_whole_numbers_and_wire_scales_apply_to_quantities():
    text = (
        "Norland's trade surplus rose to 8.14 billion dlrs in February, the ministry said. "
        "The cartel's output averaged 15.8 mln barrels per day in March."
    )
    claims = [(c["metric"], c["value"]) for c in extract_text(text)["claims"]]
    assert ("amount", 8_140_000_000) in claims
    assert isinstance(next(v for m, v in claims if m == "amount"), int)
    assert any(v == 15_800_000 for _m, v in claims)


def test_short_forms_of_central_banks_and_trade_bodies_are_the_same_body():
    text = (
        "The Federal Reserve and the Bank of Japan intervened to support the dollar. "
        "The Fed gave no details. "
        "The European Community (EC) asked GATT to rule on the dispute; EC officials declined to comment."
    )
    orgs = {org["name"]: set(org["aliases"]) for org in extract_text(text)["organizations"]}
    assert "Fed" in orgs["Federal Reserve"] and "Fed" not in orgs
    assert "EC" in orgs["European Community"] and "EC" not in orgs
    assert "GATT" in orgs["General Agreement on Tariffs and Trade"]


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [pos["title"] for pos in p["positions"]] for p in extract_text(text)["people"]}


def test_appointments_give_the_titles_they_name():
    text = (
        "Corvane Corp said it named Harold Brisk, 52, president and chief operating officer, succeeding "
        "Walter Dunne, who retired. Fenmore Bancorp elected Ruth Calder chairman, the bank said."
    )
    titles = _titles(text)
    assert titles["Harold Brisk"] == ["president", "chief operating officer"]
    assert titles["Ruth Calder"] == ["chairman"]


def test_a_verb_before_a_title_is_no_part_of_it():
    text = "Sorvik Steel said its finance director, Lars Holm, will become chief financial officer in May."
    assert "will become chief financial officer" not in _titles(text)["Lars Holm"]


def test_appositives_say_person_or_company_whatever_ner_read():
    text = (
        "Tesco said it would open 20 stores in China through a joint venture with Tiang Hsu, the Taiwanese "
        "food group. Shares in Marks & Spencer rose after Philip Greaves, the retail billionaire, "
        "said he was considering a bid."
    )
    result = extract_text(text)
    assert "Philip Greaves" in {p["name"] for p in result["people"]}
    assert "Tiang Hsu" in {o["name"] for o in result["organizations"]}
    assert "Tiang Hsu" not in {p["name"] for p in result["people"]}
