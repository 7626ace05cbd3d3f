"""Which duties a product pays on entering the EU or Türkiye, by origin, producer and date.

Destination `EU` (or any member state) applies the Common Customs Tariff plus EU trade-defence measures;
goods made in Türkiye enter duty-free under the Customs Union, but trade-defence duties follow origin,
which `origin.screen_turkish_origin` assesses. Destination `TR` applies the same tariff (Türkiye aligns
with the CET), Türkiye's additional duties by origin, and Türkiye's trade-defence measures.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.duties import DutyLine, ad_valorem_total, specific_parts
from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.explanations import Explanation, data_note, explain
from kopru.invest.economics.origin import OriginAssessment, screen_turkish_origin
from kopru.invest.economics.rule_tables import (
    NON_EU_NON_FTA,
    AdditionalDutyRule,
    MfnRow,
    ProducerGroup,
    Rules,
    TradeDefenceMeasure,
)
from kopru.invest.economics.sources import SourceRef

OTHER_COOPERATING = "other-cooperating"
NON_COOPERATING = "non-cooperating"
INCENTIVE_CERTIFICATE = "incentive_certificate"


@dataclass(frozen=True)
class ProductRef:
    key: str | None
    hs: str

    def to_dict(self) -> dict[str, Any]:
        return {"key": self.key, "hs": self.hs}


@dataclass(frozen=True)
class MarketAccessResult:
    product: ProductRef
    made_in: str
    destination: str
    date: dt.date
    producer: str | None
    origin: OriginAssessment
    duties: tuple[DutyLine, ...]
    exemptions: tuple[DutyLine, ...] = field(default_factory=tuple)
    notes: tuple[Explanation, ...] = field(default_factory=tuple)

    @property
    def ad_valorem_total(self) -> float:
        return ad_valorem_total(self.duties)

    def to_dict(self) -> dict[str, Any]:
        return {
            "product": self.product.to_dict(),
            "made_in": self.made_in,
            "destination": self.destination,
            "date": self.date.isoformat(),
            "producer": self.producer,
            "origin": self.origin.to_dict(),
            "duties": [line.to_dict() for line in self.duties],
            "ad_valorem_total": self.ad_valorem_total,
            "specific": specific_parts(self.duties),
            "exemptions": [line.to_dict() for line in self.exemptions],
            "notes": [note.to_dict() for note in self.notes],
        }


def normalise_name(name: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", name.casefold()).split())


def resolve_product(rules: Rules, text: str) -> ProductRef:
    """A catalogue key (`bev`) or an HS code of 4-10 digits (spaces and dots allowed: `8703 80`)."""
    key = text.strip().casefold()
    if key in rules.products:
        return ProductRef(key=key, hs=rules.products[key].hs)
    digits = re.sub(r"[\s.]", "", text)
    if digits.isdigit():
        if not 4 <= len(digits) <= 10:
            raise bad_input("product", "error.hs_digits", value=repr(text))
        matching_key = next((p.key for p in rules.products.values() if p.hs == digits), None)
        return ProductRef(key=matching_key, hs=digits)
    known = ", ".join(sorted(rules.products))
    raise bad_input("product", "error.unknown_product", value=repr(text), known=known)


def validate_country(rules: Rules, code: str, field_name: str, allow_eu: bool = False) -> str:
    value = (code or "").strip().upper()
    if allow_eu and value == "EU":
        return value
    if value not in rules.countries:
        raise bad_input(field_name, "error.country_code", value=repr(code))
    return value


def _mfn_row(rules: Rules, hs: str, on: dt.date) -> MfnRow:
    matching = [row for row in rules.mfn if hs.startswith(row.hs)]
    if not matching:
        narrower = sorted(row.hs for row in rules.mfn if row.hs.startswith(hs))
        if narrower:
            raise bad_input("product", "error.hs_too_broad", hs=hs, rows=", ".join(narrower))
        raise bad_input("product", "error.no_tariff_row", hs=hs, headings=len(rules.mfn))
    in_force = [row for row in matching if row.ref.in_force(on)]
    if not in_force:
        earliest = min(row.ref.effective_from for row in matching)
        raise bad_input("date", "error.no_tariff_in_force", hs=hs, date=f"{on}", start=f"{earliest}")
    return max(in_force, key=lambda row: len(row.hs))


def _select_group(
    measure: TradeDefenceMeasure, producer: str | None, on: dt.date
) -> tuple[ProducerGroup, Explanation | None]:
    by_name = {group.name: group for group in measure.groups}
    residual = by_name[NON_COOPERATING]
    if producer is None:
        return residual, explain("access.no_producer", reference=measure.ref.reference)
    wanted = normalise_name(producer)
    if wanted in (
        OTHER_COOPERATING,
        normalise_name(OTHER_COOPERATING),
        NON_COOPERATING,
        normalise_name(NON_COOPERATING),
    ):
        reserved = OTHER_COOPERATING if "other" in wanted else NON_COOPERATING
        if reserved in by_name:
            return by_name[reserved], None
        return residual, explain("access.no_other_cooperating", reference=measure.ref.reference)
    for group in measure.groups:
        names = {normalise_name(group.name), *(normalise_name(alias) for alias in group.aliases)}
        if wanted in names and group.name not in (OTHER_COOPERATING, NON_COOPERATING):
            if group.valid_from and on < group.valid_from:
                return residual, explain(
                    "access.individual_rate_later",
                    producer=group.name,
                    measure=measure.id,
                    date=group.valid_from,
                )
            return group, None
    return residual, explain("access.producer_not_named", producer=producer, reference=measure.ref.reference)


def _group_line(measure, group) -> DutyLine:
    """The duty of one producer group of a measure, citing the group's own row."""
    return DutyLine(
        kind=measure.kind,
        rate=group.rate,
        ref=SourceRef(
            row_id=f"{measure.id}/{group.name}",
            reference=measure.ref.reference,
            source=measure.ref.source,
            effective_from=max(measure.ref.effective_from, group.valid_from or measure.ref.effective_from),
            effective_to=measure.ref.effective_to,
        ),
        producer_group=group.name,
        stage=measure.stage,
        specific=group.specific,
    )


def _undertaking(measure, group, model: str | None, on: dt.date):
    """The price undertaking in force that covers this producer's `model` (None without one)."""
    if not model:
        return None
    return next(
        (
            u
            for u in measure.undertakings
            if normalise_name(u.producer) == normalise_name(group.name)
            and normalise_name(model) in {normalise_name(m) for m in u.models}
            and u.ref.in_force(on)
        ),
        None,
    )


def _measures_for(rules: Rules, imposed_by: str, hs: str, origin: str, on: dt.date, notes: list[Explanation]):
    """The measures of `imposed_by` in force on `origin` whose HS prefixes cover `hs` (noting broader HS)."""
    for measure in rules.measures:
        if measure.imposed_by != imposed_by or origin not in measure.origins or not measure.ref.in_force(on):
            continue
        if any(hs.startswith(prefix) for prefix in measure.hs_prefixes):
            yield measure
        elif any(prefix.startswith(hs) for prefix in measure.hs_prefixes):
            notes.append(
                explain("access.hs_broader", hs=hs, measure=measure.id, prefixes=tuple(measure.hs_prefixes))
            )


def trade_defence_lines(
    rules: Rules,
    imposed_by: str,
    hs: str,
    origin: str,
    on: dt.date,
    producer: str | None,
    model: str | None,
) -> tuple[list[DutyLine], list[DutyLine], list[Explanation]]:
    """Duties, undertaking exemptions and notes from trade-defence measures of `imposed_by` on `origin`.

    Stages: the measures that cover the product; for each, the producer's group and its duty line; a
    price undertaking for the model turns the line into an exemption."""
    coverage = rules.trade_defence_coverage[imposed_by]
    if on < coverage:
        raise bad_input(
            "date", "error.defence_data_starts", imposed_by=imposed_by, start=f"{coverage}", date=f"{on}"
        )
    lines: list[DutyLine] = []
    exempt: list[DutyLine] = []
    notes: list[Explanation] = []
    for measure in _measures_for(rules, imposed_by, hs, origin, on, notes):
        group, note = _select_group(measure, producer, on)
        if note:
            notes.append(note)
        line = _group_line(measure, group)
        undertaking = _undertaking(measure, group, model, on)
        if undertaking:
            exempt.append(line)
            notes.append(explain("access.undertaking", model=model, row=undertaking.ref.row_id))
        else:
            lines.append(line)
    return lines, exempt, notes


def _customs_union_line(rules: Rules, note: Explanation) -> DutyLine:
    return DutyLine(kind="customs_union", rate=0.0, ref=rules.customs_union.ref, note=note)


def _outside_customs_union(rules: Rules, hs: str) -> bool:
    return any(hs.startswith(prefix) for prefix in rules.customs_union.excluded_hs_prefixes)


def _mfn_line(row: MfnRow, applied_by_turkiye: bool) -> DutyLine:
    ref = row.ref
    if applied_by_turkiye:
        ref = SourceRef(
            row_id=ref.row_id,
            reference=f"{ref.reference} — applied by Türkiye (Decision No 1/95, Art. 13: CET alignment)",
            source=ref.source,
            effective_from=ref.effective_from,
            effective_to=ref.effective_to,
        )
    else:
        ref = SourceRef(
            ref.row_id, "EU Common Customs Tariff", ref.source, ref.effective_from, ref.effective_to
        )
    return DutyLine(kind="mfn", rate=row.rate, ref=ref, note=data_note(row.notes))


def _additional_rule_applies(
    rules: Rules, rule: AdditionalDutyRule, hs: str, origin: str, on: dt.date
) -> bool:
    if not rule.ref.in_force(on) or not any(hs.startswith(prefix) for prefix in rule.hs_prefixes):
        return False
    if rule.origins == NON_EU_NON_FTA:
        return (
            origin not in rules.eu_members.codes
            and origin not in rules.tr_fta_partners.codes
            and origin != "TR"
        )
    return origin in rule.origins


def _turkiye_additional_lines(
    rules: Rules, hs: str, origin: str, on: dt.date, incentive_certificate: bool
) -> tuple[list[DutyLine], list[DutyLine], list[Explanation]]:
    if on < rules.tr_additional_coverage:
        raise bad_input(
            "date", "error.tr_additional_data_starts", start=f"{rules.tr_additional_coverage}", date=f"{on}"
        )
    lines: list[DutyLine] = []
    exempt: list[DutyLine] = []
    notes: list[Explanation] = []
    for rule in rules.tr_additional:
        if not _additional_rule_applies(rules, rule, hs, origin, on):
            continue
        line = DutyLine(kind="additional", rate=rule.rate, ref=rule.ref, specific=rule.minimum)
        for conflict in rule.conflicting_values:
            notes.append(
                explain(
                    "access.sources_conflict",
                    rule=rule.id,
                    field=conflict["field"],
                    value=conflict["value"],
                    source=conflict["source"],
                )
            )
        exemption = next(
            (e for e in rule.exemptions if e.regime == INCENTIVE_CERTIFICATE and e.ref.in_force(on)), None
        )
        if incentive_certificate and exemption:
            exempt.append(
                DutyLine(
                    kind="additional",
                    rate=rule.rate,
                    ref=rule.ref,
                    specific=rule.minimum,
                    note=explain(
                        "duty.exempted_by", row=exemption.ref.row_id, reference=exemption.ref.reference
                    ),
                )
            )
            notes.append(explain("access.certificate_exemption", rule=rule.id, row=exemption.ref.row_id))
            continue
        if incentive_certificate:
            notes.append(explain("access.no_certificate_exemption", rule=rule.id, date=on))
        lines.append(line)
    return lines, exempt, notes


def _regime(rules: Rules, destination: str) -> str:
    """The customs territory whose tariff applies: "EU" (the Union or a member state) or "TR"."""
    if destination == "EU" or destination in rules.eu_members.codes:
        return "EU"
    if destination == "TR":
        return "TR"
    raise bad_input("destination", "error.destination_not_covered", destination=destination)


def _input_notes(rules, product_ref, made_in, destination, local_value_share) -> list[Explanation]:
    notes = []
    if destination in rules.eu_members.codes:
        notes.append(explain("access.member_state", country=destination))
    if local_value_share is not None and made_in != "TR":
        notes.append(explain("access.share_ignored"))
    if product_ref.key is None:
        notes.append(explain("access.hs_not_in_catalogue", hs=product_ref.hs))
    return notes


@dataclass
class _Lines:
    """What a route collects: duty lines, exemptions, notes and the origin as assessed."""

    origin: OriginAssessment
    duties: list[DutyLine] = field(default_factory=list)
    exemptions: list[DutyLine] = field(default_factory=list)
    notes: list[Explanation] = field(default_factory=list)

    def add(self, found: tuple) -> None:
        duties, exemptions, notes = found
        self.duties.extend(duties)
        self.exemptions.extend(exemptions)
        self.notes.extend(notes)


def _into_eu(rules, hs, mfn, made_in, on, producer, model, local_value_share, lines: _Lines) -> None:
    if made_in == "TR" and not _outside_customs_union(rules, hs):
        lines.duties.append(_customs_union_line(rules, explain("duty.customs_union_into_eu")))
        alternative = rules.origin_model.component_origin
        if_alternative, _, alt_notes = trade_defence_lines(rules, "EU", hs, alternative, on, producer, model)
        lines.origin = screen_turkish_origin(
            local_value_share, rules.origin_model, tuple(if_alternative), alternative
        )
        if lines.origin.assessed == alternative:
            lines.duties.extend(if_alternative)
            lines.notes.extend(alt_notes)
            lines.notes.append(explain("access.origin_assessed", origin=alternative))
        lines.add(trade_defence_lines(rules, "EU", hs, "TR", on, producer, model))
        return
    if made_in == "TR":
        lines.notes.append(explain("access.outside_customs_union"))
    lines.duties.append(_mfn_line(mfn, applied_by_turkiye=False))
    lines.add(trade_defence_lines(rules, "EU", hs, made_in, on, producer, model))


def _into_turkiye(rules, hs, mfn, made_in, on, producer, model, incentive_certificate, lines: _Lines) -> None:
    if made_in in rules.eu_members.codes and not _outside_customs_union(rules, hs):
        lines.duties.append(_customs_union_line(rules, explain("duty.customs_union_into_tr")))
    elif made_in in rules.tr_fta_partners.codes:
        lines.duties.append(
            DutyLine(
                kind="fta",
                rate=0.0,
                ref=rules.tr_fta_partners.ref,
                note=explain("duty.fta_proof_of_origin"),
            )
        )
    else:
        lines.duties.append(_mfn_line(mfn, applied_by_turkiye=True))
    lines.add(_turkiye_additional_lines(rules, hs, made_in, on, incentive_certificate))
    lines.add(trade_defence_lines(rules, "TR", hs, made_in, on, producer, model))


def assess_market_access(
    rules: Rules,
    product: str,
    made_in: str,
    destination: str,
    on: dt.date,
    producer: str | None = None,
    local_value_share: float | None = None,
    incentive_certificate: bool = False,
    model: str | None = None,
) -> MarketAccessResult:
    """Duties on `product` made in `made_in`, imported into `destination` (`EU`, a member state, or `TR`).

    Stages: check the inputs and find the regime; stop at "no import" inside one customs territory; else
    collect the lines of the route into the EU or into Türkiye."""
    product_ref = resolve_product(rules, product)
    made_in = validate_country(rules, made_in, "made_in")
    destination = validate_country(rules, destination, "destination", allow_eu=True)
    if local_value_share is not None and not 0.0 <= local_value_share <= 1.0:
        raise bad_input("local_value_share", "error.share_outside", value=f"{local_value_share}")
    regime = _regime(rules, destination)
    hs = product_ref.hs
    mfn = _mfn_row(rules, hs, on)  # validates HS and date even where the MFN does not end up applying
    lines = _Lines(OriginAssessment(assessed=made_in, basis=explain("origin.made_in", country=made_in)))
    lines.notes = _input_notes(rules, product_ref, made_in, destination, local_value_share)
    eu = rules.eu_members.codes
    if (regime == "EU" and made_in in eu) or (regime == "TR" and made_in == "TR"):
        lines.notes.append(explain("access.no_import"))
        return MarketAccessResult(
            product_ref, made_in, destination, on, producer, lines.origin, (), (), tuple(lines.notes)
        )
    if regime == "EU":
        _into_eu(rules, hs, mfn, made_in, on, producer, model, local_value_share, lines)
        if incentive_certificate:
            lines.notes.append(explain("access.certificate_ignored"))
    else:
        _into_turkiye(rules, hs, mfn, made_in, on, producer, model, incentive_certificate, lines)
    return MarketAccessResult(
        product_ref,
        made_in,
        destination,
        on,
        producer,
        lines.origin,
        tuple(lines.duties),
        tuple(lines.exemptions),
        tuple(lines.notes),
    )
