"""Organisation precision round org9 (half A of dev studied, half B held back): title-case headings read
as bodies, and machines or a field's market named in capitals. Every sentence is written for these tests
(invented names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.entities import _false_org_name

pytestmark = pytest.mark.unit


def _orgs(r: dict) -> set[str]:
    return {o["name"] for o in r["organizations"]}


def test_a_capitalised_preposition_marks_a_heading_not_a_name():
    assert _false_org_name("Partners With Varnholt Capital")
    assert _false_org_name("Secure Investment In Quorvex Energy")
    assert _false_org_name("Strategic Investment From Tamsin &")
    assert _false_org_name("New Outlook On Green Harbour Road")
    assert _false_org_name("Efforts To Secure Rare Minerals")
    # "of", "for" and "and" in capitals stay possible in a body's name
    assert not _false_org_name("Bank Of Varnia")
    assert not _false_org_name("Centre For Harbour Studies")
    assert not _false_org_name("Varnholt Capital")


def test_heading_fragment_is_dropped_and_the_body_stays():
    text = (
        "Quorvex Energy Partners With Varnholt Capital To Secure Investment In Quorvex Energy Holdings\n\n"
        "Quorvex Energy said on Monday that Varnholt Capital will buy a minority stake in its unit for "
        "$2 billion. Varnholt Capital manages funds for pension plans."
    )
    orgs = _orgs(extract_text(text))
    assert "Varnholt Capital" in orgs
    assert not any(" With " in o or " In " in o or " To " in o for o in orgs)


def test_machines_and_a_market_in_capitals_are_no_bodies():
    assert _false_org_name("Tessel Micro-Modular Reactor")
    assert _false_org_name("Rotary Kiln-Electric Furnace")
    assert _false_org_name("Solid State Power Amplifiers")
    assert _false_org_name("Compact Hydrogen Refueling Station")
    assert _false_org_name("EV Ecosystem")
    assert _false_org_name("AI Large Models")
    assert not _false_org_name("Tessel Power")
    assert not _false_org_name("Deep Harbour Systems")  # "Systems" ends many companies' names
    assert not _false_org_name("Volta Battery")  # and so does "Battery"


def test_a_reactor_in_a_release_is_no_organisation():
    text = (
        "Tessel Energy Inc. and Orvane Sign Supply Pact\n\n"
        "Tessel Energy said Orvane will build fuel parts for the Tessel Micro-Modular Reactor, which the "
        "company plans to deploy at industrial sites from 2028."
    )
    orgs = _orgs(extract_text(text))
    assert orgs == {"Tessel Energy", "Orvane"}
    assert "Tessel Micro-Modular Reactor" not in orgs


def test_a_place_named_by_what_it_is_is_no_organisation():
    text = (
        "Volta Motors is weighing a plant in India. The industry minister of India's Varnapur Pradesh state "
        "said a team of Volta Motors officials would visit next month. Tessford resident Mara Quill said "
        "the plan was welcome."
    )
    result = extract_text(text)
    orgs = _orgs(result)
    places = {p["name"] for p in result["places"]}
    assert "Volta Motors" in orgs
    assert "Varnapur Pradesh" not in orgs and "Tessford" not in orgs
    assert {"Varnapur Pradesh", "Tessford"} <= places


def test_earnings_measures_and_services_in_capitals_are_no_bodies():
    text = (
        "Quorvex Telecom said the deal supports 6% EPS growth and lifts its FFO target. The two firms will "
        "expand voice and SMS trade and build an RTB exchange for Orvane Media."
    )
    orgs = _orgs(extract_text(text))
    assert not orgs & {"EPS", "FFO", "SMS", "RTB"}
    assert "Quorvex Telecom" in orgs


def test_a_body_run_into_a_contact_label_is_found():
    base = "Quorvex Mining signed a supply pact with Orvane.\n\n"
    orgs = _orgs(extract_text(base + "Contact DetailsHarbourline\n\n+1 555-0100\n\ninfo@harbourline.example"))
    assert orgs == {"Quorvex Mining", "Orvane", "Harbourline"}
    orgs = _orgs(extract_text(base + "Investor Relations ContactVelmora Holdings Inc.1680 Harbour Avenue"))
    assert orgs == {"Quorvex Mining", "Orvane", "Velmora Holdings Inc."}
    # two bare words may be a person's name, an office is none
    orgs = _orgs(extract_text(base + "Contact DetailsDonald Whitcombe\n\ndw@quorvex.example"))
    assert orgs == {"Quorvex Mining", "Orvane"}
    orgs = _orgs(extract_text(base + "Contact DetailsSecretary of the Board\n\nboard@quorvex.example"))
    assert orgs == {"Quorvex Mining", "Orvane"}
