from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models import VisibleRecord
from kopru.engage.enums import AgreementKind, AgreementStatus


class Agreement(VisibleRecord):
    kind = models.CharField(
        _("kind"), max_length=30, choices=AgreementKind.choices, default=AgreementKind.MOU
    )
    title = models.CharField(_("title"), max_length=300)
    status = models.CharField(
        _("status"), max_length=20, choices=AgreementStatus.choices, default=AgreementStatus.SIGNED
    )
    signed_date = models.DateField(_("signed"), null=True, blank=True)
    valid_until = models.DateField(_("valid until"), null=True, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    parties = models.ManyToManyField(
        "core.Organisation", blank=True, related_name="agreements", verbose_name=_("parties")
    )
    signatories = models.ManyToManyField(
        "core.Person", blank=True, related_name="agreements_signed", verbose_name=_("signatories")
    )
    sectors = models.ManyToManyField("core.Sector", blank=True, verbose_name=_("sectors"))
    engagement = models.ForeignKey(
        "engage.Engagement",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
        verbose_name=_("signed at"),
    )
    search_text = FoldedSearchField(sources=("title", "summary"))
    history = HistoricalRecords(m2m_fields=[parties, signatories, sectors])

    class Meta:
        ordering = [models.F("signed_date").desc(nulls_last=True), "title"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("record-detail", args=["agreements", self.pk])

    def clean(self):
        super().clean()
        signed_statuses = (AgreementStatus.SIGNED, AgreementStatus.IN_FORCE, AgreementStatus.EXPIRED)
        if self.status in signed_statuses and not self.signed_date:
            raise ValidationError({"signed_date": _("A signed agreement needs its signing date.")})
        if self.signed_date and self.signed_date > timezone.localdate():
            raise ValidationError({"signed_date": _("The signing date cannot be in the future.")})
        if self.signed_date and self.valid_until and self.valid_until < self.signed_date:
            raise ValidationError({"valid_until": _("The agreement would expire before it was signed.")})
