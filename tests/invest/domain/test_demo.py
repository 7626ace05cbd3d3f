"""The demo content: a populated pipeline with history, loaded twice without duplicates, and no BYD deal."""

from __future__ import annotations

import pytest
from django.conf import settings

from kopru.core.domain.accounts import create_member
from kopru.core.enums import Role
from kopru.invest.domain.demo import load_demo
from kopru.invest.domain.matchmaking import clear_cache, companies_for_opportunity
from kopru.invest.economics.explanations import Explanation
from kopru.invest.models import CompanyProfile, Deal, Opportunity, Pipeline, StageChange

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_demo_loads_a_pipeline_once(cast):
    officer = create_member("officer.tr", role=Role.STAFF, side=settings.KOPRU_SIDE_A)
    lines = load_demo()
    assert lines[0] == "Investment pipeline:"
    counts = (Opportunity.objects.count(), CompanyProfile.objects.count(), Deal.objects.count())
    assert counts == (8, 11, 8)
    assert load_demo()[-1] == lines[-1]
    assert (Opportunity.objects.count(), CompanyProfile.objects.count(), Deal.objects.count()) == counts
    assert set(Pipeline.objects.values_list("name", flat=True)) == {"Investment pipeline", "Energy desk"}
    stages = set(Deal.objects.values_list("stage__code", flat=True))
    assert stages == {
        "negotiation",
        "site_visit",
        "agreement_signed",
        "under_construction",
        "proposal",
        "lost",
        "operating",
        "contacted",
    }
    operating = Deal.objects.get(stage__code="operating")
    history = list(
        StageChange.objects.filter(deal=operating).order_by("at").values_list("to_stage__code", flat=True)
    )
    assert history == [
        "lead",
        "contacted",
        "site_visit",
        "proposal",
        "negotiation",
        "agreement_signed",
        "under_construction",
        "operating",
    ]
    assert StageChange.objects.filter(deal=operating).exclude(by=officer).count() == 0
    assert not Deal.objects.filter(title__icontains="BYD").exists()
    own = Deal.objects.get(company__organisation=cast.company_organisation)
    assert own.stage.code == "contacted"
    clear_cache()
    cells = Opportunity.objects.get(title__startswith="Lithium-ion battery cell gigafactory")
    matches, _note = companies_for_opportunity(cells, officer)
    assert str(matches[0].record) == "Ningtai Energy Technology"
    assert Explanation("match.sector_match", {"sectors": ("battery",)}) in matches[0].messages
