from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models import VisibleRecord
from kopru.engage.enums import EngagementKind, EngagementStatus


class Engagement(VisibleRecord):
    kind = models.CharField(_("kind"), max_length=20, choices=EngagementKind.choices)
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=EngagementStatus.choices, default=EngagementStatus.HELD
    )
    start_date = models.DateField(
        _("date"),
        null=True,
        blank=True,
        help_text=_("Leave empty when a planned engagement has no date yet."),
    )
    end_date = models.DateField(_("end date"), null=True, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    country = models.ForeignKey(
        "core.Country", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("country")
    )
    summary = models.TextField(_("summary"), blank=True)
    people = models.ManyToManyField(
        "core.Person", blank=True, related_name="engagements", verbose_name=_("participants (people)")
    )
    organisations = models.ManyToManyField(
        "core.Organisation",
        blank=True,
        related_name="engagements",
        verbose_name=_("participants (organisations)"),
    )
    sectors = models.ManyToManyField("core.Sector", blank=True, verbose_name=_("sectors"))
    search_text = FoldedSearchField(sources=("title", "place", "summary"))
    history = HistoricalRecords(m2m_fields=[people, organisations, sectors])

    class Meta:
        ordering = [models.F("start_date").desc(nulls_last=True), "-created_at"]
        verbose_name = _("engagement")
        verbose_name_plural = _("engagements")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("record-detail", args=["engagements", self.pk])

    def clean(self):
        super().clean()
        errors = {}
        today = timezone.localdate()
        if self.start_date and self.start_date > today and self.status != EngagementStatus.PLANNED:
            errors["start_date"] = _("Only planned engagements may have a date in the future.")
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("The end date is before the start date.")
        if errors:
            raise ValidationError(errors)
