"""Organisation precision round og1: acronyms the text spells out as things, and a person's title read as a
body. Every sentence is written for these tests (invented names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.entities import _acronym_of_a_thing, _false_org_name

pytestmark = pytest.mark.unit


def _orgs(r: dict) -> set[str]:
    return {o["name"] for o in r["organizations"]}


def test_an_acronym_spelled_out_as_a_thing_is_no_organisation():
    assert _acronym_of_a_thing("The deal covers intellectual property (IP) in the region.", "IP")
    assert _acronym_of_a_thing("They signed a Mutual Non-Disclosure Agreement (NDA) on Monday.", "NDA")
    assert _acronym_of_a_thing("Both states joined the Brevian Test Ban Treaty (BTBT) last year.", "BTBT")
    assert _acronym_of_a_thing("The plant uses a Thermal Management System (TMS) for its cells.", "TMS")
    assert _acronym_of_a_thing("The DAVA (Deferred Action for Valley Arrivals) rule ended.", "DAVA")


def test_an_acronym_spelled_out_as_a_body_stays():
    assert not _acronym_of_a_thing("The Korvan Trade Authority (KTA) said prices rose.", "KTA")
    assert not _acronym_of_a_thing("Zenith Lithium Ltd. (ZLL) said output rose.", "ZLL")
    assert not _acronym_of_a_thing("the Marden Workers Union (MWU) called a strike", "MWU")
    assert not _acronym_of_a_thing("ZLL said output rose.", "ZLL")  # never spelled out: no verdict


def test_an_acronym_for_a_thing_is_dropped_in_extraction():
    r = extract_text(
        "Talvora Mining Ltd. said on Monday it will build a high-pressure acid leach (HPAL) plant in Peru. "
        "The HPAL line will process nickel ore, Talvora Mining Ltd. said."
    )
    orgs = _orgs(r)
    assert "HPAL" not in orgs
    assert any(o.startswith("Talvora") for o in orgs)


def test_a_title_inside_a_name_is_no_organisation():
    assert _false_org_name("Chair and Co-Founder of Brindle")
    assert _false_org_name("Quorvex’s Chief Technology")
    assert _false_org_name("VP & Head")
    assert _false_org_name("Consulting Fellow")
    assert _false_org_name("Maranta Electronics Executive")
    assert not _false_org_name("Maranta Electronics")
    assert not _false_org_name("Executive Council of Varnia")


def test_a_name_said_twice_is_the_name_once():
    from kopru.intel.extract.entities import _said_twice

    assert _said_twice("Quorvex Analytics Quorvex Analytics") == "Quorvex Analytics"
    assert _said_twice("Brindle MedTechBrindle MedTech") == "Brindle MedTech"
    assert _said_twice("Brindle Holdings") is None
    assert _said_twice("AAA") is None


def test_a_unit_of_a_body_is_no_organisation():
    from kopru.intel.extract.entities import _unit_of_a_body

    assert _unit_of_a_body("Division of Clinical Nutrition")
    assert _unit_of_a_body("Faculty of Medicine Varnia Hospital")
    assert _unit_of_a_body("Quorvex Gaming Division")
    assert _unit_of_a_body("Communication Department")
    assert _unit_of_a_body("Quorvex’s Communication & Public Affairs Department")
    assert _unit_of_a_body("Varnia State University's School of Labor")
    assert not _unit_of_a_body("Justice Department")
    assert not _unit_of_a_body("Department of Foreign Affairs")
    assert not _unit_of_a_body("Varnia’s Office of the Inspector General")
    assert not _unit_of_a_body("King's College International School Varno")


def test_a_doubled_logo_name_and_a_division_in_extraction():
    r = extract_text(
        "Quorvex Analytics Quorvex Analytics\n\n"
        "Quorvex Analytics said on Tuesday that its Division of Clinical Nutrition will open a lab in Varno. "
        "Quorvex Analytics expects the lab to hire 40 people."
    )
    orgs = _orgs(r)
    assert "Quorvex Analytics" in orgs
    assert "Quorvex Analytics Quorvex Analytics" not in orgs
    assert "Division of Clinical Nutrition" not in orgs


def test_a_product_service_or_site_tail_is_no_organisation():
    assert _false_org_name("Quorvex Channel")
    assert _false_org_name("Brindle Founder’s Edition")
    assert _false_org_name("Harbourgate Community Mall")
    assert _false_org_name("Varno-Selt Expressway")
    assert not _false_org_name("Quorvex Systems")


def test_a_descriptor_before_a_name_is_cut():
    from kopru.intel.extract.entities import _LEAD_DESCRIPTOR_RE

    assert _LEAD_DESCRIPTOR_RE.match("Varno-based Brindle Coffee").group(1) == "Brindle Coffee"
    assert _LEAD_DESCRIPTOR_RE.match("Hal's New Varno-based Brindle Coffee").group(1) == "Brindle Coffee"
    assert _LEAD_DESCRIPTOR_RE.match("Trouble-hit Zeta Motors").group(1) == "Zeta Motors"
    assert _LEAD_DESCRIPTOR_RE.match("Rolls-Royce Holdings") is None


def test_a_headline_verb_or_a_question_verb_is_no_part_of_a_name():
    r = extract_text(
        "Quorvex Bets on the Future With New Lab\n\n"
        "Quorvex Ltd. said on Monday it will open a lab in Varno. "
        "Should Varno decide to pay for it, the lab will open next year, Quorvex Ltd. said."
    )
    orgs = _orgs(r)
    assert "Quorvex Bets" not in orgs
    assert not any(o.startswith("Should") for o in orgs)


def test_business_shorthand_is_no_organisation():
    r = extract_text(
        "Brindle Capital, a growing PE shop, said on Monday its FX reserves rose. "
        "Brindle Capital will hold its AGM in Varno, and its CSR budget will double."
    )
    orgs = _orgs(r)
    assert not orgs & {"PE", "FX", "AGM", "CSR"}
    assert "Brindle Capital" in orgs


def test_an_exchange_named_only_in_a_listing_is_no_party():
    r = extract_text(
        "Quorvex Robotics Inc. (NASDAQ: QRVX) said on Monday it signed a supply deal with Brindle Motors. "
        "Quorvex Robotics will ship 500 arms to Brindle Motors next year."
    )
    orgs = _orgs(r)
    assert not any(o.upper() == "NASDAQ" for o in orgs)
    assert any(o.startswith("Quorvex Robotics") for o in orgs)


def test_a_trademark_or_a_contact_line_is_no_organisation():
    assert _false_org_name("Quorvex Intuition®")
    assert _false_org_name("Brindle Press Inquiries Contact")
    assert _false_org_name("Varno News Service Clients")
    assert not _false_org_name("Varno News Service")


def test_a_country_and_its_headline_verb_is_no_organisation():
    r = extract_text(
        "Portugal Considers using euro in reserves\n\n"
        "VARNO, May 3 -- Portugal is considering using the euro in its reserves, the central bank said."
    )
    assert not any("Considers" in o for o in _orgs(r))


def test_one_common_word_alone_is_no_organisation():
    r = extract_text(
        "Brindle Coffee Co. said on Tuesday it will buy Varno Roasters Inc. for $40 million. "
        "Coffee sales rose 8% last year, and the Commission must still approve the deal, "
        "Brindle Coffee Co. said."
    )
    orgs = _orgs(r)
    assert not orgs & {"Coffee", "Tuesday"}
    assert any(o.startswith("Brindle Coffee") for o in orgs)
