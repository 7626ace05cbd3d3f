"""Organisations, session 11 (helper org13): one body named twice under two names, bare acronyms that name
things, people read as bodies. Every sentence is invented."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _orgs(text: str) -> list[str]:
    return sorted(o["name"] for o in extract_text(text)["organizations"])


def _org_names(text: str) -> list[set[str]]:
    return [{o["name"], *o["aliases"]} for o in extract_text(text)["organizations"]]


def _people(text: str) -> list[str]:
    return sorted(p["name"] for p in extract_text(text)["people"])


@pytest.mark.parametrize(
    ("text", "one", "other"),
    [
        (
            "Shares in Korvale Motor rose 4% on Monday. Analysts said Korvale had a strong quarter, and "
            "Korvale would open a plant in Ohio.",
            "Korvale Motor",
            "Korvale",
        ),
        (
            "The Dellmont Journal reported the talks first. The DJ said the two firms were close to a deal.",
            "Dellmont Journal",
            "DJ",
        ),
        (
            "Varnes & Varnes agreed to buy Pellcor for $2bn. V&V said the deal would close in March.",
            "Varnes & Varnes",
            "V&V",
        ),
        (
            "Lumbria Air Lines said it would buy ten jets. Lumbria Air flies to 40 cities.",
            "Lumbria Air Lines",
            "Lumbria Air",
        ),
        (
            "Orders at Tamsin.com doubled last year, the company said. Tamsin said it would hire 200 people.",
            "Tamsin.com",
            "Tamsin",
        ),
        (
            "The World Trade Organisation ruled against the tariffs. The World Trade Organization said an "
            "appeal was possible.",
            "World Trade Organisation",
            "World Trade Organization",
        ),
    ],
)
def test_one_body_named_twice_is_one_organisation(text: str, one: str, other: str) -> None:
    names = _org_names(text)
    assert any(one in group and other in group for group in names), names


def test_a_country_before_a_ministry_names_the_same_ministry() -> None:
    text = (
        "Officials from the Norwegian Ministry of Fisheries met on Monday. The Ministry of Fisheries said "
        "the quota would stay."
    )
    names = _org_names(text)
    assert len([g for g in names if any("Fisheries" in n for n in g)]) == 1, names


def test_two_bodies_that_share_a_word_stay_two() -> None:
    text = "Korvale Motor and Korvale Foundation both gave money to the school, the mayor said."
    assert _orgs(text) == ["Korvale Foundation", "Korvale Motor"]


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("The studio said 12 films would be out on the UMD format by March.", "UMD"),
        ("The engineer, who received an OBE in 2002, founded Narwick Games in 1982.", "OBE"),
        ("Its sensors are rated for ATEX environments and use LAN or satellite links.", "ATEX"),
        ("Its sensors are rated for ATEX environments and use LAN or satellite links.", "LAN"),
        ("Tamsin Metals (NYSE American: TMZ) said it would open a mine in Nevada.", "TMZ"),
    ],
)
def test_an_acronym_that_names_a_thing_is_no_organisation(text: str, acronym: str) -> None:
    assert acronym not in _orgs(text)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Racing millionaires JP McVane and Tom Garrow own 29% of the club through their company.",
            "JP McVane",
        ),
        (
            '"The bank is cheap," said KR Malvani, a fund manager with Escorts Capital in Pune.',
            "KR Malvani",
        ),
        (
            "Among those he met is General Oyelaran Adebisi, former military leader and presidential "
            "aspirant.",
            "Oyelaran Adebisi",
        ),
    ],
)
def test_a_person_is_no_organisation(text: str, person: str) -> None:
    assert not any(person in name for name in _orgs(text))
