from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.enums import OrganisationKind
from kopru.core.fields import FoldedSearchField
from kopru.core.models.visibility import VisibleRecord


class Organisation(VisibleRecord):
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(
        _("kind"), max_length=20, choices=OrganisationKind.choices, default=OrganisationKind.OTHER
    )
    country = models.ForeignKey(
        "core.Country", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("country")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
        verbose_name=_("parent organisation"),
    )
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)
    sectors = models.ManyToManyField("core.Sector", blank=True, verbose_name=_("sectors"))
    search_text = FoldedSearchField(sources=("name", "aliases"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("record-detail", args=["organisations", self.pk])

    def clean(self):
        super().clean()
        if self.parent_id and self.parent_id == self.pk:
            raise ValidationError({"parent": _("An organisation cannot be its own parent.")})


class Person(VisibleRecord):
    name = models.CharField(_("name"), max_length=200, help_text=_("Full name with original diacritics."))
    aliases = models.JSONField(_("aliases"), default=list, blank=True)
    country = models.ForeignKey(
        "core.Country", null=True, blank=True, on_delete=models.PROTECT, verbose_name=_("country")
    )
    biography = models.TextField(_("biography"), blank=True)
    search_text = FoldedSearchField(sources=("name", "aliases"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("record-detail", args=["people", self.pk])


class Position(VisibleRecord):
    person = models.ForeignKey(
        Person, on_delete=models.CASCADE, related_name="positions", verbose_name=_("person")
    )
    title = models.CharField(_("title"), max_length=200)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="positions",
        verbose_name=_("organisation"),
    )
    start_date = models.DateField(_("from"), null=True, blank=True)
    end_date = models.DateField(_("to"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["person__name", "-start_date"]
        verbose_name = _("position")
        verbose_name_plural = _("positions")

    def __str__(self):
        where = f", {self.organisation}" if self.organisation_id else ""
        return f"{self.person}: {self.title}{where}"

    def get_absolute_url(self):
        return reverse("record-detail", args=["positions", self.pk])

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date is before the start date.")})
