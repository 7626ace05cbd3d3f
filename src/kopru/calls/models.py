"""Joint R&D calls: the call, proposals with their consortium, reviewers, assignments, reviews, funding.

Models stay slim: rules and state changes live in `kopru.calls.domain`.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.calls.enums import (
    DEADLINE_ZONES,
    AssignmentSource,
    AttachmentKind,
    BudgetCategory,
    CallStatus,
    PartnerRole,
    ProposalStatus,
    RunStatus,
)

MONEY = {"max_digits": 16, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class Call(models.Model):
    """A joint call run by two agencies, one per side; each funds its own side's partners."""

    title = models.CharField(_("title"), max_length=300)
    description = models.TextField(_("description"), blank=True)
    agency_a = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency of side A")
    )
    agency_b = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("agency of side B")
    )
    budget_a = models.DecimalField(_("budget of side A"), **MONEY)
    currency_a = models.CharField(_("currency of side A"), max_length=3)
    budget_b = models.DecimalField(_("budget of side B"), **MONEY)
    currency_b = models.CharField(_("currency of side B"), max_length=3)
    topics = models.ManyToManyField("core.Sector", related_name="calls", verbose_name=_("topics"))
    eligibility = models.JSONField(_("eligibility rules"), default=dict, blank=True)
    rubric = models.JSONField(_("review rubric"), default=list)
    reviews_per_proposal = models.PositiveSmallIntegerField(_("reviews per proposal"), default=3)
    max_reviewer_load = models.PositiveSmallIntegerField(_("most proposals per reviewer"), default=8)
    quality_threshold = models.DecimalField(
        _("lowest fundable quality"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    topic_minimums = models.JSONField(
        _("minimum funded per topic"),
        default=dict,
        blank=True,
        help_text=_('Optional, e.g. {"battery": 1}: at least this many funded proposals on a topic.'),
    )
    blind = models.BooleanField(
        _("blind review"), default=True, help_text=_("Hide applicant identities from reviewers.")
    )
    opens_at = models.DateTimeField(_("opens"), null=True, blank=True)
    deadline = models.DateTimeField(_("submission deadline"))  # stored in UTC, like every time
    # The zone the deadline was set in: forms show and read it there (pages show it in every zone).
    deadline_zone = models.CharField(
        _("deadline time zone"), max_length=40, choices=DEADLINE_ZONES, default="Europe/Istanbul"
    )
    status = models.CharField(
        _("status"), max_length=20, choices=CallStatus.choices, default=CallStatus.DRAFT
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords(m2m_fields=[topics])

    class Meta:
        ordering = ["-deadline", "pk"]
        verbose_name = _("call")
        verbose_name_plural = _("calls")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("calls:call-detail", args=[self.pk])

    @property
    def sides(self) -> tuple[str, str]:
        return settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B

    def currency_of(self, side: str) -> str:
        return {settings.KOPRU_SIDE_A: self.currency_a, settings.KOPRU_SIDE_B: self.currency_b}.get(side, "")

    def budget_of(self, side: str) -> Decimal | None:
        return {settings.KOPRU_SIDE_A: self.budget_a, settings.KOPRU_SIDE_B: self.budget_b}.get(side)

    def agency_of(self, side: str):
        return {settings.KOPRU_SIDE_A: self.agency_a, settings.KOPRU_SIDE_B: self.agency_b}.get(side)


class CallTransition(models.Model):
    """A dated move of a call from one status to the next."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=CallStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CallStatus.choices)
    at = models.DateTimeField(_("when"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("call status change")
        verbose_name_plural = _("call status changes")

    def __str__(self):
        return f"{self.call}: {self.from_status or '—'} → {self.to_status}"


class Proposal(models.Model):
    """An application to a call by a consortium; `organisation` is the applicant (coordinator), its owner."""

    call = models.ForeignKey(Call, on_delete=models.PROTECT, related_name="proposals", verbose_name=_("call"))
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("applicant")
    )
    title = models.CharField(_("title"), max_length=300)
    acronym = models.CharField(_("acronym"), max_length=30, blank=True)
    topic = models.ForeignKey(
        "core.Sector",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("topic"),
    )
    keywords = models.CharField(_("keywords"), max_length=300, blank=True, help_text=_("Comma-separated."))
    abstract = models.TextField(_("abstract"), blank=True)
    work_plan = models.TextField(_("work plan"), blank=True)
    duration_months = models.PositiveSmallIntegerField(_("duration (months)"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.DRAFT
    )
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["call", "pk"]
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return f"{self.acronym}: {self.title}" if self.acronym else self.title

    def get_absolute_url(self):
        return reverse("calls:proposal-detail", args=[self.pk])

    @property
    def code(self) -> str:
        """A neutral reference that reveals nothing about the applicant (used in blind review)."""
        return f"P-{self.call_id}-{self.pk:04d}"


class Partner(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        "core.Organisation", on_delete=models.PROTECT, related_name="+", verbose_name=_("organisation")
    )
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    principal_investigator = models.CharField(_("principal investigator"), max_length=200, blank=True)
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )

    class Meta:
        ordering = ["proposal", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["proposal", "organisation"], name="one_partner_row_per_organisation"
            )
        ]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.organisation} ({self.country_id})"


class BudgetLine(models.Model):
    """Money a partner asks from its own side's agency, in that agency's currency."""

    partner = models.ForeignKey(Partner, on_delete=models.CASCADE, related_name="budget_lines")
    category = models.CharField(_("category"), max_length=20, choices=BudgetCategory.choices)
    description = models.CharField(_("description"), max_length=200, blank=True)
    amount = models.DecimalField(_("amount"), **MONEY)

    class Meta:
        ordering = ["partner", "pk"]
        verbose_name = _("budget line")
        verbose_name_plural = _("budget lines")

    def __str__(self):
        return f"{self.get_category_display()}: {self.amount}"


def attachment_path(instance, filename):
    # The stored name is random: an uploaded name never reaches the file system or a URL.
    return f"calls/attachments/{instance.sha256[:2]}/{instance.sha256}.pdf"


class Attachment(models.Model):
    """A PDF attached to a proposal; always served as a download, never inline."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    kind = models.CharField(_("kind"), max_length=30, choices=AttachmentKind.choices)
    file = models.FileField(_("file"), upload_to=attachment_path)
    original_name = models.CharField(_("file name"), max_length=200)
    size = models.PositiveIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["proposal", "kind", "pk"]
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.original_name}"


class ReviewerProfile(models.Model):
    """A reviewer's expertise, used for matching, and their organisation, used for conflicts."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reviewer_profile"
    )
    display_name = models.CharField(_("name"), max_length=200, blank=True)
    organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("organisation"),
    )
    country = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country")
    )
    sectors = models.ManyToManyField("core.Sector", blank=True, related_name="+", verbose_name=_("sectors"))
    keywords = models.CharField(_("keywords"), max_length=300, blank=True, help_text=_("Comma-separated."))
    expertise = models.TextField(_("expertise"), blank=True, help_text=_("A short description of your work."))
    max_load = models.PositiveSmallIntegerField(
        _("most proposals"), null=True, blank=True, help_text=_("Empty: the call's limit applies.")
    )
    active = models.BooleanField(_("available for assignment"), default=True)
    history = HistoricalRecords(m2m_fields=[sectors])

    class Meta:
        ordering = ["display_name", "pk"]
        verbose_name = _("reviewer profile")
        verbose_name_plural = _("reviewer profiles")

    def __str__(self):
        return self.display_name or self.user.get_username()


class ConflictDeclaration(models.Model):
    """A reviewer's declared conflict of interest with one proposal; it removes any assignment."""

    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="conflicts")
    reason = models.TextField(_("reason"))
    declared_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["reviewer", "proposal"], name="one_conflict_per_reviewer_and_proposal"
            )
        ]
        verbose_name = _("declared conflict")
        verbose_name_plural = _("declared conflicts")

    def __str__(self):
        return f"{self.reviewer} × {self.proposal.code}"


class AssignmentRun(models.Model):
    """One run of the optimal assignment solver on a call (a background task)."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="assignment_runs")
    status = models.CharField(max_length=20, choices=RunStatus.choices, default=RunStatus.QUEUED)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Touched every few seconds by the worker solving the run (kopru.core.heartbeat).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    objective = models.FloatField(null=True, blank=True)
    conflicts_detected = models.PositiveIntegerField(null=True, blank=True)
    assignments_made = models.PositiveIntegerField(null=True, blank=True)
    explanation = models.TextField(blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("assignment run")
        verbose_name_plural = _("assignment runs")

    def __str__(self):
        return f"{self.call}: run {self.pk} ({self.status})"


class ReviewAssignment(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="assignments")
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    affinity = models.FloatField(default=0.0)
    source = models.CharField(max_length=10, choices=AssignmentSource.choices)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["proposal", "reviewer__username"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="one_assignment_per_pair")
        ]
        verbose_name = _("review assignment")
        verbose_name_plural = _("review assignments")

    def __str__(self):
        return f"{self.proposal.code} → {self.reviewer}"


class Review(models.Model):
    """Rubric scores and comments by one assigned reviewer; editable until submitted."""

    # PROTECT: deleting an assignment never takes a review with it; whoever removes an assignment deletes
    # a draft review explicitly and must refuse when the review is submitted.
    assignment = models.OneToOneField(ReviewAssignment, on_delete=models.PROTECT, related_name="review")
    scores = models.JSONField(_("scores"), default=dict)
    comment_to_applicant = models.TextField(_("comments for the applicants"), blank=True)
    comment_to_panel = models.TextField(_("confidential comments for the panel"), blank=True)
    submitted_at = models.DateTimeField(_("submitted"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assignment__proposal", "pk"]
        verbose_name = _("review")
        verbose_name_plural = _("reviews")

    def __str__(self):
        return f"review of {self.assignment.proposal.code}"


class FundingOverride(models.Model):
    """An officer's forced decision for one proposal, with a reason. Append-only: the latest row counts;
    `fund=None` lifts the previous override. The rows are the audit log."""

    call = models.ForeignKey(Call, on_delete=models.CASCADE, related_name="overrides")
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="overrides")
    fund = models.BooleanField(_("fund"), null=True)
    reason = models.TextField(_("reason"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("funding override")
        verbose_name_plural = _("funding overrides")

    def __str__(self):
        return f"{self.proposal.code}: {self.fund}"


class FundingDecision(models.Model):
    """The recorded outcome for one proposal when the call is decided."""

    proposal = models.OneToOneField(Proposal, on_delete=models.CASCADE, related_name="decision")
    funded = models.BooleanField(_("funded"))
    kind = models.CharField(_("kind"), max_length=30)
    reason = models.TextField(_("reason"))
    rank = models.PositiveIntegerField(_("rank"), null=True)
    quality = models.FloatField(_("quality"), null=True)
    decided_at = models.DateTimeField(_("decided"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["rank", "pk"]
        verbose_name = _("funding decision")
        verbose_name_plural = _("funding decisions")

    def __str__(self):
        return f"{self.proposal.code}: {'funded' if self.funded else 'not funded'}"


class Letter(models.Model):
    """A decision letter as sent through Django's mail backend."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="letters")
    recipients = models.JSONField(default=list)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("letter")
        verbose_name_plural = _("letters")

    def __str__(self):
        return self.subject
