from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    """An uploaded spreadsheet, parsed and checked but not written until someone confirms it."""

    class Kind(models.TextChoices):
        COMPANIES = "companies", _("Company profiles")
        OPPORTUNITIES = "opportunities", _("Opportunities")

    class Status(models.TextChoices):
        PREVIEW = "preview", _("Waiting for confirmation")
        QUEUED = "queued", _("Importing in the background")
        CONFIRMED = "confirmed", _("Imported")
        FAILED = "failed", _("Failed: nothing was written")
        CANCELLED = "cancelled", _("Cancelled")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.PREVIEW)
    file_name = models.CharField(_("file name"), max_length=300)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("imported"), null=True, blank=True)
    # [{"line": 2, "values": {...cleaned...}, "errors": {"field": "message"}, "duplicate_of": id|None,
    #   "duplicate_line": n|None}]
    rows = models.JSONField(default=list)
    file_errors = models.JSONField(default=list)
    # {"<line>": "merge" | "create" | "skip"} for rows that duplicate an existing record
    decisions = models.JSONField(default=dict, blank=True)
    summary = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.file_name}"

    @property
    def error_rows(self) -> list[dict]:
        return [row for row in self.rows if row["errors"]]

    @property
    def duplicate_rows(self) -> list[dict]:
        return [row for row in self.rows if not row["errors"] and row.get("duplicate_of")]
