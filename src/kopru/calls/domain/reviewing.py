"""Reviewer pool, optimal and manual assignment, declared conflicts, and reviews with their visibility rules.

The solver works on plain data (`kopru.calls.assignment`): proposals are named by their neutral code and
reviewers by their user name, so explanations read "no non-conflicted reviewer from CN for P-3-0007".
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kopru.calls.assignment import AssignmentInstance, check_assignment, detect_conflicts, solve_assignment
from kopru.calls.assignment import Proposal as PlainProposal
from kopru.calls.assignment import Reviewer as PlainReviewer
from kopru.calls.assignment.affinity import affinity_matrix
from kopru.calls.domain.calls import parse_rubric
from kopru.calls.enums import AssignmentSource, CallStatus, ProposalStatus, RunStatus
from kopru.calls.models import (
    AssignmentRun,
    Call,
    ConflictDeclaration,
    Partner,
    Proposal,
    Review,
    ReviewAssignment,
    ReviewerProfile,
)
from kopru.calls.rules import DECIDED, is_assigned_reviewer, is_officer_user
from kopru.core import access
from kopru.core.enums import Role
from kopru.core.heartbeat import stale_after
from kopru.core.jobs import enqueue_on_commit

ASSIGNABLE_STATUSES = (CallStatus.CLOSED, CallStatus.IN_REVIEW)


def reviewer_pool():
    """Active reviewers with an expertise profile."""
    return (
        ReviewerProfile.objects.filter(active=True, user__is_active=True, user__profile__role=Role.REVIEWER)
        .select_related("user", "organisation", "country")
        .prefetch_related("sectors")
        .order_by("user__username")
    )


def assignable_proposals(call: Call):
    return (
        call.proposals.filter(status=ProposalStatus.SUBMITTED)
        .select_related("topic")
        .prefetch_related("partners__organisation")
        .order_by("pk")
    )


def _split(text: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in text.split(",") if item.strip())


def prior_coapplicants(profiles) -> dict[int, tuple[str, ...]]:
    """For each reviewer, the organisations their own organisation applied with in any proposal."""
    organisation_ids = {p.organisation_id for p in profiles if p.organisation_id}
    own_by_proposal: dict[int, set[int]] = defaultdict(set)
    for proposal_id, organisation_id in Partner.objects.filter(
        organisation_id__in=organisation_ids, proposal__status__in=_SUBMITTED_OR_LATER
    ).values_list("proposal_id", "organisation_id"):
        own_by_proposal[proposal_id].add(organisation_id)
    together: dict[int, set[str]] = defaultdict(set)
    for proposal_id, partner_name in Partner.objects.filter(proposal_id__in=own_by_proposal).values_list(
        "proposal_id", "organisation__name"
    ):
        for own_id in own_by_proposal[proposal_id]:
            together[own_id].add(partner_name)
    return {
        p.user_id: tuple(sorted(together[p.organisation_id] - {p.organisation.name}))
        for p in profiles
        if p.organisation_id
    }


_SUBMITTED_OR_LATER = (ProposalStatus.SUBMITTED, ProposalStatus.FUNDED, ProposalStatus.NOT_FUNDED)


@dataclass
class CallInstance:
    instance: AssignmentInstance
    proposals: dict[str, Proposal]  # code -> proposal
    reviewers: dict[str, object]  # user name -> user


def build_instance(call: Call) -> CallInstance:
    """The call's submitted proposals and the reviewer pool as a plain assignment problem."""
    proposals = list(assignable_proposals(call))
    profiles = list(reviewer_pool())
    coapplicants = prior_coapplicants(profiles)
    plain_proposals = [
        PlainProposal(
            id=p.code,
            text=f"{p.title}\n{p.abstract}\n{p.work_plan}",
            organizations=tuple(partner.organisation.name for partner in p.partners.all()),
            countries=tuple(sorted({partner.country_id for partner in p.partners.all()})),
            sectors=(p.topic.code,) if p.topic_id else (),
            keywords=_split(p.keywords),
        )
        for p in proposals
    ]
    plain_reviewers = [
        PlainReviewer(
            id=profile.user.username,
            text=profile.expertise,
            organization=profile.organisation.name if profile.organisation_id else "",
            country=profile.country_id,
            max_load=profile.max_load,
            sectors=tuple(sector.code for sector in profile.sectors.all()),
            keywords=_split(profile.keywords),
            prior_coapplicants=coapplicants.get(profile.user_id, ()),
        )
        for profile in profiles
    ]
    codes = {p.pk: p.code for p in proposals}
    users = {profile.user_id: profile.user.username for profile in profiles}
    declared = [
        (users[reviewer_id], codes[proposal_id])
        for reviewer_id, proposal_id in ConflictDeclaration.objects.filter(proposal__call=call).values_list(
            "reviewer_id", "proposal_id"
        )
        if reviewer_id in users and proposal_id in codes
    ]
    instance = AssignmentInstance(
        proposals=plain_proposals,
        reviewers=plain_reviewers,
        reviews_per_proposal=call.reviews_per_proposal,
        max_load=call.max_reviewer_load,
        require_each_country=call.sides,
        declared_conflicts=declared,
    )
    return CallInstance(
        instance,
        {p.code: p for p in proposals},
        {profile.user.username: profile.user for profile in profiles},
    )


def ensure_assignable(call: Call) -> None:
    if call.status not in ASSIGNABLE_STATUSES:
        raise ValidationError(_("Reviewers are assigned once the call is closed and before the panel."))


def submitted_reviews_refusal(call: Call) -> str | None:
    """Why the solver may not replace this call's assignments, or None: a new run would delete the
    assignments that submitted reviews belong to."""
    submitted = (
        Review.objects.filter(assignment__proposal__call=call, submitted_at__isnull=False)
        .exclude(assignment__proposal__status=ProposalStatus.WITHDRAWN)
        .count()
    )
    if not submitted:
        return None
    return ngettext(
        "%(count)d review has been submitted; re-running the solver would discard it. Adjust by hand.",
        "%(count)d reviews have been submitted; re-running the solver would discard them. Adjust by hand.",
        submitted,
    ) % {"count": submitted}


@transaction.atomic
def request_assignment_run(call: Call, *, by=None) -> AssignmentRun:
    """Queue the optimal solver for this call; it runs as a background task after the commit. The run
    itself checks again (a reviewer may submit between the request and the run); this check only says
    so early."""
    ensure_assignable(call)
    refusal = submitted_reviews_refusal(call)
    if refusal:
        raise ValidationError(refusal)
    run = AssignmentRun.objects.create(call=call, requested_by=by)
    enqueue_on_commit("calls.run_assignment", run_id=run.pk)
    return run


@transaction.atomic
def run_assignment(run: AssignmentRun) -> AssignmentRun:
    """Solve to optimality and replace the call's assignments; an infeasible call keeps its old ones.

    The guard lives here, in the function that deletes: under a lock on the call's row (which
    `save_review` takes too before submitting), a run refuses, and says why on the run, when the call is
    no longer assignable or a review has been submitted since the run was queued. Nothing is deleted then.
    Under the same lock, a run that another run of the call supersedes stands down (`_superseding_run`).
    """
    call = Call.objects.select_for_update().get(pk=run.call_id)
    if AssignmentRun.objects.filter(pk=run.pk).values_list("status", flat=True).first() != RunStatus.QUEUED:
        run.refresh_from_db()  # the same run delivered twice: the other delivery has decided it
        return run
    superseded_by = _superseding_run(run)
    if superseded_by is not None:
        run.status = RunStatus.SUPERSEDED
        run.explanation = _superseded_explanation(superseded_by)
        run.finished_at = timezone.now()
        run.save()
        return run
    refusal = _run_refusal(call)
    if refusal:
        run.status, run.explanation = RunStatus.REFUSED, refusal
    else:
        _solve_and_replace(run, call)
    run.finished_at = timezone.now()
    run.save()
    return run


def _superseding_run(run: AssignmentRun) -> AssignmentRun | None:
    """Another run of the same call that makes this one pointless, or None.

    Two runs queued at once (two clicks, a retry, a requeue) must not both replace the assignments: the
    second would throw away the first's result and every draft review written against it. Called under the
    call's row lock, so runs of one call decide one after the other: a run stands down when another one is
    being solved right now (queued, with a live heartbeat from its worker) or has already replaced the
    assignments since this run was requested."""
    others = AssignmentRun.objects.filter(call_id=run.call_id).exclude(pk=run.pk)
    live = timezone.now() - stale_after()
    return (
        others.filter(status=RunStatus.QUEUED, heartbeat_at__gte=live).order_by("pk").first()
        or others.filter(status=RunStatus.OPTIMAL, finished_at__gte=run.requested_at)
        .order_by("-finished_at")
        .first()
    )


def _superseded_explanation(other: AssignmentRun) -> str:
    if other.status == RunStatus.QUEUED:
        return _("Run #%(run)s of this call was being solved at the same time; this run changed nothing.") % {
            "run": other.pk
        }
    return _(
        "Run #%(run)s replaced the assignments after this run was requested; this run changed nothing."
    ) % {"run": other.pk}


def _run_refusal(call: Call) -> str | None:
    try:
        ensure_assignable(call)
    except ValidationError as error:
        return " ".join(error.messages)
    return submitted_reviews_refusal(call)


def _solve_and_replace(run: AssignmentRun, call: Call) -> None:
    built = build_instance(call)
    if not built.instance.proposals:
        run.status, run.explanation = RunStatus.INFEASIBLE, _("The call has no submitted proposals.")
        return
    if not built.instance.reviewers:
        run.status, run.explanation = RunStatus.INFEASIBLE, _("The reviewer pool is empty.")
        return
    result = solve_assignment(built.instance)
    run.conflicts_detected = result.conflicts_detected
    if result.status != "optimal":
        run.status, run.explanation = RunStatus.INFEASIBLE, result.explanation or ""
        return
    # Only draft reviews can be here (the refusal above ran under the call's lock); Review is protected
    # from cascading deletes, so they go explicitly, then their assignments.
    # (A withdrawn proposal keeps its submitted reviews and their assignments on record.)
    replaced = ReviewAssignment.objects.filter(proposal__call=call).exclude(
        proposal__status=ProposalStatus.WITHDRAWN
    )
    Review.objects.filter(assignment__in=replaced, submitted_at__isnull=True).delete()
    replaced.delete()
    ReviewAssignment.objects.bulk_create(
        ReviewAssignment(
            proposal=built.proposals[a.proposal],
            reviewer=built.reviewers[a.reviewer],
            affinity=a.affinity,
            source=AssignmentSource.SOLVER,
            created_by=run.requested_by,
        )
        for a in result.assignments
    )
    run.status, run.objective, run.assignments_made = (
        RunStatus.OPTIMAL,
        result.objective,
        len(result.assignments),
    )


def current_pairs(call: Call) -> list[tuple[str, str]]:
    return [
        (proposal.code, username)
        for proposal, username in (
            (a.proposal, a.reviewer.username)
            for a in ReviewAssignment.objects.filter(proposal__call=call)
            .exclude(proposal__status=ProposalStatus.WITHDRAWN)
            .select_related("proposal", "reviewer")
        )
    ]


def assignment_problems(call: Call) -> list[str]:
    """What the current assignment still lacks or breaks (reviews per proposal, country rule, loads)."""
    built = build_instance(call)
    if not built.instance.proposals:
        return []
    return [v.reason for v in check_assignment(built.instance, current_pairs(call), complete=True)]


@transaction.atomic
def assign_manually(call: Call, *, proposal: Proposal, reviewer, by=None) -> ReviewAssignment:
    """Add one pair by hand; re-checked against conflicts, loads and the number of reviews."""
    ensure_assignable(call)
    if proposal.call_id != call.pk or proposal.status != ProposalStatus.SUBMITTED:
        raise ValidationError({"proposal": _("Choose a submitted proposal of this call.")})
    built = build_instance(call)
    if reviewer.username not in built.reviewers:
        raise ValidationError({"reviewer": _("This user is not in the reviewer pool.")})
    pairs = current_pairs(call)
    new = (proposal.code, reviewer.username)
    if new in pairs:
        raise ValidationError({"reviewer": _("This reviewer is already assigned to this proposal.")})
    conflicts = detect_conflicts(built.instance)
    violations = [
        v
        for v in check_assignment(built.instance, [*pairs, new], complete=False, conflicts=conflicts)
        if (v.proposal, v.reviewer) == new
        or (v.kind == "overload" and v.reviewer == new[1])
        or (v.kind == "count" and v.proposal == new[0])
    ]
    if violations:
        raise ValidationError(
            {"reviewer": [_("Refused: %(reason)s.") % {"reason": v.reason} for v in violations]}
        )
    p_index = [p.id for p in built.instance.proposals].index(new[0])
    r_index = [r.id for r in built.instance.reviewers].index(new[1])
    affinity = float(affinity_matrix(built.instance)[p_index, r_index])
    return ReviewAssignment.objects.create(
        proposal=proposal,
        reviewer=reviewer,
        affinity=round(affinity, 6),
        source=AssignmentSource.MANUAL,
        created_by=by,
    )


@transaction.atomic
def remove_assignment(assignment: ReviewAssignment) -> None:
    ensure_assignable(assignment.proposal.call)
    if hasattr(assignment, "review") and assignment.review.submitted_at:
        raise ValidationError(_("The review has been submitted; the assignment stays."))
    Review.objects.filter(assignment=assignment).delete()  # a draft: Review is protected from cascades
    assignment.delete()


@transaction.atomic
def declare_conflict(proposal: Proposal, *, reviewer, reason: str) -> ConflictDeclaration:
    """A reviewer declares a conflict: the assignment (and any draft review) goes, the declaration stays."""
    if not reason.strip():
        raise ValidationError({"reason": _("Say briefly what the conflict is.")})
    assignment = ReviewAssignment.objects.filter(proposal=proposal, reviewer=reviewer).first()
    if assignment is None:
        raise ValidationError(_("You are not assigned to this proposal."))
    if hasattr(assignment, "review") and assignment.review.submitted_at:
        raise ValidationError(_("Your review is submitted; ask the programme officers to withdraw it."))
    declaration, _created = ConflictDeclaration.objects.update_or_create(
        reviewer=reviewer, proposal=proposal, defaults={"reason": reason.strip()}
    )
    Review.objects.filter(assignment=assignment).delete()  # a draft: Review is protected from cascades
    assignment.delete()
    return declaration


def clean_scores(call: Call, raw: dict) -> dict[str, float]:
    """One number per rubric criterion, within its scale; errors name the criterion."""
    scores, errors = {}, {}
    for criterion in parse_rubric(call.rubric):
        value = raw.get(criterion.key)
        try:
            number = float(value)
        except (TypeError, ValueError):
            errors[criterion.key] = _("Give a score for %(label)s.") % {"label": criterion.label}
            continue
        if not criterion.low <= number <= criterion.high:
            errors[criterion.key] = _("%(label)s is scored from %(low)s to %(high)s.") % {
                "label": criterion.label,
                "low": f"{criterion.low:g}",
                "high": f"{criterion.high:g}",
            }
            continue
        scores[criterion.key] = number
    if errors:
        raise ValidationError(errors)
    return scores


@transaction.atomic
def save_review(
    assignment: ReviewAssignment, *, scores: dict, comment_to_applicant="", comment_to_panel="", submit=False
) -> Review:
    """Save a draft review, or submit it (all criteria scored). A submitted review is final."""
    # The call's row lock orders this against a running assignment (`run_assignment` takes it too): either
    # the run sees this submitted review and refuses, or the review sees the run's new assignments.
    call = Call.objects.select_for_update().get(pk=assignment.proposal.call_id)
    if call.status != CallStatus.IN_REVIEW:
        raise ValidationError(_("Reviews are written while the call is in review."))
    if not ReviewAssignment.objects.filter(pk=assignment.pk).exists():
        raise ValidationError(_("This assignment has been replaced; open your review list again."))
    review, _created = Review.objects.select_for_update().get_or_create(assignment=assignment)
    if review.submitted_at:
        raise ValidationError(_("This review has been submitted and can no longer be changed."))
    if submit:
        review.scores = clean_scores(call, scores)
        review.submitted_at = timezone.now()
    else:
        review.scores = clean_scores_partial(call, scores)
    review.comment_to_applicant = comment_to_applicant
    review.comment_to_panel = comment_to_panel
    review.save()
    return review


def clean_scores_partial(call: Call, raw: dict) -> dict[str, float]:
    """A draft may leave criteria empty; what is given must still be on the scale."""
    given = {k: v for k, v in raw.items() if v not in (None, "")}
    keys = {c.key for c in parse_rubric(call.rubric)}
    try:
        return clean_scores(call, given)
    except ValidationError as error:
        real = {k: v for k, v in error.message_dict.items() if k in given and k in keys}
        if real:
            raise ValidationError(real) from None
        return {k: float(v) for k, v in given.items() if k in keys}


def visible_reviews(user, proposal: Proposal) -> list[Review]:
    """Officers: every submitted review. Reviewers: their own, and the others only once theirs is
    submitted. Applicants: submitted reviews once the call is decided (anonymised by the page)."""
    submitted = Review.objects.filter(
        assignment__proposal=proposal, submitted_at__isnull=False
    ).select_related("assignment__reviewer")
    if is_officer_user(user):
        return list(submitted.order_by("pk"))
    if access.company_organisation_id(user) is not None:
        if proposal.call.status in DECIDED and proposal.status != ProposalStatus.WITHDRAWN:
            return list(submitted.order_by("pk"))
        return []
    if is_assigned_reviewer(user, proposal):
        own = Review.objects.filter(assignment__proposal=proposal, assignment__reviewer=user).first()
        if own is not None and own.submitted_at:
            return list(submitted.order_by("pk"))
        return [own] if own is not None else []
    return []


def my_assignments(user):
    return (
        ReviewAssignment.objects.filter(reviewer=user)
        .exclude(proposal__status=ProposalStatus.WITHDRAWN)
        .select_related("proposal__call", "proposal__topic", "review")
        .order_by("proposal__call__deadline", "proposal__pk")
    )


def reviewers_for_choice():
    return (
        get_user_model()
        .objects.filter(Q(profile__role=Role.REVIEWER) & Q(reviewer_profile__active=True))
        .order_by("username")
    )
