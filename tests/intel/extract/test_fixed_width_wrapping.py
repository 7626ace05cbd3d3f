"""Plain text wrapped at a fixed width (wire copy, e-mail, text exports) is read as its paragraphs.

Before, every line break inside a wrapped paragraph cut a sentence in two: on the wire stories and BBC
articles of the real-text dev set rewrapped at 70 columns (243 documents), events fell from 0.50 to 0.26
and titles from 0.86 to 0.72. Every story here is invented."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.nlp import prepare
from kopru.intel.extract.reading import normalise_text, unwrap_fixed_width

pytestmark = pytest.mark.unit

WIRE = (
    "ACME TO BUY BETA UNIT\n"
    "\n"
    "    NEW YORK, March 3 - Acme Corp said it agreed to buy the valve\n"
    "unit of Beta Industries Inc for 40 mln dlrs in cash, and that\n"
    "Chairman John Smith met with Beta's president Mary Jones in\n"
    "Chicago on Monday.\n"
    "    The transaction is subject to approval by Beta's board and is\n"
    "expected to close in the second quarter, the company said.\n"
)

FLOWED = (
    "ACME TO BUY BETA UNIT\n"
    "\n"
    "NEW YORK, March 3 - Acme Corp said it agreed to buy the valve unit of Beta Industries Inc for 40 mln "
    "dlrs in cash, and that Chairman John Smith met with Beta's president Mary Jones in Chicago on Monday.\n"
    "\n"
    "The transaction is subject to approval by Beta's board and is expected to close in the second "
    "quarter, the company said.\n"
)


def _facts(result: dict) -> tuple:
    return (
        sorted((e["type"], e["status"], tuple(sorted(e["participants"]))) for e in result["events"]),
        sorted((p["name"], tuple(q["title"] for q in p["positions"])) for p in result["people"]),
        sorted(o["name"] for o in result["organizations"]),
        sorted((c["metric"], c["value"]) for c in result["claims"]),
    )


def test_a_wrapped_wire_story_reads_as_its_paragraphs():
    assert normalise_text(WIRE) == normalise_text(FLOWED)


def test_a_wrapped_wire_story_gives_the_facts_of_the_same_story_unwrapped():
    wrapped, flowed = extract_text(WIRE), extract_text(FLOWED)
    assert _facts(wrapped) == _facts(flowed)
    assert ("investment", "planned", ("Acme", "Beta Industries")) in _facts(wrapped)[0]


def test_paragraphs_without_indentation_end_at_a_short_line():
    # a long line ending a sentence may go on in the next line: joining two paragraphs there costs nothing
    text = (
        "The two ministers said the joint committee would meet again in\n"
        "Ankara in the spring to review the rail and battery projects.\n"
        "Officials declined to comment.\n"
        "Trade between the two countries rose 12 percent last year to a\n"
        "record, according to customs data published on Friday.\n"
    )
    assert normalise_text(text) == (
        "The two ministers said the joint committee would meet again in Ankara in the spring to review the "
        "rail and battery projects. Officials declined to comment.\n"
        "\n"
        "Trade between the two countries rose 12 percent last year to a record, according to customs data "
        "published on Friday."
    )


def test_a_word_broken_at_its_hyphen_is_one_word_again():
    text = (
        "The agreement was signed by the chairman of the Anatolian Rail-\n"
        "way Works and by the visiting minister of industry on Tuesday.\n"
    )
    assert "Rail-way Works" in normalise_text(text)


def test_a_capitalised_headline_and_a_title_case_headline_stay_on_their_own_line():
    for headline in (
        "MINISTERS AGREE TO EXPAND RAIL AND BATTERY COOPERATION",
        "Ministers Agree To Expand Rail Links",
    ):
        text = (
            f"{headline}\n"
            "The two ministers said the joint committee would meet again in\n"
            "Ankara in the spring to review the rail and battery projects.\n"
        )
        assert normalise_text(text).split("\n")[0] == headline


@pytest.mark.parametrize(
    "text",
    [
        # one paragraph per line, as most files are: nothing to join
        "The ministers met in Ankara on Monday and agreed to expand cooperation in rail, batteries and solar "
        "power, officials said.\nThe next meeting is planned for the spring in Beijing.\n",
        # a results table, indented rows
        "ACME CORP 1ST QTR NET\n    Shr 1.20 dlrs vs 1.10 dlrs\n    Net 12.3 mln vs 11.0 mln\n"
        "    Revs 123.4 mln vs 111.2 mln\n",
        # a list of short items
        "Sectors named at the meeting:\n- electric vehicles and batteries\n- solar and wind power\n"
        "- nuclear power\n- rail\n",
        # an address block
        "Ministry of Industry and Technology\nMustafa Kemal Mahallesi, Dumlupinar Bulvari\n06510 Ankara\n",
    ],
)
def test_text_that_is_not_wrapped_is_left_as_it_is(text):
    assert unwrap_fixed_width(text) == text


def test_unwrapping_is_idempotent():
    once = normalise_text(WIRE)
    assert normalise_text(once) == once


SHOUTED = (
    "MARWICK ELECTRONICS TO MERGE WITH DELCO SYSTEMS\n"
    "\n"
    "    CHICAGO, APRIL 7 - MARWICK ELECTRONICS INC SAID IT AGREED TO\n"
    "MERGE WITH DELCO SYSTEMS CORP IN A STOCK SWAP VALUED AT ABOUT 120\n"
    "MLN DLRS. MARWICK CHAIRMAN JOHN PATTERSON WILL HEAD THE COMBINED\n"
    "COMPANY, IT SAID. THE UNITED STATES AND THE U.S. GOVERNMENT WERE NOT\n"
    "INVOLVED.\n"
)


def test_a_wrapped_story_in_capitals_is_unwrapped_and_recased():
    text = prepare(normalise_text(SHOUTED))
    body = text.split("\n\n")[1]
    assert "\n" not in body
    assert body.startswith(
        "Chicago, April 7 - Marwick Electronics Inc said it agreed to merge with Delco Systems Corp"
    )
    assert "Marwick chairman John Patterson will head the combined company, it said." in body
    assert "The United States and the U.S. government" in body


def test_a_wrapped_story_in_capitals_gives_its_people_and_companies():
    result = extract_text(SHOUTED)
    assert [(p["name"], [q["title"] for q in p["positions"]]) for p in result["people"]] == [
        ("John Patterson", ["chairman"])
    ]
    assert sorted(o["name"] for o in result["organizations"]) == ["Delco Systems", "Marwick Electronics"]
