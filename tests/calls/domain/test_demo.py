"""The demo content: an open call and a decided call built with the real solver and optimiser."""

from __future__ import annotations

import pytest

from kopru.calls.domain import reviewing
from kopru.calls.domain.demo import DECIDED_TITLE, OPEN_TITLE, load_demo
from kopru.calls.domain.panel import build_panel
from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.calls.models import BudgetLine, Call, FundingDecision, Letter, Review

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_the_demo_builds_an_open_and_a_decided_call_once(cast):
    cast.company_organisation.country_id = "TR"  # as `kopru demo` creates it
    cast.company_organisation.save()
    lines = load_demo()
    assert lines[0] == "Joint R&D calls:"
    open_call = Call.objects.get(title=OPEN_TITLE)
    decided = Call.objects.get(title=DECIDED_TITLE)
    assert open_call.status == CallStatus.OPEN
    assert sorted(open_call.topics.values_list("code", flat=True)) == [
        "battery",
        "medical_devices",
        "rail",
        "solar",
    ]
    assert open_call.proposals.get().status == ProposalStatus.DRAFT
    assert decided.status == CallStatus.DECIDED
    assert list(decided.transitions.values_list("to_status", flat=True)) == [
        "open", "closed", "in_review", "panel", "decided",
    ]  # fmt: skip
    built = reviewing.build_instance(decided)
    assert built.instance.proposals == []  # every proposal is decided now, none is "submitted"
    pairs = [(a.proposal.code, a.reviewer.username) for a in Review.objects.filter(
        assignment__proposal__call=decided).select_related("assignment__proposal", "assignment__reviewer")
        for a in [a.assignment]]  # fmt: skip
    assert len(pairs) == 5 * decided.reviews_per_proposal
    decisions = FundingDecision.objects.filter(proposal__call=decided)
    assert decisions.count() == 5
    funded = decisions.filter(funded=True)
    assert 0 < funded.count() < 5
    spent_tr = sum(
        line.amount
        for line in BudgetLine.objects.filter(partner__proposal__decision__in=funded, partner__country="TR")
    )
    assert spent_tr <= decided.budget_a
    assert Letter.objects.filter(proposal__call=decided).count() == 5
    assert build_panel(decided).result.funded == [d.proposal.code for d in funded.order_by("rank")]
    assert load_demo() == ["Joint R&D calls:"]
    assert Call.objects.count() == 2
