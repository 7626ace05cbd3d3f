from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models.visibility import VisibleRecord


class Document(VisibleRecord):
    title = models.CharField(_("title"), max_length=500)
    publisher = models.CharField(_("publisher"), max_length=200, blank=True)
    published_date = models.DateField(_("published"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=10, default="en")
    source_url = models.URLField(_("source URL"), max_length=1000, blank=True)
    file = models.FileField(_("file"), upload_to="documents/%Y/%m/", blank=True)
    original_name = models.CharField(_("original file name"), max_length=300, blank=True)
    text = models.TextField(_("text"), blank=True)
    checksum = models.CharField(_("SHA-256 checksum"), max_length=64, unique=True, editable=False)
    search_text = FoldedSearchField(sources=("title", "publisher"))
    history = HistoricalRecords(excluded_fields=["text"])

    class Meta:
        ordering = ["-published_date", "-created_at"]
        indexes = [
            # The list's default order, and its publisher and language filter menus (index-only scans).
            models.Index(fields=["-published_date", "-created_at"], name="core_document_listing"),
            models.Index(fields=["publisher", "visibility", "owner_side"], name="core_document_publisher"),
            models.Index(fields=["language", "visibility", "owner_side"], name="core_document_language"),
        ]
        verbose_name = _("document")
        verbose_name_plural = _("documents")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("record-detail", args=["documents", self.pk])


class Evidence(models.Model):
    """A character span of a document that supports a fact (any record)."""

    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="evidence", verbose_name=_("document")
    )
    start = models.PositiveIntegerField(_("start offset"))
    end = models.PositiveIntegerField(_("end offset"))
    quote = models.TextField(_("quoted text"))
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    fact = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["document_id", "start"]
        indexes = [models.Index(fields=["content_type", "object_id"])]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self):
        return f"{self.document}: “{self.quote[:80]}”"

    def clean(self):
        super().clean()
        if self.end <= self.start:
            raise ValidationError({"end": _("The span must end after it starts.")})
        if self.document_id and self.end > len(self.document.text):
            raise ValidationError({"end": _("The span runs past the end of the document.")})
        if self.document_id and self.document.text[self.start : self.end] != self.quote:
            raise ValidationError({"quote": _("The quote does not match the document text at this span.")})
