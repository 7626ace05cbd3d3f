"""Who may see and do what in joint calls: the one place that knows, as predicates and as query filters.

Officers (government staff of either side, and admins) run calls jointly; applicants (company users) see
their own organisation's proposals; reviewers see only the proposals assigned to them, and other reviews
only after submitting their own; the public sees open calls. The query filters below and the predicates
agree (a test checks it).
"""

from __future__ import annotations

import rules
from django.db.models import Q, QuerySet

from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.core import access
from kopru.core.enums import Role

DECIDED = (CallStatus.DECIDED, CallStatus.ARCHIVED)


def is_officer_user(user) -> bool:
    return access.is_admin(user) or access.is_government_staff(user)


def is_reviewer_user(user) -> bool:
    return access.role_of(user) == Role.REVIEWER


def visible_proposals(queryset: QuerySet, user) -> QuerySet:
    """Proposals `user` may open. Drafts belong to the applicants until submitted."""
    if access.is_admin(user) or access.is_government_staff(user):
        return queryset.exclude(status=ProposalStatus.DRAFT)
    organisation_id = access.company_organisation_id(user)
    if organisation_id:
        own = Q(organisation_id=organisation_id) | Q(partners__organisation_id=organisation_id)
        return queryset.filter(own).distinct()
    if is_reviewer_user(user):
        return queryset.filter(assignments__reviewer=user).exclude(status=ProposalStatus.DRAFT).distinct()
    return queryset.none()


def visible_calls(queryset: QuerySet, user) -> QuerySet:
    """Officers see every call; others see open calls and the calls they take part in."""
    if is_officer_user(user):
        return queryset
    from kopru.calls.models import Proposal

    mine = visible_proposals(Proposal.objects.all(), user).values("call_id")
    return queryset.filter(Q(status=CallStatus.OPEN) | Q(pk__in=mine)).distinct()


@rules.predicate
def is_officer(user):
    return is_officer_user(user)


@rules.predicate
def is_reviewer(user):
    return is_reviewer_user(user)


@rules.predicate
def is_company_user(user):
    return access.company_organisation_id(user) is not None


@rules.predicate
def can_see_call(user, call=None):
    if call is None:
        return False
    return visible_calls(type(call).objects.filter(pk=call.pk), user).exists()


@rules.predicate
def call_is_open(user, call=None):
    return call is not None and call.status == CallStatus.OPEN


@rules.predicate
def can_see_proposal(user, proposal=None):
    if proposal is None:
        return False
    return visible_proposals(type(proposal).objects.filter(pk=proposal.pk), user).exists()


@rules.predicate
def is_applicant(user, proposal=None):
    """The lead applicant's users: they edit, submit and withdraw (partners' users only read)."""
    organisation_id = access.company_organisation_id(user)
    return (
        proposal is not None and organisation_id is not None and proposal.organisation_id == organisation_id
    )


@rules.predicate
def proposal_is_draft(user, proposal=None):
    return proposal is not None and proposal.status == ProposalStatus.DRAFT


@rules.predicate
def is_assigned_reviewer(user, proposal=None):
    return (
        proposal is not None
        and is_reviewer_user(user)
        and proposal.assignments.filter(reviewer=user).exists()
    )


@rules.predicate
def call_in_review(user, proposal=None):
    return proposal is not None and proposal.call.status == CallStatus.IN_REVIEW


@rules.predicate
def call_decided(user, proposal=None):
    return proposal is not None and proposal.call.status in DECIDED


def identities_hidden(user, proposal) -> bool:
    """Blind calls hide applicant identities from reviewers (officers and applicants see them)."""
    return proposal.call.blind and not is_officer_user(user) and access.company_organisation_id(user) is None


def may_export_side(user, side: str) -> bool:
    """Each agency exports its own side's funded partners; admins export either side."""
    return access.is_admin(user) or (access.is_government_staff(user) and access.side_of(user) == side)


rules.add_perm("calls.view_call", can_see_call)
rules.add_perm("calls.manage_call", is_officer)
rules.add_perm("calls.act_as_reviewer", is_reviewer)
rules.add_perm("calls.apply", is_company_user & call_is_open)
rules.add_perm("calls.view_proposal", can_see_proposal)
rules.add_perm("calls.edit_proposal", is_applicant & proposal_is_draft)
rules.add_perm("calls.withdraw_proposal", is_applicant)
rules.add_perm("calls.review_proposal", is_assigned_reviewer & call_in_review)
rules.add_perm("calls.declare_conflict", is_assigned_reviewer)
rules.add_perm(
    "calls.see_decision_reviews", (is_applicant | can_see_proposal) & is_company_user & call_decided
)
