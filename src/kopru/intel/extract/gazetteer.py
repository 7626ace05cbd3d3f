"""Gazetteers loaded from resources/*.yaml: countries, places, organisations, titles, sector lexicon.

Everything is loaded once (``load()`` is cached) and compiled into a few large regular expressions so that
matching a document is a handful of linear scans rather than one scan per name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from importlib import resources

import yaml

# Turkish letters that NFD does not decompose into ASCII + combining mark.
_FOLD_TABLE = str.maketrans({"ı": "i", "İ": "I", "ş": "s", "Ş": "S", "ğ": "g", "Ğ": "G", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """Diacritic-insensitive key: "Kacır" and "Kacir" fold to the same string ("kacir")."""
    text = text.translate(_FOLD_TABLE)
    text = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()


@dataclass(frozen=True)
class Country:
    code: str
    name: str


@dataclass(frozen=True)
class Place:
    name: str
    country: str
    kind: str


@dataclass(frozen=True)
class Org:
    name: str
    kind: str
    country: str | None


@dataclass
class Gazetteer:
    countries: dict[str, Country]  # code -> country
    country_names: dict[str, str]  # surface (name or alias) -> code
    demonyms: dict[str, str]  # surface -> code
    places: dict[str, Place]  # surface -> place
    orgs: dict[str, Org]  # surface -> org
    credit_orgs: dict[str, Org]  # surface allowed only in credits/bylines (AA) -> org
    org_folded: dict[str, Org]  # folded surface -> org
    title_heads: list[dict]
    domain_minister: dict[str, dict]
    domain_words: frozenset[str]
    sector_patterns: dict[str, re.Pattern]
    # compiled scanners: a match's lastgroup is unused; the surface is looked up in the dicts above
    country_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    demonym_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    place_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    org_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    sector_re: re.Pattern = field(repr=False, default=None)  # type: ignore[assignment]
    sector_group_codes: dict[str, str] = field(default_factory=dict)
    sector_weak_groups: frozenset[str] = frozenset()  # groups of weak patterns (see sectors.yaml "weak")
    # code -> codes that cover it: a code known only from weak words yields to them (sectors.yaml "yields")
    sector_yields: dict[str, frozenset[str]] = field(default_factory=dict)
    # code -> {beside: read as}: a code known only from weak words, beside another, is read as a third
    sector_becomes: dict[str, dict[str, str]] = field(default_factory=dict)
    # names of bodies whose business is a sector (the WTO): weak evidence even inside an organisation's
    # mention (sectors.yaml "bodies")
    sector_body_re: re.Pattern | None = field(repr=False, default=None)
    sector_body_codes: dict[str, str] = field(default_factory=dict)


def _alternation(surfaces) -> str:
    # longest first so that "Anadolu Agency" wins over "Anadolu"
    ordered = sorted(set(surfaces), key=lambda s: (-len(s), s))
    return "|".join(re.escape(s) for s in ordered)


def _literal_scanner(surfaces, *, hyphen_joins: bool = True) -> re.Pattern:
    """Whole-word scanner. With ``hyphen_joins`` a hyphenated neighbour blocks the match ("BYD-made")."""
    before, after = (r"[\w'’-]", r"[\w-]") if hyphen_joins else (r"[\w'’]", r"\w")
    return re.compile(rf"(?<!{before})(?:" + _alternation(surfaces) + rf")(?!{after}|['’]\w\w)")


class StringsLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """A safe loader without YAML 1.1's boolean words: ``NO`` (Norway), ``ON``, ``Y``, ``off`` stay strings.

    Only the literal ``true``/``false`` are booleans. Every resource of this package is read with it, so an
    ISO code can never turn into ``False`` in the output (``tests/intel/extract/test_resources_yaml.py``
    also checks that the files read the same with a plain ``yaml.safe_load``).
    """


StringsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
StringsLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|false|True|False|TRUE|FALSE)$"), list("tTfF")
)


def read_resource_text(name: str) -> str:
    folder = resources.files("kopru.intel.extract").joinpath("resources")
    return folder.joinpath(name).read_text(encoding="utf-8")


def read_resource(name: str):
    """A YAML resource as plain data, strings kept as strings (see ``StringsLoader``)."""
    return yaml.load(read_resource_text(name), Loader=StringsLoader)


_read_yaml = read_resource


@cache
def load() -> Gazetteer:
    countries: dict[str, Country] = {}
    country_names: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    for row in _read_yaml("countries.yaml"):
        code = row["code"]
        countries[code] = Country(code, row["name"])
        for surface in [row["name"], *row.get("aliases", [])]:
            country_names.setdefault(surface, code)
        for surface in row.get("demonyms", []):
            demonyms.setdefault(surface, code)

    places: dict[str, Place] = {}
    for code, groups in _read_yaml("places.yaml").items():
        for kind in ("provinces", "cities", "regions"):
            for name in groups.get(kind, []) or []:
                places.setdefault(
                    name, Place(name, code, {"provinces": "province", "regions": "region"}.get(kind, "city"))
                )
        for alias, target in (groups.get("aliases") or {}).items():
            if target in places:
                places.setdefault(alias, places[target])

    orgs: dict[str, Org] = {}
    credit_orgs: dict[str, Org] = {}
    for row in _read_yaml("organizations.yaml"):
        org = Org(row["name"], row["kind"], row.get("country"))
        for surface in [row["name"], *row.get("aliases", [])]:
            orgs.setdefault(surface, org)
        for surface in row.get("credit_only", []):
            credit_orgs.setdefault(surface, org)
        credit_orgs.setdefault(row["name"], org)
        for surface in row.get("aliases", []):
            credit_orgs.setdefault(surface, org)
    org_folded = {fold(s): o for s, o in orgs.items()}

    titles = _read_yaml("titles.yaml")
    sectors_raw = dict(_read_yaml("sectors.yaml"))
    weak_raw = sectors_raw.pop("weak", None) or {}
    yields_raw = sectors_raw.pop("yields", None) or {}
    becomes_raw = sectors_raw.pop("becomes", None) or {}
    bodies_raw = sectors_raw.pop("bodies", None) or {}
    sector_patterns: dict[str, re.Pattern] = {}
    group_parts = []
    group_codes: dict[str, str] = {}
    weak_groups: set[str] = set()
    for i, (code, patterns) in enumerate(sectors_raw.items()):
        body = "|".join(f"(?:{p})" for p in [*patterns, *weak_raw.get(code, [])])
        sector_patterns[code] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
        group = f"s{i}"
        group_codes[group] = code
        group_parts.append(f"(?P<{group}>{'|'.join(f'(?:{p})' for p in patterns)})")
        if weak_raw.get(code):
            weak_group = f"w{i}"
            group_codes[weak_group] = code
            weak_groups.add(weak_group)
            group_parts.append(f"(?P<{weak_group}>{'|'.join(f'(?:{p})' for p in weak_raw[code])})")
    sector_re = re.compile(r"(?<![\w-])(?:" + "|".join(group_parts) + r")(?![\w-])", re.IGNORECASE)

    gaz = Gazetteer(
        countries=countries,
        country_names=country_names,
        demonyms=demonyms,
        places=places,
        orgs=orgs,
        credit_orgs=credit_orgs,
        org_folded=org_folded,
        title_heads=titles["heads"],
        domain_minister=titles["domain_minister"],
        domain_words=frozenset(titles["domain_words"]),
        sector_patterns=sector_patterns,
    )
    gaz.country_re = _literal_scanner(country_names, hyphen_joins=False)
    gaz.demonym_re = _literal_scanner(demonyms, hyphen_joins=False)
    gaz.place_re = _literal_scanner(places, hyphen_joins=False)
    gaz.org_re = _literal_scanner(orgs)
    gaz.sector_re = sector_re
    gaz.sector_group_codes = group_codes
    gaz.sector_weak_groups = frozenset(weak_groups)
    gaz.sector_yields = {code: frozenset(over) for code, over in yields_raw.items()}
    gaz.sector_becomes = {code: dict(beside) for code, beside in becomes_raw.items()}
    if bodies_raw:
        body_codes = {f"b{i}": code for i, code in enumerate(bodies_raw)}
        gaz.sector_body_re = re.compile(
            r"(?<![\w-])(?:"
            + "|".join(f"(?P<{g}>{'|'.join(bodies_raw[code])})" for g, code in body_codes.items())
            + r")(?![\w-])",
            re.IGNORECASE,
        )
        gaz.sector_body_codes = body_codes
    return gaz
