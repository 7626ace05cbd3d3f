from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.models import VisibleRecord
from kopru.engage.enums import AreaStatus


class CooperationArea(VisibleRecord):
    """Cooperation between a pair of countries in one sector, moving through a lifecycle."""

    country_a = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country A")
    )
    country_b = models.ForeignKey(
        "core.Country", on_delete=models.PROTECT, related_name="+", verbose_name=_("country B")
    )
    sector = models.ForeignKey("core.Sector", on_delete=models.PROTECT, verbose_name=_("sector"))
    status = models.CharField(
        _("status"), max_length=20, choices=AreaStatus.choices, default=AreaStatus.PROPOSED
    )
    status_since = models.DateField(_("status since"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    engagements = models.ManyToManyField(
        "engage.Engagement", blank=True, related_name="areas", verbose_name=_("engagements")
    )
    agreements = models.ManyToManyField(
        "engage.Agreement", blank=True, related_name="areas", verbose_name=_("agreements")
    )
    claims = models.ManyToManyField(
        "engage.Claim", blank=True, related_name="areas", verbose_name=_("claims")
    )
    history = HistoricalRecords(m2m_fields=[engagements, agreements, claims])

    class Meta:
        ordering = ["sector__code"]
        constraints = [
            # One area per country pair and sector in the shared record, and one more per side as that side's
            # internal working copy: a side's internal area neither blocks the other side nor is revealed to
            # it by a uniqueness error.
            models.UniqueConstraint(
                fields=["country_a", "country_b", "sector"],
                condition=~models.Q(visibility="internal"),
                name="one_area_per_pair_and_sector",
                violation_error_message=_(
                    "There is already a cooperation area for these countries and sector."
                ),
            ),
            models.UniqueConstraint(
                fields=["country_a", "country_b", "sector", "owner_side"],
                condition=models.Q(visibility="internal"),
                name="one_internal_area_per_side_pair_and_sector",
                violation_error_message=_(
                    "Your side already has an internal cooperation area for these countries and sector."
                ),
            ),
            models.CheckConstraint(
                condition=~models.Q(country_a=models.F("country_b")), name="area_two_countries"
            ),
        ]
        verbose_name = _("cooperation area")
        verbose_name_plural = _("cooperation areas")

    def __str__(self):
        return f"{self.country_a_id}–{self.country_b_id}: {self.sector}"

    def get_absolute_url(self):
        return reverse("record-detail", args=["areas", self.pk])

    def clean(self):
        super().clean()
        if self.country_a_id and self.country_a_id == self.country_b_id:
            raise ValidationError({"country_b": _("A cooperation area needs two different countries.")})


class AreaTransition(models.Model):
    """A dated move of a cooperation area from one status to another."""

    area = models.ForeignKey(CooperationArea, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=20, choices=AreaStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=AreaStatus.choices)
    on_date = models.DateField(_("date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on_date", "recorded_at"]
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")

    def __str__(self):
        return f"{self.area}: {self.from_status or '—'} → {self.to_status} ({self.on_date})"
