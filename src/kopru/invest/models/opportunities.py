from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models import VisibleRecord
from kopru.invest.enums import CapacityUnit, OpportunityKind, OpportunityStatus, SchemeType
from kopru.invest.validators import validate_country_codes, validate_market_codes, validate_province


class Opportunity(VisibleRecord):
    """Something the host country offers foreign investors: a plant site, a JV partner, a supplier role…"""

    title = models.CharField(_("title"), max_length=300)
    kind = models.CharField(_("kind"), max_length=20, choices=OpportunityKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=OpportunityStatus.choices, default=OpportunityStatus.OPEN
    )
    sectors = models.ManyToManyField("core.Sector", verbose_name=_("sectors"), related_name="+")
    description = models.TextField(_("description"), blank=True)
    tags = models.JSONField(_("tags"), default=list, blank=True)
    host_country = models.ForeignKey(
        "core.Country",
        on_delete=models.PROTECT,
        default="TR",
        related_name="+",
        verbose_name=_("host country"),
    )
    province = models.CharField(
        _("province"),
        max_length=60,
        blank=True,
        validators=[validate_province],
        help_text=_("One of Türkiye's 81 provinces; the incentive region follows from it."),
    )
    in_oiz = models.BooleanField(_("in an organised industrial zone"), default=False)
    capex_musd = models.DecimalField(
        _("indicative capex (USD million)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    capacity_value = models.FloatField(
        _("capacity"), null=True, blank=True, validators=[MinValueValidator(0)]
    )
    capacity_unit = models.CharField(
        _("capacity unit"), max_length=20, choices=CapacityUnit.choices, blank=True
    )
    jobs = models.PositiveIntegerField(_("jobs"), null=True, blank=True)
    scheme_type = models.CharField(
        _("incentive scheme"),
        max_length=20,
        choices=SchemeType.choices,
        blank=True,
        help_text=_("The incentive scheme offered; rates come from the investment-case data."),
    )
    target_markets = models.JSONField(
        _("target markets"),
        default=list,
        blank=True,
        validators=[validate_market_codes],
        help_text=_("Markets the site gives access to: region codes (EU, MENA, CIS…) or country codes."),
    )
    allowed_countries = models.JSONField(
        _("open only to investors from"), default=list, blank=True, validators=[validate_country_codes]
    )
    denied_countries = models.JSONField(
        _("closed to investors from"), default=list, blank=True, validators=[validate_country_codes]
    )
    contacts = models.ManyToManyField(
        "core.Person", blank=True, related_name="investment_opportunities", verbose_name=_("contacts")
    )
    attachments = models.ManyToManyField(
        "core.Document", blank=True, related_name="investment_opportunities", verbose_name=_("attachments")
    )
    search_text = FoldedSearchField(sources=("title", "province", "tags"))
    history = HistoricalRecords(m2m_fields=[sectors, contacts, attachments])

    class Meta:
        ordering = ["title"]
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("invest:opportunity-detail", args=[self.pk])

    @property
    def capacity_text(self) -> str:
        if self.capacity_value is None:
            return ""
        return f"{self.capacity_value:,.12g} {self.capacity_unit}"

    def clean(self):
        super().clean()
        if (self.capacity_value is None) != (not self.capacity_unit):
            raise ValidationError(
                {"capacity_unit": _("Give the capacity and its unit together (e.g. 20 and GWh/yr).")}
            )
