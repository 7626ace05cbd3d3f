"""Turn the JSON instance of the `kopru calls assign` contract into an AssignmentInstance.

Every error names the field it is about (e.g. ``reviewers[3].max_load``) so a person can fix the file.
"""

from __future__ import annotations

import math
from typing import Any

from kopru.calls.assignment.model import AssignmentInstance, Proposal, Reviewer

MAX_ABS_AFFINITY = 1e6

_TOP_LEVEL_FIELDS = {
    "reviews_per_proposal",
    "max_load",
    "require_each_country",
    "proposals",
    "reviewers",
    "conflicts",
    "affinity",
}


class InstanceError(ValueError):
    """The instance is malformed; the message starts with the offending field."""

    def __init__(self, field: str, problem: str):
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def _positive_int(value: Any, field: str, *, allow_zero: bool = False) -> int:
    # bool is a subclass of int in Python; `true` in JSON is never a count
    if isinstance(value, bool) or not isinstance(value, int):
        raise InstanceError(field, f"must be an integer, got {value!r}")
    if value < 0 or (value == 0 and not allow_zero):
        raise InstanceError(field, f"must be {'≥ 0' if allow_zero else '≥ 1'}, got {value}")
    return value


def _string(value: Any, field: str, *, required: bool = False) -> str:
    if value is None and not required:
        return ""
    if not isinstance(value, str):
        raise InstanceError(field, f"must be a string, got {value!r}")
    if required and not value.strip():
        raise InstanceError(field, "must not be empty")
    return value


def _strings(value: Any, field: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise InstanceError(field, f"must be a list of strings, got {value!r}")
    return tuple(_string(item, f"{field}[{i}]", required=True) for i, item in enumerate(value))


def _object(value: Any, field: str) -> dict:
    if not isinstance(value, dict):
        raise InstanceError(field, f"must be an object, got {value!r}")
    return value


def _parse_proposal(raw: Any, field: str) -> Proposal:
    raw = _object(raw, field)
    return Proposal(
        id=_string(raw.get("id"), f"{field}.id", required=True),
        text=_string(raw.get("text"), f"{field}.text"),
        organizations=_strings(raw.get("organizations"), f"{field}.organizations"),
        countries=_strings(raw.get("countries"), f"{field}.countries"),
        sectors=_strings(raw.get("sectors"), f"{field}.sectors"),
        keywords=_strings(raw.get("keywords"), f"{field}.keywords"),
    )


def _parse_reviewer(raw: Any, field: str) -> Reviewer:
    raw = _object(raw, field)
    max_load = raw.get("max_load")
    return Reviewer(
        id=_string(raw.get("id"), f"{field}.id", required=True),
        text=_string(raw.get("text"), f"{field}.text"),
        organization=_string(raw.get("organization"), f"{field}.organization"),
        country=_string(raw.get("country"), f"{field}.country"),
        max_load=None if max_load is None else _positive_int(max_load, f"{field}.max_load", allow_zero=True),
        sectors=_strings(raw.get("sectors"), f"{field}.sectors"),
        keywords=_strings(raw.get("keywords"), f"{field}.keywords"),
        prior_coapplicants=_strings(raw.get("prior_coapplicants"), f"{field}.prior_coapplicants"),
    )


def _unique_ids(items: list, field: str) -> set[str]:
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise InstanceError(f"{field}[{i}].id", f"duplicate id {item.id!r}")
        seen.add(item.id)
    return seen


def _parse_conflicts(raw: Any, reviewer_ids: set[str], proposal_ids: set[str]) -> list[tuple[str, str]]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise InstanceError("conflicts", f"must be a list of [reviewer id, proposal id] pairs, got {raw!r}")
    pairs = []
    for i, pair in enumerate(raw):
        field = f"conflicts[{i}]"
        if not isinstance(pair, list) or len(pair) != 2 or not all(isinstance(x, str) for x in pair):
            raise InstanceError(field, f"must be a [reviewer id, proposal id] pair of strings, got {pair!r}")
        reviewer_id, proposal_id = pair
        if reviewer_id not in reviewer_ids:
            raise InstanceError(field, f"unknown reviewer {reviewer_id!r}")
        if proposal_id not in proposal_ids:
            raise InstanceError(field, f"unknown proposal {proposal_id!r}")
        pairs.append((reviewer_id, proposal_id))
    return pairs


def _parse_affinity(raw: Any, reviewer_ids: set[str], proposal_ids: set[str]) -> dict[str, dict[str, float]]:
    raw = _object(raw, "affinity")
    affinity: dict[str, dict[str, float]] = {}
    for reviewer_id, row in raw.items():
        if reviewer_id not in reviewer_ids:
            raise InstanceError(f"affinity.{reviewer_id}", f"unknown reviewer {reviewer_id!r}")
        row = _object(row, f"affinity.{reviewer_id}")
        parsed_row: dict[str, float] = {}
        for proposal_id, score in row.items():
            field = f"affinity.{reviewer_id}.{proposal_id}"
            if proposal_id not in proposal_ids:
                raise InstanceError(field, f"unknown proposal {proposal_id!r}")
            if isinstance(score, bool) or not isinstance(score, int | float) or not math.isfinite(score):
                raise InstanceError(field, f"must be a finite number, got {score!r}")
            # the solver scales scores to int64 costs; this bound keeps 6+ exact decimals at any size
            if abs(score) > MAX_ABS_AFFINITY:
                raise InstanceError(
                    field,
                    f"must be between -{MAX_ABS_AFFINITY:,.0f} and {MAX_ABS_AFFINITY:,.0f}, got {score!r}",
                )
            parsed_row[proposal_id] = float(score)
        affinity[reviewer_id] = parsed_row
    return affinity


def parse_instance(data: Any) -> AssignmentInstance:
    data = _object(data, "instance")
    unknown = sorted(set(data) - _TOP_LEVEL_FIELDS)
    if unknown:
        # a typo such as "max_loads" would otherwise silently fall back to a default
        raise InstanceError(
            unknown[0], f"unknown field (expected one of {', '.join(sorted(_TOP_LEVEL_FIELDS))})"
        )
    if "reviews_per_proposal" not in data:
        raise InstanceError("reviews_per_proposal", "is required")
    reviews = _positive_int(data["reviews_per_proposal"], "reviews_per_proposal")
    default_load = data.get("max_load")
    if default_load is not None:
        default_load = _positive_int(default_load, "max_load", allow_zero=True)

    for name in ("proposals", "reviewers"):
        if name not in data:
            raise InstanceError(name, "is required")
        if not isinstance(data[name], list):
            raise InstanceError(name, f"must be a list, got {type(data[name]).__name__}")
    proposals = [_parse_proposal(raw, f"proposals[{i}]") for i, raw in enumerate(data["proposals"])]
    reviewers = [_parse_reviewer(raw, f"reviewers[{i}]") for i, raw in enumerate(data["reviewers"])]
    proposal_ids = _unique_ids(proposals, "proposals")
    reviewer_ids = _unique_ids(reviewers, "reviewers")
    if default_load is None:
        for i, reviewer in enumerate(reviewers):
            if reviewer.max_load is None:
                raise InstanceError(
                    f"reviewers[{i}].max_load", "is required when the instance has no default max_load"
                )

    countries = _strings(data.get("require_each_country"), "require_each_country")
    if len(set(countries)) != len(countries):
        raise InstanceError("require_each_country", f"lists a country twice: {list(countries)}")
    return AssignmentInstance(
        proposals=proposals,
        reviewers=reviewers,
        reviews_per_proposal=reviews,
        max_load=default_load,
        require_each_country=countries,
        declared_conflicts=_parse_conflicts(data.get("conflicts"), reviewer_ids, proposal_ids),
        affinity=None
        if data.get("affinity") is None
        else _parse_affinity(data["affinity"], reviewer_ids, proposal_ids),
    )
