"""Reading scraped news pages, round web12: the page's own metadata (headline without the site's name, the
site's name, the UTC date of issue), the byline, the story marked as schema.org articleBody, and contact and
link lines under a story. Every page here is invented for these tests (fictional names, bodies and sites)."""

from __future__ import annotations

import pytest

from kopru.intel.extract.reading import _utc_date, _writers, normalise_text, read_bytes

pytestmark = pytest.mark.unit

_STORY = (
    "<p>The harbour board of Norwick approved the new crane contract on Monday after a long debate about "
    "costs, its chairman Tom Keller told reporters at the port.</p>"
    "<p>The board said the cranes would arrive next spring and cost less than planned, and that the old "
    "cranes would be sold to a scrap dealer in the south.</p>"
    "<p>Keller said the contract with Brill Lifting would create forty jobs at the port over two years.</p>"
)


def _page(head: str, body: str) -> str:
    return f"<html><head>{head}</head><body>{body}</body></html>"


def _read(html: str):
    return read_bytes(html.encode(), source="page.html", suffix=".html")


# ------------------------------------------------------------- metadata


def test_the_headline_loses_the_site_name_after_it_and_a_blog_is_its_body():
    doc = _read(
        _page(
            "<title>Harbour board approves cranes - The Norwick Port Blog</title>"
            '<meta property="og:title" content="Harbour board approves cranes - The Norwick Port Blog">'
            '<meta property="og:site_name" content="The Norwick Port Blog">',
            f"<article><h1>Harbour board approves cranes</h1>{_STORY}</article>",
        )
    )
    assert doc.title == "Harbour board approves cranes"
    assert doc.publisher == "Norwick Port"


def test_a_section_label_is_no_site_name_and_the_title_suffix_is():
    doc = _read(
        _page(
            "<title>Harbour board approves cranes - Norwick Courier</title>"
            '<meta property="og:site_name" content="U.S.">',
            f"<article>{_STORY}</article>",
        )
    )
    assert doc.publisher == "Norwick Courier"


def test_a_social_handle_is_no_site_name():
    doc = _read(
        _page(
            '<title>Harbour board approves cranes</title><meta name="twitter:site" content="@NorwickDesk">',
            f"<article>{_STORY}</article>",
        )
    )
    assert doc.publisher is None


@pytest.mark.parametrize(
    ("stamp", "date"),
    [
        ("2019-11-19T19:53:00-05:00", "2019-11-20"),
        ("2019-11-19T02:34:30Z", "2019-11-19"),
        ("2019-11-20T01:50:59.403", "2019-11-20"),
        ("2019-11-20T01:38:07+05:30", "2019-11-19"),
        ("November 19, 2019, 07:47 PM EST", "2019-11-20"),
        ("19 Nov 2019 07:09 GMT", "2019-11-19"),
        ("2019-11-19", "2019-11-19"),
        ("yesterday", None),
    ],
)
def test_a_published_time_is_read_as_its_utc_date(stamp, date):
    assert _utc_date(stamp) == date


def test_the_page_stamp_gives_the_date_of_issue():
    doc = _read(
        _page(
            "<title>Cranes</title>"
            '<meta property="article:published_time" content="2021-03-04T22:10:00-06:00">',
            f"<article>{_STORY}</article>",
        )
    )
    assert doc.published == "2021-03-05"


# ------------------------------------------------------------- bylines


@pytest.mark.parametrize(
    ("raw", "names", "role"),
    [
        ("By ANNA VOSS and PETER LUND Associated Press", ["Anna Voss", "Peter Lund"], None),
        ("By Mira Holt Staff Writer Nov. 19, 2019 5:50 PM Facebook Twitter", ["Mira Holt"], "Staff Writer"),
        ("Jon Brask; Staff writer", ["Jon Brask"], "Staff writer"),
        ("Jon Brask, Norwick Business", ["Jon Brask"], None),
        ("Ivo Marsh commented on", [], None),
        ("The Norwegian; Danish trade ministries", [], None),
        ("Reuters; Oslo; Nov", ["Reuters"], None),
        ("by Lena Ortiz19 Nov 2019 05:44 GMT", ["Lena Ortiz"], None),
        ("MARY O'NEIL-BERG", ["Mary O'Neil-Berg"], None),
    ],
)
def test_a_byline_gives_its_writers_and_leaves_out_what_is_no_name(raw, names, role):
    assert _writers(raw.replace("Ortiz19", "Ortiz 19")) == (names, role)


def test_a_name_only_in_the_metadata_is_no_writer_of_the_printed_byline():
    doc = _read(
        _page(
            '<title>Cranes</title><meta name="author" content="Nora Lind; Ivo Marsh">',
            f'<article><div class="byline">By Nora Lind</div>{_STORY}</article>',
        )
    )
    assert doc.text.startswith("By Nora Lind\n")
    assert "Ivo Marsh" not in doc.text


def test_a_printed_byline_stands_in_for_an_author_that_is_no_name():
    doc = _read(
        _page(
            '<title>Cranes</title><meta name="author" content="Ivo Marsh commented on">',
            f'<article><span class="byline">by <a rel="author">Nora Lind</a></span>{_STORY}</article>',
        )
    )
    assert doc.text.startswith("By Nora Lind\n")
    assert "commented" not in doc.text


# ------------------------------------------------------------- the story marked as articleBody


def test_the_marked_story_is_read_where_the_extractor_kept_a_notice():
    notice = "<p>This copy is for your personal, non-commercial use only. Order reprints at our desk.</p>"
    paragraphs = "".join(f"<p>Paragraph {i}: {_STORY[3:-4]}</p>" for i in range(4))
    html = _page(
        "<title>Cranes</title>",
        f'<div class="notice">{notice}</div>'
        f'<div itemprop="articleBody"><div class="paywall">{paragraphs}</div>'
        '<ul class="related"><li><a href="/a">Singer Ana Brill wins the regional contest</a></li></ul></div>',
    )
    doc = _read(html)
    assert "Tom Keller" in doc.text
    assert "Ana Brill" not in doc.text


# ------------------------------------------------------------- lines under a story


def test_bracketed_related_links_leave_the_text():
    page = (
        "The board said the cranes would arrive next spring and cost less than planned.\n"
        "[Related: Singer Ana Brill wins the regional contest]\n"
        "Keller said the deal would create forty jobs at the port."
    )
    assert normalise_text(page) == (
        "The board said the cranes would arrive next spring and cost less than planned.\n"
        "Keller said the deal would create forty jobs at the port."
    )


def test_a_writers_address_and_handle_under_a_web_story_leave_the_text():
    doc = _read(
        _page(
            "<title>Cranes</title>",
            f"<article>{_STORY}<p>nora.lind@norwickcourier.example</p><p>twitter.com/noralind</p></article>",
        )
    )
    assert doc.text.endswith("forty jobs at the port over two years.")
