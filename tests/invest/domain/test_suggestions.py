"""An accepted investment event from a document becomes a deal with evidence (the intelligence app's call)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from kopru.core.domain.evidence import evidence_for
from kopru.core.enums import OrganisationKind
from kopru.core.models import Organisation
from kopru.invest.domain.suggestions import create_deal_from_investment_event
from kopru.invest.models import CompanyProfile, StageChange
from tests.factories import DocumentFactory, OrganisationFactory, sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ARTICLE = (settings.DATA_DIR / "demo/invest/byd_manisa_news.txt").read_text("utf-8")


def _event(document, **changes):
    quote = "signed an agreement on Monday for a\nUSD 1 billion manufacturing plant in the western province"
    start = document.text.index(quote)
    event = {
        "type": "investment",
        "status": "held",
        "date": "2024-07-08",
        "company": "BYD",
        "location": "Manisa",
        "amount": {"value": 1e9, "currency": "USD"},
        "capacity": {"value": 150000, "unit": "vehicles/yr"},
        "jobs": 5000,
        "participants": ["Recep Tayyip Erdoğan", "Mehmet Fatih Kacır", "BYD"],
        "sectors": ["ev"],
        "evidence": [start, start + len(quote)],
    }
    event.update(changes)
    return event


def test_the_byd_manisa_event_becomes_a_signed_deal_with_evidence(cast):
    document = DocumentFactory(
        title="BYD to build USD 1 billion electric vehicle plant in Manisa", text=ARTICLE
    )
    event = _event(document)
    deal = create_deal_from_investment_event(event, document=document, user=cast.staff_a)
    assert deal.company.organisation.name == "BYD"
    assert deal.company.organisation.kind == OrganisationKind.COMPANY
    assert (deal.stage.code, deal.province, deal.currency, deal.announced_amount) == (
        "agreement_signed",
        "Manisa",
        "USD",
        Decimal("1000.00"),
    )
    assert (deal.capacity_value, deal.capacity_unit, deal.jobs) == (150000.0, "vehicles/yr", 5000)
    assert (deal.announced_on, deal.agreement_signed_on) == (dt.date(2024, 7, 8), dt.date(2024, 7, 8))
    assert deal.committed_amount is None and deal.realised_amount is None
    assert [s.code for s in deal.sectors.all()] == ["ev"]
    assert list(deal.attachments.all()) == [document]
    [evidence] = evidence_for(deal, cast.staff_a)
    assert (evidence.document, evidence.start, evidence.end) == (document, *event["evidence"])
    assert evidence.quote == ARTICLE[event["evidence"][0] : event["evidence"][1]]
    change = StageChange.objects.get(deal=deal)
    assert change.by == cast.staff_a
    assert "Recep Tayyip Erdoğan" in change.note


def test_an_existing_organisation_is_reused_by_folded_name_or_alias(cast):
    byd = OrganisationFactory(name="BYD Company Limited", aliases=["BYD Auto", "比亚迪"], country_id="CN")
    document = DocumentFactory(text=ARTICLE)
    deal = create_deal_from_investment_event(
        _event(document, company="byd auto"), document=document, user=cast.staff_a
    )
    assert deal.company.organisation == byd
    again = create_deal_from_investment_event(
        _event(document, company="BYD"), document=document, user=cast.staff_a
    )
    assert again.company == deal.company
    assert Organisation.objects.filter(name__icontains="byd").count() == 1
    assert CompanyProfile.objects.filter(organisation=byd).count() == 1


def test_an_event_without_a_company_is_a_free_standing_lead(cast):
    document = DocumentFactory(text=ARTICLE)
    event = _event(
        document, company=None, status="held", amount=None, capacity={"value": 5, "unit": "parsecs"}
    )
    deal = create_deal_from_investment_event(event, document=document, user=cast.staff_a)
    assert (deal.company, deal.stage.code, deal.agreement_signed_on) == (None, "lead", None)
    assert (deal.announced_amount, deal.capacity_value, deal.capacity_unit) == (None, None, "")


def test_bad_events_are_refused_with_the_field_named(cast):
    document = DocumentFactory(text=ARTICLE)
    with pytest.raises(ValidationError) as error:
        create_deal_from_investment_event(
            _event(document, type="meeting"), document=document, user=cast.staff_a
        )
    assert list(error.value.message_dict) == ["type"]
    with pytest.raises(ValidationError) as error:
        create_deal_from_investment_event(
            _event(document, date="8 July"), document=document, user=cast.staff_a
        )
    assert list(error.value.message_dict) == ["date"]
    with pytest.raises(ValidationError) as error:
        create_deal_from_investment_event(
            _event(document, evidence=[0, len(ARTICLE) + 5]), document=document, user=cast.staff_a
        )
    assert list(error.value.message_dict) == ["evidence"]
    assert not CompanyProfile.objects.exists()  # nothing half-saved


def test_the_sector_of_the_title_comes_from_the_taxonomy(cast):
    document = DocumentFactory(text=ARTICLE)
    deal = create_deal_from_investment_event(_event(document), document=document, user=cast.staff_a)
    assert deal.title == f"BYD – {sector('ev').name.lower()} plant – Manisa"


def test_a_planned_plant_whose_agreement_the_document_says_was_signed(cast):
    """The extractor calls the plant "planned" (it is not built yet); the article says the agreement was
    signed, on the dateline's date: the deal lands at "agreement signed" with that date, and says why."""
    document = DocumentFactory(text=ARTICLE, published_date=None)
    deal = create_deal_from_investment_event(
        _event(document, status="planned", date=None), document=document, user=cast.staff_a
    )
    assert (deal.stage.code, deal.agreement_signed_on, deal.announced_on) == (
        "agreement_signed",
        dt.date(2024, 7, 8),
        dt.date(2024, 7, 8),
    )
    note = StageChange.objects.get(deal=deal).note
    assert "Agreement signed according to the document: “BYD to build" in note
    assert "BYD and Türkiye signed an agreement on Monday" in note


def test_an_announced_plant_without_a_signing_is_a_lead(cast):
    document = DocumentFactory(text="Hanil Energy plans a battery plant in Manisa, officials said.")
    event = {"type": "investment", "status": "planned", "company": "Hanil Energy", "location": "Manisa"}
    deal = create_deal_from_investment_event(event, document=document, user=cast.staff_a)
    assert (deal.stage.code, deal.agreement_signed_on) == ("lead", None)
