"""The calculator form (flat HTML fields ↔ the canonical inputs JSON) and the saved-case form."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kopru.invest.case.models import InvestmentCase
from kopru.invest.economics.errors import InputError
from kopru.invest.economics.incentives import SCHEME_TYPES
from kopru.invest.economics.montecarlo import DISTRIBUTIONS, MAX_SEED
from kopru.invest.economics.plant import RANGEABLE
from kopru.invest.economics.rule_tables import Rules
from kopru.invest.explanations import render
from kopru.invest.l10n import country as country_name
from kopru.invest.labels import CODE_LABELS, parameter_label
from kopru.ui.forms import DATE_INPUT, VISIBILITY_FIELDS, RecordForm, RecordMeta

NUMBER = forms.NumberInput(attrs={"step": "any"})
PLANT_FIELDS: list[tuple[str, Any, str]] = [
    ("currency", _("plant currency"), "text"),
    ("horizon_years", _("horizon (years)"), "int"),
    ("discount_rate", _("discount rate (fraction, nominal)"), "float"),
    ("capex", _("capital expenditure (plant currency)"), "float"),
    ("capex_phasing", _("capex phasing (shares by year, comma-separated)"), "list"),
    ("first_production_year", _("first production year (0 = first investment year)"), "int"),
    ("ramp_up", _("ramp-up (utilisation by production year)"), "list"),
    ("capacity_units_per_year", _("capacity (units per year)"), "float"),
    ("price_per_unit", _("price per unit (plant currency)"), "float"),
    ("variable_cost_per_unit", _("variable cost per unit (plant currency)"), "float"),
    ("fixed_cost_per_year", _("fixed cost per year (plant currency)"), "float"),
    ("corporate_tax_rate", _("corporate tax rate (fraction)"), "float"),
    ("depreciation_years", _("depreciation (years)"), "int"),
    ("working_capital_share", _("working capital (share of revenue)"), "float"),
    ("tax_reduction_rate", _("tax reduction rate (blank: from the incentive scheme)"), "float"),
    (
        "investment_contribution_rate",
        _("investment contribution rate (blank: from the incentive scheme)"),
        "float",
    ),
    ("grant", _("grant (plant currency)"), "float"),
    ("price_escalation", _("price escalation per year (fraction)"), "float"),
    ("cost_escalation", _("cost escalation per year (fraction)"), "float"),
    ("terminal_growth", _("terminal growth (blank: no terminal value)"), "float"),
]
DIRECT = {
    "product",
    "producer",
    "model",
    "made_in",
    "date",
    "local_value_share",
    "incentive_certificate",
    "currency",
    "ex_works",
    "ex_works_currency",
    "freight_origin",
    "freight_tr",
    "insurance_origin",
    "insurance_tr",
    "area_m2_per_unit",
    "freight_by_destination",
    "draws",
    "seed",
}
ALIASES = {
    "destination": "destinations",
    "destinations": "destinations",
    "freight": "freight_origin",
    "insurance": "insurance_origin",
    "fx.base": "fx_base",
    "fx.as_of": "fx_as_of",
    "province": "province",
    "scheme_type": "scheme_type",
    "incentives.province": "province",
    "incentives.scheme_type": "scheme_type",
    "incentives.date": "incentive_date",
    "incentives.in_oiz": "in_oiz",
    "incentives.capacity.battery_mwh": "battery_mwh",
    "incentives.capacity.solar_cell_mw": "solar_cell_mw",
    "incentives.eligible_investment": "plant_capex",
    "terminal_growth": "plant_terminal_growth",
}


def form_field_for(error_field: str) -> str | None:
    """The form field that shows an engine error about `error_field` (None: a form-wide error)."""
    if error_field in ALIASES:
        return ALIASES[error_field]
    head = error_field.split(".")[0]
    if head in DIRECT:
        return head
    if error_field.startswith("fx"):
        return "fx_rates"
    if error_field.startswith("component."):
        return "component_" + error_field.split(".")[1]
    if error_field.startswith("plant."):
        name = error_field.split(".")[1]
        return f"plant_{name}" if any(name == f for f, _l, _k in PLANT_FIELDS) else None
    if error_field.startswith("ranges."):
        parts = error_field.split(".")
        if len(parts) >= 2 and parts[1] in RANGEABLE:
            suffix = {"mode": "mode", "distribution": "dist", "max": "max"}.get(
                parts[2] if len(parts) > 2 else "", "min"
            )
            return f"range_{parts[1]}_{suffix}"
    if error_field.startswith("incentives"):
        return "province"
    return None


def input_label(path: str) -> str:
    """A dotted path of the inputs JSON (`plant.price_per_unit`, `ranges.capex.max`) as the form names it."""
    parts = path.split(".")
    if parts[0] == "plant" and len(parts) == 2:
        return parameter_label(parts[1])
    if parts[0] == "ranges" and len(parts) >= 2:
        detail = {"min": _("min"), "max": _("max"), "mode": _("mode"), "distribution": _("distribution")}
        end = detail.get(parts[-1]) if len(parts) > 2 else None
        return f"{parameter_label(parts[1])} ({end})" if end else parameter_label(parts[1])
    name = form_field_for(path)
    field = CaseInputsForm.base_fields.get(name or "")
    return str(field.label) if field is not None else path.replace("_", " ")


def field_message(error: InputError) -> str:
    """The engine's message for a form field, in the reader's language (a missing value in Django's words)."""
    if error.explanation.key == "error.required":
        return str(forms.Field.default_error_messages["required"])
    return render(error.explanation)


def _pairs_text(table: dict[str, Any]) -> str:
    return "\n".join(f"{key} {' '.join(f'{v:g}' for v in value)}" for key, value in table.items())


class CaseInputsForm(forms.Form):
    product = forms.CharField(label=_("product (key or HS code)"), max_length=40)
    producer = forms.CharField(label=_("producer"), max_length=120, required=False)
    model = forms.CharField(label=_("model (price undertakings)"), max_length=120, required=False)
    made_in = forms.CharField(label=_("made in (compared with Türkiye)"), max_length=2)
    destinations = forms.MultipleChoiceField(
        label=_("destinations"), widget=forms.CheckboxSelectMultiple, required=False
    )
    date = forms.DateField(label=_("date (rules in force that day)"), widget=DATE_INPUT)
    local_value_share = forms.FloatField(
        label=_("local value share in Türkiye (0–1)"), required=False, widget=NUMBER
    )
    incentive_certificate = forms.BooleanField(
        label=_("imported under an investment incentive certificate (into TR)"), required=False
    )
    currency = forms.CharField(label=_("result currency"), max_length=3)
    ex_works = forms.FloatField(label=_("ex-works price per unit"), required=False, widget=NUMBER)
    ex_works_currency = forms.CharField(label=_("currency of price, freight and insurance"), max_length=3)
    freight_origin = forms.FloatField(
        label=_("freight per unit from the origin"), required=False, widget=NUMBER
    )
    freight_tr = forms.FloatField(label=_("freight per unit from Türkiye"), required=False, widget=NUMBER)
    insurance_origin = forms.FloatField(
        label=_("insurance per unit from the origin"), required=False, widget=NUMBER
    )
    insurance_tr = forms.FloatField(label=_("insurance per unit from Türkiye"), required=False, widget=NUMBER)
    freight_by_destination = forms.CharField(
        label=_("freight by destination"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_(
            "One line per destination: code, freight from the origin, freight from Türkiye (FR 1600 650)."
        ),
    )
    area_m2_per_unit = forms.FloatField(label=_("module area (m² per unit)"), required=False, widget=NUMBER)
    component_product = forms.CharField(
        label=_("imported component (key or HS)"), max_length=40, required=False
    )
    component_made_in = forms.CharField(label=_("component made in"), max_length=2, required=False)
    component_value = forms.FloatField(label=_("component value per unit"), required=False, widget=NUMBER)
    fx_base = forms.CharField(label=_("exchange rates: base currency"), max_length=3, required=False)
    fx_as_of = forms.DateField(label=_("exchange rates: date"), required=False, widget=DATE_INPUT)
    fx_rates = forms.CharField(
        label=_("exchange rates"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("One line per currency: units per one base unit (USD 1.0321)."),
    )
    fx_source = forms.CharField(label=_("exchange rates: source"), max_length=200, required=False)
    province = forms.CharField(label=_("province (incentives)"), max_length=60, required=False)
    scheme_type = forms.ChoiceField(
        label=_("incentive scheme"), choices=[(s, CODE_LABELS[s]) for s in SCHEME_TYPES], required=False
    )
    incentive_date = forms.DateField(label=_("incentive certificate date"), required=False, widget=DATE_INPUT)
    in_oiz = forms.BooleanField(label=_("inside an organised industrial zone"), required=False)
    battery_mwh = forms.FloatField(label=_("battery capacity (MWh)"), required=False, widget=NUMBER)
    solar_cell_mw = forms.FloatField(label=_("solar-cell capacity (MW)"), required=False, widget=NUMBER)
    draws = forms.IntegerField(label=_("Monte Carlo draws"), required=False)
    seed = forms.IntegerField(label=_("random seed"), required=False, min_value=0, max_value=MAX_SEED)

    def __init__(self, *args, rules: Rules, **kwargs):
        super().__init__(*args, **kwargs)
        self.rules = rules
        for name, datalist in (
            ("product", "products"),
            ("component_product", "products"),
            ("producer", "producers"),
            ("made_in", "countries"),
            ("component_made_in", "countries"),
            ("province", "provinces"),
            ("currency", "currencies"),
            ("ex_works_currency", "currencies"),
            ("fx_base", "currencies"),
        ):
            self.fields[name].widget.attrs["list"] = datalist
        members = sorted(rules.eu_members.codes)
        self.fields["destinations"].choices = [
            ("EU", _("European Union (common tariff)")),
            *[(code, f"{code} · {country_name(code)}") for code in members],
            ("TR", _("Türkiye")),
        ]
        for name, label, kind in PLANT_FIELDS:
            if kind == "float":
                field = forms.FloatField(label=label, required=False, widget=NUMBER)
            elif kind == "int":
                field = forms.IntegerField(label=label, required=False)
            else:
                field = forms.CharField(label=label, required=False, max_length=200)
            self.fields[f"plant_{name}"] = field
        for name in RANGEABLE:
            self.fields[f"range_{name}_dist"] = forms.ChoiceField(
                label=name, choices=[("", "—"), *[(d, d) for d in DISTRIBUTIONS]], required=False
            )
            for end in ("min", "mode", "max"):
                self.fields[f"range_{name}_{end}"] = forms.FloatField(
                    required=False, label=end, widget=NUMBER
                )

    # sections for the template
    def section(self, *names):
        return [self[name] for name in names]

    def plant_fields(self):
        return [self[f"plant_{name}"] for name, _l, _k in PLANT_FIELDS]

    def range_rows(self):
        return [
            (
                name,
                self[f"range_{name}_dist"],
                self[f"range_{name}_min"],
                self[f"range_{name}_mode"],
                self[f"range_{name}_max"],
            )
            for name in RANGEABLE
        ]

    def _table(self, name: str, size: int) -> dict[str, list[float]]:
        table = {}
        for number, line in enumerate((self.cleaned_data.get(name) or "").splitlines(), start=1):
            parts = line.replace(",", " ").replace("=", " ").split()
            if not parts:
                continue
            if len(parts) != size + 1:
                raise forms.ValidationError(
                    _("Line %(n)s: give a code and %(size)s number(s).") % {"n": number, "size": size}
                )
            try:
                table[parts[0].upper()] = [float(p) for p in parts[1:]]
            except ValueError as error:
                raise forms.ValidationError(_("Line %(n)s: not a number.") % {"n": number}) from error
        return table

    def clean_freight_by_destination(self):
        return self._table("freight_by_destination", 2)

    def clean_fx_rates(self):
        return {code: values[0] for code, values in self._table("fx_rates", 1).items()}

    def _list(self, name: str) -> list[float] | str:
        text = self.cleaned_data.get(name) or ""
        if not text.strip():
            return ""
        try:
            return [float(part) for part in text.replace(";", ",").split(",") if part.strip()]
        except ValueError:
            self.add_error(name, _("Give numbers separated by commas."))
            return ""

    def to_inputs(self) -> dict[str, Any]:
        """The canonical inputs JSON from the cleaned form (call after is_valid())."""
        data = self.cleaned_data
        inputs: dict[str, Any] = {name: data.get(name) for name in DIRECT}
        inputs["date"] = data["date"].isoformat() if data.get("date") else None
        inputs["destinations"] = list(data.get("destinations") or [])
        inputs["component"] = {
            "product": data.get("component_product") or "",
            "made_in": data.get("component_made_in") or "CN",
            "value": data.get("component_value"),
        }
        inputs["fx"] = {
            "base": data.get("fx_base") or data.get("currency") or "",
            "as_of": data["fx_as_of"].isoformat() if data.get("fx_as_of") else None,
            "rates": data.get("fx_rates") or {},
            "source": data.get("fx_source") or "input",
        }
        capacity = {
            unit: data.get(unit) for unit in ("battery_mwh", "solar_cell_mw") if data.get(unit) is not None
        }
        inputs["incentives"] = {
            "province": data.get("province") or "",
            "scheme_type": data.get("scheme_type") or "large_scale",
            "date": data["incentive_date"].isoformat() if data.get("incentive_date") else None,
            "in_oiz": bool(data.get("in_oiz")),
            "capacity": capacity,
        }
        plant: dict[str, Any] = {}
        for name, _label, kind in PLANT_FIELDS:
            value = data.get(f"plant_{name}")
            if kind == "list":
                value = self._list(f"plant_{name}")
            if value not in (None, ""):
                plant[name] = value
            elif name in ("tax_reduction_rate", "investment_contribution_rate", "terminal_growth"):
                plant[name] = None
        has_plant = any(v is not None for k, v in plant.items() if k not in ("currency",))
        inputs["plant"] = plant if has_plant else None
        ranges = {}
        for name in RANGEABLE:
            dist = data.get(f"range_{name}_dist")
            ends = {end: data.get(f"range_{name}_{end}") for end in ("min", "mode", "max")}
            if not dist and all(v is None for v in ends.values()):
                continue
            ranges[name] = {"distribution": dist or "triangular", **ends}
        inputs["ranges"] = ranges
        return inputs

    @staticmethod
    def initial_from(inputs: dict[str, Any]) -> dict[str, Any]:
        """Form initial values from canonical inputs (a saved case or the defaults)."""
        initial = {name: inputs.get(name) for name in DIRECT}
        initial["destinations"] = list(inputs.get("destinations") or [])
        initial["freight_by_destination"] = _pairs_text(inputs.get("freight_by_destination") or {})
        component = inputs.get("component") or {}
        initial.update(
            component_product=component.get("product"),
            component_made_in=component.get("made_in"),
            component_value=component.get("value"),
        )
        fx = inputs.get("fx") or {}
        initial.update(
            fx_base=fx.get("base"),
            fx_as_of=fx.get("as_of"),
            fx_rates=_pairs_text({k: [v] for k, v in (fx.get("rates") or {}).items()}),
            fx_source=fx.get("source"),
        )
        incentives = inputs.get("incentives") or {}
        capacity = incentives.get("capacity") or {}
        initial.update(
            province=incentives.get("province"),
            scheme_type=incentives.get("scheme_type") or "large_scale",
            incentive_date=incentives.get("date"),
            in_oiz=incentives.get("in_oiz"),
            battery_mwh=capacity.get("battery_mwh"),
            solar_cell_mw=capacity.get("solar_cell_mw"),
        )
        for name, _label, kind in PLANT_FIELDS:
            value = (inputs.get("plant") or {}).get(name)
            if kind == "list" and isinstance(value, list | tuple):
                value = ", ".join(f"{v:g}" for v in value)
            initial[f"plant_{name}"] = value
        for name, spec in (inputs.get("ranges") or {}).items():
            initial[f"range_{name}_dist"] = spec.get("distribution", "triangular")
            for end in ("min", "mode", "max"):
                initial[f"range_{name}_{end}"] = spec.get(end)
        return initial


def form_data_from(inputs: dict[str, Any], rules: Rules) -> dict[str, Any]:
    """Bound-form data (as a browser would post it) for canonical inputs."""
    initial = CaseInputsForm.initial_from(inputs)
    data: dict[str, Any] = {}
    for key, value in initial.items():
        if value is None or value is False:
            continue
        data[key] = value if isinstance(value, list) else ("on" if value is True else str(value))
    return data


class CaseForm(RecordForm):
    class Meta(RecordMeta):
        model = InvestmentCase
        fields = ["name", "description", *VISIBILITY_FIELDS]
        widgets = {"description": forms.Textarea(attrs={"rows": 2})}
