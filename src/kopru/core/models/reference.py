from django.db import models
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


def _translated_name_column() -> str | None:
    """The column holding names in the active language (None for English, the `name` column itself)."""
    language = (get_language() or "en").lower()
    return "name_tr" if language.startswith("tr") else "name_zh" if language.startswith("zh") else None


class LocalisedName:
    """Picks the Turkish or Chinese name when the active language asks for it and one is recorded."""

    name: str
    name_tr: str
    name_zh: str

    @property
    def localised_name(self) -> str:
        column = _translated_name_column()
        return (getattr(self, column) if column else "") or self.name

    def __str__(self):
        return self.localised_name

    @staticmethod
    def localised_name_expression():
        """`localised_name` as a database expression, for sorting lists by the name the reader sees."""
        column = _translated_name_column()
        if column is None:
            return models.F("name")
        return Coalesce(NullIf(models.F(column), models.Value("")), models.F("name"))


class Country(LocalisedName, models.Model):
    """ISO 3166-1 country; reference data loaded from data/countries.csv."""

    code = models.CharField(_("ISO alpha-2"), max_length=2, primary_key=True)
    alpha3 = models.CharField(_("ISO alpha-3"), max_length=3, unique=True)
    name = models.CharField(_("name"), max_length=100)
    name_tr = models.CharField(_("name (Turkish)"), max_length=100, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Sector(LocalisedName, models.Model):
    """A node of the sector taxonomy (data/sectors.yaml); leaves carry the extraction contract's codes."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="children"
    )
    name = models.CharField(_("name"), max_length=100)
    name_tr = models.CharField(_("name (Turkish)"), max_length=100, blank=True)
    name_zh = models.CharField(_("name (Chinese)"), max_length=100, blank=True)
    description = models.TextField(_("description"), blank=True)
    nace_codes = models.JSONField(_("NACE Rev.2 codes"), default=list, blank=True)
    hs_codes = models.JSONField(_("HS codes"), default=list, blank=True)
    source = models.CharField(_("source"), max_length=300, blank=True)

    class Meta:
        ordering = ["parent__code", "code"]
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
