"""Every rule row of the data, addressable by its row id (the ids that results carry in `row_id`).

A UI links each number to `find_rule_row(rules, row_id)`: the row's values, legal reference, source and
effective dates, read from the same tables the engine evaluates. Values the data leaves `null` stay
`None` here ("not known"), never a default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from kopru.invest.economics.errors import bad_input
from kopru.invest.economics.explanations import Explanation, explain
from kopru.invest.economics.rule_tables import Rules
from kopru.invest.economics.sources import SourceRef


@dataclass(frozen=True)
class RuleRow:
    row_id: str
    table: str
    file: str
    title: Explanation
    ref: SourceRef
    values: dict[str, Any] = field(default_factory=dict)
    status: str | None = None
    notes: str = ""
    parent: str | None = None
    children: tuple[str, ...] = ()

    @property
    def effective_from(self) -> dt.date:
        return self.ref.effective_from

    @property
    def effective_to(self) -> dt.date | None:
        return self.ref.effective_to

    def to_dict(self) -> dict[str, Any]:
        return {
            "row_id": self.row_id,
            "table": self.table,
            "file": self.file,
            "title": self.title.to_dict(),
            "values": self.values,
            "status": self.status,
            "notes": self.notes,
            "parent": self.parent,
            "children": list(self.children),
            **{k: v for k, v in self.ref.to_dict().items() if k != "row_id"},
        }


def _specific(spec: Any) -> dict[str, Any] | None:
    return spec.to_dict() if spec is not None else None


def _text(text: str) -> Explanation:
    """A title written in the rule data, kept as written."""
    return Explanation("data.note", {"text": text})


def rule_rows(rules: Rules) -> dict[str, RuleRow]:
    """All rows by id, in data order (tariff, trade defence, Türkiye, Customs Union, incentives, regions)."""
    tables = (
        _tariff_rows,
        _trade_defence_rows,
        _turkiye_rows,
        _customs_union_rows,
        _incentive_rows,
        _region_rows,
    )
    return {row.row_id: row for table in tables for row in table(rules)}


def _tariff_rows(rules: Rules) -> Iterator[RuleRow]:
    """The EU's MFN tariff lines."""
    for mfn in rules.mfn:
        yield (
            RuleRow(
                mfn.ref.row_id,
                "eu_mfn",
                "trade/eu_mfn.csv",
                _text(mfn.description),
                mfn.ref,
                {"hs": mfn.hs, "rate": mfn.rate},
                notes=mfn.notes,
            )
        )


def _trade_defence_rows(rules: Rules) -> Iterator[RuleRow]:
    """Trade-defence measures, their producer groups and price undertakings."""
    for measure in rules.measures:
        group_ids = tuple(f"{measure.id}/{group.name}" for group in measure.groups)
        undertaking_ids = tuple(u.ref.row_id for u in measure.undertakings)
        yield (
            RuleRow(
                measure.id,
                "trade_defence",
                "trade/trade_defence.yaml",
                _text(measure.product),
                measure.ref,
                {
                    "imposed_by": measure.imposed_by,
                    "kind": measure.kind,
                    "stage": measure.stage,
                    "hs_prefixes": list(measure.hs_prefixes),
                    "origins": list(measure.origins),
                },
                notes=measure.notes,
                children=group_ids + undertaking_ids,
            )
        )
        for group, group_id in zip(measure.groups, group_ids, strict=True):
            ref = SourceRef(
                group_id,
                measure.ref.reference,
                measure.ref.source,
                max(measure.ref.effective_from, group.valid_from or measure.ref.effective_from),
                measure.ref.effective_to,
            )
            yield (
                RuleRow(
                    group_id,
                    "trade_defence_group",
                    "trade/trade_defence.yaml",
                    explain("rule.title.group", product=measure.product, group=group.name),
                    ref,
                    {
                        "producer_group": group.name,
                        "aliases": list(group.aliases),
                        "rate": group.rate,
                        "specific": _specific(group.specific),
                        "kind": measure.kind,
                        "stage": measure.stage,
                        "origins": list(measure.origins),
                        "hs_prefixes": list(measure.hs_prefixes),
                    },
                    notes=measure.notes,
                    parent=measure.id,
                )
            )
        for undertaking in measure.undertakings:
            yield (
                RuleRow(
                    undertaking.ref.row_id,
                    "undertaking",
                    "trade/trade_defence.yaml",
                    explain("rule.title.undertaking", producer=undertaking.producer),
                    undertaking.ref,
                    {"producer": undertaking.producer, "models": list(undertaking.models)},
                    parent=measure.id,
                )
            )


def _turkiye_rows(rules: Rules) -> Iterator[RuleRow]:
    """Türkiye's additional duties and their exemptions."""
    for rule in rules.tr_additional:
        exemption_ids = tuple(e.ref.row_id for e in rule.exemptions)
        yield (
            RuleRow(
                rule.id,
                "tr_additional",
                "trade/tr_additional_duties.yaml",
                explain("rule.title.tr_additional", hs=tuple(rule.hs_prefixes)),
                rule.ref,
                {
                    "hs_prefixes": list(rule.hs_prefixes),
                    "origins": rule.origins if isinstance(rule.origins, str) else list(rule.origins),
                    "rate": rule.rate,
                    "minimum": _specific(rule.minimum),
                    "conflicting_values": [dict(c) for c in rule.conflicting_values],
                },
                notes=rule.notes,
                children=exemption_ids,
            )
        )
        for exemption in rule.exemptions:
            yield (
                RuleRow(
                    exemption.ref.row_id,
                    "exemption",
                    "trade/tr_additional_duties.yaml",
                    explain("rule.title.exemption", rule=rule.id, regime=exemption.regime),
                    exemption.ref,
                    {"regime": exemption.regime},
                    notes=exemption.notes,
                    parent=rule.id,
                )
            )


def _customs_union_rows(rules: Rules) -> Iterator[RuleRow]:
    """The country sets, the Customs Union and the origin-risk model."""
    for name, country_set in (("eu_members", rules.eu_members), ("tr_fta_partners", rules.tr_fta_partners)):
        yield (
            RuleRow(
                country_set.ref.row_id,
                name,
                "trade/customs_union.yaml",
                explain(f"rule.title.{name}"),
                country_set.ref,
                {"countries": sorted(country_set.codes, key=str)},
            )
        )
    union = rules.customs_union
    yield (
        RuleRow(
            union.ref.row_id,
            "customs_union",
            "trade/customs_union.yaml",
            explain("rule.title.customs_union"),
            union.ref,
            {"rate": 0.0, "excluded_hs_prefixes": list(union.excluded_hs_prefixes)},
            notes=union.notes,
        )
    )
    model = rules.origin_model
    yield (
        RuleRow(
            model.ref.row_id,
            "origin_model",
            "trade/customs_union.yaml",
            explain("rule.title.origin_model"),
            model.ref,
            {
                "turkish_origin_min_share": model.turkish_origin_min_share,
                "medium_risk_min_share": model.medium_risk_min_share,
                "component_origin": model.component_origin,
            },
        )
    )


def _incentive_rows(rules: Rules) -> Iterator[RuleRow]:
    """Incentive schemes and their instruments."""
    for scheme in rules.schemes:
        yield (
            RuleRow(
                scheme.id,
                "incentive_scheme",
                "incentives/schemes.yaml",
                _text(scheme.name),
                scheme.ref,
                {
                    "regions_from": scheme.regions_from,
                    "min_investment": (
                        {"currency": scheme.min_investment[0], "amount": scheme.min_investment[1]}
                        if scheme.min_investment
                        else None
                    ),
                },
                notes=scheme.notes,
                children=tuple(i.id for i in scheme.instruments),
            )
        )
        for instrument in scheme.instruments:
            yield (
                RuleRow(
                    instrument.id,
                    "incentive_instrument",
                    "incentives/schemes.yaml",
                    _text(instrument.description)
                    if instrument.description
                    else explain("rule.title.instrument", instrument=instrument.instrument),
                    instrument.ref,
                    {
                        "instrument": instrument.instrument,
                        "scheme_types": list(instrument.scheme_types),
                        "rate": instrument.rate,
                        "by_region": dict(instrument.by_region) if instrument.by_region else None,
                        "in_oiz": instrument.in_oiz,
                        "value": instrument.value,
                        "per_capacity": (
                            {
                                "currency": instrument.per_capacity[0],
                                "amount": instrument.per_capacity[1],
                                "unit": instrument.capacity_unit,
                            }
                            if instrument.per_capacity
                            else None
                        ),
                    },
                    status=instrument.status,
                    notes=instrument.notes,
                    parent=scheme.id,
                )
            )


def _region_rows(rules: Rules) -> Iterator[RuleRow]:
    """Provinces and their incentive regions."""
    for province in rules.provinces:
        yield (
            RuleRow(
                province.ref.row_id,
                "region",
                "regions/provinces.csv",
                _text(province.name),
                province.ref,
                {"plate": province.plate, "region": province.region, "scheme": province.scheme},
            )
        )


def find_rule_row(rules: Rules, row_id: str) -> RuleRow:
    """The row with this id; an unknown id is an error naming `row_id` (a UI answers 404)."""
    row = rule_rows(rules).get(row_id)
    if row is None:
        raise bad_input("row_id", "error.no_rule_row", value=repr(row_id), folder=f"{rules.data_dir}")
    return row
