"""Demo content: an open joint call on the seed's topics, and a decided call whose reviewer assignment and
funding result come from the real solver and optimiser (only the reviewers' scores are typed in)."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.utils import timezone

from kopru.calls.domain import proposals as proposal_domain
from kopru.calls.domain.calls import advance_call
from kopru.calls.domain.panel import decide_call
from kopru.calls.domain.reviewing import run_assignment, save_review
from kopru.calls.enums import BudgetCategory, CallStatus, PartnerRole, RunStatus
from kopru.calls.models import AssignmentRun, BudgetLine, Call, Partner, ReviewAssignment, ReviewerProfile
from kopru.core.domain.accounts import create_member
from kopru.core.enums import OrganisationKind, Role, Visibility
from kopru.core.models import Organisation, Sector

OPEN_TITLE = "Türkiye–China Joint R&D Call 2027: clean mobility, solar energy, rail and health"
DECIDED_TITLE = "Türkiye–China Joint R&D Call 2025: EV batteries and solar"
RUBRIC = [
    {"key": "excellence", "label": "Scientific excellence", "label_tr": "Bilimsel mükemmellik",
     "label_zh": "科学卓越性", "weight": 0.4, "min": 0, "max": 5},
    {"key": "impact", "label": "Impact", "label_tr": "Etki", "label_zh": "影响", "weight": 0.35, "min": 0,
     "max": 5},
    {"key": "implementation", "label": "Quality of implementation", "label_tr": "Uygulamanın kalitesi",
     "label_zh": "实施质量", "weight": 0.25, "min": 0, "max": 5},
]  # fmt: skip
ELIGIBILITY = {
    "min_partners_per_country": 1,
    "allowed_kinds": ["company", "research"],
    "max_duration_months": 36,
    "max_budget_per_side": {
        "TR": {"max_amount": 3000000, "currency": "TRY"},
        "CN": {"max_amount": 1500000, "currency": "CNY"},
    },
    "required_documents": ["work_plan"],
}
# Fictional demo organisations (name, country, kind).
ORGANISATIONS = [
    ("Ege Solar Research Institute", "TR", OrganisationKind.RESEARCH),
    ("Marmara Rail Systems", "TR", OrganisationKind.COMPANY),
    ("Boğaziçi Battery Lab", "TR", OrganisationKind.RESEARCH),
    ("Shenzhen Cell Materials Lab", "CN", OrganisationKind.RESEARCH),
    ("Hefei Photovoltaic Centre", "CN", OrganisationKind.RESEARCH),
    ("Changsha Traction Works", "CN", OrganisationKind.COMPANY),
]
# (username, display name, country, sectors, expertise, organisation)
REVIEWERS = [
    ("reviewer.ayse", "Prof. Ayşe Demir", "TR", ["battery", "ev"], "lithium-ion cells, electrolytes", None),
    ("reviewer.kemal", "Dr. Kemal Aydın", "TR", ["solar"], "perovskite and tandem photovoltaics", None),
    ("reviewer.selin", "Dr. Selin Kaya", "TR", ["battery", "solar"], "battery storage for solar", None),
    ("reviewer.zhang", "Prof. Zhang Wei", "CN", ["battery"], "cathode materials, battery recycling", None),
    ("reviewer.wang", "Dr. Wang Fang", "CN", ["solar"], "silicon heterojunction solar cells", None),
    ("reviewer.liu", "Dr. Liu Yang", "CN", ["battery", "ev"], "battery management for electric vehicles",
     "Shenzhen Cell Materials Lab"),
]  # fmt: skip
# (title, acronym, topic, TR owner, CN partner, TR budget, CN budget, scores 0-5 per criterion)
DECIDED_PROPOSALS = [
    ("Solid-state electrolytes for safer EV cells", "SOLIDEV", "battery", "Boğaziçi Battery Lab",
     "Shenzhen Cell Materials Lab", 2400000, 1200000, (4.6, 4.4, 4.2)),
    ("Tandem perovskite modules for hot climates", "TANDEM", "solar", "Ege Solar Research Institute",
     "Hefei Photovoltaic Centre", 2000000, 900000, (4.5, 4.1, 4.0)),
    ("Second-life batteries for solar storage", "REUSE", "battery", "Anatolia Cell Works",
     "Hefei Photovoltaic Centre", 1500000, 800000, (3.9, 4.3, 3.8)),
    ("Sodium-ion cells for urban buses", "NABUS", "battery", "Anatolia Cell Works",
     "Shenzhen Cell Materials Lab", 2800000, 1400000, (4.0, 3.6, 3.9)),
    ("Dust-repellent coatings for PV plants", "CLEANPV", "solar", "Ege Solar Research Institute",
     "Changsha Traction Works", 900000, 500000, (3.2, 3.4, 3.6)),
]  # fmt: skip


def _organisation(name, country, kind, *, description="Fictional organisation for the demo."):
    organisation, _created = Organisation.objects.get_or_create(
        name=name,
        defaults={
            "country_id": country,
            "kind": kind,
            "visibility": Visibility.PUBLIC,
            "description": description,
        },
    )
    return organisation


def _agencies():
    a = _organisation(
        "TÜBİTAK",
        "TR",
        OrganisationKind.AGENCY,
        description="Scientific and Technological Research Council of Türkiye",
    )
    b = _organisation(
        "Ministry of Science and Technology of the PRC",
        "CN",
        OrganisationKind.AGENCY,
        description="Funds the Chinese partners of joint calls",
    )
    return a, b


def _reviewers() -> list[str]:
    users = get_user_model()
    lines = []
    pool = list(REVIEWERS)
    if users.objects.filter(username="reviewer").exists():
        pool.append(
            ("reviewer", "Demo Reviewer", "CN", ["solar", "battery"], "solar cells and battery storage", None)
        )
    for username, name, country, sectors, expertise, organisation in pool:
        user = users.objects.filter(username=username).first() or create_member(username, role=Role.REVIEWER)
        profile, created = ReviewerProfile.objects.get_or_create(
            user=user,
            defaults={
                "display_name": name,
                "country_id": country,
                "expertise": expertise,
                "keywords": expertise.replace(" and ", ", "),
                "organisation": Organisation.objects.filter(name=organisation).first()
                if organisation
                else None,
            },
        )
        if created:
            profile.sectors.set(Sector.objects.filter(code__in=sectors))
            lines.append(f"  reviewer profile: {name} ({country})")
    return lines


def _call(title, *, status, deadline, topics, agencies, budgets):
    call = Call.objects.create(
        title=title,
        description="Joint call of the two agencies under the bilateral science and technology cooperation "
        "agreement. Each agency funds its own country's partners.",
        agency_a=agencies[0],
        agency_b=agencies[1],
        budget_a=Decimal(budgets[0]),
        currency_a="TRY",
        budget_b=Decimal(budgets[1]),
        currency_b="CNY",
        eligibility=ELIGIBILITY,
        rubric=RUBRIC,
        reviews_per_proposal=2,
        max_reviewer_load=3,
        quality_threshold=Decimal("3.00"),
        blind=True,
        deadline=deadline,
        status=status,
    )
    call.topics.set(Sector.objects.filter(code__in=topics))
    return call


def _proposal(call, title, acronym, topic, owner, partner, tr_amount, cn_amount, *, submit_at=None):
    topic_name = Sector.objects.get(code=topic).name
    proposal = proposal_domain.start_proposal(
        call,
        user=None,
        organisation=owner,
        title=title,
        acronym=acronym,
        topic=Sector.objects.get(code=topic),
        keywords=f"{topic}, {acronym.lower()}",
        abstract=f"{title}: a joint Turkish–Chinese project on {topic_name.lower()}.",
        work_plan="WP1 requirements and materials · WP2 prototypes · WP3 pilot and validation · "
        "WP4 dissemination",
        duration_months=30,
    )
    coordinator = proposal.partners.get()
    coordinator.principal_investigator = "Principal investigator (TR)"
    coordinator.save()
    cn = Partner.objects.create(
        proposal=proposal,
        organisation=partner,
        country_id=partner.country_id,
        principal_investigator="Principal investigator (CN)",
        role=PartnerRole.PARTNER,
    )
    BudgetLine.objects.create(
        partner=coordinator, category=BudgetCategory.PERSONNEL, amount=Decimal(tr_amount)
    )
    BudgetLine.objects.create(partner=cn, category=BudgetCategory.EQUIPMENT, amount=Decimal(cn_amount))
    pdf = b"%PDF-1.4\n% demo work plan\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n" + acronym.encode()
    proposal_domain.attach_file(
        proposal, kind="work_plan", name=f"{acronym.lower()}-work-plan.pdf", content=pdf
    )
    if submit_at is not None:
        proposal_domain.submit_proposal(proposal, now=submit_at)
    return proposal


def load_demo() -> list[str]:
    lines = ["Joint R&D calls:"]
    agencies = _agencies()
    for name, country, kind in ORGANISATIONS:
        _organisation(name, country, kind)
    company = Organisation.objects.filter(name="Anatolia Cell Works").first() or _organisation(
        "Anatolia Cell Works", "TR", OrganisationKind.COMPANY
    )
    lines += _reviewers()
    now = timezone.now()
    if not Call.objects.filter(title=OPEN_TITLE).exists():
        lines.append(_open_call(agencies, company, now))
    if not Call.objects.filter(title=DECIDED_TITLE).exists():
        lines.append(_decided_call(agencies, company, now))
    return lines


def _open_call(agencies, company: Organisation, now: datetime.datetime) -> str:
    """An open call with one draft proposal by the demo company."""
    call = _call(
        OPEN_TITLE,
        status=CallStatus.DRAFT,
        deadline=(now + datetime.timedelta(days=60)).replace(hour=14, minute=0, second=0, microsecond=0),
        topics=["battery", "solar", "rail", "medical_devices"],
        agencies=agencies,
        budgets=(12000000, 6000000),
    )
    advance_call(call, to_status=CallStatus.OPEN, note="Published by both agencies")
    _proposal(
        call, "Fast-charging LFP packs for e-buses", "FASTLFP", "battery", company,
        Organisation.objects.get(name="Shenzhen Cell Materials Lab"), 1800000, 900000,
    )  # fmt: skip
    return f"  open call: {OPEN_TITLE} (with a draft proposal by {company.name})"


def _decided_call(agencies, company: Organisation, now: datetime.datetime) -> str:
    """A call taken through every stage: submissions, optimal assignment, reviews, panel and decision."""
    deadline = (now - datetime.timedelta(days=120)).replace(hour=9, minute=0, second=0, microsecond=0)
    call = _call(
        DECIDED_TITLE,
        status=CallStatus.DRAFT,
        deadline=deadline,
        topics=["battery", "solar"],
        agencies=agencies,
        budgets=(6000000, 3000000),
    )
    advance_call(call, to_status=CallStatus.OPEN, now=deadline - datetime.timedelta(days=90))
    _submit_decided_proposals(call, company, deadline)
    advance_call(call, to_status=CallStatus.CLOSED, now=deadline + datetime.timedelta(hours=1))
    run = run_assignment(AssignmentRun.objects.create(call=call))
    if run.status != RunStatus.OPTIMAL:
        return f"  decided call not built: reviewer assignment is {run.status}: {run.explanation}"
    advance_call(call, to_status=CallStatus.IN_REVIEW, now=deadline + datetime.timedelta(days=7))
    _submit_demo_reviews(call)
    advance_call(call, to_status=CallStatus.PANEL, now=deadline + datetime.timedelta(days=40))
    decisions = decide_call(call, now=deadline + datetime.timedelta(days=50))
    funded = [d.proposal.acronym for d in decisions if d.funded]
    return (
        f"  decided call: {DECIDED_TITLE}: {len(decisions)} proposals, reviewers assigned optimally "
        f"(total affinity {run.objective:.3f}), funded {', '.join(funded)}"
    )


def _submit_decided_proposals(call: Call, company: Organisation, deadline: datetime.datetime) -> None:
    for i, (title, acronym, topic, owner, partner, tr, cn, _scores) in enumerate(DECIDED_PROPOSALS):
        _proposal(
            call, title, acronym, topic,
            Organisation.objects.get(name=owner) if owner != company.name else company,
            Organisation.objects.get(name=partner), tr, cn,
            submit_at=deadline - datetime.timedelta(days=10 - i),
        )  # fmt: skip


def _submit_demo_reviews(call: Call) -> None:
    """Each assigned reviewer submits the proposal's planned scores, give or take 0.2."""
    scores = {acronym: s for (_t, acronym, *_rest, s) in DECIDED_PROPOSALS}
    for k, assignment in enumerate(
        ReviewAssignment.objects.filter(proposal__call=call).select_related("proposal", "reviewer")
    ):
        base = scores[assignment.proposal.acronym]
        spread = (-0.2, 0.2)[k % 2]  # two reviewers rarely agree exactly
        save_review(
            assignment,
            scores={
                criterion["key"]: max(0.0, min(5.0, round(value + spread, 1)))
                for criterion, value in zip(RUBRIC, base, strict=True)
            },
            comment_to_applicant=f"{assignment.proposal.acronym}: clear goals; a credible work plan.",
            comment_to_panel="Consistent with the scores above.",
            submit=True,
        )
