"""A saved investment case: a named scenario (the calculator's inputs as JSON), owner and visibility."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.models import VisibleRecord


class InvestmentCase(VisibleRecord):
    name = models.CharField(_("name"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    # The canonical inputs (see kopru.invest.case.domain.inputs): validated before every save.
    inputs = models.JSONField(_("inputs"), default=dict)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name", "pk"]
        verbose_name = _("investment case")
        verbose_name_plural = _("investment cases")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("invest_case:case-detail", args=[self.pk])
