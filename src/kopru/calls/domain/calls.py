"""Calls: validating rubric and eligibility data, and the lifecycle draft → open → … → archived."""

from __future__ import annotations

import datetime
import itertools
import zoneinfo
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kopru.calls.eligibility import EligibilityDataError, EligibilityRules, rules_from_dict
from kopru.calls.enums import CALL_ORDER, DEADLINE_ZONES, CallStatus
from kopru.calls.models import Call, CallTransition

# The optional per-language labels of a rubric criterion (the English one is `label`).
TRANSLATED_LABELS = ("label_tr", "label_zh")

# draft → open → closed → in review → panel → decided → archived; `decided` is reached through decide_call.
NEXT_STATUS = dict(itertools.pairwise(CALL_ORDER))


@dataclass(frozen=True)
class Criterion:
    """One rubric line. Like sector, pipeline and stage names, the label is stored in English with optional
    Turkish (`label_tr`) and Chinese (`label_zh`) versions; `label` is the one the reader's language wants."""

    key: str
    label_en: str
    weight: float
    low: float
    high: float
    label_tr: str = ""
    label_zh: str = ""

    @property
    def label(self) -> str:
        language = (get_language() or "en").lower()
        if language.startswith("tr") and self.label_tr:
            return self.label_tr
        if language.startswith("zh") and self.label_zh:
            return self.label_zh
        return self.label_en


def parse_rubric(data) -> list[Criterion]:
    """The rubric as JSON: [{"key", "label", "label_tr", "label_zh", "weight" > 0, "min", "max"}, …] (the
    Turkish and Chinese labels optional); errors name the item."""
    if not isinstance(data, list) or not data:
        raise ValidationError(_("The rubric needs at least one criterion (a JSON list)."))
    criteria, keys = [], set()
    for i, item in enumerate(data):
        where = _("criterion %(n)s") % {"n": i + 1}
        if not isinstance(item, dict):
            raise ValidationError(_("%(where)s: must be an object.") % {"where": where})
        key = item.get("key")
        if not isinstance(key, str) or not key.strip():
            raise ValidationError(_("%(where)s: needs a key.") % {"where": where})
        if key in keys:
            raise ValidationError(
                _("%(where)s: the key %(key)s is used twice.") % {"where": where, "key": key}
            )
        keys.add(key)
        try:
            weight = float(item.get("weight", 1))
            low, high = float(item.get("min", 0)), float(item.get("max", 5))
        except (TypeError, ValueError):
            raise ValidationError(
                _("%(where)s: weight, min and max must be numbers.") % {"where": where}
            ) from None
        if weight <= 0:
            raise ValidationError(_("%(where)s: the weight must be above 0.") % {"where": where})
        if high <= low:
            raise ValidationError(_("%(where)s: max must be above min.") % {"where": where})
        translations = {}
        for field in TRANSLATED_LABELS:
            value = item.get(field) or ""
            if not isinstance(value, str):
                raise ValidationError(
                    _("%(where)s: %(field)s must be text.") % {"where": where, "field": field}
                )
            translations[field] = value.strip()
        label = str(item.get("label") or key)
        criteria.append(Criterion(key.strip(), label, weight, low, high, **translations))
    return criteria


def parse_eligibility(data, sides: tuple[str, str]) -> EligibilityRules:
    """Eligibility rules as data, checked by the eligibility package; the countries are the call's sides."""
    if not isinstance(data, dict):
        raise ValidationError(_("The eligibility rules must be a JSON object."))
    data = {"countries": list(sides), **data}
    budgets = data.get("max_budget_per_side")
    if isinstance(budgets, dict):  # side A first, whatever order the database (jsonb) keeps keys in
        order = {side: i for i, side in enumerate(sides)}
        data["max_budget_per_side"] = dict(
            sorted(budgets.items(), key=lambda kv: (order.get(kv[0], 2), kv[0]))
        )
    try:
        rules = rules_from_dict(data)
    except EligibilityDataError as error:
        raise ValidationError(str(error)) from None
    if set(rules.countries) != set(sides):
        raise ValidationError(
            _("countries: a joint call has exactly the two sides %(sides)s.") % {"sides": ", ".join(sides)}
        )
    return rules


def call_rules(call: Call) -> EligibilityRules:
    return parse_eligibility(call.eligibility or {}, call.sides)


def deadline_in_zones(moment: datetime.datetime) -> list[tuple[str, datetime.datetime]]:
    """The deadline as the people of each side read it (Istanbul and Beijing side by side), then UTC."""
    return [(str(label), moment.astimezone(zoneinfo.ZoneInfo(name))) for name, label in DEADLINE_ZONES]


def check_call(call: Call) -> None:
    """Cross-field rules of a call (the form and the API both call this before saving)."""
    errors = {}
    side_a, side_b = call.sides
    if call.agency_a_id and call.agency_a.country_id and call.agency_a.country_id != side_a:
        errors["agency_a"] = _("The agency of side A must be from %(side)s.") % {"side": side_a}
    if call.agency_b_id and call.agency_b.country_id and call.agency_b.country_id != side_b:
        errors["agency_b"] = _("The agency of side B must be from %(side)s.") % {"side": side_b}
    try:
        parse_rubric(call.rubric)
    except ValidationError as error:
        errors["rubric"] = error.messages
    try:
        rules = parse_eligibility(call.eligibility or {}, call.sides)
    except ValidationError as error:
        errors["eligibility"] = error.messages
    else:
        for side, currency in ((side_a, call.currency_a), (side_b, call.currency_b)):
            limit = rules.max_budget_per_side.get(side)
            if limit and currency and limit.currency != currency:
                errors["eligibility"] = _(
                    "max_budget_per_side.%(side)s: the currency %(given)s differs from the agency's "
                    "%(currency)s."
                ) % {"side": side, "given": limit.currency, "currency": currency}
    minimums = call.topic_minimums or {}
    if not isinstance(minimums, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool) and v >= 0
        for k, v in minimums.items()
    ):
        errors["topic_minimums"] = _('Give a JSON object of topic code → whole number, e.g. {"battery": 1}.')
    if call.opens_at and call.deadline and call.deadline <= call.opens_at:
        errors["deadline"] = _("The deadline must be after the opening date.")
    if errors:
        raise ValidationError(errors)


@dataclass(frozen=True)
class StatusOption:
    """A status a call could move to, and why not now when it may not (the status form lists them all)."""

    status: str
    label: str
    refusal: str | None

    @property
    def allowed(self) -> bool:
        return self.refusal is None


def transition_refusal(call: Call, to_status: str, *, now=None) -> str | None:
    """Why `call` may not move to `to_status` now, or None when it may. The one statement of the lifecycle:
    one step at a time, deciding from the panel page, opening with topics before the deadline, closing at
    the deadline, reviewing once reviewers are assigned."""
    now = now or timezone.now()
    if to_status not in CALL_ORDER:
        return _("Unknown status.")
    if NEXT_STATUS.get(call.status) != to_status:
        return _("A call in status “%(status)s” can only move to “%(next)s”.") % {
            "status": CallStatus(call.status).label,
            "next": CallStatus(NEXT_STATUS[call.status]).label if call.status in NEXT_STATUS else "—",
        }
    if to_status == CallStatus.DECIDED:
        return _("Decide the call from the panel page.")
    if to_status == CallStatus.OPEN:
        if not call.topics.exists():
            return _("Choose the call's topics before opening it.")
        if call.deadline <= now:
            return _("The deadline has already passed.")
    if to_status == CallStatus.CLOSED and now < call.deadline:
        return _("The call closes at its deadline; applicants may submit until then.")
    if to_status == CallStatus.IN_REVIEW and not call.proposals.filter(assignments__isnull=False).exists():
        return _("Assign reviewers before the review starts.")
    return None


def status_options(call: Call, *, now=None) -> list[StatusOption]:
    """Every status other than the current one, in lifecycle order, each with its refusal (None: allowed)."""
    return [
        StatusOption(status, str(CallStatus(status).label), transition_refusal(call, status, now=now))
        for status in CALL_ORDER
        if status != call.status
    ]


@transaction.atomic
def advance_call(call: Call, *, to_status: str, by=None, note: str = "", now=None) -> CallTransition:
    """Move a call one step forward; each move is dated and signed. Deciding goes through decide_call."""
    now = now or timezone.now()
    given, call = call, Call.objects.select_for_update().get(pk=call.pk)
    refusal = transition_refusal(call, to_status, now=now)
    if refusal:
        raise ValidationError({"to_status": refusal})
    transition = record_transition(call, to_status=to_status, by=by, note=note, now=now)
    given.status = call.status
    return transition


def record_transition(call: Call, *, to_status: str, by=None, note: str = "", now=None) -> CallTransition:
    transition = CallTransition.objects.create(
        call=call, from_status=call.status, to_status=to_status, at=now or timezone.now(), by=by, note=note
    )
    call.status = to_status
    call.save(update_fields=["status", "updated_at"])
    return transition
