"""Loading the rule tables under `data/` into typed, validated records.

Rules are data so that a rule change is a data change with a date; this module only checks that every
row carries its provenance and that numbers are numbers, and fails loudly (naming file, row and field)
when they are not.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from kopru.env import data_dir
from kopru.invest.economics.errors import InputError, bad_input
from kopru.invest.economics.sources import SourceRef, optional_date, parse_date, source_from_row

DATA_DIR_ENV = "KOPRU_DATA_DIR"
NON_EU_NON_FTA = "non_eu_non_fta"


@dataclass(frozen=True)
class Product:
    key: str
    hs: str
    description: str
    unit: str


@dataclass(frozen=True)
class MfnRow:
    hs: str
    rate: float
    description: str
    notes: str
    ref: SourceRef


@dataclass(frozen=True)
class SpecificDuty:
    """A per-unit amount: `minimum` = "at least N per unit" floor, `additional` = added on top."""

    currency: str
    per_unit: float
    unit: str
    basis: str

    def to_dict(self) -> dict[str, Any]:
        return {"currency": self.currency, "per_unit": self.per_unit, "unit": self.unit, "basis": self.basis}


@dataclass(frozen=True)
class ProducerGroup:
    name: str
    rate: float
    aliases: tuple[str, ...]
    specific: SpecificDuty | None
    valid_from: dt.date | None


@dataclass(frozen=True)
class Undertaking:
    producer: str
    models: tuple[str, ...]
    ref: SourceRef


@dataclass(frozen=True)
class TradeDefenceMeasure:
    id: str
    imposed_by: str
    kind: str
    stage: str
    product: str
    hs_prefixes: tuple[str, ...]
    origins: tuple[str, ...]
    notes: str
    groups: tuple[ProducerGroup, ...]
    undertakings: tuple[Undertaking, ...]
    ref: SourceRef


@dataclass(frozen=True)
class Exemption:
    regime: str
    notes: str
    ref: SourceRef


@dataclass(frozen=True)
class AdditionalDutyRule:
    id: str
    hs_prefixes: tuple[str, ...]
    origins: tuple[str, ...] | str
    rate: float
    minimum: SpecificDuty | None
    notes: str
    exemptions: tuple[Exemption, ...]
    conflicting_values: tuple[dict[str, Any], ...]
    ref: SourceRef


@dataclass(frozen=True)
class CountrySet:
    codes: frozenset[str]
    ref: SourceRef


@dataclass(frozen=True)
class CustomsUnion:
    excluded_hs_prefixes: tuple[str, ...]
    notes: str
    ref: SourceRef


@dataclass(frozen=True)
class OriginModel:
    turkish_origin_min_share: float
    medium_risk_min_share: float
    component_origin: str
    ref: SourceRef


@dataclass(frozen=True)
class Province:
    plate: str
    name: str
    region: int
    scheme: str
    ref: SourceRef


@dataclass(frozen=True)
class Instrument:
    id: str
    scheme_types: tuple[str, ...]
    instrument: str
    description: str
    by_region: dict[int, float] | None
    rate: float | None
    value: bool | None
    in_oiz: bool | None
    capacity_unit: str | None
    per_capacity: tuple[str, float] | None
    status: str
    notes: str
    ref: SourceRef


@dataclass(frozen=True)
class Scheme:
    id: str
    name: str
    regions_from: str | None
    notes: str
    min_investment: tuple[str, float] | None
    instruments: tuple[Instrument, ...]
    ref: SourceRef


@dataclass(frozen=True)
class Rules:
    data_dir: Path
    products: dict[str, Product]
    mfn: tuple[MfnRow, ...]
    measures: tuple[TradeDefenceMeasure, ...]
    trade_defence_coverage: dict[str, dt.date]
    tr_additional: tuple[AdditionalDutyRule, ...]
    tr_additional_coverage: dt.date
    eu_members: CountrySet
    tr_fta_partners: CountrySet
    customs_union: CustomsUnion
    origin_model: OriginModel
    countries: dict[str, str]
    provinces: tuple[Province, ...]
    schemes: tuple[Scheme, ...]


def default_data_dir() -> Path:
    """The default for the command line and tests (`KOPRU_DATA_DIR`, else the checkout's `data/`);
    Django code passes `settings.DATA_DIR`."""
    folder = data_dir()
    if not (folder / "trade" / "eu_mfn.csv").is_file():
        raise InputError(
            DATA_DIR_ENV, "rule data not found; set it to the folder holding trade/, incentives/, regions/"
        )
    return folder


def _read_yaml(path: Path) -> Any:
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError as error:
        raise InputError(str(path), "rule file missing") from error
    except yaml.YAMLError as error:
        raise InputError(str(path), f"not valid YAML: {error}") from error


def _read_csv(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))
    except FileNotFoundError as error:
        raise InputError(str(path), "rule file missing") from error


def _fraction(value: Any, field: str) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError) as error:
        raise bad_input(field, "error.not_a_number", value=repr(value)) from error
    if not 0.0 <= number <= 10.0:
        raise InputError(field, f"rate {number} out of range (fractions: 0.27 = 27%)")
    return number


def _specific(raw: dict[str, Any] | None, field: str, default_basis: str) -> SpecificDuty | None:
    if not raw:
        return None
    try:
        return SpecificDuty(
            currency=str(raw["currency"]),
            per_unit=float(raw["per_unit"]),
            unit=str(raw.get("unit", "unit")),
            basis=str(raw.get("basis", default_basis)),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise InputError(field, f"specific duty needs currency and per_unit: {error}") from error


def _text(value: Any) -> str:
    return " ".join(str(value or "").split())


def _load_mfn(path: Path) -> tuple[MfnRow, ...]:
    rows = []
    for row in _read_csv(path):
        where = f"{path.name}:{row.get('id')}"
        rows.append(
            MfnRow(
                hs=row["hs"].strip(),
                rate=_fraction(row["rate"], f"{where}.rate"),
                description=row["description"],
                notes=_text(row.get("notes")),
                ref=source_from_row(row, row["id"], path.name),
            )
        )
    return tuple(rows)


def _load_measures(raw: dict[str, Any], name: str) -> tuple[TradeDefenceMeasure, ...]:
    measures = []
    for item in raw["measures"]:
        ref = source_from_row(item, item["id"], name)
        groups = tuple(
            ProducerGroup(
                name=str(group["name"]),
                rate=_fraction(group.get("rate", 0.0), f"{name}:{item['id']}/{group['name']}.rate"),
                aliases=tuple(str(alias) for alias in group.get("aliases", ())),
                specific=_specific(
                    group.get("specific"), f"{name}:{item['id']}/{group['name']}", "additional"
                ),
                valid_from=optional_date(
                    group.get("valid_from"), f"{name}:{item['id']}/{group['name']}.valid_from"
                ),
            )
            for group in item["groups"]
        )
        if not any(group.name == "non-cooperating" for group in groups):
            raise InputError(f"{name}:{item['id']}.groups", "needs a `non-cooperating` residual group")
        undertakings = tuple(
            Undertaking(
                producer=str(u["producer"]),
                models=tuple(str(m) for m in u["models"]),
                ref=source_from_row(u, u.get("id", f"{item['id']}/undertaking"), name),
            )
            for u in item.get("undertakings") or ()
        )
        measures.append(
            TradeDefenceMeasure(
                id=item["id"],
                imposed_by=item["imposed_by"],
                kind=item["kind"],
                stage=item["stage"],
                product=_text(item["product"]),
                hs_prefixes=tuple(str(p) for p in item["hs_prefixes"]),
                origins=tuple(item["origins"]),
                notes=_text(item.get("notes")),
                groups=groups,
                undertakings=undertakings,
                ref=ref,
            )
        )
    return tuple(measures)


def _load_tr_additional(raw: dict[str, Any], name: str) -> tuple[AdditionalDutyRule, ...]:
    rules = []
    for item in raw["rules"]:
        origins = item["origins"]
        rules.append(
            AdditionalDutyRule(
                id=item["id"],
                hs_prefixes=tuple(str(p) for p in item["hs_prefixes"]),
                origins=origins if origins == NON_EU_NON_FTA else tuple(origins),
                rate=_fraction(item["rate"], f"{name}:{item['id']}.rate"),
                minimum=_specific(
                    item.get("minimum") and {"unit": "unit", **item["minimum"]},
                    f"{name}:{item['id']}.minimum",
                    "minimum",
                ),
                notes=_text(item.get("notes")),
                exemptions=tuple(
                    Exemption(
                        regime=e["regime"], notes=_text(e.get("notes")), ref=source_from_row(e, e["id"], name)
                    )
                    for e in item.get("exemptions") or ()
                ),
                conflicting_values=tuple(item.get("conflicting_values") or ()),
                ref=source_from_row(item, item["id"], name),
            )
        )
    return tuple(rules)


def _load_schemes(raw: dict[str, Any], name: str) -> tuple[Scheme, ...]:
    schemes = []
    for item in raw["schemes"]:
        scheme_ref = source_from_row(item, item["id"], name)
        instruments = []
        for ins in item["instruments"]:
            where = f"{name}:{ins['id']}"
            by_region = ins.get("by_region")
            per_capacity = ins.get("per_capacity")
            instruments.append(
                Instrument(
                    id=ins["id"],
                    scheme_types=tuple(ins["scheme_types"]),
                    instrument=ins["instrument"],
                    description=_text(ins.get("description")),
                    by_region=(
                        {int(k): _fraction(v, f"{where}.by_region.{k}") for k, v in by_region.items()}
                        if by_region
                        else None
                    ),
                    rate=None if ins.get("rate") is None else _fraction(ins["rate"], f"{where}.rate"),
                    value=ins.get("value"),
                    in_oiz=ins.get("in_oiz"),
                    capacity_unit=ins.get("capacity_unit"),
                    per_capacity=(
                        (str(per_capacity["currency"]), float(per_capacity["amount"]))
                        if per_capacity
                        else None
                    ),
                    status=ins["status"],
                    notes=_text(ins.get("notes")),
                    ref=SourceRef(
                        row_id=ins["id"],
                        reference=scheme_ref.reference,
                        source=scheme_ref.source,
                        effective_from=scheme_ref.effective_from,
                        effective_to=scheme_ref.effective_to,
                    ),
                )
            )
        minimum = item.get("min_investment")
        schemes.append(
            Scheme(
                id=item["id"],
                name=item["name"],
                regions_from=item.get("regions_from"),
                notes=_text(item.get("notes")),
                min_investment=(str(minimum["currency"]), float(minimum["amount"])) if minimum else None,
                instruments=tuple(instruments),
                ref=scheme_ref,
            )
        )
    return tuple(schemes)


@functools.lru_cache(maxsize=8)
def _load(data_dir: Path) -> Rules:
    trade = data_dir / "trade"
    products_raw = _read_yaml(trade / "products.yaml")
    td_raw = _read_yaml(trade / "trade_defence.yaml")
    tr_raw = _read_yaml(trade / "tr_additional_duties.yaml")
    cu_raw = _read_yaml(trade / "customs_union.yaml")
    origin_raw = cu_raw["origin_model"]
    cu_section = cu_raw["customs_union"]
    fta = cu_raw["tr_fta_partners"]
    return Rules(
        data_dir=data_dir,
        products={
            p["key"]: Product(key=p["key"], hs=str(p["hs"]), description=p["description"], unit=p["unit"])
            for p in products_raw["products"]
        },
        mfn=_load_mfn(trade / "eu_mfn.csv"),
        measures=_load_measures(td_raw, "trade_defence.yaml"),
        trade_defence_coverage={
            k: parse_date(v, f"trade_defence.yaml:coverage_from.{k}")
            for k, v in td_raw["coverage_from"].items()
        },
        tr_additional=_load_tr_additional(tr_raw, "tr_additional_duties.yaml"),
        tr_additional_coverage=parse_date(tr_raw["coverage_from"], "tr_additional_duties.yaml:coverage_from"),
        eu_members=CountrySet(
            codes=frozenset(cu_raw["eu_members"]["members"]),
            ref=source_from_row(cu_raw["eu_members"], cu_raw["eu_members"]["id"], "customs_union.yaml"),
        ),
        tr_fta_partners=CountrySet(
            codes=frozenset(fta["partners"]), ref=source_from_row(fta, fta["id"], "customs_union.yaml")
        ),
        customs_union=CustomsUnion(
            excluded_hs_prefixes=tuple(str(p) for p in cu_section["excluded_hs_prefixes"]),
            notes=_text(cu_section.get("notes")),
            ref=source_from_row(cu_section, cu_section["id"], "customs_union.yaml"),
        ),
        origin_model=OriginModel(
            turkish_origin_min_share=float(origin_raw["turkish_origin_min_share"]),
            medium_risk_min_share=float(origin_raw["medium_risk_min_share"]),
            component_origin=str(origin_raw["component_origin"]),
            ref=source_from_row(origin_raw, origin_raw["id"], "customs_union.yaml"),
        ),
        countries={row["alpha2"]: row["name"] for row in _read_csv(trade / "iso3166_alpha2.csv")},
        provinces=tuple(
            Province(
                plate=row["plate"],
                name=row["province"],
                region=int(row["region"]),
                scheme=row["scheme"],
                ref=source_from_row(row, row["id"], "provinces.csv"),
            )
            for row in _read_csv(data_dir / "regions" / "provinces.csv")
        ),
        schemes=_load_schemes(_read_yaml(data_dir / "incentives" / "schemes.yaml"), "schemes.yaml"),
    )


def load_rules(data_dir: Path | str | None = None) -> Rules:
    """Load (and cache per folder) every rule table; pass a folder to evaluate alternative rule data."""
    return _load(Path(data_dir).resolve() if data_dir else default_data_dir().resolve())
