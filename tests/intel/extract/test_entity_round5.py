"""Entity rules of session 5 (helper ent5): sectors, titles and organisations on general shapes of the
real-text dev set. Every sentence is written for these tests (fictional names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.gazetteer import load
from kopru.intel.extract.sectors import find_sectors

pytestmark = pytest.mark.unit


def _codes(text: str) -> set[str]:
    return {code for _s, _e, code in find_sectors(text, load(), [])}


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [x["title"] for x in p["positions"]] for p in extract_text(text)["people"]}


def test_loans_and_funding_are_finance_in_general():
    text = "The lender approved new loans for the port. The funding covers two berths and a rail spur."
    assert "investment" in _codes(text)
    assert "investment" not in _codes("The port opened a new berth.")


def test_logistics_and_the_trade_body_say_trade():
    assert "trade" in _codes("Valdor Post and Kestrel Logistics will build logistics hubs for parcels.")
    assert "trade" in _codes("Talks on joining the World Trade Organisation went on; WTO members met.")


def test_car_words_make_an_automotive_story_unless_it_is_about_electric_cars():
    assert "automotive" in _codes("The carmaker will build small cars at the new plant.")
    codes = _codes("The carmaker will build electric vehicles and small cars with new batteries.")
    assert "automotive" not in codes
    assert {"ev", "battery"} <= codes


def test_a_domain_before_the_head_keeps_the_title_as_written():
    text = (
        "Valdorian Energy Minister Ann Lorimer met Defense Secretary Tom Hale and the federal commerce "
        "Minister Ravi Perera in Halden. Deputy Trade Minister Ole Berg was there."
    )
    people = {p["name"]: p["positions"] for p in extract_text(text)["people"]}
    assert people["Ann Lorimer"] == [{"title": "Energy Minister", "organization": "Ministry of Energy"}]
    assert [x["title"] for x in people["Tom Hale"]] == ["Defense Secretary"]
    assert [x["title"] for x in people["Ravi Perera"]] == ["commerce Minister"]
    assert [x["title"] for x in people["Ole Berg"]] == ["Deputy Trade Minister"]


def test_an_apposition_title_before_with_a_possessive_or_a_based_in():
    assert _titles('"Calm," said Jonas Pelt, a market analyst with the research firm Kestrel, in a note.')[
        "Jonas Pelt"
    ] == ["market analyst"]
    assert _titles("Tom Hale, the Fund's managing director, said the loan would help.")["Tom Hale"] == [
        "managing director"
    ]
    text = '"Good," said Ole Berg, Kestrel Motors\u2019 chairman, on Monday.'
    assert _titles(text)["Ole Berg"] == ["chairman"]
    assert _titles('"Yes," said Mira Holt, a Paris-based researcher for the Valdor Institute, on Monday.')[
        "Mira Holt"
    ] == ["researcher"]
    assert _titles("Lian Hu, Kestrel\u2018s executive vice president confirmed the deal.")["Lian Hu"] == [
        "executive vice president"
    ]
