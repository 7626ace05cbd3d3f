"""Watched sources: feeds and press-release pages an officer follows, what they yielded, and each fetch."""

import datetime

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kopru.core.models.visibility import VisibleRecord
from kopru.sources.enums import FAILED_OUTCOMES, FetchOutcome, SourceKind


class Source(VisibleRecord):
    """A URL fetched on a schedule; its items become documents (with this visibility) and are extracted."""

    name = models.CharField(_("name"), max_length=200)
    url = models.URLField(_("URL"), max_length=1000, unique=True)
    kind = models.CharField(_("kind"), max_length=10, choices=SourceKind.choices, default=SourceKind.FEED)
    language = models.CharField(_("language"), max_length=10, default="en")
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    interval_minutes = models.PositiveIntegerField(
        _("fetch every (minutes)"),
        default=60,
        validators=[MinValueValidator(5), MaxValueValidator(7 * 24 * 60)],
    )
    active = models.BooleanField(_("active"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # HTTP validators of the last successful fetch, sent back for a conditional GET.
    etag = models.CharField(max_length=500, blank=True)
    last_modified = models.CharField(max_length=100, blank=True)
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("sources:detail", args=[self.pk])

    def is_due(self, now: datetime.datetime) -> bool:
        if not self.active:
            return False
        if self.last_fetched_at is None:
            return True
        return self.last_fetched_at + datetime.timedelta(minutes=self.interval_minutes) <= now


class SourceItem(models.Model):
    """One article found in a source, stored once: by its URL and by the checksum of its text."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="items")
    url = models.URLField(_("URL"), max_length=1000, unique=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    checksum = models.CharField(max_length=64, db_index=True)
    document = models.ForeignKey(
        "core.Document", null=True, blank=True, on_delete=models.SET_NULL, related_name="source_items"
    )
    ingest_item = models.ForeignKey(
        "intel.IngestItem", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    found_at = models.DateTimeField(_("found"), auto_now_add=True)

    class Meta:
        ordering = ["-found_at", "-pk"]
        verbose_name = _("source item")
        verbose_name_plural = _("source items")

    def __str__(self):
        return self.title or self.url


class FetchLog(models.Model):
    """What one fetch of a source did: new items, duplicates, or why it failed."""

    source = models.ForeignKey(Source, on_delete=models.CASCADE, related_name="fetches")
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"))
    outcome = models.CharField(_("outcome"), max_length=20, choices=FetchOutcome.choices)
    http_status = models.PositiveSmallIntegerField(_("HTTP status"), null=True, blank=True)
    new_items = models.PositiveIntegerField(_("new items"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    item_errors = models.PositiveIntegerField(_("item errors"), default=0)
    message = models.TextField(_("message"), blank=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        indexes = [models.Index(fields=["source", "-started_at"])]
        verbose_name = _("fetch")
        verbose_name_plural = _("fetches")

    def __str__(self):
        return f"{self.source}: {self.get_outcome_display()} at {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def failed(self) -> bool:
        return self.outcome in FAILED_OUTCOMES
