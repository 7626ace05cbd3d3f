from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models import VisibleRecord
from kopru.engage.enums import CLAIM_METRIC_LABELS, CLAIM_UNIT_LABELS


class Claim(VisibleRecord):
    """A stated fact or figure ("Türkiye ranks first in Europe in solar energy"), with who said it."""

    subject = models.CharField(_("subject"), max_length=200, help_text=_("What the claim is about."))
    text = models.TextField(_("claim"))
    speaker = models.ForeignKey(
        "core.Person",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        verbose_name=_("stated by"),
    )
    subject_country = models.ForeignKey(
        "core.Country", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("subject country")
    )
    subject_organisation = models.ForeignKey(
        "core.Organisation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        verbose_name=_("subject organisation"),
    )
    sector = models.ForeignKey(
        "core.Sector", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("sector")
    )
    metric = models.CharField(_("metric"), max_length=50, blank=True)
    value = models.DecimalField(_("value"), max_digits=20, decimal_places=4, null=True, blank=True)
    unit = models.CharField(_("unit"), max_length=30, blank=True)
    scope = models.CharField(_("scope"), max_length=100, blank=True)
    stated_on = models.DateField(_("stated on"), null=True, blank=True)
    engagement = models.ForeignKey(
        "engage.Engagement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="claims",
        verbose_name=_("stated at"),
    )
    search_text = FoldedSearchField(sources=("subject", "text"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("claim")
        verbose_name_plural = _("claims")

    def __str__(self):
        return f"{self.subject}: {self.text}"

    @property
    def metric_label(self) -> str:
        """The measure in the reader's language (the extraction stores its code: `jobs`, `capacity`)."""
        return str(CLAIM_METRIC_LABELS.get(self.metric, self.metric))

    @property
    def unit_label(self) -> str:
        return str(CLAIM_UNIT_LABELS.get(self.unit, self.unit))

    # The record pages show a field through get_<field>_display when there is one (as for choices).
    def get_metric_display(self) -> str:
        return self.metric_label

    def get_unit_display(self) -> str:
        return self.unit_label

    def get_absolute_url(self):
        return reverse("record-detail", args=["claims", self.pk])
