"""The one catalogue of the investment engine's explanations: message key → English template (translated
through gettext) and how each parameter is shown (a country's name, a percentage, a date in the reader's
locale, a parameter's or code's label, a nested explanation).

The engine (`kopru.invest.economics`) returns `Explanation(key, params)` and never a sentence; pages, the
report and the PDF call `render` (template filter `explain`)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils.translation import gettext, gettext_noop

from kopru.core.models import Sector
from kopru.invest import l10n
from kopru.invest.economics.explanations import Explanation
from kopru.invest.labels import DONE_LABELS, REGION_LABELS, SEEKS_LABELS, code_label, parameter_label

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
}


def _shown(value: Any, how: str | None) -> str:
    if isinstance(value, Explanation):
        return render(value)
    if value is None:
        return "—"
    if how == "country":
        return l10n.country(str(value))
    if how == "percent":
        return l10n.percent(value, 1)
    if how == "percent0":
        return l10n.percent(value, 0)
    if how == "parameter":
        return parameter_label(str(value))
    if how == "code":
        return code_label(value)
    if how == "list":
        return l10n.listing(value)
    if how == "countries":
        return l10n.listing(l10n.country(code) for code in value)
    if how in ("sector", "sectors"):
        return _sector_names((value,) if how == "sector" else value)
    if how == "regions":
        return l10n.listing(str(REGION_LABELS.get(code, code)) for code in value)
    if how == "seeks":
        return str(SEEKS_LABELS.get(value, value))
    if how == "done":
        return l10n.listing(str(DONE_LABELS.get(code, code)) for code in value)
    if how == "musd":
        return gettext("USD %(amount)s million") % {"amount": l10n.number(value, 0 if value >= 1 else 1)}
    if how == "decimal2":
        return l10n.number(value, 2)
    if how == "text":
        return str(value)
    if isinstance(value, dt.date):
        return l10n.date(value)
    if isinstance(value, bool):
        return gettext("yes") if value else gettext("no")
    if isinstance(value, int | float):
        return l10n.number(value, 0 if float(value).is_integer() else 2)
    if isinstance(value, tuple | list):
        return l10n.listing(value)
    return str(value)


def _sector_names(codes) -> str:
    """Sector codes (`ev`, `battery`) as the sectors' names in the reader's language."""
    codes = [str(code) for code in codes]
    if not codes:
        return gettext("no sector")
    names = {sector.code: str(sector) for sector in Sector.objects.filter(code__in=codes)}
    return l10n.listing(names.get(code, code) for code in codes)


def render(explanation: Explanation | str | None) -> str:
    """The explanation as a sentence in the active language (a plain string passes through)."""
    if explanation is None:
        return ""
    if not isinstance(explanation, Explanation):
        return str(explanation)
    if explanation.key == "data.note":  # written in the rule data: shown as written
        return str(explanation.params.get("text", ""))
    template, formats = TEMPLATES[explanation.key]
    return gettext(template) % {
        name: _shown(value, formats.get(name)) for name, value in explanation.params.items()
    }
