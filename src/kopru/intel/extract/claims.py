"""Claims with numbers: ranks, speeds, money, percentages, capacities, jobs, counts.

Each claim: subject (resolved: the nearest preceding country/organisation/person, pronouns and "the
country" resolved), text (the claim phrase), sector (nearest lexicon hit in the sentence), metric, value,
unit, scope, evidence (span of the claim phrase).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

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
    # wire-service abbreviations ("120 mln dlrs", "1.5 bln stg")
    "mln": 1e6,
    "bln": 1e9,
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
    "yen": "JPY",
    "JPY": "JPY",
    "HK$": "HKD",
    "HKD": "HKD",
    "Hong Kong dollars": "HKD",
    "A$": "AUD",
    "AUD": "AUD",
    "Australian dollars": "AUD",
    "S$": "SGD",
    "SGD": "SGD",
    "Singapore dollars": "SGD",
    "C$": "CAD",
    "CAD": "CAD",
    "Canadian dollars": "CAD",
    "Rp": "IDR",
    "Rp.": "IDR",
    "IDR": "IDR",
    "rupiah": "IDR",
    "Rs": "INR",
    "Rs.": "INR",
    "₹": "INR",
    "INR": "INR",
    "rupees": "INR",
    "rupee": "INR",
    "baht": "THB",
    "THB": "THB",
    "ringgit": "MYR",
    "MYR": "MYR",
    "francs": "FRF",
    "French francs": "FRF",
    "French franc": "FRF",
    "roubles": "RUB",
    "rubles": "RUB",
    "RUB": "RUB",
    "won": "KRW",
    "KRW": "KRW",
    "dirhams": "AED",
    "AED": "AED",
    "riyals": "SAR",
    "SAR": "SAR",
    "pounds": "GBP",
    "pounds sterling": "GBP",
    # wire-service abbreviations and pre-euro currencies of older wire copy
    "dlrs": "USD",
    "dlr": "USD",  # "a 300 mln dlr credit"
    "U.S. dlrs": "USD",
    "U.S. dlr": "USD",
    "US dlr": "USD",
    "Canadian dlr": "CAD",
    "Australian dlr": "AUD",
    "US dlrs": "USD",
    "Canadian dlrs": "CAD",
    "Australian dlrs": "AUD",
    "Hong Kong dlrs": "HKD",
    "HK dlrs": "HKD",
    "HK dollars": "HKD",
    "Singapore dlrs": "SGD",
    "stg": "GBP",
    "German marks": "DEM",
    "Deutsche marks": "DEM",
    "guilders": "NLG",
    "Dutch guilders": "NLG",
    "Swiss francs": "CHF",
    "Belgian francs": "BEF",
    "lire": "ITL",
    "pesetas": "ESP",
    "marks": "DEM",
    "D-marks": "DEM",
    "schillings": "ATS",
    "escudos": "PTE",
    "drachmas": "GRD",
    "Swedish crowns": "SEK",
    "Danish crowns": "DKK",
    "Norwegian crowns": "NOK",
    "kronor": "SEK",
    "rand": "ZAR",
    "shekels": "ILS",
    "zlotys": "PLN",
    "NZ dlrs": "NZD",
    "New Zealand dlrs": "NZD",
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
    r"(?P<cur1>US\$|HK\$|A\$|S\$|C\$|\$|€|£|¥|₹|USD|EUR|CNY|RMB|TRY|TL|JPY|HKD|AUD|SGD|CAD|IDR|INR|THB|MYR"
    r"|RUB|KRW|AED|SAR|Rp\.?|Rs\.?)\s?"
    + _NUM
    + r"(?:\s?(?P<scale1>thousand|million|billion|trillion|mn|bn|tn|mln|bln)\b|(?P<scale1b>[mMbB]n?)\b)?"
    r"|"
    + _NUM.replace("num", "num2")
    + r"\s?(?P<scale2>thousand|million|billion|trillion|mn|bn|tn|mln|bln|m)?\s+"
    r"(?P<cur2>(?:US|U\.S\.|Hong Kong|HK|Australian|Singapore|Canadian) (?:dollars|dlrs|dlr)"
    r"|dollars|dlrs|dlr|euros|yuan|Turkish liras?|liras?|yen|rupiah|rupees?|baht|ringgit|stg"
    r"|(?:French|Swiss|Belgian) francs?|francs|(?:(?:German|Deutsche) )?marks|D-marks|(?:Dutch )?guilders"
    r"|lire|pesetas|schillings|escudos|drachmas|(?:Swedish|Danish|Norwegian) crowns|kronor|rand|shekels"
    r"|zlotys"
    r"|(?:NZ|New Zealand) dlrs"
    r"|roubles|rubles|dirhams|riyals|pounds(?: sterling)?|USD|EUR|CNY|RMB|TL|JPY|HKD"
    r"|AUD|INR|IDR|THB)\b"
)
_PERCENT_RE = re.compile(_NUM + r"\s?(?:%|percent\b|per cent\b|pct\b)")
_CAPACITY_RE = re.compile(
    _NUM
    + r"\s?(?P<scale>thousand|million|billion|mln|bln)?\s+(?P<unit>vehicles|cars|units|batteries|tonnes|tons|"
    r"GWh|MWh|GW|MW|kW|TWh)\b(?P<per>\s+(?:a|per|each|every)\s+year|\s+annually|\s+per\s+annum|/year|/yr)?"
    r"|(?P<unit2>GWh|MWh|GW|MW)\b",
)
_CAPACITY_PREFIX_RE = re.compile(
    r"(?:annual\s+)?(?:production\s+)?capacity\s+of\s+"
    + _NUM.replace("num", "num3")
    + r"\s?(?P<scale3>thousand|million|mln)?\s+(?P<unit3>vehicles|cars|units|batteries|tonnes|tons|GWh|MWh|GW"
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
    r"trains|ships|vessels|tonnes|dealerships|showrooms|modules|panels|vaccines|doses|trucks|wagons|blades|"
    r"robots|chips|sites|offices|centres|centers|mines|ports|routes|contracts|deals|investors|exhibitors|"
    r"start-ups|startups|brands|schools|hotels|apartments|households|homes|farms|satellites|drones|lines|"
    r"terminals|warehouses|airports|embassies|consulates|programmes|programs|courses|scholarships|visitors|"
    r"tourists|passengers|customers|users|subscribers|suppliers|manufacturers|makers|producers|exporters|"
    r"importers|operators|institutions|organisations|organizations|associations|chambers|zones|parks|"
    r"clusters|labs|teams|experts|professors|doctors|nurses|workshops|seminars|events|fairs|meetings|visits|"
    r"technicians|specialists|graduates|trainees|apprentices|scholars|parcels|devices|machines|scanners|"
    r"regions|households|aircraft|planes|jets|airliners|newspapers|copies|tourists|carriages|BEVs|PHEVs"
    r"|EVs|letters of intent|oil fields|fields|wells|barrels"
)
# a lower-case word that may qualify a counted noun ("freight trains", "research and development companies")
_COUNT_MODIFIER = (
    r"(?:(?!(?:of|in|on|at|to|for|from|by|with|the|a|an|and|or|is|are|was|were|has|have|had|percent|per"
    r"|days|years|months|weeks|hours|jobs|times)\b)[a-z][a-z-]*\s+(?:and\s+)?)"
)
_WORD_NUM = (
    r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty"
    r"|seventy|eighty|ninety|hundred|one"
)
_COUNT_RE = re.compile(
    r"(?<![\d$€£¥.,])(?:"
    + _NUM
    + r"|(?P<word>(?<![\w-])(?:"
    + _WORD_NUM
    + r")))(?:\s+(?P<scale>thousand|million|billion|mln|bln)|(?<=\d)(?P<glued>m|bn)(?=\s))?"
    + r"(?:\s+of\s+the\s+\d[\d,]*)?"  # "11 of the 13 vaccines"
    + r"\s+(?:(?:Chinese|Turkish|European|R&D)\s+|"
    + _COUNT_MODIFIER
    + r"){0,3}"
    r"(?P<noun>" + _COUNT_NOUNS + r")\b"
)
_WORD_VALUES = {
    **NUMBER_WORDS,
    "thirty": 30,
    "forty": 40,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_DURATION_RE = re.compile(
    r"(?<![\d.,-])(?P<num>\d{1,3}(?:,\d{3})*|" + _WORD_NUM + r")\s+(?P<unit>days)\b(?!-)"
)
_GROWTH_WORD_RE = re.compile(
    r"\b(?P<verb>doubled|doubling|double|tripled|tripling|triple|quadrupled|quadruple)\b(?!-)"
    r"|\b(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s*(?:-\s*)?(?:times|fold)\s+"
    r"(?=the\b|as\b|higher|more|larger|bigger|that\b|what\b|its\b|their\b|over\b|since\b|from\b)"
)
_FRACTION_RE = re.compile(
    r"\b(?:(?:around|about|roughly|nearly|almost|more than|over|some|just over|just under)\s+)?"
    r"(?P<frac>half|a third|one third|one-third|a quarter|one quarter|one-quarter|two thirds|two-thirds"
    r"|three quarters|three-quarters)\s+of\b"
)
_A_UNIT_AFTER = (
    r"\s+(?:an?|one)\s+(?:inch|foot|mile|yard|metre|meter|kilometre|kilometer|centimetre|centimeter|millimetre"
    r"|millimeter|hour|minute|second|point|percentage point|cent|penny|pound|ounce|gallon|litre|liter|acre"
    r"|hectare|degree|kilogram|gram|ton|tonne)\b"
)
_FRACTIONS = {
    "half": 50,
    "third": 33,
    "quarter": 25,
    "two thirds": 67,
    "two-thirds": 67,
    "three quarters": 75,
    "three-quarters": 75,
}
_GROWTH_VERBS = {"double": 2, "doubled": 2, "doubling": 2, "triple": 3, "tripled": 3, "tripling": 3}
_LARGEST_ONE_RE = re.compile(
    r"(?<!one of )\b(?:the|its|their|[A-ZÇŞĞÜÖİ][\w-]*['’]s)\s+(?:single\s+)?(?:largest|biggest)\b"
    r"(?![- ]ever)"
)
# "an annual capacity of 50 million doses", "will handle 250,000 containers a year"
_GENERIC_CAPACITY_RE = re.compile(
    r"(?P<annual>annual\s+)?(?:production\s+|installed\s+|handling\s+|processing\s+)?capacity\s+of\s+"
    r"(?:(?:about|around|some|nearly|up to|more than|over)\s+)?"
    + _NUM.replace("num", "n1")
    + r"\s?(?P<s1>thousand|million|billion|mln|bln)?\s+(?P<u1>[a-zA-Z][\w-]*)"
    r"(?P<per1>\s+(?:a|per|each)\s+year|\s+annually|/year)?"
    r"|"
    + _NUM.replace("num", "n2")
    + r"\s?(?P<s2>thousand|million|billion|mln|bln)?\s+(?P<u2>[a-z][\w-]*)"
    + r"\s+(?:a|per|each)\s+(?P<per2>year|day)\b"
)
_AREA_RE = re.compile(
    _NUM + r"[\s-]?(?P<unit>square[ -]met(?:re|er)s?|sq\.? m|m2|m²|hectares|square kilomet(?:re|er)s|km2|km²)"
)
_LARGEST_RE = re.compile(
    r"\b(?:(?P<ord>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d{1,2}(?:st|nd|rd|th))[- ]"
    r"(?:largest|biggest|most important)|one of (?:the )?(?:[\w'’]+['’]s?\s+)?(?:top\s+)?"
    r"(?P<n>two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|\d{1,3})\s+(?:largest|biggest|leading"
    r"|top|most\s+[a-z]+)"
    # "one of the top five manufacturers"
    r"|one of (?:the )?(?:[\w'’]+['’]s?\s+)?top\s+(?P<n2>two|three|four|five|six|seven|eight|nine|ten|twenty"
    r"|fifty|\d{1,3}))\b"
)
_JOBS_RE = re.compile(
    r"(?:about\s+|around\s+|some\s+|nearly\s+|up\s+to\s+|over\s+|more\s+than\s+)?"
    + _NUM
    + r"\s?(?P<scale>thousand)?\s+(?:(?:new|direct|indirect|additional|local|permanent|skilled|qualified"
    r"|full-time"
    r"|high-quality|quality|green)\s+)*(?:jobs|employees|workers"
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
    """8.14 × 10⁹ is 8140000000, not the float 8140000000.000001 a reader would see in the record."""
    whole = round(v)
    if abs(v - whole) <= 1e-9 * max(1.0, abs(v)):
        return int(whole)
    return round(v, 6)


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


_EURO_THOUSANDS_RE = re.compile(
    r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d.,]?\d)(?!\s*(?:million|billion|trillion|bn|mn|tn|m|b)\b)"
)
_EURO_DECIMAL_RE = re.compile(r"(?<![\d.,])\d{1,3},\d{1,2}(?![\d,])")
_SPEC_LINE_RE = re.compile(r"^(?:[-*•]\s*)?[A-Z][\w ()/.+-]{0,40}?:\s*\S.*$")


def numbers_view(text: str) -> str:
    """The text with continental number formats in English form, same length: "200.000 vehicles" ->
    "200,000", "6,8 seconds" -> "6.8" (offsets unchanged)."""
    if not re.search(r"\d[.,]\d", text):
        return text
    text = _EURO_THOUSANDS_RE.sub(lambda m: m.group().replace(".", ","), text)
    # a decimal comma only where the text also writes thousands with dots or a comma decimal is certain
    if re.search(r"\d\.\d{3}(?!\d)", text) or re.search(r"\d,\d{1,2}\s*(?:kWh|kW|Wh|%|seconds|s\b|km)", text):
        text = _EURO_DECIMAL_RE.sub(lambda m: m.group().replace(",", "."), text)
    return text


def spec_blocks(text: str) -> list[tuple[int, int]]:
    """Spans of spec tables: three or more consecutive short "Label: value" lines ("Max speed: 160 km/h",
    "Motor: 120 kW") list properties, they state no claim about anyone."""
    blocks: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    for m in re.finditer(r"[^\n]*", text):
        line = m.group()
        label = line.split(":", 1)[0]
        if (
            line
            and len(line) <= 100
            and _SPEC_LINE_RE.match(line)
            and len(label.split()) <= 5
            and re.search(r"\d", line.split(":", 1)[1][:20])
        ):
            run.append((m.start(), m.end()))
            continue
        if not line and run:
            continue  # a blank line inside a table
        if len(run) >= 3:
            blocks.append((run[0][0], run[-1][1]))
        run = []
    if len(run) >= 3:
        blocks.append((run[0][0], run[-1][1]))
    return blocks


def find_claims(ctx: ClaimContext, allowed) -> list[dict]:
    """allowed(start, end) -> bool tells whether a span may carry facts (not a credit or byline)."""
    text = numbers_view(ctx.text)
    tables = spec_blocks(text)
    if tables:
        allowed = _outside_tables(allowed, tables)
    found = _Found(ctx, text)
    for sent in ctx.sentences:
        if not allowed(*sent):
            continue
        chunk = text[sent[0] : sent[1]]
        for rule in _SENTENCE_RULES:
            rule(found, sent, chunk)
    found.claims.sort(key=lambda c: c["evidence"][0])
    return _one_claim_per_figure(found.claims)


def _outside_tables(allowed, tables: list[tuple[int, int]]):
    def outside(s: int, e: int) -> bool:
        return allowed(s, e) and not any(ts <= s < te for ts, te in tables)

    return outside


@dataclass
class _Found:
    """The claims found so far and the spans the rules have taken (later rules skip or respect them)."""

    ctx: ClaimContext
    text: str  # the numbers view of ctx.text, same offsets
    claims: list[dict] = field(default_factory=list)
    used: list[tuple[int, int]] = field(default_factory=list)

    def emit(
        self,
        s: int,
        e: int,
        sentence: tuple[int, int],
        metric: str,
        value,
        unit,
        scope,
        sector_span=None,
        **extra,
    ) -> None:
        if _conditional(self.text, s, e, sentence):
            return
        subj = self.ctx.subject_at(s, sentence[0])
        sec = self.ctx.sector_at(*(sector_span or (s, e)), sentence)
        self.claims.append(
            {
                "subject": subj,
                "text": self.ctx.text[s:e],
                "sector": sec,
                "metric": metric,
                "value": value,
                "unit": unit,
                "scope": scope,
                "evidence": [s, e],
                **extra,
            }
        )

    def is_used(self, s: int, e: int) -> bool:
        return any(us <= s < ue or us < e <= ue for us, ue in self.used)


def _ranks(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _RANK_RE.finditer(chunk):
        s = (
            ss + m.start()
            if not chunk[m.start() :].startswith(("is ", "was ", "became ", "came ", "comes "))
            else ss + m.start("list")
        )
        e = ss + m.end()
        sector_span = (ss + m.start("sector"), e) if m.group("sector") else None
        for item in _RANK_ITEM_RE.finditer(m.group("list")):
            found.emit(
                s,
                e,
                sent,
                "rank",
                _ordinal(item.group("ord")),
                None,
                _scope_name(item.group("scope")),
                sector_span,
            )
        found.used.append((s, e))


def _top_ns(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _TOP_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        n = m.group("n")
        value = int(n) if n.isdigit() else NUMBER_WORDS[n]
        sector_span = (ss + m.start("sector"), e) if m.group("sector") else None
        found.emit(s, e, sent, "rank", value, None, _scope_name(m.group("scope")), sector_span, top=True)
        found.used.append((s, e))


def _speeds(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    previous_speed_end = -10
    for m in _SPEED_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        # "(99 miles per hour)" restates the previous figure
        if s - previous_speed_end <= 3 and found.text[previous_speed_end:s].strip() in {"(", ""}:
            continue
        unit = "km/h" if re.match(r"k", m.group("unit"), re.I) else "mph"
        found.emit(s, e, sent, "speed", _clean_number(_num(m.group("num"))), unit, None)
        previous_speed_end = e
        found.used.append((s, e))


def _amounts(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    previous_money_end = -10
    for m in _MONEY_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if found.text[previous_money_end:s].strip() == "(":
            continue  # "1.5 billion yuan ($210 million)": the same sum restated
        restated = re.search(
            r"(?:\d[\w.,-]*\s*[^\W\d]{0,12}|\))\s*\(\s*(?:(?:approximately|approx\.?|about|around|roughly|some|or"
            r"|equivalent to|nearly)\s+)?$",
            chunk[: m.start()],
        ) or re.search(r"\([^()]*\d[^()]*[;,]\s*$", chunk[: m.start()])
        previous_money_end = e
        if restated:
            continue  # "540bn yen ($5.2bn; £2.77bn)", "Rp 650 billion (approximately $39.9 million)"
        if re.match(
            r"\s*(?:a|per|each|/)\s*(?:share|unit|book|ton|tonne|barrel|kWh|MWh|person|head)\b",
            chunk[m.end() :],
        ):
            continue  # a price, not a claim: "$13 a share", "70 euros per kWh"
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
        if value < 100_000 and not scale:
            continue  # a price or a fee ("$185.25", "a $1,350 signing bonus"), not a claim worth review
        found.emit(s, e, sent, "amount", _clean_number(value), cur, None)
        found.used.append((s, e))


# a move of a market or a company's results ("shares closed up 0.35%", "revenues were up 10% year-on-year",
# "inflation fell below 10%"): news of the day, not a fact about the subject an analyst records
_CHANGE_RE = re.compile(
    r"\b(?:up|down|rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|slid|slide|slides|plunged|plunge"
    r"|plunges|dropped|drop|drops|declined|decline|declines|gained|gains|lost|surged|surge|surges|jumped|jump"
    r"|jumps|climbed|increase|increased|increases|decrease|decreased|growth|grew|average[sd]?|below|above)\b"
)
_MARKET_RE = re.compile(
    r"\b(?:shares?|stocks?|index|indices|prices?|revenues?|sales|profits?|earnings|turnover|circulation|income"
    r"|margins?|valuation|yields?|inflation|economy|economic growth|gdp|[A-Z]{2,5} shares"
    r"|output|production|orders|purchases|demand|money supply|spending|consumption)\b",
    re.IGNORECASE,
)
# "tickets 50% cheaper than", "agreed to pay 30% more": a comparison, not a share of anything
_COMPARISON_AFTER_RE = re.compile(
    r"^\s+(?:more|less|cheaper|higher|lower|faster|slower|smaller|larger|bigger)\b"
)


def _market_move(chunk: str, ps: int, pe: int) -> bool:
    before = chunk[max(0, ps - 90) : ps]
    clause = re.split(r"[;:]|,\s+(?:while|whereas|but|and)\b", before)[-1]
    after = chunk[pe : pe + 30]
    near = chunk[max(0, ps - 40) : ps] + " " + after
    return bool(
        _MARKET_RE.search(clause)
        and (_CHANGE_RE.search(near.lower()) or re.match(r"\s*(?:year-on-year|y-o-y|yoy)\b", after, re.I))
    )


def _percents(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _PERCENT_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if _market_move(chunk, m.start(), m.end()) or _COMPARISON_AFTER_RE.match(chunk[m.end() :]):
            found.used.append((s, e))
            continue
        before = chunk[max(0, m.start() - 40) : m.start()].lower()
        after = chunk[m.end() : m.end() + 40].lower()
        if re.search(
            r"\b(?:increase|increased|rise|rose|grew|growth|growing|grows|up by|jump|jumped|surge|surged"
            r"|expanded|climbed)\b",
            before + after,
        ):
            metric = "growth"
        else:
            metric = "share"
        found.emit(s, e, sent, metric, _clean_number(_num(m.group("num"))), "%", None)
        found.used.append((s, e))


def _generic_capacities(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _GENERIC_CAPACITY_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if found.is_used(s, e):
            continue
        raw, scale, unit = (
            (m.group("n1"), m.group("s1"), m.group("u1"))
            if m.group("n1")
            else (m.group("n2"), m.group("s2"), m.group("u2"))
        )
        if unit.lower() in {"percent", "per", "jobs", "people", "workers", "employees"}:
            continue
        unit = _POWER_UNITS.get(unit.lower(), unit)
        if unit in {"GWh", "MWh", "GW", "MW", "TWh", "kW"} and not (m.group("annual") or m.group("per1")):
            continue  # left to the power rules below
        value = _num(raw) * (SCALE[scale] if scale else 1)
        per_year = bool(m.group("n2") or m.group("annual") or m.group("per1"))
        period = "/day" if m.group("per2") == "day" else ("/yr" if per_year else "")
        found.emit(s, e, sent, "capacity", _clean_number(value), _unit(unit) + period, None)
        found.used.append((s, e))


def _durations(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _DURATION_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if re.search(r"(?:\d|\b(?:" + _WORD_NUM + r"))\s*(?:and|to|or|-|–)\s*$", chunk[: m.start()]):
            continue  # "between 18 and 23 days", "35 to 40 days": a range
        if re.search(r"\bfrom\s+$", chunk[: m.start()]) and re.match(r"\s+to\b", chunk[m.end() :]):
            continue  # "fallen from 15 days to five days": the new figure is the claim
        raw = m.group("num")
        value = _WORD_VALUES.get(raw.lower()) if not raw[0].isdigit() else _num(raw)
        if value is None or value < 1:
            continue
        found.emit(s, e, sent, "duration", _clean_number(value), m.group("unit"), None)
        found.used.append((s, e))


def _growth_words(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _GROWTH_WORD_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if m.group("verb"):
            value = _GROWTH_VERBS.get(m.group("verb").lower(), 4)
        else:
            n = m.group("n")
            value = int(n) if n.isdigit() else NUMBER_WORDS.get(n.lower())
        if not value or value < 2:
            continue
        found.emit(s, e, sent, "growth", value, "times", None)
        found.used.append((s, e))


def _fractions(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _FRACTION_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if re.search(r"\b(?:first|second|latter|other|the)\s+$", chunk[: m.start()]) or re.match(
            r"\s+(?:the\s+)?(?:year|month|decade|century|\d{4})\b", chunk[m.end() :]
        ):
            continue  # "in the second half of the year" is a date, not a share
        if re.match(_A_UNIT_AFTER, chunk[m.end() :]):
            continue  # "three-quarters of an inch": a length, not a share
        frac = m.group("frac")
        value = _FRACTIONS.get(frac) or _FRACTIONS[frac.split()[-1].split("-")[-1]]
        found.emit(s, e, sent, "share", value, "%", None)  # "around half of the modules" -> 50 %
        found.used.append((s, e))


def _largest_ones(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _LARGEST_ONE_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if found.is_used(s, e):
            continue
        found.emit(s, e, sent, "rank", 1, None, None)
        found.used.append((s, e))


def _prefixed_capacities(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _CAPACITY_PREFIX_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        value = _num(m.group("num3")) * (SCALE[m.group("scale3")] if m.group("scale3") else 1)
        unit = m.group("unit3") + ("/yr" if m.group("per3") or "annual" in m.group(0) else "")
        found.emit(s, e, sent, "capacity", _clean_number(value), _unit(unit), None)
        found.used.append((s, e))


def _capacities(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _CAPACITY_RE.finditer(chunk):
        if m.group("unit2"):
            continue
        s, e = ss + m.start(), ss + m.end()
        if found.is_used(s, e):
            continue
        per_year = bool(m.group("per"))
        unit = m.group("unit")
        if unit in ("tonnes", "tons") and (
            not per_year or re.search(r"\b(?:emission|CO2|carbon|reduc|cut|sav|avoid)", chunk, re.I)
        ):
            metric = "volume"  # tonnes of emissions avoided a year are a quantity, not a capacity
        elif unit in ("vehicles", "cars", "units", "batteries") and not per_year:
            continue  # a count, not a capacity ("sold 410,000 vehicles") — left out
        else:
            metric = "capacity"
        value = _num(m.group("num")) * (SCALE[m.group("scale")] if m.group("scale") else 1)
        found.emit(s, e, sent, metric, _clean_number(value), _unit(unit + ("/yr" if per_year else "")), None)
        found.used.append((s, e))


def _largests(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _LARGEST_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if m.group("ord"):
            found.emit(s, e, sent, "rank", _ordinal(m.group("ord")), None, None)
        else:
            n = m.group("n") or m.group("n2")
            found.emit(s, e, sent, "rank", int(n) if n.isdigit() else NUMBER_WORDS[n], None, None, top=True)
        found.used.append((s, e))


def _powers(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _POWER_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if found.is_used(s, e):
            continue
        unit = _POWER_UNITS.get(m.group("unit").lower(), m.group("unit"))
        per = bool(m.group("per")) or bool(
            re.search(r"\bannual\b", chunk[max(0, m.start() - 40) : m.start()])
        )
        found.emit(
            s, e, sent, "capacity", _clean_number(_num(m.group("num"))), unit + ("/yr" if per else ""), None
        )
        found.used.append((s, e))


def _areas(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _AREA_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        unit = {"hectares": "ha"}.get(m.group("unit"), "km2" if "k" in m.group("unit") else "m2")
        if found.is_used(s, e):
            continue
        found.emit(s, e, sent, "area", _clean_number(_num(m.group("num"))), unit, None)
        found.used.append((s, e))


def _jobs(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _JOBS_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if "job" not in m.group(0) and not re.search(
            r"\b(?:employ|hire|create)", chunk[max(0, m.start() - 30) : m.start()]
        ):
            continue
        value = _num(m.group("num")) * (1000 if m.group("scale") else 1)
        found.emit(s, e, sent, "jobs", _clean_number(value), "jobs", None)
        found.used.append((s, e))


_RANKING_NAME_RE = re.compile(r"\b(?:Fortune|S&P|FTSE|Russell|Forbes|Global|Fortune Global|Inc\.)\s+$")


def _counts(found: _Found, sent: tuple[int, int], chunk: str) -> None:
    ss = sent[0]
    for m in _COUNT_RE.finditer(chunk):
        s, e = ss + m.start(), ss + m.end()
        if found.is_used(s, e):
            continue
        raw = m.group("num") or m.group("word")
        if _RANKING_NAME_RE.search(chunk, 0, m.start()):
            continue  # "Fortune 500 companies", "FTSE 100 firms": the name of a list, not a count
        if m.group("word"):
            if re.search(r"\b(?:the|both|these|those|its|their|all|our|his|her)\s+$", chunk[: m.start()]):
                continue  # "the two countries"
            value = float(_WORD_VALUES.get(raw.lower(), 0))
            if value < 10 and not m.group("scale"):
                continue  # "talks with two Turkish companies": a small spelled-out number is description
        else:
            value = _num(raw)
        if m.group("scale") or m.group("glued"):
            value *= SCALE[m.group("scale") or m.group("glued")]  # "1.8m cars", as the Economist writes it
        if (
            value < 2
            or (re.fullmatch(r"(?:19|20)\d\d", raw))
            or re.match(r"\s*(?:percent|%)", chunk[m.end() :])
        ):
            continue
        if re.search(r"(?:\$|€|£|USD|EUR)\s?$", chunk[max(0, m.start() - 5) : m.start()]):
            continue
        if m.group("noun") in {
            "participants",
            "delegates",
            "attendees",
            "visitors",
            "exhibitors",
        } and re.search(r"\b(?:attend\w*|took part|take part|join\w*|participat\w*)\b", chunk):
            continue  # the size of the audience is a detail of the event, not a claim
        if re.search(r"\battended by\b", chunk[: m.start()]):
            continue  # "attended by representatives of more than 80 companies"
        found.emit(s, e, sent, "count", _clean_number(value), m.group("noun"), None)
        found.used.append((s, e))


# in this order: a rule skips the spans that an earlier one took
_SENTENCE_RULES = (
    _ranks,
    _top_ns,
    _speeds,
    _amounts,
    _percents,
    _generic_capacities,
    _durations,
    _growth_words,
    _fractions,
    _largest_ones,
    _prefixed_capacities,
    _capacities,
    _largests,
    _powers,
    _areas,
    _jobs,
    _counts,
)


def _one_claim_per_figure(claims: list[dict]) -> list[dict]:
    """The same figure told twice (headline and body) is one claim."""
    seen: set[tuple] = set()
    unique = []
    for claim in claims:
        key = (claim["metric"], claim["value"], (claim["unit"] or "").split("/")[0], claim["scope"])
        if claim["metric"] == "rank" and claim["value"] == 1:
            key += (claim["subject"],)  # "its largest warehouse" and "Türkiye's largest source" differ
        if key in seen:
            continue
        seen.add(key)
        unique.append(claim)
    return unique


def _unit(unit: str) -> str:
    base, _, per = unit.partition("/")
    base = {"cars": "vehicles", "tons": "tonnes"}.get(base, base)
    return f"{base}/yr" if per else base


def _conditional(text: str, s: int, e: int, sentence: tuple[int, int]) -> bool:
    """ "could attract up to $5 billion ... if the talks succeed": a potential, not a claim."""
    before = text[sentence[0] : s]
    after = text[e : sentence[1]]
    return bool(re.search(r"\b(?:could|might|would)\b", before) and re.search(r"\bif\b|\bunless\b", after))
