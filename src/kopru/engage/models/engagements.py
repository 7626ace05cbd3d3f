from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models import VisibleRecord
from kopru.engage.enums import EngagementKind, EngagementStatus
from kopru.engage.titles import render_title, renderings, stored_title


class Engagement(VisibleRecord):
    kind = models.CharField(_("kind"), max_length=20, choices=EngagementKind.choices)
    title = models.CharField(_("title"), max_length=300)
    # The parts of a title the platform generated (kopru.engage.titles), rendered in the reader's language;
    # empty when a person typed the title. `title` then holds the English rendering.
    title_parts = models.JSONField(_("title parts"), default=dict, blank=True, editable=False)
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
        return self.get_title_display()

    @property
    def title_is_generated(self) -> bool:
        return bool(self.title_parts)

    def get_title_display(self) -> str:
        """The title in the active language: a generated title is rendered from its parts (list cells and
        exports ask for `get_<field>_display` first), a typed one is shown as typed."""
        return render_title(self.title_parts) if self.title_parts else self.title

    def save(self, *args, **kwargs):
        # A title edited to something other than one of its renderings was typed by a person: it stays as
        # typed from now on. Left as rendered (in any language), it stays generated, stored in English.
        if self.title_parts:
            if self.title in renderings(self.title_parts):
                self.title = stored_title(self.title_parts)
            else:
                self.title_parts = {}
            update_fields = kwargs.get("update_fields")
            if update_fields is not None and "title" in update_fields:
                kwargs["update_fields"] = {*update_fields, "title_parts"}
        super().save(*args, **kwargs)

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
