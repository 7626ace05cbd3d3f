"""The calculator's two panels (its 108 inputs and the results), remembered as HTML per process.

Both are a function of the submitted values, the rule tables, the language, the time zone and the day
alone — no user, no record, no token — and drawing them through Django's templates cost about 75 ms of
CPU a page (Django's widget templates ~300 µs a field). The same values against the same rule tables in
the same language therefore give the same HTML; it is kept for the last REMEMBERED such combinations.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from django.utils.timezone import get_current_timezone_name, localdate
from django.utils.translation import get_language

from kopru.core import access
from kopru.core.lru import Remembered
from kopru.invest.economics.rule_tables import Rules

REMEMBERED = 64

_panels = Remembered(REMEMBERED)


def data_key(data) -> str:
    """The submitted values in a stable order (a QueryDict or the dict a saved case gives)."""
    if hasattr(data, "lists"):
        items = data.lists()
    else:
        items = ((key, value if isinstance(value, list) else [value]) for key, value in data.items())
    return json.dumps(sorted((key, [str(v) for v in values]) for key, values in items))


def remembered_panels(rules: Rules, data, query: str, draw: Callable[[], tuple[str, str]]) -> tuple[str, str]:
    """`draw()` — (inputs HTML, results HTML) — unless the same values were drawn against `rules` in this
    language and time zone today."""
    # today too: a case without a date is evaluated as of today
    key = json.dumps([data_key(data), query, get_language(), get_current_timezone_name(), str(localdate())])
    return _panels.get_or_compute(key, draw, token=rules)


_datalists = Remembered(8)


def remembered_datalists(rules: Rules, draw: Callable[[], str]) -> str:
    """`draw()` — the calculator's suggestion lists (products, producers, countries, provinces, currencies)
    as HTML — unless drawn against `rules` in this language: the lists come from the rule tables and their
    names from the language alone. About 250 countries through the template language cost 2-3 ms a page."""
    return _datalists.get_or_compute(get_language(), draw, token=rules)


_case_fields = Remembered(16)


def remembered_case_fields(form, user, draw: Callable[[], str]) -> str:
    """`draw()` — an unbound, new case form's fields as HTML — unless drawn in this language for a reader
    of the same kind: such a form (name, description, visibility, owner side) is a function of the
    language and of whether the reader is an officer and of which side (the owner side is theirs) alone.
    A form with a field that lists records (choices filtered per reader) or bound to data is drawn
    every time."""
    if (
        form.is_bound
        or form.instance.pk is not None
        or any(hasattr(f, "queryset") for f in form.fields.values())
    ):
        return draw()
    staff = access.is_government_staff(user)
    key = (get_language(), staff, access.side_of(user) if staff else "", tuple(form.fields))
    return _case_fields.get_or_compute(key, draw)


def forget() -> None:
    _panels.clear()
    _datalists.clear()
    _case_fields.clear()
