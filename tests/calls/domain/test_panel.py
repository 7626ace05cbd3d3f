"""Panel: the funding proposal is the exact optimum within both budgets, overrides need a reason and are
logged, deciding records outcomes and sends letters, each agency exports its own funded partners."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from openpyxl import load_workbook

from kopru.calls.domain import panel as panel_domain
from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.calls.models import FundingDecision, FundingOverride, Letter, Review, ReviewAssignment
from kopru.calls.selection import FundingProposal, Rubric, SelectionRules, select_for_funding
from tests.factories import CallFactory, move, organisation, past_deadline, reviewer, submitted

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

IMMEDIATE = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
}
WEIGHTS = {"excellence": 0.5, "impact": 0.3, "implementation": 0.2}


def score(proposal, user, value):
    assignment = ReviewAssignment.objects.create(proposal=proposal, reviewer=user, source="manual")
    Review.objects.create(
        assignment=assignment,
        scores=dict.fromkeys(WEIGHTS, value),
        comment_to_applicant=f"score {value}",
        submitted_at=proposal.submitted_at,
    )


@pytest.fixture
def at_panel(cast):
    # TR budget 1,000,000; each proposal asks 500,000 TR + a CN part; the CN budget 600,000 binds.
    call = CallFactory(budget_a=Decimal("1000000"), budget_b=Decimal("600000"))
    owner = cast.company_organisation
    owner.country_id = "TR"
    owner.save()
    cast.company.email = "applicant@example.org"
    cast.company.save()
    a = submitted(call, owner, organisation("CN A", "CN"), title="Alpha", cn_amount="400000")
    b = submitted(
        call, organisation("TR B", "TR"), organisation("CN B", "CN"), title="Beta", cn_amount="300000"
    )
    c = submitted(
        call, organisation("TR C", "TR"), organisation("CN C", "CN"), title="Gamma", cn_amount="300000"
    )
    past_deadline(call)
    ada, chen = reviewer("ada", "TR"), reviewer("chen", "CN")
    for proposal, value in [(a, 5), (b, 4), (c, 3.5)]:
        score(proposal, ada, value)
        score(proposal, chen, value)
    move(call, CallStatus.PANEL)
    return call, a, b, c


def test_the_funding_proposal_is_the_selection_optimum(at_panel):
    call, a, b, c = at_panel
    panel = panel_domain.build_panel(call)
    expected = select_for_funding(
        [
            FundingProposal(
                p.code,
                dict.fromkeys(WEIGHTS, q),
                {"TR": 500000.0, "CN": cn},
                "battery",
                p.submitted_at.isoformat(),
            )
            for p, q, cn in [(a, 5, 400000.0), (b, 4, 300000.0), (c, 3.5, 300000.0)]
        ],
        Rubric(WEIGHTS),
        SelectionRules(budgets={"TR": 1000000.0, "CN": 600000.0}),
    )
    assert panel.result.funded == expected.funded == [b.code, c.code]
    assert [row.proposal for row in panel.rows] == [a, b, c]
    assert panel.rows[0].decision.kind == "displaced"
    assert panel.result.spent == {"TR": 1000000.0, "CN": 600000.0}


def test_an_override_needs_a_reason_is_logged_and_recomputes(at_panel, cast):
    call, a, b, c = at_panel
    with pytest.raises(ValidationError) as error:
        panel_domain.override_funding(call, proposal=a, fund=True, reason=" ", by=cast.staff_a)
    assert error.value.message_dict == {
        "reason": ["Give the reason for the override; it is kept in the log."]
    }
    panel_domain.override_funding(call, proposal=a, fund=True, reason="Strategic priority", by=cast.staff_a)
    panel = panel_domain.build_panel(call)
    assert panel.result.funded == [a.code]
    assert panel.rows[0].decision.reason == "Funded by override: Strategic priority"
    panel_domain.override_funding(call, proposal=a, fund=None, reason="Reconsidered", by=cast.staff_b)
    assert panel_domain.build_panel(call).result.funded == [b.code, c.code]
    log = list(FundingOverride.objects.values_list("proposal", "fund", "reason", "by__username"))
    assert log == [(a.pk, True, "Strategic priority", "officer.a"), (a.pk, None, "Reconsidered", "officer.b")]


def test_an_override_that_breaks_a_budget_is_refused_and_not_logged(at_panel, cast):
    call, a, b, _c = at_panel
    panel_domain.override_funding(call, proposal=a, fund=True, reason="Priority", by=cast.staff_a)
    with pytest.raises(ValidationError) as error:
        panel_domain.override_funding(call, proposal=b, fund=True, reason="Also", by=cast.staff_a)
    assert "CN" in error.value.messages[0]
    assert FundingOverride.objects.count() == 1


def test_deciding_records_outcomes_and_sends_letters(
    at_panel, cast, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = IMMEDIATE
    call, a, b, c = at_panel
    with django_capture_on_commit_callbacks(execute=True):
        decisions = panel_domain.decide_call(call, by=cast.staff_a)
    assert [(d.proposal, d.funded, d.rank) for d in decisions] == [(a, False, 1), (b, True, 2), (c, True, 3)]
    call.refresh_from_db()
    assert call.status == CallStatus.DECIDED
    assert call.transitions.last().to_status == CallStatus.DECIDED
    a.refresh_from_db()
    assert a.status == ProposalStatus.NOT_FUNDED
    assert FundingDecision.objects.filter(funded=True).count() == 2
    assert [m.to for m in mail.outbox] == [["applicant@example.org"]]
    assert "could not be funded" in mail.outbox[0].body
    assert Letter.objects.filter(sent_at__isnull=False).count() == 3
    with pytest.raises(ValidationError):
        panel_domain.decide_call(call)


def test_each_agency_exports_its_own_funded_partners(client, at_panel, cast, settings):
    settings.TASKS = IMMEDIATE
    call, _a, b, c = at_panel
    panel_domain.decide_call(call, by=cast.staff_a)
    client.force_login(cast.staff_b)
    response = client.get(f"/calls/{call.pk}/export/CN.csv")
    assert response["Content-Disposition"] == f'attachment; filename="call-{call.pk}-funded-CN.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [
        panel_domain.EXPORT_COLUMNS,
        [b.code, b.acronym, "Beta", "CN B", "CN", "Dr. Li Wei", "Partner", "300000.00", "CNY"],
        [c.code, c.acronym, "Gamma", "CN C", "CN", "Dr. Li Wei", "Partner", "300000.00", "CNY"],
    ]
    assert client.get(f"/calls/{call.pk}/export/TR.csv").status_code == 403
    workbook = load_workbook(io.BytesIO(client.get(f"/calls/{call.pk}/export/CN.xlsx").content))
    assert [cell.value for cell in workbook.active[2]][3:] == [
        "CN B",
        "CN",
        "Dr. Li Wei",
        "Partner",
        300000,
        "CNY",
    ]


def test_the_panel_page_shows_ranking_and_reasons(client, at_panel, cast):
    call, a, b, c = at_panel
    client.force_login(cast.staff_a)
    response = client.get(f"/calls/{call.pk}/panel/")
    assert [row.proposal for row in response.context["panel"].rows] == [a, b, c]
    assert "does not fit" in response.content.decode() or "combination" in response.content.decode()
