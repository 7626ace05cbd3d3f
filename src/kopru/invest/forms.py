"""Forms of the investment desk, built on the record forms (visibility rules, side of internal records)."""

from __future__ import annotations

import re

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from kopru.core import access
from kopru.core.enums import Role
from kopru.core.lru import Remembered
from kopru.core.models import Country, Sector
from kopru.invest.enums import LostReason, OpportunityKind, StagePhase
from kopru.invest.matching.vocab import UNITS
from kopru.invest.models import CompanyProfile, Deal, ImportBatch, Opportunity, Pipeline, Stage
from kopru.ui.form_rendering import python_renderer
from kopru.ui.forms import VISIBILITY_FIELDS, RecordForm, RecordMeta


def leaf_sectors():
    """The taxonomy's leaves (the extraction contract's codes), a fresh queryset each time."""
    return Sector.objects.filter(parent__isnull=False).order_by("code")


class ListField(forms.CharField):
    """A list typed as text: one item per line, or separated by commas or semicolons."""

    def __init__(self, *args, upper: bool = False, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("widget", forms.TextInput())
        self.upper = upper
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return ", ".join(str(item) for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            items = [str(item).strip() for item in value]
        else:
            text = super().to_python(value) or ""
            items = [item.strip() for item in re.split(r"[,;\n]", text)]
        items = [item.upper() if self.upper else item for item in items if item]
        return list(dict.fromkeys(items))


class CapacitiesField(forms.CharField):
    """Capacities typed like “400 GWh/yr; 3000000 vehicles/yr”."""

    widget = forms.TextInput()

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, list):
            return "; ".join(f"{item['value']:g} {item['unit']}" for item in value)
        return value

    def to_python(self, value):
        if isinstance(value, list):
            return value
        text = super().to_python(value) or ""
        result = []
        for chunk in filter(None, (part.strip() for part in re.split(r"[;\n]", text))):
            match = re.fullmatch(r"([0-9][0-9,_.]*)\s*(\S+)", chunk)
            unit = match.group(2) if match else ""
            canonical = next((key for key in UNITS if key == unit.lower()), None)
            if not match or canonical is None:
                raise forms.ValidationError(
                    _("“%(chunk)s” is not a capacity such as “40 GWh/yr” (units: %(units)s)."),
                    params={"chunk": chunk, "units": ", ".join(sorted(UNITS))},
                )
            number = float(match.group(1).replace(",", "").replace("_", ""))
            result.append({"value": number, "unit": unit})
        return result


class OpportunityForm(RecordForm):
    tags = ListField(label=_("tags"), help_text=_("Comma-separated keywords."))
    target_markets = ListField(label=_("target markets"), upper=True, help_text=_("e.g. EU, MENA, TR"))
    allowed_countries = ListField(label=_("open only to investors from"), upper=True)
    denied_countries = ListField(label=_("closed to investors from"), upper=True)

    class Meta(RecordMeta):
        model = Opportunity
        fields = [
            "title",
            "kind",
            "status",
            "sectors",
            "description",
            "tags",
            "host_country",
            "province",
            "in_oiz",
            "capex_musd",
            "capacity_value",
            "capacity_unit",
            "jobs",
            "scheme_type",
            "target_markets",
            "allowed_countries",
            "denied_countries",
            "contacts",
            "attachments",
            *VISIBILITY_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = leaf_sectors()


class CompanyProfileForm(RecordForm):
    """Edits the profile and, for a new one, names the organisation (or picks an existing one)."""

    name = forms.CharField(label=_("company name"), max_length=200, required=False)
    hq_country = forms.ModelChoiceField(Country.objects.all(), label=_("HQ country"), required=False)
    sectors = forms.ModelMultipleChoiceField(leaf_sectors(), label=_("sectors"), required=False)
    tags = ListField(label=_("tags"), help_text=_("Products and capabilities as comma-separated keywords."))
    capacities = CapacitiesField(
        label=_("production capacities"), help_text=_("e.g. 400 GWh/yr; 3000000 vehicles/yr")
    )
    plants = ListField(label=_("countries with existing plants"), upper=True, help_text=_("e.g. CN, HU, TH"))
    export_markets = ListField(
        label=_("export markets"), upper=True, help_text=_("Regions or country codes.")
    )
    investment_modes = forms.MultipleChoiceField(
        label=_("kinds of investment done"),
        required=False,
        choices=OpportunityKind.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta(RecordMeta):
        model = CompanyProfile
        fields = [
            "organisation",
            "capabilities",
            "tags",
            "size",
            "employees",
            "revenue_musd",
            "capacities",
            "plants",
            "export_markets",
            "investment_modes",
            "people",
            "source",
            *VISIBILITY_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "organisation" not in self.fields:
            # The profile's organisation is a record the user may not read (RecordForm took the link off the
            # form): its name, country and sectors are neither shown nor changed from here.
            for name in ("name", "hq_country", "sectors"):
                self.fields.pop(name, None)
            return
        self.fields["organisation"].required = False
        self.fields["organisation"].help_text = _(
            "An organisation already in the record, or type a new name."
        )
        self.fields["organisation"].queryset = self.fields["organisation"].queryset.filter(
            investor_profile=None
        ) | (
            self.fields["organisation"].queryset.filter(pk=self.instance.organisation_id)
            if self.instance.pk
            else self.fields["organisation"].queryset.none()
        )
        if self.instance.pk:
            organisation = self.instance.organisation
            self.fields["organisation"].disabled = True
            self.fields["name"].initial = organisation.name
            self.fields["hq_country"].initial = organisation.country_id
            self.fields["sectors"].initial = [s.pk for s in organisation.sectors.all()]
        self.order_fields(["organisation", "name", "hq_country", "sectors"])

    def clean(self):
        cleaned = super().clean()
        if (
            not self.instance.pk
            and not cleaned.get("organisation")
            and not (cleaned.get("name") or "").strip()
        ):
            self.add_error("name", _("Pick an organisation or type the company's name."))
        return cleaned


class DealForm(RecordForm):
    class Meta(RecordMeta):
        model = Deal
        fields = [
            "title",
            "company",
            "opportunity",
            "pipeline",
            "stage",
            "sectors",
            "province",
            "summary",
            "currency",
            "announced_amount",
            "committed_amount",
            "realised_amount",
            "expected_capex",
            "capacity_value",
            "capacity_unit",
            "jobs",
            "probability",
            "announced_on",
            "agreement_signed_on",
            "production_expected",
            "next_action",
            "next_action_owner",
            "next_action_due",
            "engagements",
            "attachments",
            *VISIBILITY_FIELDS,
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].queryset = leaf_sectors()
        self.fields["stage"].queryset = Stage.objects.select_related("pipeline").order_by(
            "pipeline__name", "order"
        )
        self.fields["stage"].label_from_instance = lambda stage: f"{stage.pipeline} · {stage.label}"
        self.fields["pipeline"].queryset = Pipeline.objects.all()
        self.fields["company"].queryset = self.fields["company"].queryset.select_related("organisation")
        users = get_user_model().objects.order_by("username")
        self.fields["next_action_owner"].queryset = users.filter(
            Q(is_superuser=True) | Q(profile__role__in=[Role.ADMIN, Role.STAFF])
        ).distinct()
        if self.instance.pk:
            # Stage moves go through the board or the move form, so that each one is checked and logged.
            self.fields["stage"].disabled = True
            self.fields["pipeline"].disabled = True

    def clean(self):
        cleaned = super().clean()
        stage = cleaned.get("stage")
        if self.instance.pk is None and stage is not None:
            # A deal recorded straight into a late stage obeys the same rules as a move there.
            if stage.phase in (StagePhase.SIGNED, StagePhase.DELIVERY) and not cleaned.get("company"):
                self.add_error("company", _("An agreement needs a company."))
            if stage.phase == StagePhase.DELIVERY and not cleaned.get("agreement_signed_on"):
                self.add_error("agreement_signed_on", _("Give the date the agreement was signed."))
            if stage.phase == StagePhase.LOST:
                self.add_error("stage", _("A new deal cannot start as lost."))
        return cleaned


class _ListedChoiceIterator(forms.models.ModelChoiceIterator):
    """The field's `listed` objects when it has them (rows the page has already read), else its queryset's."""

    def __iter__(self):
        listed = getattr(self.field, "listed", None)
        if listed is None:
            yield from super().__iter__()
            return
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in listed:
            yield self.choice(obj)

    def __len__(self):
        listed = getattr(self.field, "listed", None)
        if listed is None:
            return super().__len__()
        return len(listed) + (1 if self.field.empty_label is not None else 0)


class _ListedModelChoiceField(forms.ModelChoiceField):
    """Choices drawn from `listed` when set (validation still asks the queryset)."""

    iterator = _ListedChoiceIterator
    listed = None


class MoveForm(forms.Form):
    default_renderer = python_renderer  # drawn on every deal page: Django's templates in Python
    stage = _ListedModelChoiceField(Stage.objects.none(), label=_("move to"))
    lost_reason = forms.ChoiceField(
        label=_("lost because"), choices=[("", "—"), *LostReason.choices], required=False
    )
    note = forms.CharField(label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2}))
    position = forms.IntegerField(required=False, min_value=0, widget=forms.HiddenInput)
    override_reason = forms.CharField(
        label=_("override reason (administrators)"),
        required=False,
        help_text=_("Only to force a move the rules refuse; it is logged."),
    )

    def __init__(self, *args, deal: Deal, user=None, stages: list[Stage] | None = None, **kwargs):
        """`stages`: the pipeline's stages in order, when the page has read them (its choices)."""
        super().__init__(*args, **kwargs)
        self.fields["stage"].queryset = deal.pipeline.stages.order_by("order")
        self.fields["stage"].listed = stages
        self.fields["stage"].label_from_instance = lambda stage: stage.label
        if not access.is_admin(user):
            del self.fields["override_reason"]


_drawn_move_forms = Remembered(256)


def move_form_html(deal: Deal, user, stages: list[Stage], initial_stage) -> str:
    """`MoveForm(deal=deal, user=user, stages=stages, initial={"stage": initial_stage}).as_p()`, remembered
    per process: an unbound move form's HTML is a function of the language (labels, lost reasons), whether
    the reader is an administrator (the override field), the stages' keys and names and the chosen stage
    alone, and all of them are the key, so an entry is never stale. Building and drawing the form cost
    about 1 ms on every deal page."""
    admin = access.is_admin(user)
    key = (get_language(), admin, tuple((stage.pk, stage.label) for stage in stages), str(initial_stage))
    return _drawn_move_forms.get_or_compute(
        key,
        lambda: MoveForm(deal=deal, user=user, stages=stages, initial={"stage": initial_stage}).as_p(),
    )


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label=_("what the file holds"), choices=ImportBatch.Kind.choices)
    file = forms.FileField(label=_("CSV or XLSX file"))


class PipelineForm(forms.ModelForm):
    class Meta:
        model = Pipeline
        fields = ["name", "name_tr", "name_zh", "description", "sector", "team", "is_default"]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)


class StageForm(forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["order", "code", "name", "name_tr", "name_zh", "phase", "probability"]

    def _get_validation_exclusions(self):
        """Orders and codes are unique per pipeline: checked across the whole formset (BaseStageFormSet),
        not one stage against the rows as they are now, so that two stages may swap their orders."""
        return {*super()._get_validation_exclusions(), "order", "code"}


class BaseStageFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        live = [f for f in self.forms if f.cleaned_data and not self._should_delete_form(f)]
        for field in ("order", "code"):
            values = [f.cleaned_data.get(field) for f in live if f.cleaned_data.get(field) not in (None, "")]
            if len(values) != len(set(values)):
                raise forms.ValidationError(
                    _("Each stage needs its own %(field)s.")
                    % {"field": Stage._meta.get_field(field).verbose_name}
                )


StageFormSet = forms.inlineformset_factory(
    Pipeline, Stage, form=StageForm, formset=BaseStageFormSet, extra=2, can_delete=True
)
