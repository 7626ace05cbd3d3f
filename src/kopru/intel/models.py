from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopru.intel.domain.labels import event_label, organisation_label
from kopru.intel.enums import (
    FINISHED_ITEM_STATUSES,
    CorrectedEntity,
    CorrectionKind,
    ItemStatus,
    SuggestionKind,
    SuggestionStatus,
)


class IngestBatch(models.Model):
    """One upload or one `kopru ingest` run: the unit whose progress a person watches."""

    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    label = models.CharField(_("label"), max_length=200, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ingestion batch")
        verbose_name_plural = _("ingestion batches")

    def __str__(self):
        return self.label or f"Batch {self.pk}"

    def get_absolute_url(self):
        return reverse("intel:batch", args=[self.pk])


class IngestItem(models.Model):
    """One file of a batch: read and stored at once; extracted later by a background task."""

    batch = models.ForeignKey(IngestBatch, on_delete=models.CASCADE, related_name="items")
    name = models.CharField(_("file"), max_length=500)
    document = models.ForeignKey(
        "core.Document", null=True, blank=True, on_delete=models.CASCADE, related_name="ingest_items"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ItemStatus.choices, default=ItemStatus.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    duplicate = models.BooleanField(_("already stored"), default=False)
    attempts = models.PositiveSmallIntegerField(default=0)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # Touched every few seconds by the worker extracting the item (kopru.core.heartbeat).
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    suggestions_created = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("ingested file")
        verbose_name_plural = _("ingested files")

    def __str__(self):
        return self.name

    @property
    def finished(self) -> bool:
        return self.status in FINISHED_ITEM_STATUSES


class Suggestion(models.Model):
    """A fact the pipeline found in a document, waiting for an officer to accept, edit or reject it."""

    document = models.ForeignKey("core.Document", on_delete=models.CASCADE, related_name="suggestions")
    kind = models.CharField(_("kind"), max_length=20, choices=SuggestionKind.choices)
    label = models.CharField(_("suggestion"), max_length=500)
    payload = models.JSONField(_("extracted data"))
    fingerprint = models.CharField(
        max_length=64,
        db_index=True,
        help_text="Stable key of the fact within its document: decisions survive re-ingestion.",
    )
    confidence = models.FloatField(_("confidence"))
    evidence_start = models.PositiveIntegerField(null=True, blank=True)
    evidence_end = models.PositiveIntegerField(null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=SuggestionStatus.choices, default=SuggestionStatus.PENDING
    )
    # The record the suggestion would update (entity resolution), and the record accepting it produced.
    match_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    match_id = models.PositiveBigIntegerField(null=True, blank=True)
    match = GenericForeignKey("match_type", "match_id")
    match_note = models.CharField(max_length=200, blank=True)
    result_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    result_id = models.PositiveBigIntegerField(null=True, blank=True)
    result = GenericForeignKey("result_type", "result_id")
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document_id", "kind", "-confidence", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "fingerprint"], name="one_suggestion_per_fact_and_document"
            )
        ]
        verbose_name = _("suggestion")
        verbose_name_plural = _("suggestions")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.get_label_display()}"

    def get_absolute_url(self):
        return reverse("intel:suggestion", args=[self.pk])

    def get_label_display(self) -> str:
        """The label in the reader's language where the platform wrote it from the data (events,
        investments, organisations); the stored English label otherwise."""
        payload = self.payload if isinstance(self.payload, dict) else {}
        if self.kind in ("event", "investment") and payload.get("type"):
            return event_label(payload)
        if self.kind == "organisation" and payload.get("name"):
            return organisation_label(payload)
        return self.label

    @property
    def quote(self) -> str:
        if self.evidence_start is None or self.evidence_end is None:
            return ""
        return self.document.text[self.evidence_start : self.evidence_end]


class Correction(models.Model):
    """What a reviewer's reject or edit taught the extractor: "this surface form is not a person", "this
    name is another name of that organisation", "this is no claim". Applied to every later extraction in the
    installation; a correction made on an internal document applies only to its side's documents."""

    kind = models.CharField(_("kind"), max_length=20, choices=CorrectionKind.choices)
    entity = models.CharField(_("entity"), max_length=20, choices=CorrectedEntity.choices)
    surface = models.CharField(_("as found"), max_length=500)
    surface_key = models.CharField(max_length=500, db_index=True, help_text="The surface form, folded.")
    target = models.CharField(
        _("corrected to"),
        max_length=500,
        blank=True,
        help_text="The name it denotes (another name of); metric=value of a claim that is none.",
    )
    owner_side = models.CharField(
        _("owner side"), max_length=2, blank=True, help_text=_("Empty: applies to every document.")
    )
    suggestion = models.ForeignKey(
        Suggestion, null=True, blank=True, on_delete=models.SET_NULL, related_name="corrections"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("correction")
        verbose_name_plural = _("corrections")

    def __str__(self):
        target = f" → {self.target}" if self.target else ""
        return f"{self.get_kind_display()}: {self.surface}{target}"
