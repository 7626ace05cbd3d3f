"""Claims with numbers: ranks, speeds, money, percentages, capacities, jobs, counts.

Each claim: subject (resolved: the nearest preceding country/organisation/person, pronouns and "the
country" resolved), text (the claim phrase), sector (nearest lexicon hit in the sentence), metric, value,
unit, scope, evidence (span of the claim phrase).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "top": 1,
}
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "fifty": 50,
    "hundred": 100,
}
SCALE = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
}
CURRENCY = {
    "US dollars": "USD",
    "U.S. dollars": "USD",
    "$": "USD",
    "US$": "USD",
    "USD": "USD",
    "dollars": "USD",
    "dollar": "USD",
    "€": "EUR",
    "EUR": "EUR",
    "euros": "EUR",
    "euro": "EUR",
    "£": "GBP",
    "GBP": "GBP",
    "yuan": "CNY",
    "CNY": "CNY",
    "RMB": "CNY",
    "renminbi": "CNY",
    "TL": "TRY",
    "TRY": "TRY",
    "liras": "TRY",
    "lira": "TRY",
    "Turkish liras": "TRY",
    "Turkish lira": "TRY",
    "¥": "CNY",
}

_ORD = r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))"
_SCOPE = (
    r"(?:the )?(?:world|globe|Europe|Asia|the region|region|Africa|the Middle East|Eurasia|EU|European Union|"
    r"country|[A-Z][a-z]+)"
)
_RANK_RE = re.compile(
    rf"\b(?:ranks?|ranked|ranking|is|was|became|placed|places|came|comes"
    rf"|stands?)\s+(?:the\s+)?(?P<list>{_ORD}\s+in\s+{_SCOPE}"
    rf"(?:\s*(?:,|and"
    rf"|,\s*and)\s*(?:the\s+)?{_ORD}\s+in\s+{_SCOPE})*)"
    rf"(?P<sector>\s+in\s+[\w -]{{2,40}}?)?(?=[,.;]|\s+and\b|$)",
)
_RANK_ITEM_RE = re.compile(rf"(?P<ord>{_ORD})\s+in\s+(?P<scope>{_SCOPE})")
_TOP_RE = re.compile(
    r"\b(?:scores?|scored|is|are|was|ranks?|ranked|among|places?|placed)\s+(?:in\s+"
    r"|among\s+)?(?:the\s+)?top\s+"
    r"(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|twenty"
    r"|fifty)\s+(?:in\s+(?P<scope>" + _SCOPE + r"))?(?P<sector>\s+in\s+[\w -]{2,40}?)?(?=[,.;]|\s+and\b|$)"
)
_NUM = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SPEED_RE = re.compile(
    _NUM + r"\s*(?:-\s*)?(?P<unit>kilomet(?:re|er)s?\s+(?:per|an|a)\s+hour|km/h|kmph|kph|miles\s+per\s+hour"
    r"|mph)\b",
    re.IGNORECASE,
)
_MONEY_RE = re.compile(
    r"(?P<cur1>US\$|\$|€|£|¥|USD|EUR|CNY|RMB|TRY|TL)\s?"
    + _NUM
    + r"(?:\s?(?P<scale1>thousand|million|billion|trillion|mn|bn|tn)\b|(?P<scale1b>[mMbB]n?)\b)?"
    r"|" + _NUM.replace("num", "num2") + r"\s?(?P<scale2>thousand|million|billion|trillion|mn|bn|tn)?\s+"
    r"(?P<cur2>US dollars|U\.S\. dollars|dollars|euros|yuan|Turkish liras?|liras?|USD|EUR|CNY|RMB|TL)\b"
)
_PERCENT_RE = re.compile(_NUM + r"\s?(?:%|percent\b|per cent\b|pct\b)")
_CAPACITY_RE = re.compile(
    _NUM + r"\s?(?P<scale>thousand|million|billion)?\s+(?P<unit>vehicles|cars|units|batteries|tonnes|tons|"
    r"GWh|MWh|GW|MW|kW|TWh)\b(?P<per>\s+(?:a|per|each|every)\s+year|\s+annually|\s+per\s+annum|/year|/yr)?"
    r"|(?P<unit2>GWh|MWh|GW|MW)\b",
)
_CAPACITY_PREFIX_RE = re.compile(
    r"(?:annual\s+)?(?:production\s+)?capacity\s+of\s+"
    + _NUM.replace("num", "num3")
    + r"\s?(?P<scale3>thousand|million)?\s+(?P<unit3>vehicles|cars|units|batteries|tonnes|tons|GWh|MWh|GW"
    r"|MW)\b"
    r"(?P<per3>\s+(?:a|per)\s+year|\s+annually|/year)?"
)
_POWER_RE = re.compile(
    _NUM + r"\s?(?:-\s?)?(?P<unit>gigawatts?|megawatts?|gigawatt-hours?|megawatt-hours?|GWh|MWh|GW|MW|TWh)\b"
    r"(?P<per>\s+(?:a|per|each)\s+year|\s+annually|/year)?"
)
_POWER_UNITS = {
    "gigawatt": "GW",
    "gigawatts": "GW",
    "megawatt": "MW",
    "megawatts": "MW",
    "gigawatt-hour": "GWh",
    "gigawatt-hours": "GWh",
    "megawatt-hour": "MWh",
    "megawatt-hours": "MWh",
}
_COUNT_NOUNS = (
    r"countries|projects|companies|firms|enterprises|researchers|scientists|engineers|students|trainsets|"
    r"locomotives|vehicles|cars|buses|units|plants|factories|patents|members|partners|cities|provinces|"
    r"proposals|applications|participants|delegates|agreements|branches|stores|employees|stations|"
    r"hospitals|universities|institutes|laboratories|products|models|turbines|reactors|flights|containers|"
    r"trains|ships|vessels|tonnes"
)
_COUNT_RE = re.compile(
    r"(?<![\d$€£¥.,])"
    + _NUM
    + r"\s+(?:(?:new|joint|more|foreign|local|Chinese|Turkish|domestic|international|"
    r"electric|energy|high-speed|new energy|member|partner|participating|national|technology|other"
    r"|[a-z]+-[a-z]+)\s+){0,3}"
    r"(?P<noun>" + _COUNT_NOUNS + r")\b"
)
_AREA_RE = re.compile(
    _NUM + r"\s?(?P<unit>square met(?:re|er)s|sq\.? m|m2|m²|hectares|square kilomet(?:re|er)s|km2|km²)"
)
_LARGEST_RE = re.compile(
    r"\b(?:(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))[- ]"
    r"(?:largest|biggest|most important)|one of (?:the )?(?:[\w'’]+['’]s?\s+)?(?:top\s+)?"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|\d{1,3})\s+(?:largest|biggest|leading"
    r"|top))\b"
)
_JOBS_RE = re.compile(
    r"(?:about\s+|around\s+|some\s+|nearly\s+|up\s+to\s+|over\s+|more\s+than\s+)?"
    + _NUM
    + r"\s?(?P<scale>thousand)?\s+(?:new\s+|direct\s+|indirect\s+|additional\s+)*(?:jobs|employees|workers"
    r"|people)\b"
)


@dataclass
class ClaimContext:
    text: str
    sentences: list[tuple[int, int]]
    subject_at: object  # callable(pos, sentence_start) -> str | None
    sector_at: object  # callable(start, end, sentence) -> str | None


def _num(s: str) -> float:
    return float(s.replace(",", ""))


def _clean_number(v: float) -> int | float:
    return int(v) if float(v).is_integer() else v


def _ordinal(word: str) -> int:
    word = word.lower()
    if word in ORDINALS:
        return ORDINALS[word]
    return int(re.match(r"\d+", word).group())


def _scope_name(scope: str | None) -> str | None:
    if not scope:
        return None
    scope = re.sub(r"^the\s+", "", scope.strip())
    if scope.lower() in {"world", "globe"}:
        return "world"
    return scope


def find_claims(ctx: ClaimContext, allowed) -> list[dict]:
    """allowed(start, end) -> bool tells whether a span may carry facts (not a credit or byline)."""
    text = ctx.text
    claims: list[dict] = []
    used: list[tuple[int, int]] = []

    def emit(
        s: int, e: int, sentence: tuple[int, int], metric: str, value, unit, scope, sector_span=None, **extra
    ):
        subj = ctx.subject_at(s, sentence[0])
        sec = ctx.sector_at(*(sector_span or (s, e)), sentence)
        claims.append(
            {
                "subject": subj,
                "text": text[s:e],
                "sector": sec,
                "metric": metric,
                "value": value,
                "unit": unit,
                "scope": scope,
                "evidence": [s, e],
                **extra,
            }
        )

    for sent in ctx.sentences:
        ss, se = sent
        if not allowed(ss, se):
            continue
        chunk = text[ss:se]
        for m in _RANK_RE.finditer(chunk):
            s = (
                ss + m.start()
                if not chunk[m.start() :].startswith(("is ", "was ", "became ", "came ", "comes "))
                else ss + m.start("list")
            )
            e = ss + m.end()
            sector_span = (ss + m.start("sector"), e) if m.group("sector") else None
            for item in _RANK_ITEM_RE.finditer(m.group("list")):
                emit(
                    s,
                    e,
                    sent,
                    "rank",
                    _ordinal(item.group("ord")),
                    None,
                    _scope_name(item.group("scope")),
                    sector_span,
                )
            used.append((s, e))
        for m in _TOP_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            n = m.group("n")
            value = int(n) if n.isdigit() else NUMBER_WORDS[n]
            sector_span = (ss + m.start("sector"), e) if m.group("sector") else None
            emit(s, e, sent, "rank", value, None, _scope_name(m.group("scope")), sector_span, top=True)
            used.append((s, e))
        previous_speed_end = -10
        for m in _SPEED_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            # "(99 miles per hour)" restates the previous figure
            if s - previous_speed_end <= 3 and text[previous_speed_end:s].strip() in {"(", ""}:
                continue
            unit = "km/h" if re.match(r"k", m.group("unit"), re.I) else "mph"
            emit(s, e, sent, "speed", _clean_number(_num(m.group("num"))), unit, None)
            previous_speed_end = e
            used.append((s, e))
        for m in _MONEY_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            if m.group("num"):
                value = _num(m.group("num"))
                scale = m.group("scale1") or m.group("scale1b")
                cur = CURRENCY.get(m.group("cur1"), m.group("cur1"))
            else:
                value = _num(m.group("num2"))
                scale = m.group("scale2")
                cur = CURRENCY.get(m.group("cur2"), CURRENCY.get(m.group("cur2").lower(), m.group("cur2")))
            if scale:
                value *= SCALE[scale.lower()] if scale.lower() in SCALE else SCALE[scale.lower()[0]]
            emit(s, e, sent, "amount", _clean_number(value), cur, None)
            used.append((s, e))
        for m in _PERCENT_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            before = chunk[max(0, m.start() - 40) : m.start()].lower()
            after = chunk[m.end() : m.end() + 40].lower()
            if re.search(
                r"\b(?:increase|increased|rise|rose|grew|growth|up by|jump|jumped|surge)\b", before + after
            ):
                metric = "growth"
            else:
                metric = "share"
            emit(s, e, sent, metric, _clean_number(_num(m.group("num"))), "%", None)
            used.append((s, e))
        for m in _CAPACITY_PREFIX_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            value = _num(m.group("num3")) * (SCALE[m.group("scale3")] if m.group("scale3") else 1)
            unit = m.group("unit3") + ("/yr" if m.group("per3") or "annual" in m.group(0) else "")
            emit(s, e, sent, "capacity", _clean_number(value), _unit(unit), None)
            used.append((s, e))
        for m in _CAPACITY_RE.finditer(chunk):
            if m.group("unit2"):
                continue
            s, e = ss + m.start(), ss + m.end()
            if any(us <= s < ue or us < e <= ue for us, ue in used):
                continue
            per_year = bool(m.group("per"))
            unit = m.group("unit")
            if unit in ("tonnes", "tons") and not per_year:
                metric = "volume"
            elif unit in ("vehicles", "cars", "units", "batteries") and not per_year:
                continue  # a count, not a capacity ("sold 410,000 vehicles") — left out
            else:
                metric = "capacity"
            value = _num(m.group("num")) * (SCALE[m.group("scale")] if m.group("scale") else 1)
            emit(s, e, sent, metric, _clean_number(value), _unit(unit + ("/yr" if per_year else "")), None)
            used.append((s, e))
        for m in _LARGEST_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            if m.group("ord"):
                emit(s, e, sent, "rank", _ordinal(m.group("ord")), None, None)
            else:
                n = m.group("n")
                emit(s, e, sent, "rank", int(n) if n.isdigit() else NUMBER_WORDS[n], None, None, top=True)
            used.append((s, e))
        for m in _POWER_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            if any(us <= s < ue or us < e <= ue for us, ue in used):
                continue
            unit = _POWER_UNITS.get(m.group("unit").lower(), m.group("unit"))
            per = bool(m.group("per")) or bool(
                re.search(r"\bannual\b", chunk[max(0, m.start() - 40) : m.start()])
            )
            emit(
                s,
                e,
                sent,
                "capacity",
                _clean_number(_num(m.group("num"))),
                unit + ("/yr" if per else ""),
                None,
            )
            used.append((s, e))
        for m in _AREA_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            unit = {"hectares": "ha"}.get(m.group("unit"), "km2" if "k" in m.group("unit") else "m2")
            emit(s, e, sent, "area", _clean_number(_num(m.group("num"))), unit, None)
            used.append((s, e))
        for m in _JOBS_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            if "job" not in m.group(0) and not re.search(
                r"\b(?:employ|hire|create)", chunk[max(0, m.start() - 30) : m.start()]
            ):
                continue
            value = _num(m.group("num")) * (1000 if m.group("scale") else 1)
            emit(s, e, sent, "jobs", _clean_number(value), "jobs", None)
            used.append((s, e))
        for m in _COUNT_RE.finditer(chunk):
            s, e = ss + m.start(), ss + m.end()
            if any(us <= s < ue or us < e <= ue for us, ue in used):
                continue
            raw = m.group("num")
            value = _num(raw)
            if (
                value < 2
                or (re.fullmatch(r"(?:19|20)\d\d", raw))
                or re.match(r"\s*(?:percent|%)", chunk[m.end() :])
            ):
                continue
            if re.search(r"(?:\$|€|£|USD|EUR)\s?$", chunk[max(0, m.start() - 5) : m.start()]):
                continue
            emit(s, e, sent, "count", _clean_number(value), m.group("noun"), None)
            used.append((s, e))
    claims.sort(key=lambda c: c["evidence"][0])
    # the same figure told twice (headline and body) is one claim
    seen: set[tuple] = set()
    unique = []
    for claim in claims:
        key = (claim["metric"], claim["value"], claim["unit"], claim["scope"])
        if key in seen:
            continue
        seen.add(key)
        unique.append(claim)
    return unique


def _unit(unit: str) -> str:
    base, _, per = unit.partition("/")
    base = {"cars": "vehicles", "tons": "tonnes"}.get(base, base)
    return f"{base}/yr" if per else base
