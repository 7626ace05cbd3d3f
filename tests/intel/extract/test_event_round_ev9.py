"""Event parties of helper round ev9: a proper name that a verb of buying takes as its object (or passive
subject), or that an acquisition noun's "of" names, is a body, and so a party of the purchase. Sentences
written for these tests (fictional companies)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from tests.intel.extract.event_checks import events_of

pytestmark = pytest.mark.unit


def _orgs(text: str) -> set[str]:
    return {o["name"] for o in extract_text(text)["organizations"]}


def _investments(text: str) -> list[set[str]]:
    return [p for t, _s, p in events_of(text) if t == "investment"]


def test_the_object_of_acquiring_is_a_body_and_a_party():
    text = "And in January 2025, Brightwell Holdings expanded its scope by acquiring Flowmark."
    assert "Flowmark" in _orgs(text)
    assert {"Brightwell Holdings", "Flowmark"} in _investments(text)


def test_a_name_bought_in_a_participle_clause_is_a_body():
    text = "The Danish group has been keen to buy more assets, having bought Vantek in 2003."
    assert "Vantek" in _orgs(text)


def test_the_passive_subject_of_purchased_is_a_body_and_a_party():
    text = "In July, the San Diego-based Spinetti Coffee Co. was purchased by Tullamore Coffee Corp."
    assert "Spinetti Coffee Co." in _orgs(text)
    assert any({"Spinetti Coffee Co.", "Tullamore Coffee"} <= p for p in _investments(text))


def test_names_after_acquisitions_of_are_bodies():
    text = "Holtmann Verlag's acquisitions of Random Pages and Bellow Press also drew attention."
    assert {"Random Pages", "Bellow Press"} <= _orgs(text)


def test_goods_counted_by_a_number_are_no_body():
    text = "Under the agreement, Skyline Air will buy 15 new Corvane 72-500 jets."
    assert "Corvane" not in _orgs(text)


def test_a_common_noun_the_tagger_reads_as_a_name_is_no_body():
    text = "Zentra Labs bought the nation's premier publishing house last year."
    assert _orgs(text) == {"Zentra Labs"}


def _visits(text: str) -> list[tuple[str, set[str]]]:
    return [(s, p) for t, s, p in events_of(text) if t == "visit"]


def test_the_guest_invited_for_a_visit_is_the_visitor():
    text = (
        "OSLO - Prime Minister Anna Holt has invited Ostland President Karl Bremer for an official visit "
        "next year, she said in Oslo on Wednesday."
    )
    assert _visits(text) == [("planned", {"Karl Bremer"})]


def test_a_headline_invitation_for_a_visit_names_the_guest():
    text = (
        "Holt invites Bremer for official visit\n\nOSLO - Prime Minister Anna Holt has invited Ostland "
        "President Karl Bremer for an official visit next year, she said in Oslo on Wednesday.\n"
    )
    assert _visits(text) == [("planned", {"Karl Bremer"})]


def test_the_guest_invited_to_visit_is_the_visitor():
    text = "Minister Lea Brun invited Karl Bremer to visit Norland next spring."
    assert _visits(text) == [("planned", {"Karl Bremer"})]
