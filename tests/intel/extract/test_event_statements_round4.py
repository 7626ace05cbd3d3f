"""Event rules of session 3, round 4 (formal statements): one test per rule, on sentences written for
these tests (fictional companies)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _statements(text: str) -> list[set[str]]:
    return [set(e["participants"]) for e in extract_text(text)["events"] if e["type"] == "statement"]


def test_the_name_right_before_said_in_a_statement_is_the_speaker_not_a_name_in_the_quote():
    text = (
        '"Talks with Norvanta Bank are continuing, but no offer has been made by Norvanta Bank," '
        "Kestrel Holdings said in a statement."
    )
    assert _statements(text) == [{"Kestrel Holdings"}]


def test_it_warned_in_a_statement_is_the_organisation_that_spoke_before():
    text = (
        "Velmora Telecom said the ruling would hurt its stake in Dunmore Networks. "
        '"If control of Dunmore Networks is lost, the project will become risky," it warned in a statement.'
    )
    assert _statements(text) == [{"Velmora Telecom"}]


def test_the_company_s_statement_is_a_statement_of_the_last_company():
    text = (
        "Velmora Telecom said the ruling raises the risks of the Dunmore project. "
        "Although the company's statement said it would keep watching, analysts expect a withdrawal."
    )
    assert _statements(text) == [{"Velmora Telecom"}]


def test_a_joint_statement_without_a_subject_is_issued_by_the_people_named():
    text = (
        "In a joint statement released after meeting Prime Minister Arvid Tennberg, "
        "Secretary Lorna Whitcombe pledged support for the reforms."
    )
    assert _statements(text) == [{"Arvid Tennberg", "Lorna Whitcombe"}]


def test_a_statement_of_an_unnamed_owner_takes_no_party_from_the_clause():
    text = "Kestrel Holdings broke the rules, according to the mission's statement."
    assert _statements(text) == []


def test_the_name_right_before_met_is_the_subject_not_the_sentence_s_first_name():
    text = (
        "Dario Kessel's visit comes just weeks after Orvane CEO Talia Brunmark met President Ewan Holloway "
        "on April 17."
    )
    meetings = [set(e["participants"]) for e in extract_text(text)["events"] if e["type"] == "meeting"]
    assert {"Talia Brunmark", "Ewan Holloway"} in meetings
    assert not any("Dario Kessel" in m for m in meetings)


def test_a_visit_with_organisations_only_is_dropped():
    text = "The Orvane Development Bank visited Vietnam last week to review the Halvik port loan."
    assert not [e for e in extract_text(text)["events"] if e["type"] == "visit"]


def test_a_visit_of_a_person_stays():
    text = "Minister Talia Brunmark visited Vietnam last week to review the Halvik port loan."
    visits = [set(e["participants"]) for e in extract_text(text)["events"] if e["type"] == "visit"]
    assert visits == [{"Talia Brunmark"}]
