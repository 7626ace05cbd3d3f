from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kopru.core.fields import FoldedSearchField
from kopru.core.models import VisibleRecord
from kopru.invest.enums import DEFAULT_STAGES, CapacityUnit, LostReason, StagePhase
from kopru.invest.validators import validate_province

_DEFAULT_NAMES = {code: (str(name), name) for code, name, _phase, _p in DEFAULT_STAGES}


class Pipeline(models.Model):
    """A board of stages: per sector or per team. Exactly one is the default."""

    name = models.CharField(_("name"), max_length=120, unique=True)
    name_tr = models.CharField(_("name in Turkish"), max_length=120, blank=True)
    name_zh = models.CharField(_("name in Chinese"), max_length=120, blank=True)
    description = models.TextField(_("description"), blank=True)
    sector = models.ForeignKey(
        "core.Sector",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("sector"),
    )
    team = models.CharField(_("team"), max_length=120, blank=True)
    is_default = models.BooleanField(_("default pipeline"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_default", "name"]
        verbose_name = _("pipeline")
        verbose_name_plural = _("pipelines")
        constraints = [
            models.UniqueConstraint(
                fields=["is_default"], condition=models.Q(is_default=True), name="invest_one_default_pipeline"
            )
        ]

    def __str__(self):
        return self.label

    def get_absolute_url(self):
        return reverse("invest:pipeline-edit", args=[self.pk])

    @property
    def label(self) -> str:
        """The name in the reader's language where an officer gave one."""
        return translated_name(self.name, self.name_tr, self.name_zh)


def translated_name(name: str, name_tr: str, name_zh: str) -> str:
    language = get_language() or ""
    if language.startswith("tr") and name_tr:
        return name_tr
    if language.startswith("zh") and name_zh:
        return name_zh
    return name


class Stage(models.Model):
    pipeline = models.ForeignKey(Pipeline, on_delete=models.CASCADE, related_name="stages")
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    name_tr = models.CharField(_("name in Turkish"), max_length=80, blank=True)
    name_zh = models.CharField(_("name in Chinese"), max_length=80, blank=True)
    order = models.PositiveSmallIntegerField(_("order"))
    phase = models.CharField(_("phase"), max_length=10, choices=StagePhase.choices, default=StagePhase.OPEN)
    probability = models.PositiveSmallIntegerField(
        _("default probability (%)"), default=0, validators=[MaxValueValidator(100)]
    )

    class Meta:
        ordering = ["pipeline_id", "order"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")
        constraints = [
            models.UniqueConstraint(fields=["pipeline", "code"], name="invest_stage_code_unique"),
            models.UniqueConstraint(fields=["pipeline", "order"], name="invest_stage_order_unique"),
        ]

    def __str__(self):
        return self.label

    @property
    def label(self) -> str:
        """The name in the reader's language: the officer's translation, else the default stages' own
        (unless an officer renamed them)."""
        named = translated_name(self.name, self.name_tr, self.name_zh)
        if named != self.name:
            return named
        default = _DEFAULT_NAMES.get(self.code)
        if default and default[0] == self.name:
            return gettext(default[1])
        return self.name

    @property
    def is_lost(self) -> bool:
        return self.phase == StagePhase.LOST


class Deal(VisibleRecord):
    """A company × opportunity (or a free-standing project) moving through a pipeline."""

    title = models.CharField(_("title"), max_length=300)
    company = models.ForeignKey(
        "invest.CompanyProfile",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="deals",
        verbose_name=_("company"),
    )
    opportunity = models.ForeignKey(
        "invest.Opportunity",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="deals",
        verbose_name=_("opportunity"),
        help_text=_("Leave empty for a free-standing project."),
    )
    pipeline = models.ForeignKey(
        Pipeline, on_delete=models.PROTECT, related_name="deals", verbose_name=_("pipeline")
    )
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="deals", verbose_name=_("stage"))
    stage_since = models.DateTimeField(_("in this stage since"))
    position = models.PositiveIntegerField(_("position in column"), default=0)
    lost_reason = models.CharField(_("lost because"), max_length=30, choices=LostReason.choices, blank=True)
    sectors = models.ManyToManyField("core.Sector", blank=True, related_name="+", verbose_name=_("sectors"))
    province = models.CharField(_("province"), max_length=60, blank=True, validators=[validate_province])
    currency = models.CharField(_("currency"), max_length=3, default="USD")
    announced_amount = models.DecimalField(
        _("announced (million)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("What was said in public: press releases, ceremonies."),
    )
    committed_amount = models.DecimalField(
        _("committed (million)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("What is in a signed agreement or investment certificate."),
    )
    realised_amount = models.DecimalField(
        _("realised (million)"),
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("What has actually been spent, as verified."),
    )
    expected_capex = models.DecimalField(
        _("expected capex (million)"),
        max_digits=14,
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
    probability = models.PositiveSmallIntegerField(
        _("probability (%)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(100)],
        help_text=_("Leave empty to use the stage's default."),
    )
    announced_on = models.DateField(_("announced on"), null=True, blank=True)
    agreement_signed_on = models.DateField(_("agreement signed on"), null=True, blank=True)
    production_expected = models.DateField(_("production expected"), null=True, blank=True)
    next_action = models.CharField(_("next action"), max_length=300, blank=True)
    next_action_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("next action owner"),
    )
    next_action_due = models.DateField(_("next action due"), null=True, blank=True)
    engagements = models.ManyToManyField(
        "engage.Engagement", blank=True, related_name="investment_deals", verbose_name=_("activities")
    )
    attachments = models.ManyToManyField(
        "core.Document", blank=True, related_name="investment_deals", verbose_name=_("attachments")
    )
    summary = models.TextField(_("summary"), blank=True)
    search_text = FoldedSearchField(sources=("title", "province", "summary"))
    # The funnel's input, kept by kopru.invest.domain.funnel from the deal's stage changes (not a field of any
    # form, not in the history): the furthest stage of its pipeline, by order, that it has been moved into,
    # lost stages left out; null when it has been in none.
    furthest_stage = models.ForeignKey(
        Stage, null=True, blank=True, editable=False, on_delete=models.PROTECT, related_name="+"
    )
    history = HistoricalRecords(
        m2m_fields=[sectors, engagements, attachments], excluded_fields=["furthest_stage"]
    )

    class Meta:
        ordering = ["stage__order", "position", "-updated_at"]
        # The board reads the first cards of each column in card order, and counts each column's deals the
        # reader may see from the index alone (stage, pipeline and the visibility columns: no heap read).
        indexes = [
            models.Index(fields=["stage", "position", "id"], name="invest_deal_board_order"),
            models.Index(
                fields=["stage", "pipeline", "visibility", "owner_side"], name="invest_deal_board_counts"
            ),
        ]
        verbose_name = _("deal")
        verbose_name_plural = _("deals")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("invest:deal-detail", args=[self.pk])

    def save(self, *args, **kwargs):
        """An existing deal saves every field but `furthest_stage`: that one is written by the funnel's
        refresh (kopru.invest.domain.funnel), and a deal read before a move (an edit form, the admin,
        `move_deal`'s own copy) must not write back the value it was read with."""
        updating = not self._state.adding and self.pk is not None and not kwargs.get("force_insert")
        if updating and kwargs.get("update_fields") is None and not args:
            kwargs["update_fields"] = _saved_fields()
        super().save(*args, **kwargs)

    @property
    def effective_probability(self) -> int:
        return self.probability if self.probability is not None else self.stage.probability

    @property
    def capacity_text(self) -> str:
        if self.capacity_value is None:
            return ""
        return f"{self.capacity_value:,.12g} {self.capacity_unit}"

    def clean(self):
        super().clean()
        errors = {}
        if self.stage_id and self.pipeline_id and self.stage.pipeline_id != self.pipeline_id:
            errors["stage"] = _("This stage belongs to another pipeline.")
        if (self.capacity_value is None) != (not self.capacity_unit):
            errors["capacity_unit"] = _(
                "Give the capacity and its unit together (e.g. 150000 and vehicles/yr)."
            )
        if len(self.currency or "") != 3 or not self.currency.isalpha() or not self.currency.isupper():
            errors["currency"] = _("Use a three-letter ISO 4217 code such as USD.")
        if self.next_action_due and not self.next_action:
            errors["next_action"] = _("Say what the next action is.")
        if errors:
            raise ValidationError(errors)


def _saved_fields() -> list[str]:
    return [
        field.name
        for field in Deal._meta.concrete_fields
        if not field.primary_key and field.name != "furthest_stage"
    ]


class StageChange(models.Model):
    """One move on the board: who moved the deal, when, from where to where, and why."""

    deal = models.ForeignKey(Deal, on_delete=models.CASCADE, related_name="stage_changes")
    from_stage = models.ForeignKey(
        Stage, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("from")
    )
    to_stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="+", verbose_name=_("to"))
    at = models.DateTimeField(_("at"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("by"),
    )
    note = models.TextField(_("note"), blank=True)
    overridden = models.BooleanField(
        _("rule overridden"), default=False, help_text=_("An administrator moved it past a refused rule.")
    )
    override_reason = models.TextField(_("why the rule was overridden"), blank=True)

    class Meta:
        ordering = ["deal_id", "at", "pk"]
        verbose_name = _("stage change")
        verbose_name_plural = _("stage changes")

    def __str__(self):
        return f"{self.deal}: {self.from_stage or '—'} → {self.to_stage}"
