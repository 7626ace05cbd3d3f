"""Issue 12 item 7: an extracted investment becomes a sound deal — stage from the wording, province,
capacity, jobs and amount from the extraction, the product sector in the title, the company's country,
the best open opportunity linked, and every part editable in the review queue before accepting."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kopru.intel.enums import SuggestionStatus
from kopru.intel.models import Suggestion
from kopru.invest.domain.suggestions import create_deal_from_investment_event
from kopru.invest.models import Deal
from tests.factories import DocumentFactory, OpportunityFactory, sector
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

TEXT = (
    "Ningtai Energy announced on Monday a USD 600 million battery cell plant in Manisa with a capacity "
    "of 20 GWh a year and 1,800 jobs, officials said."
)


def _event(**changes) -> dict:
    event = {
        "type": "investment",
        "status": "planned",
        "company": "Ningtai Energy",
        "place": "Manisa",
        "amount": {"value": 6e8, "currency": "USD"},
        "capacity": {"value": 20, "unit": "GWh/year"},
        "jobs": 1800,
        "participants": ["Ningtai Energy"],
        "participant_details": [{"name": "Ningtai Energy", "entity": "organisation", "country": "CN"}],
        "sectors": ["investment", "battery"],
        "evidence": [0, len(TEXT)],
    }
    event.update(changes)
    return event


def test_an_announcement_becomes_a_lead_with_everything_the_text_states(cast):
    document = DocumentFactory(text=TEXT)
    deal = create_deal_from_investment_event(_event(), document=document, user=cast.staff_a)
    assert deal.stage.code == "lead"
    assert (deal.province, deal.announced_amount, deal.currency) == ("Manisa", Decimal("600.00"), "USD")
    assert (deal.capacity_value, deal.capacity_unit, deal.jobs) == (20.0, "GWh/yr", 1800)
    assert deal.title == f"Ningtai Energy – {sector('battery').name.lower()} plant – Manisa"
    assert "investment promotion" not in deal.title.lower()
    assert deal.company.organisation.country_id == "CN"


def test_the_province_is_found_in_the_evidence_when_the_place_is_not_one(cast):
    document = DocumentFactory(text=TEXT)
    deal = create_deal_from_investment_event(
        _event(place="western Türkiye"), document=document, user=cast.staff_a
    )
    assert deal.province == "Manisa"


def test_the_best_matching_open_opportunity_is_linked(cast):
    site = OpportunityFactory(
        title="Manisa battery cell site", province="Manisa", sectors=[sector("battery")]
    )
    document = DocumentFactory(text=TEXT)
    deal = create_deal_from_investment_event(_event(), document=document, user=cast.staff_a)
    assert deal.opportunity == site
    assert "Linked to the opportunity “Manisa battery cell site”." in deal.stage_changes.get().note


def test_the_officer_may_choose_no_opportunity_or_another(cast):
    OpportunityFactory(title="Manisa battery cell site", province="Manisa", sectors=[sector("battery")])
    other = OpportunityFactory(title="İzmir port logistics", province="İzmir")
    document = DocumentFactory(text=TEXT)
    none = create_deal_from_investment_event(_event(opportunity=0), document=document, user=cast.staff_a)
    assert none.opportunity is None
    chosen = create_deal_from_investment_event(
        _event(opportunity=other.pk), document=document, user=cast.staff_a
    )
    assert chosen.opportunity == other


def test_the_review_queue_edits_an_investment_before_it_becomes_a_deal(client, cast):
    document = DocumentFactory(text=TEXT)
    suggestion = Suggestion.objects.create(
        document=document, kind="investment", label="Investment", payload=_event(), confidence=0.8
    )
    client = client_as(client, cast, "staff_a")
    page = client.get(suggestion.get_absolute_url())
    assert page.context["form"].initial["amount_value"] == 6e8
    assert page.context["form"].initial["capacity_unit"] == "GWh/year"
    response = client.post(
        suggestion.get_absolute_url(),
        {
            "company": "Ningtai Energy",
            "company_country": "cn",
            "status": "planned",
            "location": "Manisa",
            "amount_value": "750000000",
            "amount_currency": "usd",
            "capacity_value": "24",
            "capacity_unit": "GWh/yr",
            "jobs": "2000",
            "opportunity": "0",
        },
    )
    assert response.status_code == 302
    suggestion.refresh_from_db()
    assert suggestion.status == SuggestionStatus.ACCEPTED
    deal = Deal.objects.get(pk=suggestion.result_id)
    assert (deal.announced_amount, deal.capacity_value, deal.jobs, deal.opportunity) == (
        Decimal("750.00"),
        24.0,
        2000,
        None,
    )
    assert deal.stage.code == "lead"
