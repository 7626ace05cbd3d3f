"""Plain dataclasses going into and out of the matcher.

Inputs validate themselves on construction so that a typo ("batery", "GWh/year", "China") fails with a
message naming the record and the field instead of silently matching nothing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from kopru.invest.economics.explanations import Explanation as Message
from kopru.invest.matching.vocab import COUNTRY_REGION, KINDS, REGIONS, SECTORS, UNITS


class MatchingInputError(ValueError):
    """Bad input data; the message names the record and the field."""


class UnknownRecordError(LookupError):
    """A query named a company or opportunity id that the index does not hold."""

    def __str__(self) -> str:  # LookupError would otherwise print the message with quotes around it
        return str(self.args[0]) if self.args else ""


def _fail(record: str, field_name: str, message: str) -> MatchingInputError:
    return MatchingInputError(f"{record}: field '{field_name}': {message}")


def _check_sectors(record: str, sectors: tuple[str, ...]) -> tuple[str, ...]:
    cleaned = tuple(dict.fromkeys(str(sector).strip().lower() for sector in sectors))
    for sector in cleaned:
        if sector not in SECTORS:
            raise _fail(record, "sectors", f"unknown sector {sector!r} (known: {', '.join(SECTORS)})")
    return cleaned


def _check_country(record: str, field_name: str, code: str) -> str:
    cleaned = str(code).strip().upper()
    if len(cleaned) != 2 or not cleaned.isalpha():
        raise _fail(record, field_name, f"{code!r} is not an ISO 3166-1 alpha-2 country code such as 'CN'")
    return cleaned


def _check_markets(record: str, field_name: str, markets: tuple[str, ...]) -> tuple[str, ...]:
    """Accept region codes or country codes; store region codes (markets are compared by region)."""
    regions: list[str] = []
    for market in markets:
        code = str(market).strip().upper()
        if code in REGIONS:
            regions.append(code)
        elif code in COUNTRY_REGION:
            regions.append(COUNTRY_REGION[code])
        else:
            raise _fail(
                record,
                field_name,
                f"unknown market {market!r}: give a region ({', '.join(REGIONS)}) or a listed country code",
            )
    return tuple(dict.fromkeys(regions))


def _check_optional_number(record: str, field_name: str, value: float | None) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise _fail(record, field_name, f"{value!r} is not a non-negative number")
    return float(value)


@dataclass(frozen=True)
class Capacity:
    """An annual (or installed) capacity in a sector's own unit, e.g. 40 GWh/yr or 150,000 vehicles/yr."""

    value: float
    unit: str

    def __post_init__(self) -> None:
        if isinstance(self.value, bool) or not isinstance(self.value, int | float) or not self.value > 0:
            raise MatchingInputError(f"capacity: field 'value': {self.value!r} is not a positive number")
        if str(self.unit).strip().lower() not in UNITS:
            raise MatchingInputError(
                f"capacity: field 'unit': unknown unit {self.unit!r} (known: {', '.join(UNITS)})"
            )

    @property
    def canonical(self) -> tuple[str, float]:
        """(canonical unit, value in that unit): 2 GW becomes ('MW', 2000.0)."""
        unit, factor = UNITS[self.unit.strip().lower()]
        return unit, float(self.value) * factor

    def __str__(self) -> str:
        return f"{self.value:,.12g} {self.unit}"


@dataclass(frozen=True)
class Company:
    """A foreign investor's profile."""

    id: str
    name: str
    hq_country: str
    sectors: tuple[str, ...]
    description: str = ""
    tags: tuple[str, ...] = ()
    employees: int | None = None
    revenue_musd: float | None = None
    capacities: tuple[Capacity, ...] = ()
    plants: tuple[str, ...] = ()  # country codes where it already operates plants
    export_markets: tuple[str, ...] = ()  # region or country codes; stored as regions
    investment_modes: tuple[str, ...] = ()  # kinds of deal it has done: greenfield, jv_partner, ...

    def __post_init__(self) -> None:
        record = f"company {self.id!r}"
        if not str(self.id).strip():
            raise _fail("company", "id", "must not be empty")
        set_ = object.__setattr__  # frozen dataclass: normalise once, here
        set_(self, "hq_country", _check_country(record, "hq_country", self.hq_country))
        set_(self, "sectors", _check_sectors(record, tuple(self.sectors)))
        set_(self, "tags", tuple(str(tag).strip() for tag in self.tags if str(tag).strip()))
        set_(self, "revenue_musd", _check_optional_number(record, "revenue_musd", self.revenue_musd))
        if self.employees is not None:
            set_(self, "employees", int(_check_optional_number(record, "employees", self.employees) or 0))
        set_(self, "plants", tuple(_check_country(record, "plants", code) for code in self.plants))
        set_(self, "export_markets", _check_markets(record, "export_markets", tuple(self.export_markets)))
        modes = tuple(dict.fromkeys(str(mode).strip().lower() for mode in self.investment_modes))
        for mode in modes:
            if mode not in KINDS:
                raise _fail(record, "investment_modes", f"unknown kind {mode!r} (known: {', '.join(KINDS)})")
        set_(self, "investment_modes", modes)
        for capacity in self.capacities:
            if not isinstance(capacity, Capacity):
                raise _fail(record, "capacities", f"{capacity!r} is not a Capacity")

    @property
    def text(self) -> str:
        # Tags are curated keywords, so they count twice against free-text description words.
        tags = " ".join(self.tags)
        return f"{self.description} {tags} {tags}"


@dataclass(frozen=True)
class Opportunity:
    """An investment opportunity in the host country's catalogue."""

    id: str
    title: str
    sectors: tuple[str, ...]
    kind: str
    province: str = ""
    region: str = ""
    in_oiz: bool = False  # inside an organised industrial zone
    capex_musd: float | None = None
    capacity: Capacity | None = None
    jobs: int | None = None
    description: str = ""
    tags: tuple[str, ...] = ()
    target_markets: tuple[str, ...] = ()  # markets the site pitches access to, e.g. EU via the Customs Union
    host_country: str = "TR"
    allowed_countries: tuple[str, ...] = ()  # if given, only investors headquartered here qualify
    denied_countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        record = f"opportunity {self.id!r}"
        if not str(self.id).strip():
            raise _fail("opportunity", "id", "must not be empty")
        set_ = object.__setattr__
        set_(self, "sectors", _check_sectors(record, tuple(self.sectors)))
        kind = str(self.kind).strip().lower()
        if kind not in KINDS:
            raise _fail(record, "kind", f"unknown kind {self.kind!r} (known: {', '.join(KINDS)})")
        set_(self, "kind", kind)
        set_(self, "tags", tuple(str(tag).strip() for tag in self.tags if str(tag).strip()))
        set_(self, "capex_musd", _check_optional_number(record, "capex_musd", self.capex_musd))
        if self.jobs is not None:
            set_(self, "jobs", int(_check_optional_number(record, "jobs", self.jobs) or 0))
        if self.capacity is not None and not isinstance(self.capacity, Capacity):
            raise _fail(record, "capacity", f"{self.capacity!r} is not a Capacity")
        set_(self, "target_markets", _check_markets(record, "target_markets", tuple(self.target_markets)))
        set_(self, "host_country", _check_country(record, "host_country", self.host_country))
        for name in ("allowed_countries", "denied_countries"):
            codes = tuple(_check_country(record, name, code) for code in getattr(self, name))
            set_(self, name, codes)

    @property
    def text(self) -> str:
        tags = " ".join(self.tags)
        return f"{self.title} {self.description} {tags} {tags}"


@dataclass(frozen=True)
class Contribution:
    """One feature's part in a score: its value in [0, 1], its weight, and a message saying why (a key and
    its parameters, rendered in the reader's language by the invest app)."""

    feature: str
    value: float
    weight: float
    message: Message | None

    @property
    def weighted(self) -> float:
        return self.value * self.weight


@dataclass(frozen=True)
class Explanation:
    contributions: tuple[Contribution, ...]
    excluded_because: Message | None = None  # set when a country rule removes the pair

    @property
    def messages(self) -> list[Message]:
        if self.excluded_because:
            return [self.excluded_because]
        return [item.message for item in self.contributions if item.message]

    def value(self, feature: str) -> float:
        for item in self.contributions:
            if item.feature == feature:
                return item.value
        raise KeyError(f"no feature {feature!r} in this explanation")


@dataclass(frozen=True)
class Match:
    id: str
    score: float
    explanation: Explanation = field(default_factory=lambda: Explanation(()))
