"""Organisations, session 12 (helper org15): company names with their legal form cut short, firms named
after their partners, businesses named by their web address, parties of a pact "between X and Y", and links
to other stories tagged with their section inside a scraped page. Every sentence is invented."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.reading import normalise_text

from .entity_checks import org_names as _orgs
from .entity_checks import people_names as _people

pytestmark = pytest.mark.unit


def _all_org_names(text: str) -> set[str]:
    return {n for o in extract_text(text)["organizations"] for n in (o["name"], *o["aliases"])}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # a generic first word ("General", "United", "International") is part of a registered name
        (
            "Food makers are moving in, including General Harvest Inc. and Kellin Foods Co.",
            "General Harvest Inc.",
        ),
        ("United Widget Inc. said on Monday it would close two plants.", "United Widget Inc."),
        (
            "The order went to International Paperworks Co., the packaging group said.",
            "International Paperworks Co.",
        ),
        # "of" inside the name
        (
            "Jo Hale, a vice president at Vine of Plenty Inc. of Tulsa, Okla., said sales rose.",
            "Vine of Plenty Inc.",
        ),
    ],
)
def test_a_registered_name_keeps_the_words_before_its_form(text: str, name: str) -> None:
    names = _all_org_names(text)
    assert name in names
    assert name.split()[-2] not in _orgs(text)  # no fragment ("Harvest", "Widget") as a body of its own


@pytest.mark.parametrize(
    ("text", "firm"),
    [
        ("The shares are cheap, said analyst Dana Roe of Harlow, Penning & Co.", "Harlow, Penning & Co."),
        (
            "Milo Grant, a partner at Denver-based advisers Keller, Voss Inc., said the bid was low.",
            "Keller, Voss Inc.",
        ),
    ],
)
def test_a_firm_named_after_its_partners_is_one_body(text: str, firm: str) -> None:
    assert firm in _all_org_names(text)
    assert not any(name.endswith("&") for name in _orgs(text))


def test_a_title_before_of_is_no_part_of_the_name() -> None:
    text = "Jane Roe, Founder of Ceres Robotics Inc., said the lander was ready."
    assert not any(name.startswith("Founder") for name in _all_org_names(text))


def test_businesses_named_by_their_web_address() -> None:
    text = (
        "Representatives of Tunely and Scour.net, another music service, had no comment. "
        "The shop sells through Epicurious.com and Kozmo.com. For details visit www.AcmeCorp.com."
    )
    names = _orgs(text)
    assert {"Scour.net", "Epicurious.com", "Kozmo.com"} <= set(names)
    assert "AcmeCorp.com" not in names


def test_an_upper_case_name_with_its_domain_is_a_body() -> None:
    text = "ZENTRO.AI said its credit bureau in Manila raised $4 million in seed funding."
    assert "ZENTRO.AI" in _orgs(text)


def test_the_parties_of_a_pact_between_two_names_are_bodies() -> None:
    text = (
        "The minister attended the signing of an MoU between Remal IoT and Sungwoo Techwin, and an agreement "
        "between Digistores and Shukran Korea. The deal between Washington and Beijing was not discussed."
    )
    names = _orgs(text)
    assert {"Sungwoo Techwin", "Shukran Korea", "Digistores"} <= set(names)
    assert "Washington" not in names and "Sungwoo Techwin" not in _people(text)


def test_a_pact_between_two_people_makes_no_person_a_body() -> None:
    # (the model may read the first name as a body; the second stays a person)
    text = "A pact between Vladimir Orlov and Recep Demir was agreed in Ankara on Friday."
    assert "Recep Demir" in _people(text)


def test_links_tagged_with_their_section_are_no_part_of_the_story() -> None:
    text = (
        "The committee provides a platform for talks between the two countries.\n"
        "Ishmar's army ready to strike\n"
        "thailand\n"
        "Marisa to visit Myanmar next week\n"
        "Through the committee, the two countries drew up a roadmap."
    )
    out = normalise_text(text)
    assert "Ishmar" not in out and "thailand" not in out and "Marisa" not in out
    assert "roadmap" in out


@pytest.mark.parametrize(
    "text",
    [
        "The premier said Thailand was ready to serve as an\ninvestment\nhub for the region.",
        "Gao Lin\nand\nChen Qiao",
        "Ishmar's army ready to strike.\nthailand\nMarisa to visit Myanmar next week",
    ],
)
def test_a_lower_case_word_on_its_own_line_inside_prose_stays(text: str) -> None:
    out = normalise_text(text)
    assert all(word in out for word in ("and", "investment", "thailand") if word in text.split())


def test_a_market_index_is_no_body() -> None:
    text = (
        "Shares in the S&P 500 rose 0.4% while the FTSE 100 fell. The Dow Jones Industrial Average slipped "
        "and Vortel Inc. said its profit doubled."
    )
    names = _all_org_names(text)
    assert not {"S&P", "Standard & Poor's", "FTSE", "Dow Jones Industrial Average"} & names
    assert "Vortel Inc." in names


def test_the_rating_agency_named_on_its_own_stays() -> None:
    text = "Standard & Poor's cut the bank's rating, and the S&P 500 fell 1%."
    assert "Standard & Poor's" in _orgs(text)


def test_a_drink_sold_under_a_brand_is_no_body() -> None:
    text = "Carrow Spirits, whose best-known brands include Pellham vodka and Tarrant rum, said sales rose."
    names = _orgs(text)
    assert "Pellham" not in names and "Tarrant" not in names


def test_a_town_before_its_country_is_a_place() -> None:
    text = "Leksum has partnered with the Department of Clinical Sciences, SLU, Varby, Sweden to host a lab."
    result = extract_text(text)
    assert "Varby" not in {o["name"] for o in result["organizations"]}
    assert "Varby" in {p["name"] for p in result["places"]}


def test_a_name_before_area_is_a_place() -> None:
    text = "Troops tried to raid a position in Pangor area of Sarkand, the spokesman said on Wednesday."
    result = extract_text(text)
    assert "Pangor" not in {o["name"] for o in result["organizations"]}


def test_a_link_note_is_no_part_of_a_name() -> None:
    text = "Customers include PayPal(opens in a new window), Intuit and Vorden Fisher(opens in a new window)."
    assert normalise_text(text) == "Customers include PayPal, Intuit and Vorden Fisher."


def test_a_name_with_a_form_without_its_point_keeps_its_country_and_last_words() -> None:
    text = "The utility sold the grid, with China Southern Power Grid Co taking a majority stake in 2020."
    names = _all_org_names(text)
    assert "China Southern Power Grid Co" in names
    assert "Southern Power" not in names


def _place_told(text: str, name: str):
    from kopru.intel.extract.entities import PlaceRec, bodies_told_by_what_they_are
    from kopru.intel.extract.gazetteer import load

    places = {name: PlaceRec(name, None)}
    places[name].mentions = [(m, m + len(name)) for m in range(len(text)) if text.startswith(name, m)]
    orgs: dict = {}
    bodies_told_by_what_they_are(text, orgs, places, [], load())
    return orgs, places


@pytest.mark.parametrize(
    "text",
    [
        "Halvor Energy sold a stake to Brookvale. Brookvale is a leading infrastructure investor.",
        "The deal closes in May.\nAbout Vexal\nVexal helps clients embrace data.",
        "“We are pleased,” said Carla Brice, CEO of Vexal, on Monday.",
    ],
)
def test_a_place_the_text_calls_a_body_is_one(text: str) -> None:
    name = "Brookvale" if "Brookvale" in text else "Vexal"
    orgs, places = _place_told(text, name)
    assert name in orgs and name not in places


def test_a_town_the_text_calls_a_town_stays_a_place() -> None:
    orgs, places = _place_told("The plant is in Brookvale, a town of 9,000 people.", "Brookvale")
    assert "Brookvale" in places and not orgs


@pytest.mark.parametrize(
    "text",
    [
        "In a note on Tuesday, Vexal analyst Jon Mattis said the market had it wrong.",
        "Telecom analysts Vexal welcomed the move, saying the regulator had given ground.",
        "“It is a good deal,” said Ann Kohl, an analyst at Vexal.",
    ],
)
def test_a_place_named_as_the_analysts_employer_is_a_body(text: str) -> None:
    orgs, places = _place_told(text, "Vexal")
    assert "Vexal" in orgs and "Vexal" not in places


def test_names_marked_in_underscores_in_markdown_are_read() -> None:
    from kopru.intel.extract.reading import read_bytes

    raw = (
        "# Series B\n\n_Tarvel has secured $40M in a round led by_ _QV_ _, with participation from new "
        "investors_ _Greenfen Capital_ _,_ _Bedstone Capital_ _, and existing investors_ _Arcel_ _and_ "
        "_CRW._\n\n"
        "The file_name_here stays as it is.\n"
    )
    text = read_bytes(raw.encode(), source="x.md", suffix=".md").text
    assert "led by QV, with participation from new investors Greenfen Capital, Bedstone Capital, and" in text
    assert "existing investors Arcel and CRW." in text
    assert "file_name_here" in text
