from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.models import VisibleRecord
from kopru.invest.enums import CompanySize
from kopru.invest.validators import (
    validate_capacities,
    validate_country_codes,
    validate_investment_modes,
    validate_market_codes,
)


class CompanyProfile(VisibleRecord):
    """An investor's profile. Name, HQ country and sectors live on the core Organisation it extends."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="investor_profile",
        verbose_name=_("organisation"),
    )
    capabilities = models.TextField(_("products and capabilities"), blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    size = models.CharField(_("size"), max_length=10, choices=CompanySize.choices, blank=True)
    employees = models.PositiveIntegerField(_("employees"), null=True, blank=True)
    revenue_musd = models.DecimalField(
        _("annual revenue (USD million)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    capacities = models.JSONField(
        _("production capacities"),
        default=list,
        blank=True,
        validators=[validate_capacities],
        help_text=_("Each as {value, unit}, e.g. 400 GWh/yr."),
    )
    plants = models.JSONField(
        _("countries with existing plants"), default=list, blank=True, validators=[validate_country_codes]
    )
    export_markets = models.JSONField(
        _("export markets"), default=list, blank=True, validators=[validate_market_codes]
    )
    investment_modes = models.JSONField(
        _("kinds of investment done"), default=list, blank=True, validators=[validate_investment_modes]
    )
    people = models.ManyToManyField(
        "core.Person", blank=True, related_name="investor_profiles", verbose_name=_("people")
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        blank=True,
        help_text=_("Where the profile came from (typed, an import…)."),
    )
    history = HistoricalRecords(m2m_fields=[people])

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("company profile")
        verbose_name_plural = _("company profiles")

    def __str__(self):
        return str(self.organisation)

    def get_absolute_url(self):
        return reverse("invest:company-detail", args=[self.pk])

    @property
    def capacities_text(self) -> str:
        return "; ".join(f"{item['value']:,.12g} {item['unit']}" for item in self.capacities or [])
