"""Proposals: drafts, the consortium and its budget, PDF attachments, eligibility, submission, withdrawal."""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from kopru.calls.domain.calls import call_rules
from kopru.calls.eligibility import EligibilityReport, ProposalSubmission, RuleResult, evaluate
from kopru.calls.eligibility import Partner as EligibilityPartner
from kopru.calls.enums import CallStatus, PartnerRole, ProposalStatus
from kopru.calls.models import Attachment, BudgetLine, Call, Partner, Proposal, Review

# Proposal attachments are PDFs of modest size; the site-wide upload limit still caps them.
MAX_ATTACHMENT_BYTES = min(10 * 1024 * 1024, settings.KOPRU_MAX_UPLOAD_BYTES)
PDF_MAGIC = b"%PDF-"


def with_consortium(queryset):
    """Partners, their organisations and budget lines in three queries, whatever the number of proposals."""
    return queryset.select_related("call", "organisation", "topic").prefetch_related(
        Prefetch(
            "partners",
            queryset=Partner.objects.select_related("organisation", "country").prefetch_related(
                "budget_lines"
            ),
        ),
        "attachments",
    )


def partner_budget(partner: Partner) -> Decimal:
    return sum((line.amount for line in partner.budget_lines.all()), Decimal("0"))


def budget_by_side(proposal: Proposal) -> dict[str, Decimal]:
    """What each side's agency is asked for: the sum of its own partners' budget lines."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for partner in proposal.partners.all():
        totals[partner.country_id] += partner_budget(partner)
    return dict(totals)


@transaction.atomic
def start_proposal(call: Call, *, user, organisation, principal_investigator: str = "", **fields) -> Proposal:
    """A draft proposal, with the applicant as coordinator of the consortium."""
    if call.status != CallStatus.OPEN:
        raise ValidationError(_("This call is not open for proposals."))
    proposal = Proposal(call=call, organisation=organisation, created_by=user, **fields)
    proposal.full_clean()
    proposal.save()
    if organisation.country_id:
        Partner.objects.create(
            proposal=proposal,
            organisation=organisation,
            country_id=organisation.country_id,
            role=PartnerRole.COORDINATOR,
            principal_investigator=principal_investigator,
        )
    return proposal


@transaction.atomic
def update_proposal(proposal: Proposal, *, principal_investigator: str | None = None) -> Proposal:
    """Save the draft's fields (already set on the instance) and the coordinator's principal investigator."""
    ensure_editable(proposal)
    proposal.full_clean()
    proposal.save()
    if principal_investigator is not None:
        proposal.partners.filter(organisation=proposal.organisation).update(
            principal_investigator=principal_investigator
        )
    return proposal


def ensure_editable(proposal: Proposal, now=None) -> None:
    if proposal.status != ProposalStatus.DRAFT:
        raise ValidationError(
            _("Only a draft can be changed; this proposal is %(status)s.")
            % {"status": proposal.get_status_display().lower()}
        )
    if proposal.call.status != CallStatus.OPEN:
        raise ValidationError(_("The call is no longer open."))


@transaction.atomic
def add_partner(
    proposal: Proposal, *, organisation, country, principal_investigator="", role=PartnerRole.PARTNER
):
    ensure_editable(proposal)
    if proposal.partners.filter(organisation=organisation).exists():
        raise ValidationError({"organisation": _("This organisation is already a partner.")})
    if role == PartnerRole.COORDINATOR and proposal.partners.filter(role=PartnerRole.COORDINATOR).exists():
        raise ValidationError({"role": _("The consortium already has a coordinator.")})
    partner = Partner(
        proposal=proposal,
        organisation=organisation,
        country=country,
        principal_investigator=principal_investigator,
        role=role,
    )
    partner.full_clean()
    partner.save()
    return partner


@transaction.atomic
def remove_partner(partner: Partner) -> None:
    ensure_editable(partner.proposal)
    partner.delete()


@transaction.atomic
def add_budget_line(partner: Partner, *, category: str, amount: Decimal, description: str = "") -> BudgetLine:
    ensure_editable(partner.proposal)
    line = BudgetLine(partner=partner, category=category, amount=amount, description=description)
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def remove_budget_line(line: BudgetLine) -> None:
    ensure_editable(line.partner.proposal)
    line.delete()


def check_size(size: int) -> None:
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file has %(size)s MB; at most %(limit)s MB are accepted.")
                % {"size": f"{size / 1_048_576:.1f}", "limit": f"{MAX_ATTACHMENT_BYTES / 1_048_576:.0f}"}
            }
        )


def check_pdf(name: str, content: bytes) -> None:
    """PDF only, by its bytes (not its name or the browser's content type), and not too large."""
    check_size(len(content))
    if not content:
        raise ValidationError({"file": _("The file is empty.")})
    if not content[:1024].lstrip(b"\x00\t\n\r ").startswith(PDF_MAGIC) or not name.lower().endswith(".pdf"):
        raise ValidationError({"file": _("Only PDF files are accepted (this file is not a PDF).")})


@transaction.atomic
def attach_file(proposal: Proposal, *, kind: str, name: str, content: bytes, user=None) -> Attachment:
    ensure_editable(proposal)
    check_pdf(name, content)
    digest = hashlib.sha256(content).hexdigest()
    safe_name = "".join(ch for ch in name.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] if ch.isprintable())[:200]
    attachment = Attachment(
        proposal=proposal,
        kind=kind,
        original_name=safe_name or "attachment.pdf",
        size=len(content),
        sha256=digest,
        uploaded_by=user,
    )
    attachment.full_clean(exclude=["file"])
    attachment.file.save(f"{digest}.pdf", ContentFile(content), save=False)
    attachment.save()
    return attachment


@transaction.atomic
def remove_attachment(attachment: Attachment) -> None:
    ensure_editable(attachment.proposal)
    attachment.delete()


def eligibility_submission(proposal: Proposal) -> ProposalSubmission:
    call = proposal.call
    partners = tuple(
        EligibilityPartner(
            name=partner.organisation.name,
            country=partner.country_id,
            kind=partner.organisation.kind,
            principal_investigator=partner.principal_investigator or None,
            budget=float(partner_budget(partner)),
            currency=call.currency_of(partner.country_id) or None,
        )
        for partner in proposal.partners.all()
    )
    documents = tuple(sorted({a.kind for a in proposal.attachments.all()}))
    return ProposalSubmission(
        id=str(proposal.pk), partners=partners, duration_months=proposal.duration_months, documents=documents
    )


def check_eligibility(proposal: Proposal) -> EligibilityReport:
    """Every rule of the call with its reason, shown to the applicant before submission and to officers."""
    report = evaluate(eligibility_submission(proposal), call_rules(proposal.call))
    results = list(report.results)
    if not proposal.abstract.strip():
        results.append(_missing("abstract", _("The abstract is empty")))
    if not proposal.work_plan.strip():
        results.append(_missing("work_plan_text", _("The work plan is empty")))
    if proposal.duration_months is None:
        results.append(_missing("duration", _("The duration is not given")))
    return EligibilityReport(report.proposal_id, results)


def _missing(rule, reason):
    return RuleResult(rule, False, str(reason))


@transaction.atomic
def submit_proposal(proposal: Proposal, *, by=None, now=None) -> EligibilityReport:
    """Submit before the deadline (server time, whatever the browser says) if every rule passes."""
    now = now or timezone.now()
    proposal = Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)
    if proposal.status != ProposalStatus.DRAFT:
        raise ValidationError(
            _("This proposal has already been %(status)s.")
            % {"status": proposal.get_status_display().lower()}
        )
    call = proposal.call
    if call.status != CallStatus.OPEN or now > call.deadline:
        raise ValidationError(
            _("The deadline (%(deadline)s UTC) has passed; the call no longer accepts submissions.")
            % {"deadline": call.deadline.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M")}
        )
    report = check_eligibility(proposal)
    if not report.eligible:
        raise ValidationError(
            [_("Not eligible: %(reason)s.") % {"reason": r.reason} for r in report.failures]
        )
    proposal.status = ProposalStatus.SUBMITTED
    proposal.submitted_at = now
    proposal.save(update_fields=["status", "submitted_at", "updated_at"])
    return report


@transaction.atomic
def withdraw_proposal(proposal: Proposal, *, by=None, now=None) -> Proposal:
    """Applicants may withdraw a draft or a submitted proposal until the call is decided."""
    proposal = Proposal.objects.select_for_update().select_related("call").get(pk=proposal.pk)
    if proposal.status not in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED):
        raise ValidationError(_("This proposal can no longer be withdrawn."))
    if proposal.call.status in (CallStatus.DECIDED, CallStatus.ARCHIVED):
        raise ValidationError(_("The call has been decided; the proposal can no longer be withdrawn."))
    proposal.status = ProposalStatus.WITHDRAWN
    proposal.withdrawn_at = now or timezone.now()
    proposal.save(update_fields=["status", "withdrawn_at", "updated_at"])
    # Draft reviews and their assignments go; a submitted review stays on record with its assignment
    # (Review is protected from cascading deletes) and is no longer listed since the proposal is withdrawn.
    Review.objects.filter(assignment__proposal=proposal, submitted_at__isnull=True).delete()
    proposal.assignments.filter(review__isnull=True).delete()
    return proposal
