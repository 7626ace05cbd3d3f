"""Organisation precision round org8 (half A of dev studied, half B held back): relations written as two
sides joined by a hyphen, the capitals of a dateline, and names made only of common words. Every sentence
is written for these tests (invented names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.entities import (
    OrgRec,
    _acronym_of_a_programme,
    _common_words_only,
    _names_a_pair,
    _only_in_datelines,
)
from kopru.intel.extract.gazetteer import load

pytestmark = pytest.mark.unit


def _orgs(r: dict) -> set[str]:
    return {o["name"] for o in r["organizations"]}


def _rec(name: str, text: str) -> OrgRec:
    s = text.index(name)
    return OrgRec(name=name, kind="other", country=None, mentions=[(s, s + len(name))])


def test_two_sides_joined_by_a_hyphen_are_a_relation():
    gaz = load()
    assert _names_a_pair("U.S.-India", {}, gaz)
    assert _names_a_pair("Indo-Sri Lanka", {}, gaz)
    assert _names_a_pair("Euro-Atlantic", {}, gaz)
    assert _names_a_pair("Jakarta-Surabaya", {}, gaz)
    assert _names_a_pair("Taiwan-Europe Technical", {}, gaz)
    assert not _names_a_pair("Sino-Varnian Chamber", {}, gaz)  # a body's word: a chamber of commerce
    assert not _names_a_pair("Indo-Pacific Holdings", {}, gaz)
    assert not _names_a_pair("Rolls-Royce", {}, gaz)


def test_a_pair_is_dropped_in_extraction_and_a_pair_body_stays():
    r = extract_text("The U.S.-India partnership grew as Zentor Motors Corp. opened a plant in Pune.")
    assert _orgs(r) == {"Zentor Motors"}
    r = extract_text("The Sino-Varnian Chamber of Commerce said the Indo-Sri Lanka talks went well.")
    assert _orgs(r) == {"Sino-Varnian Chamber of Commerce"}


def test_capitals_of_a_dateline_are_no_body():
    text = (
        "MEXICO -- Gold output rose, the Varnian Mining Council said.\nAUBURN HILLS, Mich. -- Talks began.\n"
    )
    assert _only_in_datelines(text, _rec("MEXICO", text))
    assert _only_in_datelines(text, _rec("HILLS", text))
    assert not _only_in_datelines(text, _rec("Varnian Mining Council", text))
    r = extract_text(
        "MEXICO -- Gold output in Mexico rose 46 percent in 1995, the Varnian Mining Council said.\n"
    )
    assert _orgs(r) == {"Varnian Mining Council"}


def test_a_name_of_common_words_is_a_field_not_a_body():
    gaz = load()
    text = "Brixon Labs runs Learning and Knowledge Management; learning and knowledge management grow."
    lower = {"learning", "knowledge", "management", "grow", "and", "for", "clients", "runs"}
    assert _common_words_only(text, _rec("Learning and Knowledge Management", text), lower, gaz)
    text2 = "The minister said Digital Economy talks on the digital economy went well."
    assert _common_words_only(text2, _rec("Digital Economy", text2), {"digital", "economy"}, gaz)
    # a body's word, a list of names, or a word the text never writes in lower case: a name
    text3 = "The Home Office said the office and home rules change."
    assert not _common_words_only(text3, _rec("Home Office", text3), {"home", "office"}, gaz)
    text4 = "Clients include Shopee, Home Credit and Zelta Bank; home credit grew."
    assert not _common_words_only(text4, _rec("Home Credit", text4), {"home", "credit"}, gaz)
    text5 = "Brixon Quantum said quantum sensing grew."
    assert not _common_words_only(text5, _rec("Brixon Quantum", text5), {"quantum", "sensing"}, gaz)


def test_common_words_dropped_in_extraction():
    r = extract_text(
        "Dr. Anna Velko of the Obesity Management unit said obesity management needs new drugs. "
        "Talvora Health Ltd. agreed."
    )
    assert _orgs(r) == {"Talvora Health"}


def test_a_country_printed_before_a_body_is_an_alias():
    r = extract_text("The 2023 US Geological Survey report shows that Varnia has large reserves of nickel.")
    assert [(o["name"], o["aliases"]) for o in r["organizations"]] == [
        ("Geological Survey", ["US Geological Survey"])
    ]
    r = extract_text("Voters backed the UK Independence Party in the poll, officials said.")
    assert [(o["name"], o["aliases"]) for o in r["organizations"]] == [
        ("Independence Party", ["UK Independence Party"])
    ]


def test_a_demonym_before_a_company_describes_it():
    r = extract_text("Zorvex signed a deal with Spanish Telvora Group for trams on Monday.")
    assert [(o["name"], o["aliases"]) for o in r["organizations"]] == [
        ("Telvora Group", ["Spanish Telvora Group"])
    ]
    r = extract_text("Talks with Canadian Quenmark Corporation ended on Monday, the ministry said.")
    assert [(o["name"], o["aliases"]) for o in r["organizations"]] == [
        ("Quenmark Corporation", ["Canadian Quenmark Corporation"])
    ]
    # the rest would say nothing of which company it is: the demonym is part of the name
    r = extract_text("Talks with Indian Oil Corporation ended on Monday, the ministry said.")
    assert [(o["name"], o["aliases"]) for o in r["organizations"]] == [("Indian Oil Corporation", [])]


def test_an_acronym_of_a_programme_named_in_the_text_is_no_body():
    assert _acronym_of_a_programme(
        "Varnia joined the Silk Harbour Initiative in 2019. The SHI deal lapsed.", "SHI"
    )
    assert _acronym_of_a_programme(
        "At the Partnership for Coastal Grids and Investment event, the PCGI grew.", "PCGI"
    )
    assert not _acronym_of_a_programme("The Korvan Trade Authority said the KTA will act.", "KTA")
    # the same letters name a body too: no verdict
    assert not _acronym_of_a_programme(
        "The Korvan Trade Initiative and the Korvan Trade Institute: KTI.", "KTI"
    )
    assert not _acronym_of_a_programme("Zelta runs the Artemis program.", "ZR")
    r = extract_text(
        "Varnia joined the Silk Harbour Initiative in 2019, Minister Anna Velko said. "
        "Critics say the SHI brought little investment to Varnia."
    )
    assert "SHI" not in _orgs(r)
