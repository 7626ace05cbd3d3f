"""Title shapes of round tt12 (probe suite first, then dev half A, checked on half B). Every sentence is
written for these tests (fictional names and bodies, or public offices in invented sentences; no outside
articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract.titles import split_joined_title
from tests.intel.extract.title_checks import positions_of

pytestmark = pytest.mark.unit


def _titles(text: str, name: str) -> list[str]:
    return [t for t, _org in positions_of(text).get(name, [])]


# ------------------------------------------------------------- a joined title and its posts


@pytest.mark.parametrize(
    ("title", "parts"),
    [
        ("chairman and chief executive", ["chairman", "chief executive"]),
        ("Founder & CEO", ["Founder", "CEO"]),
        ("CEO and Co-Founder", ["CEO", "Co-Founder"]),
        ("President and Chief Investment Officer", ["President", "Chief Investment Officer"]),
        ("Vice-Chair and President", ["Vice-Chair", "President"]),
        ("Managing Director & Head of APAC", ["Managing Director", "Head of APAC"]),
        ("chairman, CEO and president", ["chairman", "CEO", "president"]),
        ("EVP, CFO and treasurer", ["EVP", "CFO", "treasurer"]),
        ("Executive Director/CEO", ["Executive Director", "CEO"]),
        (
            "senior executive vice president and chief financial officer",
            ["senior executive vice president", "chief financial officer"],
        ),
        (
            "Vice President and Prime Minister of the UAE and Ruler of Dubai",
            ["Vice President", "Prime Minister of the UAE", "Ruler of Dubai"],
        ),
        (
            "Minister of Economy and Tourism and Chairman of the Tourism Council",
            ["Minister of Economy and Tourism", "Chairman of the Tourism Council"],
        ),
    ],
)
def test_a_joined_title_splits_into_its_posts(title, parts):
    assert split_joined_title(title) == parts


@pytest.mark.parametrize(
    "title",
    [
        "Minister of Agriculture and Cooperatives",
        "Research and Development Director",
        "G7/G20 Sherpa",
        "Secretary of State for Economic Growth, Energy and the Environment",
        "Director of Finance & Strategy",
        "Head of Sales and Marketing",
        "Partner, Chief Business Development Officer & Investor Relations",
        "Agriculture and Cooperatives Minister",
    ],
)
def test_one_post_with_an_and_in_its_remit_stays_whole(title):
    assert split_joined_title(title) == [title]


def test_a_joined_title_is_given_post_by_post():
    text = '"Sales rose," said Ivo Marten, chairman and chief executive of Kestrel Foods.'
    assert _titles(text, "Ivo Marten") == ["chairman", "chief executive"]


# ------------------------------------------------------------- founders named by the founding


def test_the_people_a_company_was_founded_by_are_its_founders():
    text = (
        "Kestrel Robotics, a company founded by Ann Lorimer, Tom Havel and Rui Okada, was bought by "
        "Volta Systems on Monday."
    )
    people = positions_of(text)
    for name in ("Ann Lorimer", "Tom Havel", "Rui Okada"):
        assert [t for t, _o in people[name]] == ["founder"]


def test_co_founded_by_gives_co_founder():
    text = "The startup, co-founded in 2019 by Ann Lorimer, makes warehouse robots, Volta Systems said."
    assert _titles(text, "Ann Lorimer") == ["co-founder"]


# ------------------------------------------------------------- appositions and copulas


@pytest.mark.parametrize(
    ("text", "name", "titles"),
    [
        (
            '"Sales fell," said Dana Whitlock, the studio\'s senior vice president and chief financial '
            "officer.",
            "Dana Whitlock",
            [
                "senior vice president",
                "chief financial officer",
            ],
        ),
        (
            "Tom Varga, the union's chief negotiator, said the talks had stalled on Friday.",
            "Tom Varga",
            ["chief negotiator"],
        ),
        (
            '"We are pleased," said Orla Brennick, Kestrel Foods\' chairman and chief executive.',
            "Orla Brennick",
            ["chairman", "chief executive"],
        ),
        (
            "Mara Vance is the President and CEO of Kestrel Robotics Inc., a maker of warehouse robots.",
            "Mara Vance",
            ["President", "CEO"],
        ),
        ('"May was sensational," said Don Hale, WKTL programming chief.', "Don Hale", ["programming chief"]),
    ],
)
def test_appositions_and_copulas(text, name, titles):
    assert _titles(text, name) == titles


def test_a_second_of_before_a_named_body_keeps_the_remit():
    text = (
        '"We are thrilled," said Lance Morrow, Vice President of Commercialization and Strategy of '
        "Kestrel Robotics Inc."
    )
    assert positions_of(text)["Lance Morrow"] == [
        ("Vice President of Commercialization and Strategy", "Kestrel Robotics")
    ]


# ------------------------------------------------------------- before the name


@pytest.mark.parametrize(
    ("text", "name", "title"),
    [
        ("Gas will flow next year, said Shell manager Tobias Renner on Tuesday.", "Tobias Renner", "manager"),
        (
            "Cypriot prosecutor Andreas Kallis said the two men had been charged.",
            "Andreas Kallis",
            "prosecutor",
        ),
        (
            "In it, Kestrel teacher Daniel Rowe explains how to build a simple chain.",
            "Daniel Rowe",
            "teacher",
        ),
        (
            "The carrier was built in the hometown of Representative Bob Lindqvist, Republican from Ohio.",
            "Bob Lindqvist",
            "Representative",
        ),
        (
            "The bill was blocked by Senate Majority Leader Tom Harlan on Thursday.",
            "Tom Harlan",
            "Senate Majority Leader",
        ),
        (
            "Earlier today, Secretary of War Pete Hegseth shared a statement.",
            "Pete Hegseth",
            "Secretary of War",
        ),
    ],
)
def test_titles_before_the_name(text, name, title):
    assert _titles(text, name) == [title]


def test_a_manager_after_a_word_the_text_names_as_no_body_stays_no_title():
    assert _titles("Gas will flow, said Brightfold manager Tobias Renner.", "Tobias Renner") == []


# ------------------------------------------------------------- sectors: platforms named by their kind


def _sectors(text: str) -> list[str]:
    from kopru.intel.extract import extract_text

    return [s["code"] for s in extract_text(text)["sectors"]]


@pytest.mark.parametrize(
    "text",
    [
        "Customers of Kestrel Labs can now run serverless functions in its Osaka region.",
        "Brightfold will move its traffic to an edge network in 40 cities next month.",
        "Volta sells a machine-learning e-commerce platform to mid-sized retailers.",
        "The partners will combine Kestrel's instruments with a GxP software platform for pharma plants.",
        "Kestrel Labs builds frontier AI models for public agencies.",
    ],
)
def test_platforms_named_by_their_kind_are_cloud(text):
    assert "cloud" in _sectors(text)


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel Foods updated the software in its tills twice last year, the company said on Monday.",
        "The two papers will share their digital platforms with readers in Spain.",
    ],
)
def test_software_and_digital_platforms_alone_are_no_cloud(text):
    assert "cloud" not in _sectors(text)
