"""Rules and proposals from plain dicts (parsed JSON or YAML); every error names its field."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import yaml

from kopru.calls.eligibility.model import (
    ORGANISATION_KINDS,
    EligibilityRules,
    Partner,
    ProposalSubmission,
    SideBudget,
)


class EligibilityDataError(ValueError):
    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field


def _mapping(value: Any, field: str) -> dict:
    if not isinstance(value, dict):
        raise EligibilityDataError(field, f"must be a mapping, got {value!r}")
    return value


def _text(value: Any, field: str, *, required: bool = True) -> str | None:
    # a blank optional field (e.g. an emptied form input) means "not given", not an error
    if not required and (value is None or (isinstance(value, str) and not value.strip())):
        return None
    if not isinstance(value, str) or not value.strip():
        raise EligibilityDataError(field, f"must be a non-empty string, got {value!r}")
    return value.strip()


def _texts(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise EligibilityDataError(field, f"must be a list of strings, got {value!r}")
    return tuple(_text(item, f"{field}[{i}]") for i, item in enumerate(value))


def _number(value: Any, field: str, *, integer: bool = False) -> float:
    wanted = int if integer else (int, float)
    if isinstance(value, bool) or not isinstance(value, wanted) or not math.isfinite(value) or value < 0:
        kind = "a whole number" if integer else "a number"
        raise EligibilityDataError(field, f"must be {kind} ≥ 0, got {value!r}")
    return value


def _kinds(value: Any, field: str) -> tuple[str, ...]:
    kinds = _texts(value, field)
    for i, kind in enumerate(kinds):
        if kind not in ORGANISATION_KINDS:
            raise EligibilityDataError(
                f"{field}[{i}]", f"unknown kind {kind!r} (one of {', '.join(ORGANISATION_KINDS)})"
            )
    return kinds


def rules_from_dict(data: Any) -> EligibilityRules:
    data = _mapping(data, "rules")
    countries = _texts(data.get("countries"), "countries")
    if not countries:
        raise EligibilityDataError("countries", "the call needs at least one country")
    budgets = {}
    for side, raw in _mapping(data.get("max_budget_per_side") or {}, "max_budget_per_side").items():
        field = f"max_budget_per_side.{side}"
        raw = _mapping(raw, field)
        budgets[side] = SideBudget(
            _number(raw.get("max_amount"), f"{field}.max_amount"),
            _text(raw.get("currency"), f"{field}.currency"),
        )
    duration = data.get("max_duration_months")
    allowed = data.get("allowed_kinds")
    minimum = data.get("min_partners_per_country", 1)
    return EligibilityRules(
        countries=countries,
        min_partners_per_country=int(_number(minimum, "min_partners_per_country", integer=True)),
        only_call_countries=bool(data.get("only_call_countries", True)),
        allowed_kinds=None if allowed is None else _kinds(allowed, "allowed_kinds"),
        max_duration_months=None
        if duration is None
        else int(_number(duration, "max_duration_months", integer=True)),
        max_budget_per_side=budgets,
        required_documents=_texts(data.get("required_documents"), "required_documents"),
        principal_investigator_required=bool(data.get("principal_investigator_required", True)),
    )


def proposal_from_dict(data: Any) -> ProposalSubmission:
    data = _mapping(data, "proposal")
    raw_partners = data.get("partners")
    if not isinstance(raw_partners, list):
        raise EligibilityDataError("partners", f"must be a list, got {raw_partners!r}")
    partners = []
    for i, raw in enumerate(raw_partners):
        field = f"partners[{i}]"
        raw = _mapping(raw, field)
        kind = _text(raw.get("kind"), f"{field}.kind")
        if kind not in ORGANISATION_KINDS:
            raise EligibilityDataError(
                f"{field}.kind", f"unknown kind {kind!r} (one of {', '.join(ORGANISATION_KINDS)})"
            )
        partners.append(
            Partner(
                name=_text(raw.get("name"), f"{field}.name"),
                country=_text(raw.get("country"), f"{field}.country"),
                kind=kind,
                principal_investigator=_text(
                    raw.get("principal_investigator"), f"{field}.principal_investigator", required=False
                ),
                budget=float(_number(raw.get("budget", 0), f"{field}.budget")),
                currency=_text(raw.get("currency"), f"{field}.currency", required=False),
            )
        )
    duration = data.get("duration_months")
    return ProposalSubmission(
        id=_text(data.get("id"), "id"),
        partners=tuple(partners),
        duration_months=None if duration is None else int(_number(duration, "duration_months", integer=True)),
        documents=_texts(data.get("documents"), "documents"),
    )


def load_rules(path: str | Path) -> EligibilityRules:
    """YAML or JSON (JSON is YAML) file with the call's rules."""
    try:
        data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise EligibilityDataError(str(path), f"not valid YAML/JSON: {error}") from error
    return rules_from_dict(data)
