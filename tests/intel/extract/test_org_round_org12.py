"""Organisations, session 12 (helper org12): a typographic apostrophe inside a name, the services that
carried or re-posted a release. Every sentence is invented."""

from __future__ import annotations

import pytest

from .entity_checks import org_names as _orgs
from .entity_checks import people_names as _people

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lena Ortiz, an economist at New Jersey University’s Varga School of Business, said tariffs hurt "
            "exporters.",
            ["New Jersey University", "Varga School of Business"],
        ),
        (
            "Roberta Klein of Delft University’s Maren International Center said the camps were short of "
            "food.",
            ["Delft University", "Maren International Center"],
        ),
    ],
)
def test_a_typographic_possessive_parts_two_bodies(text: str, expected: list[str]) -> None:
    assert _orgs(text) == expected


def test_a_typographic_possessive_parts_a_founder_from_his_company() -> None:
    assert _people("The contract went to Jeff Bezos’s Blue Origin, the agency said on Friday.") == [
        "Jeff Bezos"
    ]


def test_a_country_before_a_partner_is_no_part_of_its_name() -> None:
    text = (
        "Kestrel Farma said it had struck a deal to build a plant in partnership with China’s Lumo SGP. "
        "Lumo SGP is a unit of Varon Pharmaceutical Group."
    )
    assert "Lumo SGP" in _orgs(text)
    assert not any(name.startswith("China") for name in _orgs(text))


@pytest.mark.parametrize(
    ("text", "service"),
    [
        (
            "OAKDALE, Minn.–(BUSINESS WIRE)–Norvik Robotics said on Monday it would open a plant in Oakdale.",
            "BUSINESS WIRE",
        ),
        (
            "RANCHO VISTA, CA - (MarketWireNine) - August 29, 2024 - Lakeside Holdings completed the "
            "purchase of a rival.",
            "MarketWireNine",
        ),
        ("--Press Relay--\n\nQuarry Metals said on Tuesday that the drilling went well.", "Press Relay"),
        (
            "Norvik Robotics will open a plant in Oakdale next year.\n\nThe post Norvik Opens Plant appeared "
            "first on dealpost.",
            "dealpost",
        ),
    ],
)
def test_the_service_that_carried_a_release_is_a_body(text: str, service: str) -> None:
    assert service in _orgs(text)


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("Korvan Tech raised money from investors in Manila last week.", "Korvan Tech"),
        ("The round was led by Heron Global, the fund's statement said.", "Heron Global"),
        (
            "The licence was sold by Mel Darby Productions, the company said on Monday.",
            "Mel Darby Productions",
        ),
        (
            "Banca Sorrentina del Credito bought a stake in the lender last year.",
            "Banca Sorrentina del Credito",
        ),
    ],
)
def test_a_company_word_makes_a_name_read_as_a_person_a_company(text: str, company: str) -> None:
    assert company in _orgs(text)
    assert company not in _people(text)


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        (
            "Brands build their sites on the Digital Experience Platform of Qorvane.",
            "Digital Experience Platform",
        ),
        ("Developers can deploy Serverless Functions in the new region from Monday.", "Serverless Functions"),
        ("The Qorvane AI SDK lets developers call several models with one line.", "Qorvane AI SDK"),
    ],
)
def test_software_sold_as_a_service_is_no_body(text: str, thing: str) -> None:
    assert thing not in _orgs(text)
