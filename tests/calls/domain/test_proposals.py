"""Applicants: drafts, the consortium, PDF attachments, eligibility, submission before the deadline only,
withdrawal. Every bad input is refused with a clear reason and leaves nothing half-saved."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from kopru.calls.domain import proposals as proposal_domain
from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.calls.models import Attachment, Partner, Proposal
from kopru.core.domain.accounts import create_member
from kopru.core.enums import Role
from tests.factories import PDF, CallFactory, draft, organisation, past_deadline

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def setup(cast):
    call = CallFactory()
    owner = cast.company_organisation
    owner.country_id = "TR"
    owner.save()
    partner = organisation("Shenzhen Battery Lab", "CN")
    return call, owner, partner


def test_a_complete_draft_is_eligible_and_submits(setup, cast):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "400000")], user=cast.company)
    report = proposal_domain.check_eligibility(proposal)
    assert report.failures == []
    proposal_domain.submit_proposal(proposal, by=cast.company)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal.submitted_at is not None
    assert proposal_domain.budget_by_side(proposal) == {"TR": Decimal("500000"), "CN": Decimal("400000")}


def test_submission_after_the_deadline_is_refused(setup):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "400000")])
    past_deadline(call)
    with pytest.raises(ValidationError) as error:
        proposal_domain.submit_proposal(proposal)
    assert "deadline" in error.value.messages[0]
    proposal.refresh_from_db()
    assert (proposal.status, proposal.submitted_at) == (ProposalStatus.DRAFT, None)


def test_the_deadline_is_checked_on_the_server_clock(setup):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "400000")])
    one_second_late = call.deadline + datetime.timedelta(seconds=1)
    with pytest.raises(ValidationError):
        proposal_domain.submit_proposal(proposal, now=one_second_late)
    proposal_domain.submit_proposal(proposal, now=call.deadline)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED


def test_a_consortium_without_a_partner_from_one_country_is_refused_with_the_reason(setup):
    call, owner, _partner = setup
    proposal = draft(call, owner)
    with pytest.raises(ValidationError) as error:
        proposal_domain.submit_proposal(proposal)
    assert error.value.messages == [
        "Not eligible: No partner from CN: the consortium has partners from TR only."
    ]
    assert Proposal.objects.get(pk=proposal.pk).status == ProposalStatus.DRAFT


def test_a_budget_over_the_sides_limit_is_refused(setup):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "1600000")])
    with pytest.raises(ValidationError) as error:
        proposal_domain.submit_proposal(proposal)
    assert error.value.messages == [
        "Not eligible: The CN side asks 1,600,000 CNY, more than the maximum of 1,500,000 CNY."
    ]


def test_every_failure_is_reported_at_once(setup):
    call, owner, _partner = setup
    proposal = draft(call, owner, with_file=False)
    proposal.abstract = ""
    proposal.save()
    failures = [r.rule for r in proposal_domain.check_eligibility(proposal).failures]
    assert failures == ["partner_countries", "documents", "abstract"]


def test_wrong_file_types_are_refused_by_their_bytes(setup):
    call, owner, _partner = setup
    proposal = draft(call, owner, with_file=False)
    html = b"<html><script>alert(1)</script></html>"
    for name, content in [("evil.pdf", html), ("plan.html", PDF), ("empty.pdf", b"")]:
        with pytest.raises(ValidationError) as error:
            proposal_domain.attach_file(proposal, kind="work_plan", name=name, content=content)
        assert "file" in error.value.message_dict
    assert Attachment.objects.filter(proposal=proposal).count() == 0


def test_oversized_files_are_refused(setup, monkeypatch):
    call, owner, _partner = setup
    proposal = draft(call, owner, with_file=False)
    monkeypatch.setattr(proposal_domain, "MAX_ATTACHMENT_BYTES", 1024)
    with pytest.raises(ValidationError) as error:
        proposal_domain.attach_file(proposal, kind="work_plan", name="big.pdf", content=PDF + b"0" * 2000)
    assert error.value.message_dict["file"] == ["The file has 0.0 MB; at most 0 MB are accepted."]
    assert Attachment.objects.filter(proposal=proposal).count() == 0


def test_upload_page_refuses_a_renamed_html_file_and_says_why(client, setup, cast):
    call, owner, _partner = setup
    proposal = draft(call, owner, with_file=False)
    client.force_login(cast.company)
    upload = SimpleUploadedFile("cv.pdf", b"<html>hi</html>", content_type="application/pdf")
    response = client.post(
        f"/calls/proposals/{proposal.pk}/attachments/", {"kind": "cv", "file": upload}, follow=True
    )
    assert response.status_code == 200
    assert [str(m) for m in response.context["messages"]] == [
        "PDF file: Only PDF files are accepted (this file is not a PDF)."
    ]
    assert proposal.attachments.count() == 0


def test_attachments_are_always_downloads_never_inline(client, setup, cast):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "1")])
    attachment = proposal.attachments.get()
    client.force_login(cast.company)
    response = client.get(f"/calls/attachments/{attachment.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="plan.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == PDF


def test_a_draft_changes_only_while_the_call_is_open(setup):
    call, owner, partner = setup
    proposal = draft(call, owner)
    past_deadline(call)
    call.status = CallStatus.CLOSED
    call.save()
    proposal.refresh_from_db()
    with pytest.raises(ValidationError) as error:
        proposal_domain.add_partner(proposal, organisation=partner, country=partner.country)
    assert error.value.messages == ["The call is no longer open."]
    assert Partner.objects.filter(proposal=proposal).count() == 1


def test_the_same_organisation_cannot_join_twice(setup):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "1")])
    with pytest.raises(ValidationError) as error:
        proposal_domain.add_partner(proposal, organisation=partner, country=partner.country)
    assert error.value.message_dict == {"organisation": ["This organisation is already a partner."]}


def test_withdrawal_before_the_decision(setup):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "400000")])
    proposal_domain.submit_proposal(proposal)
    proposal_domain.withdraw_proposal(proposal)
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.WITHDRAWN
    assert proposal.withdrawn_at <= timezone.now()
    with pytest.raises(ValidationError):
        proposal_domain.withdraw_proposal(proposal)


def test_the_applicant_walks_the_pages(client, setup, cast):
    call, _owner, partner = setup
    client.force_login(cast.company)
    response = client.post(
        f"/calls/{call.pk}/apply/",
        {
            "title": "Sodium cells",
            "acronym": "NACELL",
            "topic": call.topics.get(code="battery").pk,
            "keywords": "sodium",
            "duration_months": 24,
            "abstract": "Sodium-ion cells.",
            "work_plan": "WP1, WP2.",
            "principal_investigator": "Dr. Ayşe",
        },
    )
    proposal = Proposal.objects.get(title="Sodium cells")
    assert response.status_code == 302
    assert response["Location"] == f"/calls/proposals/{proposal.pk}/"
    coordinator = proposal.partners.get()
    client.post(
        f"/calls/proposals/{proposal.pk}/partners/",
        {"organisation": partner.pk, "country": "CN", "principal_investigator": "Dr. Li", "role": "partner"},
    )
    cn = proposal.partners.get(country_id="CN")
    for target, amount in [(coordinator, "100000"), (cn, "90000")]:
        client.post(
            f"/calls/proposals/{proposal.pk}/budget/",
            {"partner": target.pk, "category": "personnel", "description": "", "amount": amount},
        )
    client.post(
        f"/calls/proposals/{proposal.pk}/attachments/",
        {"kind": "work_plan", "file": SimpleUploadedFile("plan.pdf", PDF, content_type="application/pdf")},
    )
    page = client.get(f"/calls/proposals/{proposal.pk}/")
    assert page.context["eligibility"].failures == []
    response = client.post(f"/calls/proposals/{proposal.pk}/submit/", follow=True)
    assert [str(m) for m in response.context["messages"]] == [
        "Submitted. You can withdraw it until the call is decided."
    ]
    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.SUBMITTED
    assert proposal_domain.budget_by_side(proposal) == {"TR": Decimal("100000"), "CN": Decimal("90000")}
    printable = client.get(f"/calls/proposals/{proposal.pk}/print/")
    assert "Sodium-ion cells." in printable.content.decode()


def test_editing_a_draft_updates_the_coordinators_principal_investigator(client, setup, cast):
    call, owner, _partner = setup
    proposal = draft(call, owner)
    client.force_login(cast.company)
    data = {
        "title": "Renamed",
        "acronym": "REN",
        "topic": proposal.topic_id,
        "keywords": "",
        "duration_months": 12,
        "abstract": "A",
        "work_plan": "W",
        "principal_investigator": "Prof. Deniz Ak",
    }
    assert client.post(f"/calls/proposals/{proposal.pk}/edit/", data).status_code == 302
    proposal.refresh_from_db()
    assert (proposal.title, proposal.partners.get().principal_investigator) == ("Renamed", "Prof. Deniz Ak")


def test_a_partner_organisations_user_reads_but_cannot_change_the_proposal(client, setup, cast):
    call, owner, partner = setup
    proposal = draft(call, owner, partners=[(partner, "1")])
    member = create_member("cn.member", role=Role.COMPANY, organisation=partner)
    client.force_login(member)
    assert client.get(f"/calls/proposals/{proposal.pk}/").status_code == 200
    assert client.get(f"/calls/proposals/{proposal.pk}/edit/").status_code == 403
    assert client.post(f"/calls/proposals/{proposal.pk}/submit/").status_code == 403
