"""What a view of insights is about: a country pair, optionally a sector (a leaf or a group) and a period.

Parsed from query parameters with clear errors; every domain function takes a Scope and the user, and
reads the record through kopru.core.access.visible_to (calls through their own visibility rule).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kopru.core.models import Country, Sector


class ScopeError(ValueError):
    """A query parameter that cannot be understood; the message says why, `param` which."""

    def __init__(self, message: str, param: str = ""):
        super().__init__(message)
        self.param = param


@dataclass(frozen=True)
class Scope:
    country_a: str
    country_b: str
    sector: str = ""  # a sector code; a group code covers its children
    start: dt.date | None = None
    end: dt.date | None = None
    sector_codes: tuple[str, ...] = ()  # the sector and its children, resolved once

    @property
    def pair(self) -> tuple[str, str]:
        return (self.country_a, self.country_b)

    @property
    def pair_key(self) -> str:
        return f"{self.country_a}-{self.country_b}"

    def params(self, **extra) -> str:
        """The query string that reproduces this scope (plus `extra`)."""
        values = {"pair": self.pair_key}
        if self.sector:
            values["sector"] = self.sector
        if self.start:
            values["start"] = self.start.isoformat()
        if self.end:
            values["end"] = self.end.isoformat()
        values.update({key: value for key, value in extra.items() if value not in (None, "")})
        return urlencode(values)

    def sector_q(self, lookup: str) -> Q:
        """Q narrowing `lookup` (a path to a sector code) to the scope's sectors; empty when no sector."""
        if not self.sector:
            return Q()
        return Q(**{f"{lookup}__in": self.sector_codes})

    def date_q(self, lookup: str) -> Q:
        q = Q()
        if self.start:
            q &= Q(**{f"{lookup}__gte": self.start})
        if self.end:
            q &= Q(**{f"{lookup}__lte": self.end})
        return q


def _date(params, name: str) -> dt.date | None:
    raw = (params.get(name) or "").strip()
    if not raw:
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        raise ScopeError(
            _("“%(value)s” is not a date (YYYY-MM-DD) for %(name)s.") % {"value": raw, "name": name}, name
        ) from None


def sector_codes(code: str) -> tuple[str, ...]:
    found = list(Sector.objects.filter(Q(code=code) | Q(parent__code=code)).values_list("code", flat=True))
    if code not in found:
        raise ScopeError(_("Unknown sector “%(code)s”.") % {"code": code}, "sector")
    return tuple(sorted(found))


def scope_from_params(params, *, default_days: int | None = None) -> Scope:
    """A Scope from ?pair=TR-CN&sector=battery&start=2025-01-01&end=2025-12-31 (all optional)."""
    pair = (params.get("pair") or "").strip().upper()
    if pair:
        parts = pair.split("-")
        if len(parts) != 2 or parts[0] == parts[1]:
            raise ScopeError(_("A pair is two different country codes, like TR-CN."), "pair")
        found = set(Country.objects.filter(code__in=parts).values_list("code", flat=True))
        if found != set(parts):
            raise ScopeError(_("Unknown country in the pair “%(pair)s”.") % {"pair": pair}, "pair")
        country_a, country_b = parts
    else:
        country_a, country_b = settings.KOPRU_SIDE_A, settings.KOPRU_SIDE_B
    sector = (params.get("sector") or "").strip()
    codes = sector_codes(sector) if sector else ()
    start, end = _date(params, "start"), _date(params, "end")
    if default_days and not start and not end:
        end = timezone.localdate()
        start = end - dt.timedelta(days=default_days)
    if start and end and end < start:
        raise ScopeError(_("The period ends before it starts."), "end")
    return Scope(country_a, country_b, sector, start, end, codes)


def quarter_of(day: dt.date | dt.datetime | None) -> str:
    if day is None:
        return ""
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def quarter_bounds(key: str) -> tuple[dt.date, dt.date]:
    """2025-Q2 → (2025-04-01, 2025-06-30); ScopeError when malformed."""
    try:
        year, quarter = key.split("-Q")
        year, quarter = int(year), int(quarter)
        if not 1 <= quarter <= 4:
            raise ValueError
    except ValueError:
        raise ScopeError(
            _("“%(value)s” is not a quarter like 2025-Q2.") % {"value": key}, "quarter"
        ) from None
    start = dt.date(year, 3 * quarter - 2, 1)
    end = dt.date(year + (quarter == 4), (3 * quarter) % 12 + 1, 1) - dt.timedelta(days=1)
    return start, end
