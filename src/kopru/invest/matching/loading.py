"""Reading companies, opportunities and relevance judgements from YAML, with errors that name the field."""

from __future__ import annotations

from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import yaml

from kopru.env import data_dir
from kopru.invest.matching.models import Capacity, Company, MatchingInputError, Opportunity


def default_data_dir() -> Path:
    """The matching files' default folder for the command line and tests: `matching/` in the data folder
    (`KOPRU_DATA_DIR`, else the checkout's `data/`). Callers with settings pass paths of their own."""
    return data_dir() / "matching"


_TUPLE_FIELDS = {
    "sectors",
    "tags",
    "plants",
    "export_markets",
    "investment_modes",
    "target_markets",
    "allowed_countries",
    "denied_countries",
}


def read_yaml(path: Path) -> Any:
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.safe_load(handle)
    except FileNotFoundError:
        raise MatchingInputError(f"{path}: file not found") from None
    except yaml.YAMLError as error:
        raise MatchingInputError(f"{path}: not valid YAML: {error}") from None


def _capacity(record: str, value: Any) -> Capacity:
    if not isinstance(value, dict) or set(value) != {"value", "unit"}:
        raise MatchingInputError(
            f"{record}: field 'capacity': expected {{value: NUMBER, unit: TEXT}}, got {value!r}"
        )
    try:
        return Capacity(value["value"], value["unit"])
    except MatchingInputError as error:
        raise MatchingInputError(f"{record}: {error}") from None


def _record_kwargs(record: str, raw: Any, cls: type) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise MatchingInputError(f"{record}: expected a mapping of fields, got {type(raw).__name__}")
    known = {item.name for item in fields(cls)}
    unknown = sorted(set(raw) - known - {"capacities", "capacity"})
    if unknown:
        raise MatchingInputError(f"{record}: unknown field(s) {', '.join(map(repr, unknown))}")
    kwargs = dict(raw)
    for name in _TUPLE_FIELDS & set(kwargs):
        value = kwargs[name]
        if isinstance(value, str):
            raise MatchingInputError(f"{record}: field '{name}': expected a list, got the text {value!r}")
        kwargs[name] = tuple(value or ())
    return kwargs


def _build(record: str, cls: type, kwargs: dict[str, Any]) -> Any:
    try:
        return cls(**kwargs)
    except TypeError as error:  # a missing required field
        raise MatchingInputError(f"{record}: {error}") from None


def company_from_dict(raw: Any) -> Company:
    record = f"company {raw.get('id')!r}" if isinstance(raw, dict) else "company"
    kwargs = _record_kwargs(record, raw, Company)
    kwargs["capacities"] = tuple(_capacity(record, item) for item in kwargs.get("capacities") or ())
    return _build(record, Company, kwargs)


def opportunity_from_dict(raw: Any) -> Opportunity:
    record = f"opportunity {raw.get('id')!r}" if isinstance(raw, dict) else "opportunity"
    kwargs = _record_kwargs(record, raw, Opportunity)
    if kwargs.get("capacity") is not None:
        kwargs["capacity"] = _capacity(record, kwargs["capacity"])
    return _build(record, Opportunity, kwargs)


def _records(path: Path, key: str) -> list[Any]:
    data = read_yaml(path)
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise MatchingInputError(f"{path}: expected a top-level '{key}:' list")
    return data[key]


def load_companies(path: Path | None = None) -> list[Company]:
    return [
        company_from_dict(raw) for raw in _records(path or default_data_dir() / "companies.yaml", "companies")
    ]


def load_opportunities(path: Path | None = None) -> list[Opportunity]:
    path = path or default_data_dir() / "opportunities.yaml"
    return [opportunity_from_dict(raw) for raw in _records(path, "opportunities")]


@dataclass(frozen=True)
class Judgements:
    """Graded relevance 0-3 per query; a candidate not listed under a query is judged 0."""

    companies_for_opportunity: dict[str, dict[str, int]]
    opportunities_for_company: dict[str, dict[str, int]]


def _grades(path: Path, section: str, raw: Any) -> dict[str, dict[str, int]]:
    if not isinstance(raw, dict):
        raise MatchingInputError(f"{path}: '{section}' must map query ids to {{candidate id: grade}}")
    result: dict[str, dict[str, int]] = {}
    for query, grades in raw.items():
        if not isinstance(grades, dict):
            raise MatchingInputError(f"{path}: {section}.{query}: expected {{candidate id: grade}}")
        for candidate, grade in grades.items():
            if grade not in (0, 1, 2, 3) or isinstance(grade, bool):
                raise MatchingInputError(f"{path}: {section}.{query}.{candidate}: grade {grade!r} is not 0-3")
        result[str(query)] = {str(candidate): int(grade) for candidate, grade in grades.items()}
    return result


def load_judgements(path: Path | None = None) -> Judgements:
    path = path or default_data_dir() / "judgements.yaml"
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise MatchingInputError(f"{path}: expected a mapping with the two judgement sections")
    return Judgements(
        companies_for_opportunity=_grades(
            path, "companies_for_opportunity", data.get("companies_for_opportunity")
        ),
        opportunities_for_company=_grades(
            path, "opportunities_for_company", data.get("opportunities_for_company")
        ),
    )
