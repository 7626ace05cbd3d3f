"""Saving, changing and deleting investment cases. The inputs are validated (and canonicalised) here, so
no path — form, API, demo — can store a case the calculator would refuse."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from kopru.invest.case.domain.evaluate import evaluate_case
from kopru.invest.case.domain.inputs import parse_inputs
from kopru.invest.case.models import InvestmentCase
from kopru.invest.economics.errors import InputError
from kopru.invest.rule_data import economic_rules


def check_inputs(inputs: dict[str, Any]) -> None:
    """Raise the first `InputError` of parsing or of evaluating every section (nothing is half-valid)."""
    result = evaluate_case(economic_rules(), parse_inputs(inputs))
    if result.errors:
        raise result.errors[0]


def save_case(form, inputs: dict[str, Any], *, owner) -> InvestmentCase:
    """`form`: a valid CaseForm (name, description, visibility); `inputs`: the canonical JSON."""
    check_inputs(inputs)
    with transaction.atomic():
        case = form.save(commit=False)
        case.inputs = inputs
        if case.owner_id is None and getattr(owner, "is_authenticated", False):
            case.owner = owner
        case.save()
    return case


def update_case(case: InvestmentCase, form, inputs: dict[str, Any] | None) -> InvestmentCase:
    if inputs is not None:
        check_inputs(inputs)
    with transaction.atomic():
        case = form.save(commit=False)
        if inputs is not None:
            case.inputs = inputs
        case.save()
    return case


def delete_case(case: InvestmentCase) -> None:
    with transaction.atomic():
        case.delete()


def input_changes(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Field-level differences between two inputs JSON documents (dotted paths), for the history page."""
    flat_old, flat_new = _flatten(old or {}), _flatten(new or {})
    return [
        (key, flat_old.get(key), flat_new.get(key))
        for key in sorted(set(flat_old) | set(flat_new))
        if flat_old.get(key) != flat_new.get(key)
    ]


def _flatten(value: Any, prefix: str = "") -> dict[str, Any]:
    if isinstance(value, dict):
        flat: dict[str, Any] = {}
        for key, item in value.items():
            flat.update(_flatten(item, f"{prefix}{key}."))
        return flat
    return {prefix.rstrip("."): value}


__all__ = ["InputError", "check_inputs", "delete_case", "input_changes", "save_case", "update_case"]
