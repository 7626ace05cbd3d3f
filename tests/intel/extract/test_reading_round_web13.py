"""Reading scraped news pages, round web13: page furniture around and inside a story (photo credits under
their own class, lists of linked headlines of other stories without a heading, "SEE MORE:" links, a stray
"More:" label, short lines about the page), never the story's own paragraphs or the lists it introduces.
Every page here is invented for these tests (fictional names, bodies and sites)."""

from __future__ import annotations

import lxml.html
import pytest

from kopru.intel.extract.reading import _furniture_texts, read_bytes

pytestmark = pytest.mark.unit

_FIRST = (
    "<p>The harbour board of Norwick approved the new crane contract on Monday after a long debate about "
    "costs, its chairman Tom Keller told reporters at the port.</p>"
    "<p>The board said the cranes would arrive next spring and cost less than planned, and that the old "
    "cranes would be sold to a scrap dealer in the south.</p>"
)
_LAST = (
    "<p>Keller said the contract with Brill Lifting would create forty jobs at the port over two years.</p>"
    "<p>Workers at the port welcomed the decision, saying the old cranes had broken down often during the "
    "last winter and slowed the unloading of ships.</p>"
)
_STORY_BITS = ("Tom Keller", "scrap dealer", "Brill Lifting", "forty jobs", "Workers at the port")
_FURNITURE = ("Quillan", "Velmora", "Darrow", "Ostrava", "Harriet Vane", "Marlow Group", "Pellworth")


def _read(article: str) -> str:
    html = (
        "<html><head><title>Harbour board approves cranes | Norwick News</title></head><body>"
        "<header><nav><a>Home</a><a>World</a></nav></header>"
        f"<article><h1>Harbour board approves cranes</h1>{article}</article>"
        "<footer>Norwick News</footer></body></html>"
    )
    return read_bytes(html.encode(), source="page.html", suffix=".html").text


def _assert_story_only(text: str) -> None:
    assert [b for b in _STORY_BITS if b not in text] == []
    assert [f for f in _FURNITURE if f in text] == []


@pytest.mark.parametrize(
    "furniture",
    [
        # a photo credit under a class that says so, not in a <figure>
        "<span class='photo-credit'>Harriet Vane / Marlow Group</span>",
        "<div class='articleCredit'>Harriet Vane for Marlow Group</div>",
        # other stories' headlines in a list with no heading: every item is one link
        "<ul><li><a href='/a'>Quillan fined over Velmora spill</a></li>"
        "<li><a href='/b'>Darrow quits as Ostrava Mining chief</a></li>"
        "<li><a href='/c'>Pellworth floods again after the storm</a></li></ul>",
        # a teaser box of the site
        "<div class='promo-teaser'><a href='/x'>Quillan and Velmora: the Pellworth feud</a></div>",
    ],
)
def test_furniture_inside_the_story_leaves_the_text(furniture):
    _assert_story_only(_read(_FIRST + furniture + _LAST))


def test_a_see_more_link_and_a_stray_more_label_leave_the_text():
    text = _read(
        _FIRST
        + "<p><strong>SEE MORE</strong>: <a href='/a'>Pellworth protests: students under siege</a></p>"
        + "<p>More:</p>"
        + _LAST
    )
    _assert_story_only(text)
    assert "More:" not in text


def _furniture(article: str) -> set[str]:
    tree = lxml.html.fromstring(f"<html><body><article>{_FIRST}{article}{_LAST}</article></body></html>")
    return _furniture_texts(tree, 1000)


def test_a_list_the_story_introduces_is_no_furniture():
    assert (
        _furniture(
            "<p>The board picked these three bidders:</p>"
            "<ul><li><a href='/a'>Quillan Cranes of Velmora</a></li>"
            "<li><a href='/b'>Darrow Lifting of Ostrava</a></li>"
            "<li><a href='/c'>Pellworth Heavy Industries Limited</a></li></ul>"
        )
        == set()
    )


def test_lists_of_short_names_of_sentences_or_of_partly_linked_items_are_no_furniture():
    assert (
        _furniture(
            "<ul><li><a href='/a'>Quillan</a></li><li><a href='/b'>Velmora</a></li></ul>"
            "<ul><li><a href='/a'>Darrow won the first lot of the tender.</a></li>"
            "<li><a href='/b'>Ostrava won the second lot of the tender.</a></li></ul>"
            "<ul><li><a href='/a'>Quillan Cranes</a> of Velmora, a family firm</li>"
            "<li><a href='/b'>Darrow Lifting</a> of Ostrava, owned by its workers</li></ul>"
        )
        == set()
    )


def test_a_caption_is_no_furniture_and_its_credit_is():
    # the gold counts what a caption says about the story's people; a photographer's credit names nobody in it
    assert _furniture(
        "<div class='image-caption'>Tom Keller at the Norwick dock on Monday</div>"
        "<span class='image-credit'>Harriet Vane / Marlow Group</span>"
    ) == {"Harriet Vane / Marlow Group"}


def test_a_linked_headline_list_is_furniture():
    assert _furniture(
        "<ul><li><a href='/a'>Quillan fined over Velmora spill</a></li>"
        "<li><a href='/b'>Darrow quits as Ostrava Mining chief</a></li></ul>"
    ) == {"Quillan fined over Velmora spill", "Darrow quits as Ostrava Mining chief"}


def test_a_story_under_a_class_that_names_furniture_is_still_read():
    text = read_bytes(
        (
            "<html><head><title>Harbour board approves cranes</title></head><body>"
            f"<div class='story teaser-enabled related-links-on'><h1>Harbour board approves cranes</h1>"
            f"{_FIRST}{_LAST}</div></body></html>"
        ).encode(),
        source="page.html",
        suffix=".html",
    ).text
    assert [b for b in _STORY_BITS if b not in text] == []


@pytest.mark.parametrize(
    "line",
    [
        "<p>Follow Harriet Vane on Twitter.</p>",
        "<p>This article first appeared on the Marlow Group website.</p>",
        "<p><em>Want more stories like this? Sign up for the Tindall Briefing from Marlow Group.</em></p>",
        "<p><strong>READ: Darrow quits as Ostrava Mining chief</strong></p>",
        "<p><b>ALSO READ</b> <a href='/a'>Darrow quits as Ostrava Mining chief</a></p>",
    ],
)
def test_lines_about_the_page_leave_the_text(line):
    _assert_story_only(_read(_FIRST + line + _LAST))


def test_a_story_paragraph_that_starts_like_a_page_line_stays():
    para = (
        "The story was first published in Pellworth by a small press in 1908, and the harbour board later "
        "bought the rights to print it again for the port's hundredth birthday."
    )
    assert para in _read(_FIRST + f"<p>{para}</p>" + _LAST)
