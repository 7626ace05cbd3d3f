"""The calls API under /api/calls/: the pages' rules (401 anonymous, 403 not allowed, 404 unseen)."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from kopru.calls.domain import panel as panel_domain
from kopru.calls.domain import proposals as proposal_domain
from kopru.calls.domain import reviewing
from kopru.calls.domain.calls import advance_call, status_options
from kopru.calls.models import Call, Proposal
from kopru.calls.rules import identities_hidden, visible_calls, visible_proposals
from kopru.core.rules import has_perm
from kopru.ui.api import api_access, api_require, declare_forbidden
from kopru.ui.errors import ValidationErrorOut, from_validation_error

router = Router()


class CallOut(Schema):
    id: int
    title: str
    status: str
    deadline: datetime.datetime
    deadline_zone: str
    agencies: dict[str, str]
    budgets: dict[str, float]
    currencies: dict[str, str]
    topics: list[str]
    reviews_per_proposal: int
    blind: bool


class PartnerOut(Schema):
    organisation: str | None
    country: str
    principal_investigator: str | None
    role: str
    budget: float


class ProposalOut(Schema):
    id: int
    code: str
    call: int
    title: str
    acronym: str
    applicant: str | None
    topic: str | None
    status: str
    submitted_at: datetime.datetime | None
    abstract: str
    duration_months: int | None
    budget: dict[str, float]
    partners: list[PartnerOut]


class RuleOut(Schema):
    rule: str
    passed: bool
    reason: str


class EligibilityOut(Schema):
    eligible: bool
    results: list[RuleOut]


class PanelRowOut(Schema):
    rank: int
    proposal: str
    quality: float
    funded: bool
    decision: str
    reason: str


class PanelOut(Schema):
    status: str
    total_quality: float
    budgets: dict[str, float]
    spent: dict[str, float]
    explanation: str | None
    ranking: list[PanelRowOut]


class RunOut(Schema):
    id: int
    status: str


class StatusOptionOut(Schema):
    status: str
    label: str
    allowed: bool
    reason: str | None


class AdvanceIn(Schema):
    # Optional in the schema so that permissions are checked first; an empty status is refused as unknown.
    to_status: str = ""
    note: str = ""


class AssignmentOut(Schema):
    proposal: int
    code: str
    call: int
    title: str
    review_submitted: bool


def _user(request):
    return request.auth


def _login(request):
    if not getattr(_user(request), "is_authenticated", False):
        raise HttpError(401, "Authentication required")


def _call_out(call: Call) -> dict:
    return {
        "id": call.pk,
        "title": call.title,
        "status": call.status,
        "deadline": call.deadline,
        "deadline_zone": call.deadline_zone,
        "agencies": {side: str(call.agency_of(side)) for side in call.sides},
        "budgets": {side: float(call.budget_of(side)) for side in call.sides},
        "currencies": {side: call.currency_of(side) for side in call.sides},
        "topics": [topic.code for topic in call.topics.all()],
        "reviews_per_proposal": call.reviews_per_proposal,
        "blind": call.blind,
    }


def _proposal_out(proposal: Proposal, user) -> dict:
    hidden = identities_hidden(user, proposal)
    return {
        "id": proposal.pk,
        "code": proposal.code,
        "call": proposal.call_id,
        "title": proposal.title,
        "acronym": proposal.acronym,
        "applicant": None if hidden else proposal.organisation.name,
        "topic": proposal.topic.code if proposal.topic_id else None,
        "status": proposal.status,
        "submitted_at": proposal.submitted_at,
        "abstract": proposal.abstract,
        "duration_months": proposal.duration_months,
        "budget": {side: float(v) for side, v in proposal_domain.budget_by_side(proposal).items()},
        "partners": [
            {
                "organisation": None if hidden else partner.organisation.name,
                "country": partner.country_id,
                "principal_investigator": None if hidden else partner.principal_investigator,
                "role": partner.role,
                "budget": float(proposal_domain.partner_budget(partner)),
            }
            for partner in proposal.partners.all()
        ],
    }


def _get_call(request, call_id: int) -> Call:
    return api_access(
        request, Call.objects.select_related("agency_a", "agency_b"), call_id, view="calls.view_call"
    )


def _get_proposal(request, proposal_id: int) -> Proposal:
    queryset = proposal_domain.with_consortium(Proposal.objects.all())
    return api_access(request, queryset, proposal_id, view="calls.view_proposal", login_first=True)


def _officer(request):
    api_require(request, "calls.manage_call", forbidden="Programme officers only")


@router.get("/", response=list[CallOut], operation_id="list_calls", summary="Calls you may see")
def list_calls(request):
    calls = visible_calls(Call.objects.select_related("agency_a", "agency_b"), _user(request))
    return [_call_out(call) for call in calls.prefetch_related("topics").order_by("-deadline", "pk")]


@router.get("/{int:call_id}", response=CallOut, operation_id="get_call")
def get_call(request, call_id: int):
    return _call_out(_get_call(request, call_id))


@router.get(
    "/{int:call_id}/transitions",
    response=list[StatusOptionOut],
    operation_id="list_call_transitions",
    summary="The statuses a call may move to now, and why not the others",
)
def list_call_transitions(request, call_id: int):
    _officer(request)
    call = _get_call(request, call_id)
    return [
        {"status": o.status, "label": o.label, "allowed": o.allowed, "reason": o.refusal}
        for o in status_options(call)
    ]


@router.post(
    "/{int:call_id}/transitions",
    response={200: CallOut, 422: ValidationErrorOut},
    operation_id="advance_call",
    summary="Move a call to its next status (422 with the reason when that is not allowed now)",
)
def advance_call_operation(request, call_id: int, payload: AdvanceIn):
    _officer(request)
    call = _get_call(request, call_id)
    try:
        advance_call(call, to_status=payload.to_status, by=_user(request), note=payload.note)
    except ValidationError as error:
        raise from_validation_error(error) from None
    return _call_out(_get_call(request, call_id))


@router.get("/{int:call_id}/proposals", response=list[ProposalOut], operation_id="list_call_proposals")
def list_call_proposals(request, call_id: int):
    _login(request)
    call = _get_call(request, call_id)
    proposals = proposal_domain.with_consortium(visible_proposals(call.proposals.all(), _user(request)))
    return [_proposal_out(p, _user(request)) for p in proposals.order_by("pk")]


@router.get("/proposals/{int:proposal_id}", response=ProposalOut, operation_id="get_proposal")
def get_proposal(request, proposal_id: int):
    return _proposal_out(_get_proposal(request, proposal_id), _user(request))


@router.get(
    "/proposals/{int:proposal_id}/eligibility",
    response=EligibilityOut,
    operation_id="get_proposal_eligibility",
)
def get_proposal_eligibility(request, proposal_id: int):
    proposal = _get_proposal(request, proposal_id)
    user = _user(request)
    if not (has_perm(user, "calls.manage_call") or has_perm(user, "calls.withdraw_proposal", proposal)):
        raise HttpError(403, "Applicants and officers only")
    report = proposal_domain.check_eligibility(proposal)
    return {"eligible": report.eligible, "results": [r.__dict__ for r in report.results]}


@router.post(
    "/proposals/{int:proposal_id}/submit",
    response={200: ProposalOut, 422: ValidationErrorOut},
    operation_id="submit_proposal",
)
def submit_proposal(request, proposal_id: int):
    proposal = _get_proposal(request, proposal_id)
    api_require(request, "calls.edit_proposal", proposal, forbidden="Only the applicant may submit a draft")
    try:
        proposal_domain.submit_proposal(proposal, by=_user(request))
    except ValidationError as error:
        raise from_validation_error(error, where=("path", "proposal_id")) from None
    return _proposal_out(_get_proposal(request, proposal_id), _user(request))


@router.get("/{int:call_id}/panel", response=PanelOut, operation_id="get_call_panel")
def get_call_panel(request, call_id: int):
    _officer(request)
    call = _get_call(request, call_id)
    panel = panel_domain.build_panel(call)
    return {
        "status": panel.result.status,
        "total_quality": panel.result.total_quality,
        "budgets": panel.budgets,
        "spent": panel.result.spent,
        "explanation": panel.result.explanation,
        "ranking": [
            {
                "rank": row.rank,
                "proposal": row.proposal.code,
                "quality": row.quality,
                "funded": bool(row.decision and row.decision.funded),
                "decision": row.decision.kind if row.decision else "",
                "reason": row.decision.reason if row.decision else "",
            }
            for row in panel.rows
        ],
    }


@router.post(
    "/{int:call_id}/assignment-runs",
    response={202: RunOut, 422: ValidationErrorOut},
    operation_id="run_call_assignment",
)
def run_call_assignment(request, call_id: int):
    _officer(request)
    call = _get_call(request, call_id)
    try:
        run = reviewing.request_assignment_run(call, by=_user(request))
    except ValidationError as error:
        raise from_validation_error(error, where=("path", "call_id")) from None
    run.refresh_from_db()
    return Status(202, {"id": run.pk, "status": run.status})


@router.get("/reviews/assignments", response=list[AssignmentOut], operation_id="list_my_assignments")
def list_my_assignments(request):
    api_require(request, "calls.act_as_reviewer", forbidden="Reviewers only")
    return [
        {
            "proposal": a.proposal_id,
            "code": a.proposal.code,
            "call": a.proposal.call_id,
            "title": a.proposal.title,
            "review_submitted": bool(getattr(a, "review", None) and a.review.submitted_at),
        }
        for a in reviewing.my_assignments(_user(request))
    ]


declare_forbidden(
    router,
    "get_proposal_eligibility",
    "submit_proposal",
    "get_call_panel",
    "run_call_assignment",
    "list_my_assignments",
)
