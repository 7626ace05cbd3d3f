"""Real calls, proposals and reviewers for the calls tests (factory_boy for the rows, domain functions for
everything that has rules)."""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import factory
from django.utils import timezone

from kopru.calls.domain import proposals as proposal_domain
from kopru.calls.enums import BudgetCategory, CallStatus, PartnerRole
from kopru.calls.models import BudgetLine, Call, CallTransition, Partner, ReviewerProfile
from kopru.core.domain.accounts import create_member
from kopru.core.enums import OrganisationKind, Role, Visibility
from kopru.core.models import Organisation, Sector
from tests.factories.core import PASSWORD, OrganisationFactory

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
RUBRIC = [
    {"key": "excellence", "label": "Excellence", "weight": 0.5, "min": 0, "max": 5},
    {"key": "impact", "label": "Impact", "weight": 0.3, "min": 0, "max": 5},
    {"key": "implementation", "label": "Implementation", "weight": 0.2, "min": 0, "max": 5},
]
ELIGIBILITY = {
    "allowed_kinds": ["company", "research"],
    "max_duration_months": 36,
    "max_budget_per_side": {
        "TR": {"max_amount": 2000000, "currency": "TRY"},
        "CN": {"max_amount": 1500000, "currency": "CNY"},
    },
    "required_documents": ["work_plan"],
}


def organisation(name: str, country: str, kind=OrganisationKind.COMPANY) -> Organisation:
    return OrganisationFactory(name=name, kind=kind, country_id=country, visibility=Visibility.PUBLIC)


class CallFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Call
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Joint call {n}")
    description = "Joint R&D on batteries and solar."
    agency_a = factory.LazyFunction(lambda: organisation("TÜBİTAK", "TR", OrganisationKind.AGENCY))
    agency_b = factory.LazyFunction(lambda: organisation("MOST", "CN", OrganisationKind.AGENCY))
    budget_a = Decimal("3000000")
    currency_a = "TRY"
    budget_b = Decimal("2000000")
    currency_b = "CNY"
    eligibility = factory.LazyFunction(lambda: dict(ELIGIBILITY))
    rubric = factory.LazyFunction(lambda: list(RUBRIC))
    reviews_per_proposal = 2
    max_reviewer_load = 4
    blind = True
    deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))
    status = CallStatus.OPEN

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        codes = extracted or ["battery", "solar"]
        self.topics.set(Sector.objects.filter(code__in=codes))


def draft(call, owner: Organisation, *, partners=(), title="Solid-state cells", with_file=True, user=None):
    """A complete draft: the owner as coordinator plus `partners` = [(organisation, amount), …]."""
    proposal = proposal_domain.start_proposal(
        call,
        user=user,
        organisation=owner,
        title=title,
        acronym=title[:8].upper().replace(" ", ""),
        topic=Sector.objects.get(code="battery"),
        keywords="battery, electrolyte",
        abstract="Solid electrolytes for safer lithium cells.",
        work_plan="WP1 materials; WP2 cells; WP3 pilot line.",
        duration_months=24,
    )
    coordinator = proposal.partners.get()
    coordinator.principal_investigator = "Dr. Ayşe Yılmaz"
    coordinator.save()
    BudgetLine.objects.create(
        partner=coordinator, category=BudgetCategory.PERSONNEL, amount=Decimal("500000")
    )
    for other, amount in partners:
        partner = Partner.objects.create(
            proposal=proposal,
            organisation=other,
            country_id=other.country_id,
            principal_investigator="Dr. Li Wei",
            role=PartnerRole.PARTNER,
        )
        BudgetLine.objects.create(partner=partner, category=BudgetCategory.EQUIPMENT, amount=Decimal(amount))
    if with_file:
        proposal_domain.attach_file(proposal, kind="work_plan", name="plan.pdf", content=PDF)
    return proposal


def submitted(call, owner, partner, *, title="Solid-state cells", tr_amount=None, cn_amount="400000"):
    proposal = draft(call, owner, partners=[(partner, cn_amount)], title=title)
    if tr_amount is not None:
        line = proposal.partners.get(organisation=owner).budget_lines.get()
        line.amount = Decimal(tr_amount)
        line.save()
    proposal_domain.submit_proposal(proposal)
    proposal.refresh_from_db()
    return proposal


def reviewer(
    username: str, country: str, *, organisation=None, sectors=("battery",), expertise="battery cells"
):
    user = create_member(username, role=Role.REVIEWER, password=PASSWORD, email=f"{username}@example.org")
    profile = ReviewerProfile.objects.create(
        user=user,
        display_name=username.title(),
        organisation=organisation,
        country_id=country,
        expertise=expertise,
        keywords="battery, electrolyte",
    )
    profile.sectors.set(Sector.objects.filter(code__in=sectors))
    return user


def move(call, status: str) -> Call:
    """Put a call in a status directly (tests of later stages skip the earlier ones)."""
    CallTransition.objects.create(call=call, from_status=call.status, to_status=status, at=timezone.now())
    call.status = status
    call.save(update_fields=["status"])
    return call


def past_deadline(call) -> Call:
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(hours=1))
    call.refresh_from_db()
    return call


def call_form_data(**overrides) -> dict:
    """What an officer posts on the new-call page (both agencies created here), with `overrides`."""
    tr = organisation("TÜBİTAK", "TR")
    cn = organisation("MOST", "CN")
    data = {
        "title": "Joint call 2027",
        "description": "Batteries",
        "agency_a": tr.pk,
        "budget_a": "5000000",
        "currency_a": "TRY",
        "agency_b": cn.pk,
        "budget_b": "2000000",
        "currency_b": "CNY",
        "topics": [Sector.objects.get(code="battery").pk],
        "eligibility": json.dumps(ELIGIBILITY),
        "rubric": json.dumps(RUBRIC),
        "reviews_per_proposal": 3,
        "max_reviewer_load": 8,
        "quality_threshold": "",
        "topic_minimums": "{}",
        "blind": "on",
        "deadline_local": "2030-03-01T17:00",
        "deadline_zone": "Asia/Shanghai",
    }
    return data | overrides
