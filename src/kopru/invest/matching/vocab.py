"""Controlled vocabularies for matchmaking: sectors, opportunity kinds, market regions, capacity units.

These are general knowledge (how sectors relate, which countries form which market), not answers to any
particular data set. Every table is a plain dict so that it can be read, reviewed and tested.
"""

from __future__ import annotations

SECTORS: tuple[str, ...] = (
    "ev",
    "battery",
    "automotive",
    "solar",
    "wind",
    "nuclear",
    "rail",
    "vaccines",
    "medicines",
    "medical_devices",
    "telecom",
    "cloud",
    "research",
    "trade",
    "investment",
)

# Labels that describe an activity across industries rather than an industry (see features.scored_sectors).
CROSS_CUTTING_SECTORS: frozenset[str] = frozenset({"research", "trade", "investment"})

# Partial credit between neighbouring sectors: a battery maker is a plausible partner for an EV
# opportunity (and vice versa) but is not the same thing. Symmetric; exact matches score 1.0.
RELATED_SECTORS: dict[frozenset[str], float] = {
    frozenset({"ev", "battery"}): 0.5,
    frozenset({"ev", "automotive"}): 0.6,
    frozenset({"battery", "automotive"}): 0.3,
    frozenset({"battery", "solar"}): 0.3,  # storage is sold with PV parks
    frozenset({"solar", "wind"}): 0.3,  # both are renewable developers' portfolios
    frozenset({"wind", "nuclear"}): 0.1,
    frozenset({"vaccines", "medicines"}): 0.5,
    frozenset({"medicines", "medical_devices"}): 0.3,
    frozenset({"vaccines", "medical_devices"}): 0.2,
    frozenset({"telecom", "cloud"}): 0.5,
    frozenset({"rail", "automotive"}): 0.1,
}

KINDS: tuple[str, ...] = ("greenfield", "expansion", "jv_partner", "supplier", "rd_centre", "acquisition")

# How well a company that has done kind A fits an opportunity of kind B (symmetric, exact = 1.0).
RELATED_KINDS: dict[frozenset[str], float] = {
    frozenset({"greenfield", "expansion"}): 0.6,
    frozenset({"jv_partner", "acquisition"}): 0.5,
    frozenset({"greenfield", "jv_partner"}): 0.3,
    frozenset({"greenfield", "supplier"}): 0.3,
    frozenset({"rd_centre", "jv_partner"}): 0.2,
}

REGIONS: tuple[str, ...] = (
    "EU",
    "EUROPE_OTHER",
    "TR",
    "MENA",
    "CIS",
    "SSA",
    "NORTH_AMERICA",
    "LATAM",
    "SOUTH_ASIA",
    "EAST_ASIA",
    "SOUTHEAST_ASIA",
    "OCEANIA",
)


def _codes(text: str) -> list[str]:
    return text.split()


_EU_MEMBERS = _codes("AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE")

# ISO 3166-1 alpha-2 -> market region; enough for the countries investors usually name. A code that is
# not here must be given as a region code instead (the loader says so).
COUNTRY_REGION: dict[str, str] = {
    **dict.fromkeys(_EU_MEMBERS, "EU"),
    **dict.fromkeys(_codes("GB NO CH IS RS BA ME MK AL UA MD XK"), "EUROPE_OTHER"),
    "TR": "TR",
    **dict.fromkeys(_codes("SA AE QA KW BH OM IQ IR IL JO LB SY YE EG LY TN DZ MA"), "MENA"),
    **dict.fromkeys(_codes("RU BY KZ UZ TM KG TJ AZ GE AM MN"), "CIS"),
    **dict.fromkeys(_codes("NG ZA KE ET GH TZ UG SN CI AO"), "SSA"),
    **dict.fromkeys(_codes("US CA"), "NORTH_AMERICA"),
    **dict.fromkeys(_codes("MX BR AR CL CO PE"), "LATAM"),
    **dict.fromkeys(_codes("IN PK BD LK NP"), "SOUTH_ASIA"),
    **dict.fromkeys(_codes("CN JP KR TW HK MO"), "EAST_ASIA"),
    **dict.fromkeys(_codes("ID MY TH VN PH SG KH MM"), "SOUTHEAST_ASIA"),
    **dict.fromkeys(_codes("AU NZ"), "OCEANIA"),
}

# Capacity units: accepted spelling -> (canonical unit, factor to the canonical unit). Only capacities in
# the same canonical unit are compared; a wind-blade factory in MW/yr says nothing about doses/yr.
UNITS: dict[str, tuple[str, float]] = {
    "vehicles/yr": ("vehicles/yr", 1.0),
    "gwh/yr": ("GWh/yr", 1.0),
    "mwh/yr": ("GWh/yr", 0.001),
    "twh/yr": ("GWh/yr", 1000.0),
    "mw": ("MW", 1.0),
    "gw": ("MW", 1000.0),
    "mw/yr": ("MW/yr", 1.0),
    "gw/yr": ("MW/yr", 1000.0),
    "units/yr": ("units/yr", 1.0),
    "doses/yr": ("doses/yr", 1.0),
    "tonnes/yr": ("tonnes/yr", 1.0),
    "racks": ("racks", 1.0),
}

CANONICAL_UNITS: tuple[str, ...] = tuple(dict.fromkeys(canonical for canonical, _ in UNITS.values()))


def sector_affinity(a: str, b: str) -> float:
    return 1.0 if a == b else RELATED_SECTORS.get(frozenset({a, b}), 0.0)


def kind_affinity(a: str, b: str) -> float:
    return 1.0 if a == b else RELATED_KINDS.get(frozenset({a, b}), 0.0)
