"""Event rules for newsroom posts, readouts and press releases (session 3, round 2): one test per rule,
on sentences written for these tests (fictional companies and officials)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_path, gazetteer
from kopru.intel.extract.zones import find_zones
from tests.intel.extract.event_checks import events_of, has_event

pytestmark = pytest.mark.unit


_POST = (
    'title: "Bringing our assistant to bank branches | Veltrix Labs"\n'
    'source: "Veltrix Labs Blog"\n'
    'date: "2025-03-04"\n'
    "\n"
    "March 4, 2025\n\n"
    "Bringing our assistant to bank branches\n\n"
    "Customers of Lumora Bank asked for it. Today we signed a strategic partnership with Lumora Bank\n"
    "to bring our assistant to its branches.\n"
)


def test_a_newsroom_posts_front_matter_names_the_organisation_speaking_as_we():
    zones = find_zones(_POST, gazetteer.load())
    assert zones.own_voice == "Veltrix Labs"
    assert zones.publisher is None  # no outlet: the post is the company's own


def test_we_in_a_companys_own_post_is_that_company():
    assert has_event(_POST, "agreement", {"Veltrix Labs", "Lumora Bank"}, "held")


def test_a_partnership_told_in_a_companys_own_post_is_its_own():
    post = _POST + "\nThe partnership with Dornfeld Energy, signed in May, covers three data centres.\n"
    assert has_event(post, "agreement", {"Veltrix Labs", "Dornfeld Energy"}, "held")


def test_an_announced_collaboration_is_an_agreement_between_its_announcers():
    text = "Orvana Systems and Pellmar Group also announced a strategic enterprise collaboration on Monday."
    assert has_event(text, "agreement", {"Orvana Systems", "Pellmar Group"}, "held")


def test_leaders_launching_a_named_partnership_agree_and_the_name_is_no_party():
    text = (
        "President Halvorsen and Chancellor Brenner today at the Presidential Palace launched the "
        "Norway-Austria Climate and Energy Partnership."
    )
    events = [e for e in events_of(text) if e[0] == "agreement"]
    assert events == [("agreement", "held", {"Halvorsen", "Brenner"})]


def test_visiting_a_web_address_is_no_visit():
    for text in (
        "For more information on the Velmar solution, please visit: www.velmar.example",
        "To get started with Orvana Systems models, visit orvana.com/models today.",
    ):
        assert not any(t == "visit" for t, _s, _p in events_of(text))
    assert has_event(
        "Orvana Systems chief Lena Brandt will visit Izmir next week.", "visit", {"Lena Brandt"}, "planned"
    )


def test_a_markdown_posts_own_newsroom_speaks_as_we_after_its_front_matter_is_read(tmp_path):
    # Reading strips the fenced front matter and names the site from `source:`; the site still speaks as "we".
    post = tmp_path / "post.md"
    post.write_text(
        "---\n"
        'source: "Veltrix Labs Newsroom"\n'
        'date: "2025-05-06"\n'
        "---\n\n"
        "Today we signed a memorandum of understanding with the Government of Norland on schools.\n",
        encoding="utf-8",
    )
    result = extract_path(str(post))
    assert result["publisher"] == "Veltrix Labs"
    parties = [set(e["participants"]) for e in result["events"] if e["type"] == "agreement"]
    assert any({"Veltrix Labs", "Government of Norland"} <= found for found in parties)
