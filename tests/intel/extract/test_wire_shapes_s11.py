"""Agency copy of the 1980s-90s shapes (invented): a company's name in a shouted headline before its legal
form, a demonym of two words, and a gazetteer body written without its article."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.casing import truecase

pytestmark = pytest.mark.unit

BODY = "\n\nThe company said on Monday it would report later."


@pytest.mark.parametrize(
    ("headline", "recased"),
    [
        ("AMERICAN WIDGET CO (AWC) 1ST QTR NET", "American Widget Co (AWC) 1st qtr net"),
        ("FED SAYS NATIONAL STEEL CORP TO CUT JOBS", "Fed says National Steel Corp to cut jobs"),
        (
            "CHRYSLER CORP AGREES TO BUY AMERICAN MOTORS CORP",
            "Chrysler Corp agrees to buy American Motors Corp",
        ),
        ("UNIT OF GENERAL WIDGET INC SOLD", "Unit of General Widget Inc sold"),
    ],
)
def test_words_before_a_legal_form_in_a_shouted_headline_keep_their_capitals(headline, recased):
    assert truecase(headline + BODY).split("\n")[0] == recased


def test_a_results_headline_names_its_company():
    text = (
        "AMERICAN WIDGET CO <AWC> 1ST QTR NET\n    CHICAGO, April 2 -\n    Shr 45 cts vs 38 cts\n"
        "    Net 12.5 mln vs 10.2 mln\n Reuter\n"
    )
    names = {org["name"] for org in extract_text(text)["organizations"]}
    assert "American Widget Co" in names or "American Widget" in names


def test_a_two_word_demonym_gives_the_minister_a_country():
    text = (
        "Saudi Arabian Oil Minister Hisham Nazer met Venezuelan Energy Minister Arturo Hernandez Grisanti "
        "in Caracas last week, officials said."
    )
    countries = {p["name"]: p["country"] for p in extract_text(text)["people"]}
    assert countries == {"Hisham Nazer": "SA", "Arturo Hernandez Grisanti": "VE"}


def test_a_known_body_written_without_its_article_is_one_organisation():
    text = (
        "The Organization of Petroleum Exporting Countries will hold its next ministerial conference in "
        "Vienna on June 25, an OPEC spokesman said."
    )
    orgs = extract_text(text)["organizations"]
    assert len(orgs) == 1
    assert set(orgs[0]["aliases"]) | {orgs[0]["name"]} >= {
        "Organization of Petroleum Exporting Countries",
        "OPEC",
    }


def test_an_initialism_in_a_shouted_company_name_stays_as_written():
    text = "N.Y. TIMES CO. IN VENTURE WITH A COFFEE CHAIN" + BODY
    assert truecase(text).startswith("N.Y. Times Co. in ")


def test_the_first_part_of_a_person_shaped_body_is_no_company_short_form():
    text = "The Biden-Harris Administration met the mayors on Monday. Biden said the talks were useful."
    assert "Biden" in {p["name"] for p in extract_text(text)["people"]}


def test_a_company_named_with_and_before_a_pointless_legal_form_is_one_company():
    text = (
        "USX Corp's USS steel unit said it is holding talks with Pohang Iron and Steel Co Ltd of South Korea "
        "on a joint venture to modernize its plant."
    )
    names = {org["name"] for org in extract_text(text)["organizations"]}
    assert "Pohang Iron and Steel" in names
    assert "Pohang" not in {place["name"] for place in extract_text(text)["places"]}


def test_a_demonym_and_a_portfolio_before_a_minister_are_no_organisation():
    text = (
        "China will buy 1.5 mln tonnes of Brazilian iron ore a year. The agreement was signed by Brazilian "
        "Industry and Commerce Minister Jose Hugo Castelo Branco in Peking."
    )
    assert extract_text(text)["organizations"] == []


def test_a_heading_cut_before_its_last_word_leaves_no_country_as_an_organisation():
    text = (
        "Premier Li attended the summit.\nSaudi Arabia Visit\nJokowi will head to the Saudi Arabian capital "
        "of Riyadh on Wednesday."
    )
    assert extract_text(text)["organizations"] == []


@pytest.mark.parametrize(
    "text",
    [
        "Olaf Scholz, Germany's chancellor, visited Beijing in April and met Xi Jinping, China's president.",
        "Olaf Scholz visited Beijing in April. Mr Scholz fears a trade war.",
    ],
)
def test_a_name_the_tagger_calls_an_organisation_is_a_person_by_its_apposition_or_its_mr(text):
    result = extract_text(text)
    assert "Olaf Scholz" in {p["name"] for p in result["people"]}
    assert "Olaf Scholz" not in {o["name"] for o in result["organizations"]}


@pytest.mark.parametrize(
    ("text", "claims"),
    [
        ("Tesla sold 1.8m cars last year.", [("count", 1800000)]),
        ("The firm has 12,000 employees and 40m customers.", [("count", 12000), ("count", 40000000)]),
        ("The wall is 3m high and 20m long.", []),
    ],
)
def test_a_million_glued_to_its_number_counts(text, claims):
    assert [(c["metric"], c["value"]) for c in extract_text(text)["claims"]] == claims


def test_a_countrys_office_after_a_name_belongs_to_no_company_named_before():
    text = "Wang Chuanfu, the boss of BYD, spoke. Olaf Scholz, Germany's chancellor, visited Beijing."
    positions = {p["name"]: p["positions"] for p in extract_text(text)["people"]}
    assert positions["Olaf Scholz"] == [{"title": "chancellor", "organization": None}]
    assert positions["Wang Chuanfu"] == [{"title": "boss", "organization": "BYD"}]


def test_a_last_word_shortened_in_the_headline_is_the_same_company():
    text = (
        "FIRST CITY BANCORP <FBT> IN TALKS ON MERGER WITH TEXAS BANK\n    HOUSTON, Feb 25 - First City "
        "Bancorporation of Texas said it is in preliminary talks with Allied Bancshares Inc about a possible "
        "merger.\n Reuter\n"
    )
    orgs = {o["name"]: o["aliases"] for o in extract_text(text)["organizations"]}
    assert "First City Bancorporation" in orgs
    assert "First City Bancorp" in orgs["First City Bancorporation"]
