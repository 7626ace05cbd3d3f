"""Title rules of round tt9 (studied on half A of dev, checked on half B). Every sentence is written for these
tests (fictional names and bodies, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.pipeline import load
from kopru.intel.extract.titles import find_titles
from tests.intel.extract.title_checks import positions_of

pytestmark = pytest.mark.unit


def test_a_remit_of_regions_and_domains_after_a_title_with_its_own_of():
    positions = positions_of(
        "The visit was confirmed by Assistant Secretary of State for Europe Mark Gallo on Friday."
    )
    assert positions["Mark Gallo"] == [("Assistant Secretary of State for Europe", None)]
    positions = positions_of(
        "Senior Minister of State for Sustainability and the Environment Amy Tan said there was potential."
    )
    assert positions["Amy Tan"] == [("Senior Minister of State for Sustainability and the Environment", None)]


def test_a_country_in_a_company_remit_is_the_posts_not_the_holders():
    result = extract_text(
        "The cloud region opens next year, said Norvex's Executive Vice President for Japan and Asia Pacific "
        "Garrett Olm."
    )
    person = next(p for p in result["people"] if p["name"] == "Garrett Olm")
    assert [x["title"] for x in person["positions"]] == [
        "Executive Vice President for Japan and Asia Pacific"
    ]
    assert person["country"] is None


def test_forms_of_address_of_gulf_and_royal_releases_are_no_part_of_names():
    positions = positions_of(
        "The roundtable featured HE Tomas Varga, President of the Council; HH Karim Al Fadel, Assistant "
        "Minister for Energy; and Dr Lena Ostrova, Director of Planning."
    )
    assert "Tomas Varga" in positions
    assert "Karim Al Fadel" in positions
    assert not any(name.startswith(("HE ", "HH ")) for name in positions)
    positions = positions_of(
        "The hospital was founded in 1901 by His Majesty King Aldric. It trains doctors."
    )
    assert positions == {"Aldric": [("King", None)]}


def test_one_post_read_twice_keeps_one_reading():
    positions = positions_of(
        '"Sales grew," said Tom Brandt, Senior Vice President of Sales for Halvex, Inc. '
        "Tom Brandt, Senior Vice President of Sales, joined in 2019."
    )
    assert [t for t, _org in positions["Tom Brandt"]] == ["Senior Vice President of Sales"]
    positions = positions_of(
        "The summit hosted a roundtable that featured HE Dr Omar Al Hashimi, Minister of Water; HH Khalid Al "
        "Mansoori, Assistant Minister for Energy and Sustainable Affairs at the UAE Ministry of Foreign "
        "Affairs; Dr Lena Ostrova, Director of Planning."
    )
    assert [t for t, _org in positions["Khalid Al Mansoori"]] == [
        "Assistant Minister for Energy and Sustainable Affairs"
    ]


def test_a_region_before_a_title_is_its_remit():
    positions = positions_of(
        "Norland's Chief Minister Ann Lee will come, while Britain's Europe Director Tom Hale will represent "
        "the UK."
    )
    assert [t for t, _org in positions["Tom Hale"]] == ["Europe Director"]
    positions = positions_of('Shadow Europe minister Mr Ole Berg said: "Britain must keep the rebate."')
    assert [t for t, _org in positions["Ole Berg"]] == ["Shadow Europe minister"]
    positions = positions_of(
        "The U.S. special Middle East peace envoy Karl Bremer is due to join the talks on Tuesday."
    )
    assert [t for t, _org in positions["Karl Bremer"]] == ["special Middle East peace envoy"]


def test_a_region_after_a_bodys_name_is_the_bodys_unit():
    positions = positions_of(
        "Kestrel Europe Director Ann Lee spoke first. The Asia Director Ole Berg left early."
    )
    assert [t for t, _org in positions["Ann Lee"]] == ["Director"]
    assert [t for t, _org in positions["Ole Berg"]] == ["Asia Director"]
    positions = positions_of('"Sales fell," said Kestrel North America president Tom Hale on Monday.')
    assert [t for t, _org in positions["Tom Hale"]] == ["president"]


def test_more_title_heads_chief_scientist_lord_chancellor_ruler():
    positions = positions_of('"We plan to build more," said Jakob Lund, Halvex’s Chief Scientist, on Monday.')
    assert [t for t, _org in positions["Jakob Lund"]] == ["Chief Scientist"]
    positions = positions_of("Deputy Prime Minister and Lord Chancellor Tom Hale said the deal matters.")
    assert [t for t, _org in positions["Tom Hale"]] == ["Deputy Prime Minister", "Lord Chancellor"]
    titles = [
        t.title
        for t in find_titles("Ann Lee, Prime Minister and Ruler of Dubai, opened it.", load(), [])
        if t.head == "Ruler"
    ]
    assert titles == ["Ruler of Dubai"]


def test_a_writers_name_over_her_newspapers_at_the_end_is_a_reporter():
    text = (
        "Trade between the two ports grew by 5 per cent last year, the operator said.\n\n"
        "Ann Lindqvist\nThe Norland Times\nAsia News Network\n"
    )
    positions = positions_of(text)
    assert [t for t, _org in positions["Ann Lindqvist"]] == ["reporter"]


def test_every_name_of_a_credit_line_gets_its_role():
    text = (
        "Oil prices fell on Monday as stocks rose, traders said.\n\n"
        "Reporting by Karl Bremer; additional reporting by Ann Lee, Tom Hale and Ole Berg; "
        "Editing by Nils Dahl and Eva Strand\n"
    )
    positions = positions_of(text)
    assert {name: [t for t, _org in p] for name, p in positions.items()} == {
        "Karl Bremer": ["reporter"],
        "Ann Lee": ["reporter"],
        "Tom Hale": ["reporter"],
        "Ole Berg": ["reporter"],
        "Nils Dahl": ["editor"],
        "Eva Strand": ["editor"],
    }


def test_writers_named_at_the_end_of_a_headline_line_are_reporters():
    text = (
        "Norland-Varnia Final-Status Talks Start by Karl Bremer, Nils Dahl\n\n"
        "EILAT, April 30 (Xinhua) -- Negotiators opened another round of talks on Sunday.\n"
    )
    positions = positions_of(text)
    assert [t for t, _org in positions["Karl Bremer"]] == ["reporter"]
    assert [t for t, _org in positions["Nils Dahl"]] == ["reporter"]
    # one name after "by" in a headline is no writers' credit
    positions = positions_of(
        "Port Deal Signed by Karl Bremer\n\nOSLO -- The port deal was signed on Sunday.\n"
    )
    assert all(t != "reporter" for p in positions.values() for t, _org in p)
