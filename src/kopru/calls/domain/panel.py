"""The panel: ranking, the optimal funding proposal within both agencies' budgets, overrides, decisions,
letters and each agency's export of funded partners."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from kopru.calls.domain.calls import Criterion, parse_rubric, record_transition
from kopru.calls.domain.proposals import budget_by_side, partner_budget, with_consortium
from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.calls.models import Call, FundingDecision, FundingOverride, Letter, Proposal, Review
from kopru.calls.selection import (
    Decision,
    FundingProposal,
    Override,
    Rubric,
    SelectionResult,
    SelectionRules,
    rank_proposals,
    select_for_funding,
)
from kopru.core.enums import Role
from kopru.core.jobs import enqueue_on_commit

PANEL_STATUSES = (ProposalStatus.SUBMITTED, ProposalStatus.FUNDED, ProposalStatus.NOT_FUNDED)


@dataclass
class PanelRow:
    rank: int
    proposal: Proposal
    quality: float
    scores: dict[str, float]
    reviews: int
    cost: dict[str, Decimal]
    decision: Decision | None


@dataclass
class Panel:
    call: Call
    criteria: list[Criterion]
    rows: list[PanelRow]
    unscored: list[Proposal]
    result: SelectionResult
    budgets: dict[str, float]
    overrides: list[FundingOverride] = field(default_factory=list)

    @property
    def remaining(self) -> dict[str, float]:
        return {side: self.budgets[side] - self.result.spent.get(side, 0.0) for side in self.budgets}


def active_overrides(call: Call) -> dict[int, FundingOverride]:
    """The latest override row per proposal, unless it lifted the override."""
    latest: dict[int, FundingOverride] = {}
    for row in call.overrides.order_by("at", "pk"):
        latest[row.proposal_id] = row
    return {pid: row for pid, row in latest.items() if row.fund is not None}


def _selection_rules(call: Call, overrides: dict[int, FundingOverride], codes: set[str]) -> SelectionRules:
    return SelectionRules(
        budgets={side: float(call.budget_of(side)) for side in call.sides},
        min_funded_per_topic=dict(call.topic_minimums or {}),
        quality_threshold=float(call.quality_threshold) if call.quality_threshold is not None else None,
        overrides={
            row.proposal.code: Override(bool(row.fund), row.reason)
            for row in overrides.values()
            if row.proposal.code in codes
        },
    )


def build_panel(call: Call, *, overrides: dict[int, FundingOverride] | None = None) -> Panel:
    """Mean reviewer score per criterion → weighted quality → ranking and the exact funding optimum."""
    criteria = parse_rubric(call.rubric)
    proposals = list(with_consortium(call.proposals.filter(status__in=PANEL_STATUSES)).order_by("pk"))
    reviews = _submitted_reviews(proposals)
    scored = [p for p in proposals if reviews.get(p.pk)]
    unscored = [p for p in proposals if not reviews.get(p.pk)]
    funding, costs, means = _funding_inputs(call, scored, reviews, criteria)
    rubric = Rubric({c.key: c.weight for c in criteria})
    if overrides is None:
        overrides = active_overrides(call)
    for row in overrides.values():
        row.proposal = next((p for p in proposals if p.pk == row.proposal_id), row.proposal)
    rules = _selection_rules(call, overrides, {p.id for p in funding})
    result = select_for_funding(funding, rubric, rules)
    by_code = {p.code: p for p in scored}
    rows = [
        PanelRow(
            rank=ranked.rank,
            proposal=by_code[ranked.proposal_id],
            quality=ranked.quality,
            scores=means[by_code[ranked.proposal_id].pk],
            reviews=len(reviews[by_code[ranked.proposal_id].pk]),
            cost=costs[by_code[ranked.proposal_id].pk],
            decision=result.decisions.get(ranked.proposal_id),
        )
        for ranked in rank_proposals(funding, rubric)
    ]
    return Panel(
        call=call,
        criteria=criteria,
        rows=rows,
        unscored=unscored,
        result=result,
        budgets=rules.budgets,
        overrides=list(call.overrides.select_related("proposal", "by").order_by("-at", "-pk")),
    )


def _submitted_reviews(proposals: list[Proposal]) -> dict[int, list[Review]]:
    reviews: dict[int, list[Review]] = {}
    for review in Review.objects.filter(
        assignment__proposal__in=proposals, submitted_at__isnull=False
    ).select_related("assignment"):
        reviews.setdefault(review.assignment.proposal_id, []).append(review)
    return reviews


def _funding_inputs(call: Call, scored: list[Proposal], reviews: dict[int, list[Review]], criteria):
    """The selection core's plain inputs: mean score per criterion and cost per side of each proposal."""
    funding, costs, means = [], {}, {}
    for proposal in scored:
        means[proposal.pk] = {
            c.key: sum(r.scores[c.key] for r in reviews[proposal.pk]) / len(reviews[proposal.pk])
            for c in criteria
        }
        costs[proposal.pk] = {side: budget_by_side(proposal).get(side, Decimal("0")) for side in call.sides}
        funding.append(
            FundingProposal(
                id=proposal.code,
                scores=means[proposal.pk],
                cost={side: float(amount) for side, amount in costs[proposal.pk].items()},
                topic=proposal.topic.code if proposal.topic_id else None,
                submitted_at=proposal.submitted_at.isoformat() if proposal.submitted_at else None,
            )
        )
    return funding, costs, means


@transaction.atomic
def override_funding(
    call: Call, *, proposal: Proposal, fund: bool | None, reason: str, by=None
) -> FundingOverride:
    """Force a proposal in or out (or lift the override), with a reason; refused if no set then fits."""
    if call.status != CallStatus.PANEL:
        raise ValidationError(_("Funding can be overridden while the call is at the panel stage."))
    if proposal.call_id != call.pk or proposal.status not in PANEL_STATUSES:
        raise ValidationError({"proposal": _("Choose a submitted proposal of this call.")})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the override; it is kept in the log.")})
    row = FundingOverride(call=call, proposal=proposal, fund=fund, reason=reason.strip(), by=by)
    overrides = active_overrides(call)
    if fund is None:
        overrides.pop(proposal.pk, None)
    else:
        overrides[proposal.pk] = row
    panel = build_panel(call, overrides=overrides)
    if fund is not None and proposal.code not in {r.proposal.code for r in panel.rows}:
        raise ValidationError({"proposal": _("This proposal has no submitted review yet.")})
    if panel.result.status != "optimal":
        raise ValidationError(_("Refused: %(why)s") % {"why": panel.result.explanation})
    row.save()
    return row


def letter_recipients(proposal: Proposal) -> list[str]:
    users = get_user_model().objects.filter(
        profile__role=Role.COMPANY, profile__organisation_id=proposal.organisation_id, is_active=True
    )
    emails = {u.email for u in users if u.email}
    if proposal.created_by_id and proposal.created_by.email:
        emails.add(proposal.created_by.email)
    return sorted(emails)


@transaction.atomic
def decide_call(call: Call, *, by=None, now=None) -> list[FundingDecision]:
    """Record the panel's funding set as decisions, write the letters and queue them for sending."""
    now = now or timezone.now()
    given, call = call, Call.objects.select_for_update().get(pk=call.pk)
    if call.status != CallStatus.PANEL:
        raise ValidationError(_("A call is decided at the panel stage."))
    panel = build_panel(call)
    if panel.result.status != "optimal":
        raise ValidationError(
            _("No funding set meets the rules: %(why)s") % {"why": panel.result.explanation}
        )
    decisions = _decisions_of(panel, by=by, now=now)
    FundingDecision.objects.bulk_create(decisions)
    for decision in decisions:
        _apply_decision(call, decision)
    record_transition(call, to_status=CallStatus.DECIDED, by=by, note=_("Funding decided"), now=now)
    given.status = call.status
    enqueue_on_commit("calls.send_letters", call_id=call.pk)
    return decisions


def _decisions_of(panel: Panel, *, by, now) -> list[FundingDecision]:
    """One unsaved decision per ranked proposal (the optimiser's verdict) and per unscored proposal."""
    decisions = [
        FundingDecision(
            proposal=row.proposal,
            funded=row.decision.funded,
            kind=row.decision.kind,
            reason=row.decision.reason,
            rank=row.rank,
            quality=row.quality,
            decided_at=now,
            decided_by=by,
        )
        for row in panel.rows
    ]
    decisions.extend(
        FundingDecision(
            proposal=proposal,
            funded=False,
            kind="no_reviews",
            reason=_("Not funded: the proposal received no completed review."),
            decided_at=now,
            decided_by=by,
        )
        for proposal in panel.unscored
    )
    return decisions


def _apply_decision(call: Call, decision: FundingDecision) -> None:
    """The proposal's outcome status and its decision letter (sent later by the letters task)."""
    proposal = decision.proposal
    proposal.status = ProposalStatus.FUNDED if decision.funded else ProposalStatus.NOT_FUNDED
    proposal.save(update_fields=["status", "updated_at"])
    Letter.objects.create(
        proposal=proposal,
        recipients=letter_recipients(proposal),
        subject=_("%(call)s: decision on %(proposal)s") % {"call": call.title, "proposal": proposal.title},
        body=render_to_string(
            "calls/letters/funded.txt" if decision.funded else "calls/letters/not_funded.txt",
            {"call": call, "proposal": proposal, "decision": decision, "budget": budget_by_side(proposal)},
        ),
    )


def send_letters(call: Call) -> int:
    """Send the call's unsent letters through Django's mail backend; returns how many went out."""
    from django.core.mail import send_mail

    sent = 0
    for letter in Letter.objects.filter(proposal__call=call, sent_at__isnull=True).order_by("pk"):
        if letter.recipients:
            send_mail(letter.subject, letter.body, None, letter.recipients)
            sent += 1
        Letter.objects.filter(pk=letter.pk).update(sent_at=timezone.now())
    return sent


EXPORT_COLUMNS = [
    "proposal",
    "acronym",
    "title",
    "partner",
    "country",
    "principal_investigator",
    "role",
    "amount",
    "currency",
]


def funded_partner_rows(call: Call, side: str) -> list[list]:
    """One row per funded partner of `side`, with the amount its agency pays in its currency."""
    proposals = with_consortium(call.proposals.filter(decision__funded=True)).order_by("decision__rank", "pk")
    rows = []
    for proposal in proposals:
        for partner in proposal.partners.all():
            if partner.country_id != side:
                continue
            rows.append(
                [
                    proposal.code,
                    proposal.acronym,
                    proposal.title,
                    partner.organisation.name,
                    partner.country_id,
                    partner.principal_investigator,
                    partner.get_role_display(),
                    partner_budget(partner),
                    call.currency_of(side),
                ]
            )
    return rows
