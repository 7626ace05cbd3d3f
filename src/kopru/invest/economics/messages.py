"""The one catalogue of the engine's messages: key → English template and how each parameter is shown.

The engine returns `Explanation(key, params)`, never a sentence. Two readers use this catalogue:
- the Django layer (`kopru.invest.explanations.render`) translates each template through gettext and shows
  parameters in the reader's locale (country names, localised percentages, sector names);
- the command-line contracts (`kopru market-access`, `kopru plant`, `kopru match`) and the JSON API, whose
  fields such as `origin.basis`, `notes` and a duty's `note` are sentences (../shared/contracts/
  market-access.md): `with_text` renders them in plain English here and keeps the key and parameters
  beside each one as `<field>_message` (`<field>_messages` for a list), a new optional field.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from kopru.invest.economics.explanations import Explanation


def gettext_noop(message: str) -> str:
    """Marks a template for `makemessages` (which looks for this name); the Django layer translates it."""
    return message


# key → (template, {parameter: format}); parameters not named are shown by their type
TEMPLATES: dict[str, tuple[str, dict[str, str]]] = {
    "origin.made_in": (gettext_noop("made in %(country)s"), {"country": "country"}),
    "origin.share_not_given": (
        gettext_noop(
            "made in Türkiye; the local value share is not given, so Turkish origin is not established"
        ),
        {},
    ),
    "origin.share_at_least": (
        gettext_noop(
            "made in Türkiye; local value share %(share)s, at least %(threshold)s (last substantial"
            " transformation in Türkiye, as a proxy)"
        ),
        {"share": "percent0", "threshold": "percent0"},
    ),
    "origin.share_between": (
        gettext_noop(
            "made in Türkiye; local value share %(share)s, between %(low)s and %(high)s: Turkish origin is"
            " arguable"
        ),
        {"share": "percent0", "low": "percent0", "high": "percent0"},
    ),
    "origin.share_below": (
        gettext_noop(
            "made in Türkiye from imported parts; local value share %(share)s, below %(threshold)s: origin"
            " taken as %(origin)s (the parts' origin)"
        ),
        {"share": "percent0", "threshold": "percent0", "origin": "country"},
    ),
    "origin.if_found.measures": (
        gettext_noop(
            "if the origin were found to be %(origin)s, %(measures)s would apply (%(rate)s ad valorem)"
        ),
        {"origin": "country", "measures": "list", "rate": "percent"},
    ),
    "origin.if_found.nothing": (
        gettext_noop(
            "no trade-defence measure on goods of %(origin)s origin applies to this product on this date"
        ),
        {"origin": "country"},
    ),
    "origin.risk.unknown": (
        gettext_noop("Give the local value share to screen origin; %(consequence)s."),
        {},
    ),
    "origin.risk.low": (gettext_noop("Turkish origin is likely; %(consequence)s."), {}),
    "origin.risk.medium": (gettext_noop("Processing in Türkiye may not confer origin; %(consequence)s."), {}),
    "origin.risk.high": (
        gettext_noop(
            "Assembly in Türkiye likely does not confer origin; %(consequence)s (free circulation under the"
            " Customs Union does not prevent trade-defence duties, cf. Regulation (EU) 2022/1478)."
        ),
        {},
    ),
    "access.no_producer": (
        gettext_noop("No producer given: the non-cooperating rate of %(reference)s applies."),
        {},
    ),
    "access.no_other_cooperating": (
        gettext_noop(
            "%(reference)s has no group for other cooperating producers: the non-cooperating rate applies."
        ),
        {},
    ),
    "access.individual_rate_later": (
        gettext_noop("The individual rate of %(producer)s under %(measure)s starts on %(date)s."),
        {},
    ),
    "access.producer_not_named": (
        gettext_noop(
            "The producer “%(producer)s” is not named in %(reference)s: treated as non-cooperating."
        ),
        {},
    ),
    "access.hs_broader": (
        gettext_noop("HS %(hs)s is broader than the measure %(measure)s (%(prefixes)s): not applied."),
        {"prefixes": "list"},
    ),
    "access.undertaking": (
        gettext_noop(
            "The model “%(model)s” is covered by the price undertaking %(row)s: the duty is not levied."
        ),
        {},
    ),
    "access.sources_conflict": (
        gettext_noop(
            "%(rule)s: sources disagree on %(field)s (%(value)s in %(source)s); the recorded value is used."
        ),
        {"field": "text", "value": "text"},
    ),
    "access.certificate_exemption": (
        gettext_noop("%(rule)s is not levied: import under an investment incentive certificate (%(row)s)."),
        {},
    ),
    "access.no_certificate_exemption": (
        gettext_noop("%(rule)s: no incentive-certificate exemption is recorded for this rule on %(date)s."),
        {},
    ),
    "access.member_state": (
        gettext_noop("%(country)s is an EU member state: the EU common tariff applies."),
        {"country": "country"},
    ),
    "access.share_ignored": (
        gettext_noop("The local value share counts only for goods made in Türkiye; it is ignored here."),
        {},
    ),
    "access.hs_not_in_catalogue": (
        gettext_noop(
            "HS %(hs)s is not in the product catalogue: only the measures recorded for its heading are"
            " checked."
        ),
        {},
    ),
    "access.origin_assessed": (
        gettext_noop("Origin assessed as %(origin)s: the trade-defence duties on that origin apply."),
        {"origin": "country"},
    ),
    "access.outside_customs_union": (
        gettext_noop(
            "This product is outside the Customs Union (agriculture, coal, steel): the MFN rate is shown,"
            " preferences are not modelled."
        ),
        {},
    ),
    "access.no_import": (
        gettext_noop("No import: the product is made inside the destination's customs territory."),
        {},
    ),
    "access.certificate_ignored": (
        gettext_noop(
            "The investment incentive certificate concerns imports into Türkiye only; it is ignored here."
        ),
        {},
    ),
    "duty.customs_union_into_eu": (
        gettext_noop("free circulation with an A.TR certificate: no EU customs duty"),
        {},
    ),
    "duty.customs_union_into_tr": (
        gettext_noop("EU goods in free circulation with an A.TR certificate: no Turkish customs duty"),
        {},
    ),
    "duty.fta_proof_of_origin": (
        gettext_noop("the preferential rate of 0 assumes proof of preferential origin"),
        {},
    ),
    "duty.exempted_by": (gettext_noop("exempted by %(row)s: %(reference)s"), {}),
    "incentives.region": (
        gettext_noop("%(province)s is in region %(region)s (%(row)s)."),
        {"region": "text"},
    ),
    "incentives.regions_not_recorded": (
        gettext_noop(
            "The province classification of %(scheme)s is not recorded: region-based rates are not known."
        ),
        {},
    ),
    "incentives.below_threshold": (
        gettext_noop(
            "%(scheme)s: the investment is below the programme threshold of %(minimum)s %(currency)s."
        ),
        {},
    ),
    "cost.minimum_applies": (
        gettext_noop("%(row)s: the minimum of %(per_unit)s %(currency)s per unit applies."),
        {},
    ),
    "plant.rate_zero_no_scheme": (
        gettext_noop("%(name)s: 0, as no incentive scheme is chosen and no rate is given."),
        {"name": "parameter"},
    ),
    "plant.rate_zero_no_instrument": (
        gettext_noop("%(name)s: 0, as %(scheme)s has no such instrument for this scheme type."),
        {"name": "parameter"},
    ),
    "plant.rate_from_row": (
        gettext_noop("%(name)s: %(rate)s from %(row)s (%(status)s)."),
        {"name": "parameter", "rate": "percent0", "status": "code"},
    ),
    "plant.rate_set_in_scenario": (
        gettext_noop("%(name)s: %(rate)s set in the scenario, not taken from %(scheme)s."),
        {"name": "parameter", "rate": "percent0"},
    ),
    "plant.no_ranges": (gettext_noop("No ranges given: Monte Carlo and tornado skipped."), {}),
    "match.nothing_in_common": (gettext_noop("no match: the pair has nothing in common (score 0)"), {}),
    "match.excluded_host_country": (
        gettext_noop(
            "excluded: the headquarters are in %(country)s, the host country; this programme seeks foreign"
            " investors"
        ),
        {"country": "country"},
    ),
    "match.excluded_not_admitted": (
        gettext_noop(
            "excluded: headquarters in %(country)s are not admitted by the programme's country rules"
        ),
        {"country": "country"},
    ),
    "match.excluded_only_from": (
        gettext_noop("excluded: the opportunity is open only to investors from %(countries)s"),
        {"countries": "countries"},
    ),
    "match.excluded_closed_to": (
        gettext_noop("excluded: the opportunity is closed to investors from %(country)s"),
        {"country": "country"},
    ),
    "match.shared_terms": (gettext_noop("shared terms: %(terms)s"), {"terms": "list"}),
    "match.no_shared_terms": (gettext_noop("no shared terms"), {}),
    "match.sector_match": (gettext_noop("same sector: %(sectors)s"), {"sectors": "sectors"}),
    "match.sector_pair": (gettext_noop("%(mine)s ~ %(theirs)s"), {"mine": "sector", "theirs": "sector"}),
    "match.sector_related": (
        gettext_noop("related sectors (company ~ opportunity): %(pairs)s"),
        {"pairs": "list"},
    ),
    "match.sector_none": (
        gettext_noop(
            "no sector in common: the company is in %(company)s, the opportunity in %(opportunity)s"
        ),
        {"company": "sectors", "opportunity": "sectors"},
    ),
    "match.capacity_unstated": (gettext_noop("capacity: the opportunity states none"), {}),
    "match.capacity_not_comparable": (
        gettext_noop("capacity not comparable: the company states no capacity in %(unit)s"),
        {},
    ),
    "match.capacity_fits": (
        gettext_noop("capacity fits: the company makes %(company)s, the opportunity %(opportunity)s"),
        {},
    ),
    "match.capacity_gap": (
        gettext_noop("capacity gap: the company makes %(company)s, the opportunity needs %(opportunity)s"),
        {},
    ),
    "match.capacity_larger": (
        gettext_noop(
            "capacity: the company (%(company)s) is far larger than the opportunity (%(opportunity)s)"
        ),
        {},
    ),
    "match.exports_to": (
        gettext_noop("exports to %(regions)s, where the opportunity pitches access"),
        {"regions": "regions"},
    ),
    "match.no_exports": (
        gettext_noop("no exports yet to the markets the opportunity pitches (%(regions)s)"),
        {"regions": "regions"},
    ),
    "match.kind_has_plant": (
        gettext_noop(
            "kind fits: the company already has a plant in %(country)s; the opportunity seeks %(seeks)s"
        ),
        {"country": "country", "seeks": "seeks"},
    ),
    "match.kind_no_plant": (
        gettext_noop(
            "kind gap: the company has no plant in %(country)s to expand; the opportunity seeks %(seeks)s"
        ),
        {"country": "country", "seeks": "seeks"},
    ),
    "match.kind_fit": (
        gettext_noop("kind fits: the company does %(done)s; the opportunity seeks %(seeks)s"),
        {"done": "done", "seeks": "seeks"},
    ),
    "match.kind_related": (
        gettext_noop("related kind: the company does %(done)s; the opportunity seeks %(seeks)s"),
        {"done": "done", "seeks": "seeks"},
    ),
    "match.kind_unknown": (
        gettext_noop("kind unknown: the company lists no past deals; the opportunity seeks %(seeks)s"),
        {"seeks": "seeks"},
    ),
    "match.kind_mismatch": (
        gettext_noop("kind mismatch: the company does %(done)s; the opportunity seeks %(seeks)s"),
        {"done": "done", "seeks": "seeks"},
    ),
    "match.size_unknown": (gettext_noop("financial capacity unknown (capex or revenue not stated)"), {}),
    "match.size_share": (
        gettext_noop(
            "financial capacity: a capex of %(capex)s is %(share)s of the annual revenue of %(revenue)s"
        ),
        {"capex": "musd", "share": "percent0", "revenue": "musd"},
    ),
    "match.size_small_share": (
        gettext_noop(
            "financial capacity: a capex of %(capex)s is under 1%% of the annual revenue of %(revenue)s"
        ),
        {"capex": "musd", "revenue": "musd"},
    ),
    "match.semantic": (gettext_noop("semantic similarity: %(similarity)s"), {"similarity": "decimal2"}),
    "rule.title.group": (gettext_noop("%(product)s — %(group)s"), {}),
    "rule.title.undertaking": (gettext_noop("Price undertaking — %(producer)s"), {}),
    "rule.title.tr_additional": (
        gettext_noop("Türkiye's additional duty, HS %(hs)s"),
        {"hs": "list"},
    ),
    "rule.title.exemption": (
        gettext_noop("Exemption from %(rule)s: %(regime)s"),
        {"regime": "code"},
    ),
    "rule.title.eu_members": (gettext_noop("EU member states"), {}),
    "rule.title.tr_fta_partners": (gettext_noop("Türkiye's free trade agreement partners"), {}),
    "rule.title.customs_union": (gettext_noop("EU–Türkiye Customs Union"), {}),
    "rule.title.origin_model": (gettext_noop("Origin-risk screening model"), {}),
    "rule.title.instrument": (gettext_noop("Incentive instrument: %(instrument)s"), {"instrument": "code"}),
    # bad input (`InputError`): what is wrong with a field; `value` echoes what was given, as given
    "error.text": ("%(text)s", {"text": "text"}),  # a parser's or a file's own words, kept as written
    "error.required": (gettext_noop("is required"), {}),
    "error.required_date": (gettext_noop("is required (YYYY-MM-DD: the rules in force that day apply)"), {}),
    "error.missing": (gettext_noop("missing"), {}),
    "error.not_negative": (gettext_noop("must not be negative, got %(value)s"), {"value": "text"}),
    "error.not_positive": (gettext_noop("must be positive"), {}),
    "error.rate_not_positive": (gettext_noop("rate must be positive, got %(value)s"), {"value": "text"}),
    "error.not_finite": (gettext_noop("must be a finite number"), {}),
    "error.not_a_number": (gettext_noop("expected a number, got %(value)s"), {"value": "text"}),
    "error.not_an_integer": (gettext_noop("expected an integer, got %(value)s"), {"value": "text"}),
    "error.not_text": (gettext_noop("expected text, got %(value)s"), {"value": "text"}),
    "error.not_true_false": (gettext_noop("expected true or false, got %(value)s"), {"value": "text"}),
    "error.not_a_date": (gettext_noop("expected a date YYYY-MM-DD, got %(value)s"), {"value": "text"}),
    "error.not_an_object": (gettext_noop("expected a JSON object"), {}),
    "error.not_plant_inputs": (gettext_noop("expected an object of plant inputs"), {}),
    "error.expected_shape": (gettext_noop("expected %(shape)s"), {"shape": "text"}),
    "error.not_country_list": (
        gettext_noop("expected a list of country codes, got %(value)s"),
        {"value": "text"},
    ),
    "error.within": (gettext_noop("must be within %(low)s..%(high)s"), {}),
    "error.within_got": (gettext_noop("must be %(low)s..%(high)s, got %(value)s"), {"value": "text"}),
    "error.at_least": (gettext_noop("must be >= %(minimum)s"), {}),
    "error.above": (gettext_noop("must be > %(minimum)s"), {}),
    "error.share_outside": (gettext_noop("%(value)s is outside 0..1"), {"value": "text"}),
    "error.draws_here": (
        gettext_noop("must be 0..%(maximum)s here (0 = no Monte Carlo), got %(value)s"),
        {"value": "text"},
    ),
    "error.seed": (gettext_noop("must be a whole number 0..%(maximum)s, got %(value)s"), {"value": "text"}),
    "error.use_one_of": (
        gettext_noop("%(value)s: use one of %(choices)s"),
        {"value": "text", "choices": "text"},
    ),
    "error.unknown_capacity_unit": (
        gettext_noop("unknown capacity unit; use %(choices)s"),
        {"choices": "text"},
    ),
    "error.unknown_field": (gettext_noop("unknown field; known: %(known)s"), {"known": "text"}),
    "error.country_code": (
        gettext_noop("%(value)s is not an ISO 3166-1 alpha-2 country code"),
        {"value": "text"},
    ),
    "error.currency_code": (
        gettext_noop("%(value)s is not an ISO 4217 currency code (three letters)"),
        {"value": "text"},
    ),
    "error.province": (
        gettext_noop("%(value)s is not one of Türkiye's 81 provinces (name or plate code)"),
        {"value": "text"},
    ),
    "error.choose_destination": (
        gettext_noop("choose at least one destination (EU, an EU member state or TR)"),
        {},
    ),
    "error.freight_pair": (gettext_noop("give two amounts: freight from the origin and from Türkiye"), {}),
    "error.fx_as_of": (gettext_noop("give the date the exchange rates were published"), {}),
    "error.no_fx_rates": (
        gettext_noop("no exchange rates given; %(source)s -> %(target)s needed for %(purpose)s"),
        {"source": "text", "target": "text", "purpose": "text"},
    ),
    "error.no_fx_rate": (
        gettext_noop("no exchange rate %(base)s/%(currency)s given"),
        {"base": "text", "currency": "text"},
    ),
    "error.no_fx_rate_for": (
        gettext_noop("no exchange rate %(base)s/%(currency)s given (needed for %(purpose)s)"),
        {"base": "text", "currency": "text", "purpose": "text"},
    ),
    "error.levied_per_m2": (gettext_noop("%(row)s is levied per m²: give the module area"), {"row": "text"}),
    "error.incentive_not_known": (
        gettext_noop("not known for %(scheme)s (%(row)s); set plant.%(name)s explicitly"),
        {"scheme": "text", "row": "text", "name": "text"},
    ),
    "error.no_scheme": (
        gettext_noop("no %(scheme_type)s incentive scheme recorded in force on %(date)s"),
        {"scheme_type": "text"},
    ),
    "error.no_region_list": (
        gettext_noop("no region list of %(regions)s in force on %(date)s"),
        {"regions": "text"},
    ),
    "error.hs_digits": (gettext_noop("HS code %(value)s must have 4 to 10 digits"), {"value": "text"}),
    "error.unknown_product": (
        gettext_noop("unknown product %(value)s: give an HS code (4-10 digits) or one of %(known)s"),
        {"value": "text", "known": "text"},
    ),
    "error.hs_too_broad": (
        gettext_noop("HS %(hs)s is broader than the tariff rows (%(rows)s); give a longer code"),
        {"hs": "text", "rows": "text"},
    ),
    "error.no_tariff_row": (
        gettext_noop("no tariff row for HS %(hs)s (the tariff data covers %(headings)s headings)"),
        {"hs": "text"},
    ),
    "error.no_tariff_in_force": (
        gettext_noop("no tariff rule for HS %(hs)s in force on %(date)s (rules start %(start)s)"),
        {"hs": "text"},
    ),
    "error.defence_data_starts": (
        gettext_noop("%(imposed_by)s trade-defence data starts %(start)s; %(date)s is earlier"),
        {"imposed_by": "text"},
    ),
    "error.tr_additional_data_starts": (
        gettext_noop("Türkiye additional-duty data starts %(start)s; %(date)s is earlier"),
        {},
    ),
    "error.destination_not_covered": (
        gettext_noop("%(destination)s: tariff data exists only for EU (or a member state) and TR"),
        {"destination": "text"},
    ),
    "error.no_rule_row": (
        gettext_noop("no rule row %(value)s in %(folder)s"),
        {"value": "text", "folder": "text"},
    ),
    "error.option_required": (gettext_noop("--%(option)s is required"), {"option": "text"}),
    "error.plant.first_year": (gettext_noop("must fall inside the horizon (0-based year index)"), {}),
    "error.plant.phasing_count": (gettext_noop("give 1..horizon_years shares"), {}),
    "error.plant.phasing_sum": (
        gettext_noop("shares must be >= 0 and sum to 1, got %(value)s"),
        {"value": "text"},
    ),
    "error.plant.ramp_up": (gettext_noop("give utilisation shares in 0..1.5 per production year"), {}),
    "error.plant.terminal_growth": (
        gettext_noop("must be below discount_rate in every draw (Gordon growth)"),
        {},
    ),
    "error.range.not_rangeable": (
        gettext_noop("cannot be ranged; use one of %(choices)s"),
        {"choices": "text"},
    ),
    "error.range.min_above_max": (
        gettext_noop("min %(low)s > max %(high)s"),
        {"low": "text", "high": "text"},
    ),
    "error.range.needs_mode": (gettext_noop("triangular needs a mode"), {}),
    "error.range.mode_outside": (
        gettext_noop("mode %(mode)s outside [%(low)s, %(high)s]"),
        {"mode": "text", "low": "text", "high": "text"},
    ),
    "error.range.no_base": (gettext_noop("has no base value in the plant inputs"), {}),
    "error.range.bad_number": (gettext_noop("bad number: %(text)s"), {"text": "text"}),
}

Message = Explanation | dict[str, Any]


def is_message(value: Any) -> bool:
    """An explanation in its JSON form: exactly a key and its parameters."""
    return isinstance(value, dict) and set(value) == {"key", "params"} and isinstance(value["key"], str)


def from_dict(value: Any) -> Any:
    """Explanations in JSON form (nested ones too) back as `Explanation` objects; other values unchanged."""
    if is_message(value):
        return Explanation(value["key"], {name: from_dict(item) for name, item in value["params"].items()})
    if isinstance(value, list):
        return [from_dict(item) for item in value]
    return value


def english(message: Message | str | None) -> str:
    """The message as a plain English sentence (codes stay codes: no database, no locale)."""
    if message is None:
        return ""
    if isinstance(message, str):
        return message
    message = from_dict(message) if isinstance(message, dict) else message
    if message.key == "data.note":  # written in the rule data: kept as written
        return str(message.params.get("text", ""))
    template, formats = TEMPLATES[message.key]
    return template % {name: _plain(value, formats.get(name)) for name, value in message.params.items()}


def with_text(data: Any, render: Callable[[Any], str] = english) -> Any:
    """A result's JSON with every message field as its sentence and the message kept beside it.

    `{"basis": {"key": …, "params": …}}` becomes `{"basis": "made in CN", "basis_message": {…}}`; a list of
    messages (`notes`) becomes a list of sentences with `notes_messages` beside it. Nested results too."""
    if isinstance(data, list):
        return [with_text(item, render) for item in data]
    if not isinstance(data, dict):
        return data
    out: dict[str, Any] = {}
    for name, value in data.items():
        if is_message(value):
            out[name] = render(value)
            out[f"{name}_message"] = value
        elif isinstance(value, list) and value and all(is_message(item) for item in value):
            out[name] = [render(item) for item in value]
            out[f"{name}_messages"] = value
        else:
            out[name] = with_text(value, render)
    return out


def _plain(value: Any, how: str | None) -> str:
    if isinstance(value, Explanation):
        return english(value)
    if value is None:
        return "—"
    if how == "percent":
        return f"{float(value) * 100:.1f}%"
    if how == "percent0":
        return f"{float(value) * 100:.0f}%"
    if how == "musd":
        return f"USD {float(value):,.{0 if float(value) >= 1 else 1}f} million"
    if how == "decimal2":
        return f"{float(value):.2f}"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        return f"{value:,}" if float(value).is_integer() else f"{value:,.2f}"
    if isinstance(value, tuple | list):
        return ", ".join(_plain(item, how) for item in value)
    return str(value)
