"""Entity mentions: organisations, people, places and countries, from gazetteers, titles and spaCy NER.

Gazetteers (general knowledge) give canonical names, kinds and countries; spaCy finds the names that no
list can hold. Where the two disagree, the gazetteer wins ("Togg" is a company, whatever NER says).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .coref import span_key
from .gazetteer import Gazetteer, Org, fold
from .nlp import english_word
from .zones import Zones

# ------------------------------------------------------------------------------------------------ records


@dataclass
class OrgRec:
    name: str
    kind: str
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)
    known: bool = False
    shaped: bool = False  # its own name says it is an organisation ("... A.Ş.", "... Power"): never a person

    @property
    def first(self) -> int:
        return min((s for s, _ in self.mentions), default=10**12)


@dataclass
class PlaceRec:
    name: str
    country: str | None
    mentions: list[tuple[int, int]] = field(default_factory=list)
    surfaces: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(s for s, _ in self.mentions)


# ------------------------------------------------------------------------------------------------ helpers

_ORG_KIND_WORDS: list[tuple[str, re.Pattern]] = [
    (
        "government",
        re.compile(
            r"\b(?:Ministry|Ministries|Presidency|Government|Cabinet|Parliament|Assembly|"
            r"Directorate|Municipality|Governorship|Embassy|Consulate|Commission|Council|"
            r"Department|Administration|State Council)\b"
        ),
    ),
    (
        "research",
        re.compile(
            r"\b(?:University|Institute|Academy|Laborator(?:y|ies)|Research|Science Park|"
            r"Technopark|Teknopark|Center for|Centre for|Think Tank|Forum|Insight|Insights|Analytics"
            r"|Economics|Intelligence)\b"
        ),
    ),
    (
        "media",
        re.compile(
            r"\b(?:News|Agency News|Times|Daily|Post|Television|TV|Radio|Wire|Press|Gazette|"
            r"Herald|Tribune|Journal|Broadcasting)\b"
        ),
    ),
    ("agency", re.compile(r"\b(?:Agency|Authority|Office|Bureau|Board|Service|Fund|Development Bank)\b")),
    (
        "international",
        re.compile(
            r"\b(?:United Nations|International|World|Union|Organi[sz]ation of|"
            r"Association of)\b"
        ),
    ),
    (
        "company",
        re.compile(
            r"\b(?:Co\.|Company|Corp\.?|Corporation|Inc\.?|Ltd\.?|Limited|LLC|GmbH|AG|A\.Ş\.|"
            r"AŞ|Group|Holding|Holdings|Motors?|Motor Co|Automotive|Energy|Technolog(?:y|ies)|"
            r"Electric|Electronics|Industries|Industry|Systems|Solutions|Pharma|Pharmaceuticals?|"
            r"Biotech|Airlines|Bank|Telecom|Power|Solar|Battery|Batteries|New Energy|Railway|"
            r"Rail|Logistics|Shipping|Steel|Chemicals?|Mining|Cargo|Stock Exchange|Exchange|Medikal"
            r"|Teknoloji|"
            r"Otomotiv|Enerji|Sanayi|Ticaret|Holding|Biotechnology|Medical|Semiconductors?|Airways|^Air"
            # trades that name companies in business copy ("Reliance Retail", "Dunmore Bakeries")
            r"|Retail|Foods|Bakeries|Stores|Breweries|Brewery|Insurance|Petroleum|Textiles|Cement"
            r"|Beverages|Entertainment|Studios|Hotels|Resorts|Properties|Realty|Brands|Shipbuilding)\b"
        ),
    ),
]
_ORG_STOP = {
    # a company's departments and a release's contact-block heads: parts of a title or a contact line
    *("Global Affairs", "Public Affairs", "Corporate Affairs", "Operations", "Communications", "Marketing"),
    *("Human Resources", "Corporate Services", "Investor Relations", "Media Relations", "Media Inquiries"),
    *("Media Contact", "Media Contacts", "Press Contact", "Press Inquiries", "Countries", "Governments"),
    "Parliament",
    "Government",
    "Cabinet",
    "Ministry",
    "Embassy",
    "Consulate",
    "Press",
    "Photo",
    "AP Photo",
    "Reuters Photo",
    "State",
    "Congress",
    "Senate",
    "Council",
    "Group",
    "Company",
    "Agency",
    "Office",
    "MoU",
    "MoUs",
    "MOU",
    "Memorandum",
    "Customs Union",
    "Media",
    "Contact",
    "Press Office",
    "Memorandum of Understanding",
    "R&D",
    "Press Release",
    "Newsletter",
}
_EVENT_LIKE_RE = re.compile(
    r"\b(?:Fair|Expo|Summit|Conference|Exhibition|Congress|Week|Festival|Games|Olympics|"
    r"Workshop|Symposium|Initiative|Corridor|Programme|Program|Plan|Strategy|Call|Treaty|Convention|"
    r"Business Forum|Investment Forum|Economic Forum|Trade Forum|Cooperation Forum|Energy Forum|"
    r"Power Plant|Nuclear Plant)\b|^(?:Minister|Deputy|Vice|President|"
    r"Ambassador|Chairman|Non-)\b|^[A-Z][a-z]+ of$"
)
_REGIONS = {
    "Europe",
    "Asia",
    "Africa",
    "America",
    "Americas",
    "Latin America",
    "North America",
    "South America",
    "Middle East",
    "the Middle East",
    "Eurasia",
    "North Africa",
    "West Africa",
    "East Africa",
    "Southern Africa",
    "Sub-Saharan Africa",
    "Central Europe",
    "Southern Europe",
    "Northern Europe",
    "Southeast Europe",
    "South Caucasus",
    "Western Balkans",
    "the Western Balkans",
    "Levant",
    "the Levant",
    "MENA",
    "Scandinavia",
    "Nordics",
    "Persian Gulf",
    "Gulf region",
    "Central and Eastern Europe",
    "Latin America and the Caribbean",
    "Belt and Road",
    "Central Asia",
    "East Asia",
    "South Asia",
    "Southeast Asia",
    "Balkans",
    "the Balkans",
    "Caucasus",
    "the Caucasus",
    "Gulf",
    "the Gulf",
    "West",
    "the West",
    "Global South",
    "Asia-Pacific",
    "Asia Pacific",
    "Mediterranean",
    "the Mediterranean",
    "Western Europe",
    "Eastern Europe",
    "world",
    "World",
    "Earth",
    "EU",
    "Anatolia",
    "Indo-Pacific",
    "Arctic",
    "Antarctica",
    "Oceania",
}
_DOMAINISH = {
    "Transport",
    "Industry",
    "Trade",
    "Energy",
    "Science",
    "Health",
    "Foreign",
    "Commerce",
    "Finance",
    "Agriculture",
    "Education",
    "Environment",
    "Interior",
    "Justice",
    "Defence",
    "Defense",
    "Culture",
}
_GENERIC_FIRST_TOKENS = {
    "China",
    "Chinese",
    "Turkish",
    "Türkiye",
    "Turkey",
    "National",
    "State",
    "Ministry",
    "The",
    "New",
    "International",
    "World",
    "European",
    "General",
    "Republic",
    "People's",
    "Central",
    "Global",
    "Asian",
    "United",
    "Bank",
    "University",
    "Institute",
    "Shenzhen",
    "Shanghai",
    "Beijing",
    "Istanbul",
    "Ankara",
}


def org_kind(name: str) -> str:
    if name.isupper() and len(name) <= 6:
        return "other"
    for kind, pattern in _ORG_KIND_WORDS:
        if pattern.search(name):
            return kind
    return "other"


# Han, kana, hangul and their full-width punctuation. In a bilingual page (an English paragraph, then its
# Chinese translation) the English tagger runs a Latin name on into the next script:
# "Harrison Chase，LangChain", "Vercel 和 Sitecore", "MCP 集成，可将…".
_CJK_RUN_RE = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uff00-\uffef]+")


def _latin_part(chunk: str) -> tuple[int, int] | None:
    """The first stretch of a span between runs of CJK script that holds a Latin letter, trimmed of spaces;
    None when the span holds no CJK character or no Latin stretch (a name written in Chinese stays whole)."""
    if not _CJK_RUN_RE.search(chunk):
        return None
    begin = 0
    for run in [*_CJK_RUN_RE.finditer(chunk), None]:
        stop = run.start() if run else len(chunk)
        part = chunk[begin:stop]
        if re.search(r"[A-Za-z]", part):
            lead = len(part) - len(part.lstrip())
            return begin + lead, begin + len(part.rstrip())
        begin = run.end() if run else stop
    return None


def clean_entity_text(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article, trailing possessive and punctuation from an NER span."""
    s, e = start, end
    chunk = text[s:e]
    latin = _latin_part(chunk)
    if latin is not None:
        s, e = s + latin[0], s + latin[1]
        chunk = text[s:e]
    paren = chunk.find(" (")
    if paren > 0:
        e = s + paren
        chunk = chunk[:paren]
    based = re.match(r"(?:[\w'’-]+-based|[\w'’-]+-headquartered)\s+", chunk)
    if based:
        s += based.end()
        chunk = chunk[based.end() :]
    for article in ("the ", "The "):
        if chunk.startswith(article):
            s += len(article)
            chunk = chunk[len(article) :]
    for suffix in ("'s", "’s", "'", "’"):
        if chunk.endswith(suffix):
            e -= len(suffix)
            chunk = chunk[: -len(suffix)]
    while chunk and chunk[-1] in ',.;:-–—"“”()\\*_':
        if chunk.endswith(".") and re.search(r"\b(?:Co|Ltd|Inc|Corp|[A-Z])\.$", chunk):
            break
        e -= 1
        chunk = chunk[:-1]
    while chunk and chunk[0] in '"“”(-–—\\*_':
        s += 1
        chunk = chunk[1:]
    return s, e


# A full stop after a word of two or more lower-case letters ends a sentence unless the word is a common
# abbreviation; a capitalised run after it begins a new name.
_SENTENCE_BREAK_RE = re.compile(r"\b([A-Za-z][a-z]+)[.!?]\s+(?:(?:The|A|An)\s+)?(?=[A-Z0-9])")
_ABBREVIATIONS = frozenset(
    {
        "Corp",
        "Inc",
        "Ltd",
        "Co",
        "Cos",
        "Bros",
        "Mfg",
        "Intl",
        "Pty",
        "Plc",
        "Gov",
        "Govt",
        "Sen",
        "Rep",
        "Dept",
        "Univ",
        "Assn",
        "Ave",
        "Blvd",
        "Capt",
        "Col",
        "Gen",
        "Lt",
        "Messrs",
        "Prof",
        "Dr",
        "Jr",
        "Sr",
        "Mr",
        "Mrs",
        "Ms",
        "No",
        "Nos",
        "vs",
        "Est",
        "Hon",
        "Rev",
        "Fig",
        "Vol",
        "Nat",
        "Int",
        "Ind",
        "Mt",
        "St",
        "Ft",
    }
)


def after_sentence_break(text: str, s: int, e: int) -> int:
    """Where a name should start when the span [s, e) runs across a sentence break: after the last one."""
    start = s
    for m in _SENTENCE_BREAK_RE.finditer(text, s, e):
        if m.group(1) not in _ABBREVIATIONS and m.end() < e:
            start = m.end()
    return start


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ------------------------------------------------------------------------------------------------ orgs


def find_orgs(text: str, ents, gaz: Gazetteer, zones: Zones, person_like: set[str]) -> dict[str, OrgRec]:
    """Organisations keyed by canonical name, mentions in text order."""
    orgs = _OrgFinder(text, gaz, zones, person_like)
    _gazetteer_orgs(orgs)
    _credit_line_orgs(orgs)
    _sign_off_orgs(orgs)
    _wire_service_orgs(orgs)
    _glued_contact_orgs(orgs)
    _company_shaped_orgs(orgs)
    _domain_named_orgs(orgs)
    for ent in ents:
        _ner_org(orgs, ent)
    _company_noun_orgs(orgs)
    _appositive_company_orgs(orgs)
    _org_word_names(orgs)
    _capitalised_ministries(orgs)
    _lower_case_governments(orgs)
    _parenthetical_aliases(orgs)
    _list_mates(orgs)
    _institutional_prefixes(orgs)
    found, taken = orgs.found, orgs.taken
    _merge_adjacent(text, found)
    _merge_org_variants(found)
    _merge_shortened_last_words(found)
    _canonical_company_names(found)
    _single_token_aliases(text, found, taken, gaz)
    _strip_country_suffix(found, gaz)
    _link_short_forms(text, found)
    _merge_shared_names(found)
    _more_mentions(text, found)
    return found


# words that open an institution's name though NER leaves them out: "the People's Bank of China", "the
# President's Export Council", "the 7th U.S. Circuit Court of Appeals"
_INSTITUTIONAL_PREFIX_RE = re.compile(
    r"(?:\b(?:People|President|Workers|Women|Children|Farmers|Veterans|Citizens)(?:['’]s?|s['’]) "
    r"|\b\d{1,2}(?:st|nd|rd|th) )$"
)


def _institutional_prefixes(orgs: _OrgFinder) -> None:
    text, found = orgs.text, orgs.found
    for rec in list(found.values()):
        if rec.name not in found or not rec.name[:1].isupper():
            continue
        if "Court" not in rec.name and not re.search(r"\b(?:" + _ORG_WORDS + r")\b", rec.name):
            continue
        mentions = []
        for ms, me in rec.mentions:
            m = _INSTITUTIONAL_PREFIX_RE.search(text, max(0, ms - 12), ms)
            if m and m.group(0)[:1].isdigit() != ("Court" in rec.name):
                m = None  # an ordinal opens a court's name only ("7th Circuit Court"), not "3rd Bank"
            mentions.append((m.start() if m else ms, me))
        if mentions == rec.mentions:
            continue
        s, e = next((ms, me) for (ms, me), old in zip(mentions, rec.mentions, strict=True) if (ms, me) != old)
        name = text[s:e]
        for old, new in zip(rec.mentions, mentions, strict=True):
            if old in orgs.taken and old != new:
                orgs.taken[orgs.taken.index(old)] = new
        rec.mentions = mentions
        if name in found and found[name] is not rec:
            _absorb_org(found[name], found.pop(rec.name))
            continue
        found.pop(rec.name)
        rec.surfaces = [sf for sf in rec.surfaces if sf != rec.name]
        rec.name = name
        rec.known = False  # "Bank of China" is known, "People's Bank of China" another body
        found[name] = rec


_PLACE_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "U.A.E.", "U.S.A.", "P.R.C.", "D.C."})
_INITIALS_BEFORE_RE = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,3} ?$")


@dataclass
class _OrgFinder:
    """The organisations found so far and the spans they took; each finder below adds to them."""

    text: str
    gaz: Gazetteer
    zones: Zones
    person_like: set[str]
    found: dict[str, OrgRec] = field(default_factory=dict)
    taken: list[tuple[int, int]] = field(default_factory=list)

    def add(self, org_name: str, kind: str, country: str | None, s: int, e: int, known: bool) -> None:
        if org_name == self.text[s:e] and org_name != org_name.strip():
            s, e = s + len(org_name) - len(org_name.lstrip()), e - len(org_name) + len(org_name.rstrip())
            org_name = self.text[s:e]  # a span cut before a dropped word keeps no space at its end
            if not org_name or (not known and org_name in self.gaz.country_names):
                return  # "Saudi Arabia Visit", a heading, cut before its last word
        if not known and self.zones.contains(s, e):
            return  # "Media contact: Zhengyuan Motors International Communications"
        if not known and org_name == self.text[s:e]:
            s = after_sentence_break(
                self.text, s, e
            )  # "... a plant in Pune. The Sino-Varnian Chamber of Commerce"
            org_name = self.text[s:e]
            if len(org_name) < 2:
                return
        lead = _INITIALS_BEFORE_RE.search(self.text, max(0, s - 12), s)
        if (
            lead
            and not known
            and org_name == self.text[s:e]
            and lead.group().strip() not in _PLACE_INITIALS
            and lead.group().strip().replace(".", "") not in self.gaz.country_names
            and not self.is_taken((lead.start(), s))
        ):
            s = lead.start()  # "J.P. Morgan Securities": NER cuts the initials of the founder's name
            org_name = self.text[s:e]
        rec = self.found.get(org_name)
        if rec is None:
            rec = self.found[org_name] = OrgRec(org_name, kind, country, known=known)
        if (s, e) not in rec.mentions:
            rec.mentions.append((s, e))
            surface = self.text[s:e]
            if surface != org_name and surface not in rec.surfaces:
                rec.surfaces.append(surface)
        self.taken.append((s, e))

    def is_taken(self, span: tuple[int, int]) -> bool:
        return any(overlaps(span, t) for t in self.taken)

    def plausible(self, surface: str) -> bool:
        return _plausible_org(surface, self.gaz, self.person_like)


def _gazetteer_orgs(orgs: _OrgFinder) -> None:
    for m in orgs.gaz.org_re.finditer(orgs.text):
        org = orgs.gaz.orgs[m.group()]
        orgs.add(org.name, org.kind, org.country, m.start(), m.end(), True)


def _credit_line_orgs(orgs: _OrgFinder) -> None:
    for s, _e, surface in orgs.zones.credit_names:
        for part_m in re.finditer(r"[^,;/&]+", surface):
            part = part_m.group().strip()
            org = orgs.gaz.credit_orgs.get(part)
            ps = s + part_m.start() + part_m.group().find(part)
            if org and not orgs.is_taken((ps, ps + len(part))):
                orgs.add(org.name, org.kind, org.country, ps, ps + len(part), True)


# "... for the rail projects. REUTERS": an agency's name in capitals signing off a paragraph
_SIGN_OFF_RE = re.compile(r"(?<=[.!?”\"] )(?P<name>[A-Z]{2,}(?: [A-Z]{2,})?)[ \t]*$", re.MULTILINE)


def _sign_off_orgs(orgs: _OrgFinder) -> None:
    for m in _SIGN_OFF_RE.finditer(orgs.text):
        word = m.group("name")
        org = orgs.gaz.orgs.get(word) or orgs.gaz.orgs.get(word.title()) or orgs.gaz.credit_orgs.get(word)
        if org is not None and org.kind == "media" and not orgs.is_taken((m.start("name"), m.end("name"))):
            orgs.add(org.name, org.kind, org.country, m.start("name"), m.end("name"), True)


# the service that carried a release or the site that re-posted it: "CARMEL, Ind.–(BUSINESS WIRE)–Acme",
# "DENVER, CO - (NewsWire Nine) - May 2, 2024 -", a line "--News Direct--", a feed's closing line "The post
# <headline> appeared first on citybiz." (the words of every blog feed)
_WIRE_SERVICE_RES = (
    re.compile(
        r"^[A-Z][^\n()]{1,80}?[ \t]*(?:-{1,2}|–|—)[ \t]*"
        r"\((?P<name>[A-Za-z0-9][^():\n]{1,40}?)\)[ \t]*(?:-{1,2}|–|—)",
        re.MULTILINE,
    ),
    re.compile(r"^[ \t]*-{2}(?P<name>[A-Za-z0-9][\w.&' -]{1,40}?)-{2}[ \t]*$", re.MULTILINE),
    re.compile(r"\bappeared first on (?P<name>[\w][\w.&'’ -]{0,40}?)\.?[ \t]*$", re.MULTILINE),
)


def _wire_service_orgs(orgs: _OrgFinder) -> None:
    text = orgs.text
    for pattern in _WIRE_SERVICE_RES:
        for m in pattern.finditer(text):
            s, e = m.span("name")
            name = text[s:e].strip()
            s += text[s:e].find(name)
            e = s + len(name)
            if (
                orgs.is_taken((s, e))
                or name in orgs.gaz.country_names
                or name in orgs.gaz.places
                or not re.search(r"[A-Za-z]{2}", name)
            ):
                continue
            known = orgs.gaz.org_folded.get(fold(name))
            if known is not None:
                orgs.add(known.name, known.kind, known.country, s, e, True)
                continue
            orgs.add(name, "media", None, s, e, False)
            if name in orgs.found:
                orgs.found[name].shaped = True  # a service's name, not a dateline's place


# a release's contact block whose label a page ran into the name: "Contact DetailsBenzinga", "Investor
# Relations ContactAcme Inc.1680 Main Street"
_GLUED_CONTACT_RE = re.compile(
    r"\bContact(?: Details| Information| Info)?"
    r"(?P<name>[A-Z][A-Za-z&'’-]*\.?(?:[ \t]+[A-Z][A-Za-z&'’-]*\.?){0,3})"
)


def _glued_contact_orgs(orgs: _OrgFinder) -> None:
    """The body named right after a contact block's label printed without a space, unless it may be a
    person or is an office ("Contact DetailsJane Roe", "Contact DetailsSecretary of the Board")."""
    for m in _GLUED_CONTACT_RE.finditer(orgs.text):
        name = m.group("name").rstrip()
        s = m.start("name")
        e = s + len(name)
        if name.endswith(".") and not _LEGAL_FORM_END_RE.search(name):
            name, e = name[:-1], e - 1
        if (
            name in orgs.person_like
            or name.split()[0] in _TITLE_HEAD_WORDS
            # one word, a legal form or a body's word: two bare words may be a person's name
            or not (len(name.split()) == 1 or _LEGAL_FORM_END_RE.search(name) or org_kind(name) != "other")
            or not orgs.plausible(name)
            or orgs.is_taken((s, e))
        ):
            continue
        orgs.add(name, org_kind(name), None, s, e, True)


# a business named by its web address, in running text: "Scour.net", "Epicurious.com", "ADVANCE.AI"; not an
# address to visit ("www.acme.com", "visit Acme.com") nor one in a mail address or a link
_DOMAIN_NAME_RE = re.compile(
    r"(?<![\w.@/:-])(?<!www\.)(?<!visit )(?<!Visit )(?P<name>[A-Z][\w-]*[a-z][\w-]*\.(?:com|net|ai|io)"
    r"|[A-Z][A-Z0-9-]{2,}\.AI)(?![\w/@-]|\.\w)"
)


def _domain_named_orgs(orgs: _OrgFinder) -> None:
    for m in _DOMAIN_NAME_RE.finditer(orgs.text):
        s, e = m.span("name")
        if orgs.is_taken((s, e)):
            continue
        orgs.add(m.group("name"), "company", None, s, e, False)
        orgs.found[m.group("name")].shaped = True


# the legal forms a company's name ends in, with their point ("Kestrel Ltd.") and, below, with or without it
_LEGAL_FORM_WORDS = r"\b(?:Inc|Ltd|Corp|Co|Plc|LLC|S\.A|N\.V)"
_LEGAL_FORM_END_RE = re.compile(_LEGAL_FORM_WORDS + r"\.$")
_TITLE_HEAD_WORDS = frozenset({"Secretary", "Director", "Manager", "Head", "Chief", "President", "Officer"})


def _company_shaped_orgs(orgs: _OrgFinder) -> None:
    """Names that carry a legal form or a company word: "Karadeniz Elektrik A.Ş.", "Huineng Power Technology
    Co., Ltd.", "Xingyuan New Energy" — whatever NER thinks (it often takes them for people)."""
    text, gaz, found, taken = orgs.text, orgs.gaz, orgs.found, orgs.taken
    legal = [(m, True) for m in _LEGAL_FORM_RE.finditer(text)]
    for m, is_legal in [*legal, *((m, False) for m in _COMPANY_SHAPE_RE.finditer(text))]:
        if not is_legal and re.search(r"\b(?:of|for)\s+$", text[max(0, m.start() - 6) : m.start()]):
            continue  # "Fraunhofer Institute for Biomedical Engineering": the tail of a longer name
        span = _trim_company(text, m.start(), m.end(), gaz, keep_places=is_legal, legal=is_legal)
        if span is None or re.match(r"\s+(?:Plant|Plants|Station|Project|Reactor|Unit)\b", text[m.end() :]):
            continue  # "Akkuyu Nuclear Power Plant" is a facility
        if not is_legal and _PORTFOLIO_AFTER_RE.match(text, m.end()):
            continue  # "West German Economics Minister", "Mining Secretary": a portfolio in a title
        s, e = span = _after_acronym_and(text, *span)
        if not is_legal and text.startswith(" with ", e) and text[s:e].endswith(" Partners"):
            # "Funding Souq Partners with Kafala": the headline's verb, not the company's word
            s, e = span = (s, e - len(" Partners"))
            if len(text[s:e].split()) < 2 and not orgs.is_taken(span):
                if orgs.plausible(text[s:e]):
                    orgs.add(text[s:e], "company", _org_country(text, s, text[s:e], gaz), s, e, False)
                continue
        of_country = _OF_COUNTRY_AFTER_FORM_RE.match(text, e) if is_legal else None
        if (
            of_country
            and re.search(r"\b(?:Corp|Co|Inc)\.$", text[s:e])
            and (of_country.group(1) == "America" or of_country.group(1) in gaz.country_names)
        ):
            e = of_country.end()  # "Neighborhood Assistance Corp. of America": the country is in the name
            span = (s, e)
        joined = _NATIONAL_AFTER_AND_RE.search(text, s, e)
        if joined and (joined.group(1) in gaz.demonyms or joined.group(1) in gaz.country_names):
            # "Korean Air Lines and German Shell AG": a nationality after "and" begins a second company
            span = _trim_company(text, joined.end(1) - len(joined.group(1)), e, gaz)
            if span is None:
                continue
            s, e = span
        clash = [t for t in taken if overlaps(span, t)]
        if clash:
            swallowed = [
                (rec, t)
                for t in clash
                for rec in found.values()
                if t in rec.mentions and text[t[0] : t[1]] != rec.name and s <= t[0] and t[1] < e
            ]
            if len(swallowed) != len(clash):
                continue
            for rec, t in swallowed:  # a short alias ("Anadolu") inside a longer company name
                rec.mentions.remove(t)
                taken.remove(t)
                if not rec.mentions:
                    del found[rec.name]
        surface = text[s:e]
        if not orgs.plausible(surface):
            continue
        kind = org_kind(surface)
        orgs.add(
            surface, kind if kind != "other" else "company", _org_country(text, s, surface, gaz), s, e, False
        )
        if surface in found:
            found[surface].shaped = True


_PORTFOLIO_AFTER_RE = re.compile(
    r"(?:\s+(?:and|&)\s+[A-Z][a-z]+)?\s+(?:Minister|Ministry|Secretary|Commissioner)\b"
)
_OF_COUNTRY_AFTER_FORM_RE = re.compile(r"[ \t]+of[ \t]+((?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)\b")
_ACRONYM_AND_RE = re.compile(r"\b[A-Z][A-Z0-9]{1,5} (?:and|&) ")
_NATIONAL_AFTER_AND_RE = re.compile(r" (?:and|&) ([A-Z][a-z]+)\b")


def _after_acronym_and(text: str, s: int, e: int) -> tuple[int, int]:
    """ "BASF and Bayer AG" is two companies: a name is not joined to an acronym before "and" ("Marks and
    Spencer", "Procter & Gamble" are joined words, not an acronym and a second name)."""
    last = None
    for m in _ACRONYM_AND_RE.finditer(text, s, e):
        last = m
    return (last.end(), e) if last and last.end() < e else (s, e)


# what follows a name NER cut inside its company form: "Co" + "., Ltd.", "Co" + ".,Ltd", "Co" + "., "
_CUT_COMPANY_FORM_RE = re.compile(r"\.?,\s*Ltd|\.,|\.\s*Ltd")


def _ner_org(orgs: _OrgFinder, ent) -> None:
    text, gaz = orgs.text, orgs.gaz
    if ent.label_ not in ("ORG", "FAC", "NORP", "PERSON", "GPE"):
        return
    s, e = clean_entity_text(text, ent.start_char, ent.end_char)
    if e <= s:
        return
    poss = re.match(r"([\w-]+)['’]s\s+", text[s:e])
    if poss and (poss.group(1) in gaz.country_names or poss.group(1) in gaz.places):
        s += poss.end()  # "Türkiye's Customs Union", "China's BYD"
    s, e = _tidy_org_span(text, s, e, gaz)
    surface = text[s:e]
    if text[max(0, s - 2) : s] == ": " and text[e : e + 1] == ")":
        return  # a stock ticker: "(Borsa Istanbul: MRMTK)"
    inner = [t for t in orgs.taken if overlaps((s, e), t)]
    if inner and _ner_longer_legal_name(orgs, ent, s, e, inner):
        return
    if inner:
        _ner_subsidiary(orgs, ent, s, e, inner)
        return
    known = gaz.org_folded.get(fold(surface))
    if known is not None:
        orgs.add(known.name, known.kind, known.country, s, e, True)
        return
    if ent.label_ == "PERSON" and len(surface.split()) >= 2 and org_kind(surface) in {"company", "research"}:
        pass  # "Huaxin Biotech" tagged as a person
    elif ent.label_ not in ("ORG", "FAC"):
        return
    if ent.label_ == "FAC" and not re.search(r"\b(?:Park|Exchange)\b", surface):
        return  # airports, ports and zones are places or facilities, not organisations
    if surface.split()[-1] in {"Co", "Ltd"} and _CUT_COMPANY_FORM_RE.match(text, e):
        return  # "Zhengyuan Motors Co" cut from "Co., Ltd.": the company-shaped finder reads the whole name
    if not orgs.plausible(surface):
        return
    orgs.add(surface, org_kind(surface), _org_country(text, s, surface, gaz), s, e, False)


# a person's office before "of" ("Founder of Ceres Robotics Inc."): no part of a company's name
_OFFICE_WORDS = frozenset(
    {"founder", "co-founder", "cofounder", "chairman", "chairwoman", "chair", "president", "director", "head"}
    | {"chief", "officer", "executive", "manager", "member", "partner", "secretary", "minister", "professor"}
    | {"analyst", "fellow", "editor", "governor", "ceo", "owner", "vice", "leader", "principal", "counsel"}
)
# a legal form ending a name, with or without its point ("Grid Co", "Texaco Inc")
_LEGAL_FORM_NAME_END_RE = re.compile(_LEGAL_FORM_WORDS + r"\.?$")
_LEGAL_NAME_TAIL_RE = re.compile(r"(?: [A-Z][\w'’-]*)* (?:Inc|Ltd|Corp|Co|Plc|LLC)\.?")
# what may stand before a legal form's name inside it: capitalised words, initials, "of", "and", "&", commas
_LEGAL_NAME_LEAD_RE = re.compile(r"(?:(?:[A-Z][\w'’-]*|[A-Z]\.)(?:,? (?:of |and |& )?|-))+")


def _ner_longer_legal_name(orgs: _OrgFinder, ent, s: int, e: int, inner: list[tuple[int, int]]) -> bool:
    """ "General Mills Inc.", "Tree of Life Inc.", "Bear, Stearns & Co.", "George K. Baum & Co.": the
    legal-form finder kept only the words next to the form (it drops generic first words, stops at "of",
    commas and initials); NER read the whole name, ending where the form ends — the name is NER's."""
    text, gaz = orgs.text, orgs.gaz
    if ent.label_ not in ("ORG", "PERSON") or len(inner) != 1 or not (s <= inner[0][0] and inner[0][1] <= e):
        return False
    rec = next((r for r in orgs.found.values() if inner[0] in r.mentions), None)
    if rec is None or rec.known or not rec.shaped or not _LEGAL_FORM_NAME_END_RE.search(text[s:e]):
        return False
    lead, tail = text[s : inner[0][0]], text[inner[0][1] : e]
    if (not lead and not tail) or (tail and not _LEGAL_NAME_TAIL_RE.fullmatch(tail)):
        return False  # "China Southern Power Grid Co": the words after a company word, then the form
    first = (lead or text[s:e]).split()[0].rstrip(",")
    if (
        (lead and not _LEGAL_NAME_LEAD_RE.fullmatch(lead))
        or any(w.lower().rstrip(",") in _OFFICE_WORDS for w in lead.split())
        or "\n" in text[s:e]
        or first in _SHAPE_STOP
        or first in _TITLE_HEAD_WORDS
        or first in gaz.demonyms  # "Turkish Acme A.Ş.": a descriptor (a country's name may open a name)
        or re.search(r"['’]s\b", lead)
        or not orgs.plausible(text[s:e])
    ):
        return False
    rec.mentions.remove(inner[0])
    orgs.taken.remove(inner[0])
    if not rec.mentions:
        del orgs.found[rec.name]
    surface = text[s:e]
    orgs.add(surface, "company", _org_country(text, s, surface, gaz), s, e, False)
    orgs.found[surface].shaped = True
    return True


def _ner_subsidiary(orgs: _OrgFinder, ent, s: int, e: int, inner: list[tuple[int, int]]) -> None:
    """ "CRRC Zhuzhou Locomotive" contains the known "CRRC": a subsidiary is its own organisation."""
    text = orgs.text
    surface = text[s:e]
    if not (
        ent.label_ == "ORG"
        and len(inner) == 1
        and s <= inner[0][0]
        and inner[0][1] <= e
        and (e - s) > (inner[0][1] - inner[0][0])
        and " and " not in surface
        and re.match(r"\s+[A-Z]", text[inner[0][1] : e])
        and inner[0][0] == s
    ):
        return
    if not orgs.plausible(surface):
        return
    parent = next(rec for rec in orgs.found.values() if inner[0] in rec.mentions)
    parent.mentions.remove(inner[0])
    orgs.taken.remove(inner[0])
    if not parent.mentions:
        del orgs.found[parent.name]
    orgs.add(
        surface,
        org_kind(surface) if org_kind(surface) != "other" else parent.kind,
        parent.country,
        s,
        e,
        False,
    )


def _appositive_company_orgs(orgs: _OrgFinder) -> None:
    text, gaz = orgs.text, orgs.gaz
    for m in _APPOSITIVE_COMPANY_RE.finditer(text):
        s, e = clean_entity_text(text, m.start("name"), m.end("name"))
        surface = text[s:e]
        if (
            not surface
            or orgs.is_taken((s, e))
            or surface.split()[0] in _SHAPE_STOP
            or surface in gaz.country_names
            or surface in gaz.demonyms
            or not orgs.plausible(surface)
        ):
            continue
        orgs.add(surface, "company", _org_country(text, s, surface, gaz), s, e, False)
        orgs.found[surface].shaped = True


def _company_noun_orgs(orgs: _OrgFinder) -> None:
    """ "the research firm Datameter", "telecom operator Turkcell": a company noun right before a name."""
    text, gaz = orgs.text, orgs.gaz
    for m in _COMPANY_NOUN_NAME_RE.finditer(text):
        s, e = m.start("name"), m.end("name")
        s, e = clean_entity_text(text, s, e)
        surface = text[s:e]
        first = surface.split()[0] if surface.split() else ""
        if (
            not surface
            or orgs.is_taken((s, e))
            or first in _SHAPE_STOP
            or first in gaz.demonyms
            or surface in gaz.places
            or surface in gaz.country_names
            or re.match(
                r"(?:Chairman|Chairwoman|President|CEO|Vice|Deputy|Director|General|Chief)\b", surface
            )
            or not orgs.plausible(surface)
        ):
            continue
        noun = m.group("noun").lower()
        kind = (
            "research"
            if noun in {"think tank", "research firm", "research institute", "institute"}
            else "company"
        )
        orgs.add(
            surface,
            org_kind(surface) if org_kind(surface) != "other" else kind,
            _org_country(text, s, surface, gaz),
            s,
            e,
            False,
        )
        if surface in orgs.found:
            orgs.found[surface].shaped = True


def _org_word_names(orgs: _OrgFinder) -> None:
    """Names NER missed that end in an organisation word: "Caspian Policy Forum", "DB Cargo"."""
    text, gaz = orgs.text, orgs.gaz
    for m in _ORG_SHAPE_RE.finditer(text):
        s, e = clean_entity_text(text, m.start(), m.end())
        s, e = _tidy_org_span(text, s, e, gaz)
        poss = re.match(r"([\w-]+)['’]s\s+", text[s:e])
        if poss and (poss.group(1) in gaz.country_names or poss.group(1) in gaz.places):
            s += poss.end()  # "Germany's DB Cargo"
        while text[s:e].split() and text[s:e].split()[0] in _SHAPE_STOP:
            s += len(text[s:e].split()[0]) + 1  # "About Zhengyuan Motors", "The Caspian Policy Forum"
        surface = text[s:e]
        if len(surface.split()) < 2 and not surface.isupper():
            continue
        if orgs.is_taken((s, e)):
            continue
        if not orgs.plausible(surface):
            continue
        orgs.add(surface, org_kind(surface), _org_country(text, s, surface, gaz), s, e, False)
        if surface in orgs.found and org_kind(surface) != "other":
            orgs.found[surface].shaped = True  # "Bosphorus Center for Asian Studies" is no person


_LIST_ITEM = r"[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,2}"
_LIST_RE = re.compile(rf"(?<![\w.-]){_LIST_ITEM}(?:, {_LIST_ITEM}){{1,}},? (?:and|&) {_LIST_ITEM}(?![\w-])")
_LIST_SPLIT_RE = re.compile(r",? (?:and|&) |, ")


def _list_mates(orgs: _OrgFinder) -> None:
    """ "JioHotstar, Pine Labs, Cars24, PhonePe, CRED, and MakeMyTrip": in an enumeration whose items are
    mostly organisations already found, a remaining one-word item is an organisation too."""
    text, gaz, found = orgs.text, orgs.gaz, orgs.found
    names = {n for rec in found.values() for n in (rec.name, *rec.surfaces)}
    for m in _LIST_RE.finditer(text):
        items: list[tuple[int, int]] = []
        pos = m.start()
        for sep in _LIST_SPLIT_RE.finditer(m.group(0)):
            items.append((pos, m.start() + sep.start()))
            pos = m.start() + sep.end()
        items.append((pos, m.end()))
        known = [it for it in items if text[it[0] : it[1]] in names]
        if len(known) < 2 or 2 * len(known) < len(items):
            continue
        for s, e in items:
            surface = text[s:e]
            if (
                surface in names
                or " " in surface
                or _LEGAL_SUFFIX_RE.search(" " + surface)
                or orgs.is_taken((s, e))
                or surface in gaz.country_names
                or surface in gaz.places
                or surface in gaz.demonyms
                or surface in _SHAPE_STOP
                or not orgs.plausible(surface)
            ):
                continue
            orgs.add(surface, "company", None, s, e, False)
            if surface in found:
                found[surface].shaped = True


def _capitalised_ministries(orgs: _OrgFinder) -> None:
    """Explicit ministries and departments that NER missed: "Ministry of Trade", "the Trade Ministry",
    "Department of Water Affairs and Forestry"."""
    text = orgs.text
    for m in re.finditer(
        r"\b(?:Ministry|Department) of (?:[A-Z][\w-]*|and|&)(?: (?:[A-Z][\w-]*|and|&))*", text
    ):
        s, e = m.start(), m.end()
        while text[s:e].endswith((" and", " &")):
            e = text.rfind(" ", s, e)
        if orgs.is_taken((s, e)):
            continue
        name = text[s:e]
        orgs.add(name, "government", _org_country(text, s, name, orgs.gaz), s, e, False)


_GOVERNMENT_RES: dict[int, tuple[Gazetteer, re.Pattern]] = {}
# every alternative of the pattern below names one of these words: a text without them has no match
_GOVERNMENT_WORD_RE = re.compile(r"[Gg]overnment|cabinet|ministry|[Ee]mbassy")


def _government_re(gaz: Gazetteer) -> re.Pattern:
    """Built once per gazetteer: joining and escaping every country name and demonym cost as much as the
    search itself on each document."""
    cached = _GOVERNMENT_RES.get(id(gaz))
    if cached is None or cached[0] is not gaz:
        cached = _GOVERNMENT_RES[id(gaz)] = (gaz, _build_government_re(gaz))
    return cached[1]


def _build_government_re(gaz: Gazetteer) -> re.Pattern:
    dem_alt = "|".join(re.escape(d) for d in sorted(gaz.demonyms, key=len, reverse=True) if d[:1].isupper())
    country_alt = "|".join(re.escape(c) for c in sorted(gaz.country_names, key=len, reverse=True))
    return re.compile(
        rf"\b[Gg]overnment of (?:the )?(?P<c>{country_alt})\b"
        rf"|\b(?P<dem>{dem_alt}) (?:federal |central )?(?:government|cabinet)\b"
        # "the Chinese embassy in Serbia", "the Chinese Embassy in Bangkok": a country's mission abroad
        rf"|\b(?P<dem4>{dem_alt}) (?-i:[Ee]mbassy)(?: in (?:the )?(?-i:[A-Z][a-z]+))?"
        # "the Yantai city government", "the Hangzhou municipal government": a city's own government
        r"|\b(?-i:[A-Z][a-z]+) (?:city|municipal|provincial) government\b"
        rf"|\b(?P<dem2>{dem_alt}) "
        rf"(?P<min>ministry of {_DOMAIN_ITEM}(?:(?:,| and| &) {_DOMAIN_ITEM}){{0,3}})\b"
        rf"|\b(?:(?P<dem3>{dem_alt}) |(?P<cs>{country_alt})['’]s |the )"
        r"(?P<dom>foreign|commerce|trade|finance|defen[cs]e|industry|energy"
        r"|transport|health|economy|interior|justice|agriculture|education|environment) ministry\b"
    )


def _lower_case_governments(orgs: _OrgFinder) -> None:
    """Governments and ministries named in lower case: "the government of Laos", "the Portuguese
    government", "the Serbian ministry of transport and infrastructure", "China's commerce ministry"."""
    text, gaz = orgs.text, orgs.gaz
    if not _GOVERNMENT_WORD_RE.search(text):
        return
    for m in _government_re(gaz).finditer(text):
        if m.group("min"):
            s, e = m.start("min"), m.end("min")
            words = text[s:e].split()
            while words and words[-1] in {"and", "of", "for"}:
                words.pop()
            e = s + len(" ".join(words))
        elif m.group("dom"):
            # "the Chinese foreign ministry", "Russia's foreign ministry": the country is part of the name
            s = m.start("dem3") if m.group("dem3") else m.start("cs") if m.group("cs") else m.start("dom")
            e = m.end()
        else:
            s, e = m.start(), m.end()
        if orgs.is_taken((s, e)):
            continue
        if m.group("dem") and not re.search(
            r"\b(?:sign\w*|agreements?|memorand\w+|MoUs?|deals?|contracts?)\b",
            text[max(0, s - 150) : e + 150],
        ):
            continue  # "the Chinese government" in passing is no party the text is about
        dem = m.group("dem") or m.group("dem2") or m.group("dem3") or m.group("dem4")
        country = (
            (gaz.demonyms.get(dem) or gaz.country_names.get(dem))
            if dem
            else gaz.country_names.get(m.group("c") or m.group("cs") or "")
        )
        orgs.add(text[s:e], "government", country, s, e, False)
        orgs.found[text[s:e]].shaped = True


def _parenthetical_aliases(orgs: _OrgFinder) -> None:
    """A parenthetical alias right after a name: Zhengyuan New Energy Vehicle Co., Ltd. ("Zhengyuan
    Motors")."""
    found = orgs.found
    for rec in list(found.values()):
        if rec.name not in found:
            continue
        for _s, e in list(rec.mentions):
            m = _PAREN_ALIAS_RE.match(orgs.text, e)
            if not m:
                continue
            g = 1 if m.group(1) else 2
            span = (m.start(g), m.end(g))
            owner = next((r for r in found.values() if span in r.mentions), None)
            if owner is None and not orgs.is_taken(span):
                orgs.add(rec.name, rec.kind, rec.country, *span, rec.known)
            elif owner is not None and owner is not rec:
                # "Türkiye Rail Systems Vehicles Industry Inc. (TÜRASAŞ)": one organisation, two names
                ticker = len(owner.mentions) == 1 and _ticker_of(orgs.text, span, rec.name)
                _fold_into_one(found, owner, rec, ticker)
                break


def _ticker_of(text: str, span: tuple[int, int], name: str) -> bool:
    """ "Calder Corp (CDR)", "Harwick Industries Inc (HWK)": capitals in brackets, written once, after a
    company's name, that are not its initials ("CATL" of Contemporary Amperex Technology starts with them) are
    its stock symbol; the company keeps its name."""
    short = text[span[0] : span[1]]
    initials = {_initials(name), _initials(_LEGAL_SUFFIX_RE.sub("", name))}
    return (
        short.isupper()
        and bool(_LEGAL_SUFFIX_RE.search(name))
        and not any(i.startswith(short) or short.startswith(i) for i in initials if len(i) >= 2)
    )


def _fold_into_one(found: dict[str, OrgRec], owner: OrgRec, rec: OrgRec, keep_rec: bool = False) -> None:
    keep, drop = (owner, rec) if (owner.known or not rec.known) and not keep_rec else (rec, owner)
    keep.mentions.extend(m for m in drop.mentions if m not in keep.mentions)
    for sf in [drop.name, *drop.surfaces]:
        if sf != keep.name and sf not in keep.surfaces:
            keep.surfaces.append(sf)
    keep.country = keep.country or drop.country
    found.pop(drop.name, None)


_CAP_WORD = r"[A-ZÇŞĞÜÖİ][\w&'’-]*"  # no "." inside: "Ankara. Hengda Power" is two sentences
_LEGAL_FORM_RE = re.compile(
    r"\b(?:"
    + _CAP_WORD
    + r"[ \t]+(?:(?:ve|and|&)[ \t]+)?){1,7}(?:A\.Ş\.|AŞ\b|A\.S\.|Co\.,?\s*Ltd\.?|Co\.|Ltd\.|Inc\.|Corp\."
    # agency copy writes the forms without points: "Pohang Iron and Steel Co Ltd", "Texaco Inc"
    r"|Co Ltd\b"
    r"|LLC\b"
    r"|GmbH\b|PLC\b|JSC\b|S\.A\.|S\.p\.A\.|AG\b)"
)
# a company word after one or more capitalised words: "Huineng Power", "Xingyuan New Energy"
_COMPANY_WORDS = (
    r"Energy|Power|Technologies|Technology|Electric|Elektrik|Enerji|Otomotiv|Lojistik|Logistics|Teknoloji"
    r"|Teknolojileri|Sanayi|Biyoteknoloji|Biopharmaceutical|Biopharma|Biotech|Pharma|Pharmaceuticals?|Automobile"
    r"|Automotive|Telecom|Communications|Semiconductors?|Materials|Equipment|Electronics|Industries|Express"
    r"|Motors|Batteries|Battery|Batarya|Solar|Photovoltaic|Renewables|Steel|Chemicals?|Mining|Shipping"
    r"|Consulting|Consultancy|Advisory|Analytics|Insight|Insights|Intelligence|Capital|Ventures|Securities"
    r"|Investments|Strategies|Associates|Partners|Economics|Robotics|Networks|Software|Systems|Solutions"
    r"|Ticaret|Yatırım|Yatırımları|Makina|Makine|İnşaat|Gıda|Tekstil|Kimya|Madencilik|Elektronik|Yazılım"
    r"|Bilişim|Savunma|Havacılık|Denizcilik|Taşımacılık|Otomasyon|Mühendislik|Telekomünikasyon"
    r"|Cloud|Telecommunications|Internet|Microelectronics|Optoelectronics|Photonics|Aerospace"
    r"|Construction|Engineering|Metals|Minerals"
)
_COMPANY_SHAPE_RE = re.compile(
    r"\b(?:"
    + _CAP_WORD
    + r"[ \t]+){1,4}(?:(?:"
    + _COMPANY_WORDS
    + r")[ \t]+){0,2}(?:"
    + _COMPANY_WORDS
    + r")\b"
    r"(?:\s+(?:Group|Holding|Holdings|Company|Corporation))?"
)
# words that say nothing about which company it is ("Chinese New Energy", "Clean Power")
_NON_DISTINCTIVE = {
    "New",
    "Clean",
    "Green",
    "Renewable",
    "Smart",
    "Advanced",
    "Global",
    "Local",
    "Digital",
    "Optical",
    "High",
    "Low",
    "Wind",
    "Hydro",
    "Nuclear",
    "Electric",
    "Electrical",
    "Thermal",
    "Offshore",
    "Onshore",
    "Clean-Energy",
    "Photovoltaic",
    "Lithium-ion",
    "Next",
    "Future",
}


def _trim_company(
    text: str, s: int, e: int, gaz: Gazetteer, keep_places: bool = False, legal: bool = False
) -> tuple[int, int] | None:
    """Drop leading words that are not part of the name ("About", "Turkish", "China's", "The"); a city
    in front stays when the rest says nothing of which company it is ("Marmaris Teknoloji Yatırımları"),
    or when the name carries its legal form (``keep_places``): a registered name keeps its city or
    province ("Zhuhai Topower New Energy Co., Ltd.", "Seattle Coffee Co.")."""
    span = _trim_leading(text, s, e, gaz, keep_places=keep_places, legal=legal)
    if span is None or not _distinctive(text[span[0] : span[1]], gaz):
        span = _trim_leading(text, s, e, gaz, keep_places=True, legal=legal)
    if span is None or not _distinctive(text[span[0] : span[1]], gaz):
        return None
    return span


# a descriptor a press release puts in front of its company's name in the headline
_DESCRIPTOR_LEAD_RE = re.compile(
    r"(?:Industry|Market|Global|World|Category|Sector)[ -]Leaders?[ \t]+(?=[A-Z])|(?:Leading|Renowned)[ \t]+"
    r"(?:Global[ \t]+)?(?=[A-Z])"
)


# generic first words that open a registered name ("General Mills Inc.", "United Widget Inc.", "International
# Paper Co."): dropped before a company word alone ("National Energy"), kept before a legal form
_NAME_OPENING_WORDS = frozenset(
    {"National", "State", "General", "United", "International", "World", "European", "Central", "Asian"}
    | {"Republic", "Bank", "Global", "New"}
)


def _trim_leading(
    text: str, s: int, e: int, gaz: Gazetteer, keep_places: bool, legal: bool = False
) -> tuple[int, int] | None:
    while True:
        words = text[s:e].split()
        if len(words) < 2:
            return None
        first = words[0]
        bare = re.sub(r"['’]s$", "", first)
        lead = _DESCRIPTOR_LEAD_RE.match(text, s, e)
        if lead and lead.end() < e:
            s = lead.end()  # "Industry Leader Climet": a descriptor in front of a headline's name
            continue
        if re.fullmatch(r"[\w'’-]+-(?:based|headquartered|owned|listed)", first) or (
            first in _SHAPE_STOP
            or first in gaz.demonyms
            or bare in gaz.country_names
            or (bare in gaz.places and not (keep_places and first == bare))
            or (first != bare and bare in gaz.demonyms)
            or (
                first in _GENERIC_FIRST_TOKENS - {"New", "Global"}
                and not (legal and first in _NAME_OPENING_WORDS)
            )
            or (first.isupper() and len(first) > 3 and first.title() in gaz.places)
        ):
            s += len(first)
            while s < e and text[s] == " ":
                s += 1
            continue
        break
    return s, e


def _distinctive(name: str, gaz: Gazetteer) -> bool:
    words = name.split()
    core = [
        w
        for w in words
        if not re.fullmatch(
            _COMPANY_WORDS + r"|Group|Holding|Holdings|Company|Corporation"
            r"|A\.Ş\.|AŞ|A\.S\.|Co\.,?|Ltd\.?|Inc\.|Corp\.|LLC|GmbH|PLC|JSC"
            r"|S\.A\.|AG|and|&",
            w,
        )
    ]
    distinctive = [
        w
        for w in core
        if w not in _NON_DISTINCTIVE
        and w not in gaz.domain_words
        and w not in gaz.demonyms
        and w not in gaz.country_names
        and not gaz.sector_re.fullmatch(w)
    ]
    return bool(distinctive)


_WORDISH_RE = re.compile(r"[\w-]")
_NO_WORD_AFTER_RE = re.compile(r"(?![\w-])")
_NO_WORD_OR_POSSESSIVE_AFTER_RE = re.compile(r"(?![\w-]|['’]\w\w)")


def scan_literals(text: str, keys: list[str], after: re.Pattern) -> list[tuple[int, int, str]]:
    """What ``re.finditer(r"(?<![\\w-])(?:k1|k2|...)" + after)`` finds, keys tried in the given order at each
    position, without compiling a new alternation for every document (``str.find`` per key)."""
    first_at: dict[int, str] = {}
    for key in keys:
        if not key:
            continue
        i = text.find(key)
        while i >= 0:
            if (
                i not in first_at
                and (i == 0 or not _WORDISH_RE.match(text, i - 1))
                and after.match(text, i + len(key))
            ):
                first_at[i] = key
            i = text.find(key, i + 1)
    out: list[tuple[int, int, str]] = []
    pos = 0
    for i in sorted(first_at):
        if i < pos:
            continue
        key = first_at[i]
        out.append((i, i + len(key), key))
        pos = i + len(key)
    return out


def _more_mentions(text: str, found: dict[str, OrgRec]) -> None:
    """Every other occurrence of a name or alias already seen ("SASİAD delegation"), and a two-word
    start of a long name ("CRRC Zhuzhou" for "CRRC Zhuzhou Locomotive"), is a mention too."""
    owner: dict[str, OrgRec] = {}
    for rec in found.values():
        for surface in [rec.name, *rec.surfaces]:
            if len(surface) >= 2 and not surface.islower():
                owner.setdefault(surface, rec)
        words = rec.name.split()
        if len(words) >= 3 and not rec.known and words[0] not in _GENERIC_FIRST_TOKENS:
            owner.setdefault(" ".join(words[:2]), rec)
        # "the Joint Committee" for "Türkiye–China Joint Committee on Industrial Cooperation"
        core = _org_core(rec.name)
        if core and not rec.known:
            owner.setdefault(core, rec)
    if not owner:
        return
    spans = sorted(((s, e, rec) for rec in found.values() for s, e in rec.mentions), key=span_key)
    for ms, me, surface in scan_literals(text, sorted(owner, key=len, reverse=True), _NO_WORD_AFTER_RE):
        span = (ms, me)
        clash = [(s, e, r) for s, e, r in spans if s < span[1] and span[0] < e]
        rec = owner[surface]
        if not clash:
            rec.mentions.append(span)
            continue
        # a shorter mention of another organisation inside this longer name: the longer name wins
        longer = all(
            r is not rec and span[0] <= s and e <= span[1] and (e - s) < (span[1] - span[0])
            for s, e, r in clash
        )
        if longer:
            for s, e, r in clash:
                r.mentions.remove((s, e))
            rec.mentions.append(span)
            if surface != rec.name and surface not in rec.surfaces:
                rec.surfaces.append(surface)
    for name in [n for n, r in found.items() if not r.mentions]:
        del found[name]


_LEGAL_SUFFIX_RE = re.compile(
    r",?\s+(?:Co\.?,?\s*Ltd\.?|Co\.?|Ltd\.?|Inc\.?|Corp\.?|Limited|LLC|GmbH|A\.Ş\.|AŞ|S\.A\.|PLC|[Pp]lc|JSC"
    # European company forms: Swedish/Norwegian/Finnish, German/Swiss, French/Spanish, Dutch/Belgian, Italian
    r"|AB|ASA|Oyj|AG|SA|SE|NV|N\.V\.|BV|SpA|S\.p\.A\.)$"
)


_TURKISH_TRADE_TAIL_RE = re.compile(
    r"(?:\s+(?:Enerji|Elektrik|Elektronik|Otomotiv|Teknoloji|Teknolojileri|Makina|Makine|Kimya|Tekstil|Gıda"
    r"|İnşaat|Madencilik|Lojistik|Yatırım|Dış|İç))*\s+Sanayi(?:\s+ve\s+Ticaret)?$|\s+Sanayi\s+ve\s+Ticaret$"
)


def _canonical_company_names(found: dict[str, OrgRec]) -> None:
    """'CRRC Zhuzhou Locomotive Co., Ltd.' is 'CRRC Zhuzhou Locomotive' (full name: an alias); a Turkish
    trade name 'Ege Güneş Enerji Sanayi ve Ticaret A.Ş.' is the brand 'Ege Güneş'."""
    for rec in list(found.values()):
        if rec.known:
            continue
        short = _LEGAL_SUFFIX_RE.sub("", rec.name)
        if short.endswith("&") or "," in short:
            continue  # "Bear, Stearns & Co.", "George K. Baum & Co.": the form is part of a firm's name
        brand = _TURKISH_TRADE_TAIL_RE.sub("", short)
        if brand != short and len(brand.split()) >= 1 and len(brand) >= 3:
            rec.surfaces = [x for x in [short, *rec.surfaces] if x != brand]
            short = brand
        if short != rec.name and len(short) >= 2 and short not in found:
            del found[rec.name]
            rec.surfaces = [rec.name, *[x for x in rec.surfaces if x != short]]
            rec.name = short
            found[short] = rec
        elif short != rec.name and len(short) >= 2 and short in found:
            # "Karadeniz Elektrik A.Ş." first, "Karadeniz Elektrik" later: one company
            other = found[short]
            del found[rec.name]
            other.mentions.extend(m for m in rec.mentions if m not in other.mentions)
            for sf in [rec.name, *rec.surfaces]:
                if sf != other.name and sf not in other.surfaces:
                    other.surfaces.append(sf)
            other.country = other.country or rec.country
            other.shaped = other.shaped or rec.shaped
    for rec in list(found.values()):
        # "Mercer Foods Co (MFC) said ... Mercer Foods also said": an alias's short form is the same company
        if rec.name not in found:
            continue
        for sf in list(rec.surfaces):
            short = _LEGAL_SUFFIX_RE.sub("", sf)
            other = found.get(short)
            if short != sf and other is not None and other is not rec and not other.known:
                _absorb_org(rec, found.pop(short))


def _merge_adjacent(text: str, found: dict[str, OrgRec]) -> None:
    """A known parent right before an unknown name is one name ('CRRC' + 'Zhuzhou Locomotive Co., Ltd.')."""
    spans = sorted(((s, e, rec) for rec in found.values() for s, e in rec.mentions), key=span_key)
    for (s1, e1, r1), (s2, e2, r2) in itertools.pairwise(spans):
        if r1 is r2 or not r1.known or r2.known or text[e1:s2] != " " or r2.name not in found:
            continue
        if text[s2:e2] != r2.name:
            continue
        combined = text[s1:e2]
        r1.mentions.remove((s1, e1))
        del found[r2.name]
        r2.mentions = [(s1, e2) if m == (s2, e2) else m for m in r2.mentions]
        r2.name = combined
        r2.country = r2.country or r1.country
        r2.kind = r1.kind if r2.kind == "other" else r2.kind
        found[combined] = r2
        if not r1.mentions:
            del found[r1.name]


_INITIAL_SKIP = {"of", "and", "the", "for", "&", "de", "du", "des", "la", "le"}


_DOMAIN_ITEM = (
    r"[a-z]+(?: (?:affairs|resources|development|security|trade|reform|cooperation|policy|technology|industry"
    r"|planning|works|protection|commerce))?"
)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.split(r"[\s-]+", name) if w and w not in _INITIAL_SKIP and w[0].isupper())


def _absorb_org(keep: OrgRec, drop: OrgRec) -> None:
    keep.mentions.extend(m for m in drop.mentions if m not in keep.mentions)
    for sf in [drop.name, *drop.surfaces]:
        if sf != keep.name and sf not in keep.surfaces:
            keep.surfaces.append(sf)
    keep.country = keep.country or drop.country
    if keep.kind == "other":
        keep.kind = drop.kind
    keep.known = keep.known or drop.known
    keep.shaped = keep.shaped or drop.shaped


def _link_short_forms(text: str, found: dict[str, OrgRec]) -> None:
    """One organisation, two names: an acronym of a longer name in the text ("GM" for General Motors,
    "NIOC" for National Iranian Oil Company, "CGN" for China General Nuclear ...), and a lone last word
    of a two- or three-word name ("Rover" for MG Rover)."""
    longs = [r for r in found.values() if len(r.name.split()) >= 2]
    for rec in list(found.values()):
        if rec.name not in found or rec.known or len(rec.name.split()) != 1:
            continue
        name = rec.name
        target = None
        if name.isupper() and 2 <= len(name) <= 6 and name.isalpha():
            for long in longs:
                initials = _initials(long.name)
                if (
                    long.name in found
                    and long is not rec
                    and (initials == name or (len(name) >= 3 and initials.startswith(name)))
                ):
                    target = long
                    break
        elif (
            name[:1].isupper()
            and not name.isupper()
            and not re.fullmatch(_COMPANY_WORDS + "|" + _ORG_WORDS, name)
        ):
            cands = [
                long
                for long in longs
                if long.name in found and 2 <= len(long.name.split()) <= 3 and long.name.split()[-1] == name
            ]
            target = cands[0] if len(cands) == 1 else None
        elif (
            re.fullmatch(_ORG_WORDS, name)
            and rec.mentions
            and all(re.search(r"\b[Tt]he $", text[max(0, s - 4) : s]) for s, _e in rec.mentions)
        ):
            # "The Bank of England said ... The Bank also bought bills": the body named in full before
            cands = [long for long in longs if long.name in found and name in long.name.split()]
            target = cands[0] if len(cands) == 1 and cands[0].first < rec.first else None
        if target is not None:
            _absorb_org(target, found.pop(name))
    # "Zhuhai Topower's know-how" after "Zhuhai Topower New Energy Co., Ltd.": the name without its
    # company words
    for rec in list(found.values()):
        words = rec.name.split()
        if (
            rec.name not in found
            or rec.known
            or len(words) < 2
            or any(_LEGAL_SUFFIX_RE.search(sf) for sf in [rec.name, *rec.surfaces])
        ):
            continue  # "Diplomatic Trade Ltd" and "Diplomatic Trade Capital Group" are two companies
        cands = [
            long
            for long in longs
            if long is not rec
            and long.name in found
            and any(_LEGAL_SUFFIX_RE.search(sf) for sf in [long.name, *long.surfaces])
            and long.name.startswith(rec.name + " ")
            and all(
                re.fullmatch(_COMPANY_WORDS + "|Group|Holding|Holdings|Company|Corporation", w)
                or w in _NON_DISTINCTIVE
                for w in long.name.split()[len(words) :]
            )
        ]
        if len(cands) == 1:
            _absorb_org(cands[0], found.pop(rec.name))


def _strip_country_suffix(found: dict[str, OrgRec], gaz: Gazetteer) -> None:
    """ "Ministry of Defence of Sri Lanka" is the Ministry of Defence (the long form stays an alias)."""
    for rec in list(found.values()):
        if rec.known:
            continue
        m = re.fullmatch(r"(?P<core>.+\S)\s+of\s+(?:the\s+)?(?P<c>[A-Z][\w' -]+)", rec.name)
        if not m or m.group("c") not in gaz.country_names or len(m.group("core").split()) < 2:
            continue
        core = m.group("core")
        if org_kind(core) not in {"government", "agency", "research"}:
            continue
        if core in found:
            continue  # "Ministry of Health" of another country is named too: keep them apart
        rec.country = rec.country or gaz.country_names[m.group("c")]
        del found[rec.name]
        rec.surfaces = [rec.name, *[x for x in rec.surfaces if x != core]]
        rec.name = core
        found[core] = rec


def _merge_shared_names(found: dict[str, OrgRec]) -> None:
    """Two records that share a name or alias ("SASİAD") are one organisation."""
    changed = True
    while changed:
        changed = False
        recs = sorted(found.values(), key=lambda r: (not r.known, -len(r.mentions), r.first))
        owner_of: dict[str, OrgRec] = {}
        for rec in recs:
            keys = {rec.name, *rec.surfaces}
            other = next((owner_of[k] for k in keys if k in owner_of and owner_of[k] is not rec), None)
            if other is None:
                for k in keys:
                    owner_of.setdefault(k, rec)
                continue
            other.mentions.extend(m for m in rec.mentions if m not in other.mentions)
            for sf in [rec.name, *rec.surfaces]:
                if sf != other.name and sf not in other.surfaces:
                    other.surfaces.append(sf)
            other.country = other.country or rec.country
            if other.kind == "other":
                other.kind = rec.kind
            del found[rec.name]
            changed = True
            break


_ORG_WORDS = (
    r"Forum|Cargo|Institute|University|Association|Agency|Company|Corporation|Group|Holding|Holdings|Bank|"
    r"Council|Commission|Center|Centre|Foundation|Chamber|Exchange|Authority|Motors|Airlines|Academy|"
    r"Federation|Union|Organization|Organisation|Consortium|Society|Institution|Laboratory|Fund|Directorate|"
    r"Administration|Department|Presidency|Ministry|Airlines|Airways|Committee"
)
_ORG_SHAPE_RE = re.compile(
    r"\b(?:[A-ZÇŞĞÜÖİ][\w&'’.–-]*\s+(?:(?:and|&)\s+)?){1,5}(?:" + _ORG_WORDS + r")\b"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-ZÇŞĞÜÖİ][\w-]*(?:\s+(?:and\s+)?[A-ZÇŞĞÜÖİ][\w-]*){0,4})?"
)
_SHAPE_STOP = {
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "For",
    "With",
    "And",
    "But",
    "As",
    "After",
    "Before",
    "Under",
    "Analysts",
    "According",
    "Officials",
    "Both",
    "Its",
    "Their",
    "His",
    "Her",
    "This",
    "That",
    "While",
    "When",
    "Members",
    "Companies",
    "Opening",
    "Closing",
    "About",
    "Contact",
    "Media",
    "Source",
    "Photo",
    "Through",
    "From",
    "To",
    "Of",
    "Via",
    "Dear",
}
# "Foxconn, a Taiwanese contractor,", "Ceradyne, the ceramics maker that ...": a name that an appositive calls
# a company (NER often takes a one-word company for a place or a person)
_APPOSITIVE_COMPANY_RE = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][\w&'’-]+(?:[ \t]+[A-Z][\w&'’-]+){0,3}),[ \t]+(?:a|an|the)[ \t]+"
    r"(?:[\w'’-]+[ \t]+){0,3}?(?P<noun>company|firm|maker|manufacturer|contractor|producer|supplier|carrier"
    r"|airline|retailer|conglomerate|insurer|lender|chipmaker|carmaker|automaker|brewer|miner|operator"
    r"|subsidiary|unit|bank|chain|group|giant)"
    r"(?=\s*[,.;:)]|\s+(?:that|which|based|in|of|with|owned|controlled|founded|headquartered|listed)\b)"
)
_COMPANY_NOUN_NAME_RE = re.compile(
    r"\b(?P<noun>firm|company|group|maker|manufacturer|operator|provider|developer|producer|supplier|carmaker"
    r"|automaker|startup|start-up|consultancy|think tank|insurer|lender|retailer|conglomerate|utility|giant"
    r"|retail bank|investment bank|unicorn|chipmaker|miner|airline|brewer)"
    r"\s+(?P<name>[A-ZÇŞĞÜÖİ][\w&'’-]+(?:[ \t]+[A-ZÇŞĞÜÖİ][\w&'’-]+){0,3})"
)
_PAREN_ALIAS_RE = re.compile(r"\s*\(\s*[\"“]([^\"”)]{2,60})[\"”]\s*\)|\s*\(([A-Z][A-Za-z&İÇŞĞÜÖ]{1,9})\)")


# units, currencies and common acronyms that NER tags as organisations but never are
_NOT_ORG_TOKENS = {
    "MW",
    "EPC",
    "PPA",
    "PPAs",
    "IPO",
    "GW",
    "GWh",
    "MWh",
    "kW",
    "kWh",
    "TWh",
    "TW",
    "MWp",
    "GWp",
    "EV",
    "EVs",
    "NEV",
    "NEVs",
    "R&D",
    "AI",
    "5G",
    "6G",
    "4G",
    "GDP",
    "FDI",
    "CEO",
    "CFO",
    "CTO",
    "COO",
    "USD",
    "EUR",
    "CNY",
    "RMB",
    "TRY",
    "TL",
    "GBP",
    "JPY",
    "US$",
    "IT",
    "ICT",
    "IoT",
    "PV",
    "LNG",
    "SMR",
    "SMRs",
    "MoU",
    "MoUs",
    "MOU",
    "B2B",
    "SME",
    "SMEs",
    "PhD",
    "km",
    "km/h",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "H1",
    "H2",
    "YoY",
    "ESG",
    "OEM",
    "OEMs",
}


# technical acronyms, standards, time zones and currency codes NER takes for organisations (general lists)
_TECH_ACRONYMS = frozenset(
    {
        *(
            "LFP",
            "LMFP",
            "NCM",
            "NMC",
            "NCA",
            "NCMA",
            "LNMO",
            "LTO",
            "LCO",
            "CTP",
            "CTB",
            "CTC",
            "GCTP",
            "VCTP",
        ),
        *("BEV", "BEVs", "PHEV", "PHEVs", "HEV", "FCEV", "ICE", "SUV", "SUVs", "MPV", "ADAS", "OTA", "BMS"),
        *("WLTP", "NEDC", "CLTC", "EPA", "NCAP", "VCS", "API", "APIs", "GMP", "FDA", "CE", "ISO"),
        *("GMT", "UTC", "CET", "EST", "EDT", "PST", "BST", "GSM", "LTE", "4G", "5G", "WiFi", "Wi-Fi", "GPS"),
        *("LPG", "CNG", "LNG", "HVDC", "UHV", "PV", "CSP", "EPC", "PPP", "BOT", "FTA", "FTAs", "MoC", "LoI"),
        *("THB", "IDR", "INR", "JPY", "HKD", "AUD", "SGD", "CAD", "MYR", "RUB", "KRW", "AED", "SAR", "VND"),
        *("PHP", "BRL", "ZAR", "MXN", "CHF", "SEK", "NOK", "DKK", "PLN", "HUF", "CZK", "FRF", "DEM"),
        *(
            "GDP",
            "GNP",
            "CPI",
            "PMI",
            "IPO",
            "M&A",
            "ESG",
            "CEO",
            "CFO",
            "COO",
            "CTO",
            "AI",
            "IoT",
            "EV",
            "EVs",
        ),
    }
)


# computing and business acronyms of the same kind, common in technology and finance news
_COMPUTING_ACRONYMS = frozenset(
    {
        *("AGI", "GPU", "GPUs", "CPU", "CPUs", "TPU", "TPUs", "HPC", "DRAM", "NAND", "HBM", "LLM", "LLMs"),
        *("SaaS", "STEM", "NFT", "NFTs", "VC", "VCs", "EVP", "SVP", "VP", "MDB", "MDBs", "KPI", "ROI"),
        # business shorthand read as bodies: "PE shops", "FX reserves", "CSR initiatives", "its AGM"
        *("PE", "ASAP", "FX", "CSR", "GTM", "AGM", "EGM", "LCD", "LCDs", "OLED", "SOS", "FDI", "R&D"),
        *("FAQ", "ETF", "ETFs", "OEM", "OEMs", "B2B", "B2C", "KYC", "AML", "EBITDA", "CAGR", "YoY"),
        *("NDA", "NDAs", "MoU", "MOU", "MoUs", "MOUs", "IP", "RSS", "HR", "USB", "HDMI", "WTF", "CEOs"),
        # earnings measures and services read as bodies: "EPS growth", "FFO/Debt target", "voice and SMS
        # trade", "an RTB exchange", "BIM building information model"
        *("EPS", "FFO", "EBIT", "AUM", "IPO", "IPOs", "SPAC", "SMS", "MMS", "RTB", "BIM", "IoT", "ERP"),
        "CRM",
        # web and software engineering shorthand in developer and product news: "a CLI and UI", "CMS and DXP
        # platforms", "SSR and SSG", "CI pipelines", "total cost of ownership (TCO)"
        *("HTML", "CSS", "CLI", "UI", "UX", "SDK", "SDKs", "CMS", "DXP", "CI", "CD", "DX", "SSR", "SSG"),
        *(
            "MVP",
            "TCO",
            "JSON",
            "XML",
            "SQL",
            "HTTP",
            "HTTPS",
            "URL",
            "URLs",
            "DNS",
            "CDN",
            "VPN",
            "SSO",
            "SLA",
        ),
        # general shorthand of other trades read as bodies: "real-time ML", "LAN connectivity", "HSE
        # exposure", "ICU conditions", "VHS tapes", "the UMD format", "ATEX environments", "received an OBE",
        # "build on top of GPT", "joining the BRI" (the Belt and Road Initiative, a programme)
        *("ML", "LAN", "WAN", "HSE", "EHS", "QHSE", "ICU", "VHS", "DVD", "DVDs", "UMD", "ATEX", "GPT", "BRI"),
        *("OBE", "MBE", "CBE", "KBE"),
    }
)

# software and hardware products that NER takes for their makers (general knowledge of the field); a
# name that starts with one ("ChatGPT Edu") or is a maker's name and one ("Microsoft Azure") is a product
_WELL_KNOWN_PRODUCTS = frozenset(
    {
        *("ChatGPT", "GPT-4", "GPT-4o", "GPT-5", "SearchGPT", "Sora", "Codex", "DALL-E", "Claude", "Gemini"),
        *("Copilot", "Azure", "Bedrock", "InfiniBand", "DGX", "CUDA", "iPhone", "iPad", "Android", "Windows"),
        # programming languages and frameworks: named like companies, made by none in the sentence
        *("JavaScript", "TypeScript", "Python", "React", "Angular", "Node.js", "Next.js", "Kubernetes"),
        *("Docker", "Linux", "GraphQL", "WebAssembly", "PHP"),
    }
)


def _names_a_product(surface: str) -> bool:
    words = surface.split()
    return words[0] in _WELL_KNOWN_PRODUCTS or (len(words) == 2 and words[1] in _WELL_KNOWN_PRODUCTS)


_TITLE_TAILS = frozenset(
    {
        *("Advisor", "Adviser", "Minister", "Secretary", "Spokesman", "Spokeswoman", "Spokesperson"),
        *("Ambassador", "Administrator", "Representative", "Chairman", "Chairwoman", "Premier", "Envoy"),
    }
)


def _plausible_org(surface: str, gaz: Gazetteer, person_like: set[str]) -> bool:
    if surface in _ORG_STOP or surface in _REGIONS or "\n" in surface:
        return False
    if surface in _NOT_ORG_TOKENS or re.fullmatch(r"[\d.,]+\s?(?:MW|GW|GWh|MWh|kW|TWh)", surface):
        return False
    if surface in _TECH_ACRONYMS or "Photo/" in surface or "/" in surface.split()[-1]:
        return False
    if surface in _COMPUTING_ACRONYMS or _names_a_product(surface):
        return False
    words_ = surface.split()
    if words_[-1] in _TITLE_TAILS:
        return False  # "National Security Advisor", "Foreign Minister": an office, not an organisation
    if len(words_) >= 2 and any(re.search(r"\d", w) for w in words_[1:]):
        return False  # a product or model ("BMW X3 30i", "Tiggo 7 Pro", "F-150 Lightning")
    if re.search(r"\b(?:Zone|Zones|Technopark|Industrial Park)$", surface):
        return False  # zones are places
    if surface.isupper() and len(surface) > 3 and surface.title() in gaz.places:
        return False  # a dateline's "HEFEI"
    if _EVENT_LIKE_RE.search(surface):
        return False
    if surface in gaz.country_names or surface in gaz.demonyms or surface in gaz.places:
        return False
    if surface in person_like:
        return False
    if not surface[:1].isupper() and not surface[:1].isdigit():
        return False
    if re.fullmatch(r"[\d\s.,%$€£-]+", surface):
        return False
    words = surface.split()
    if len(words) > 9:
        return False
    if words[-1][:1].islower():
        return False  # "Dalian institute"
    if len(words) == 1 and re.search(r"\d", surface):
        return False  # a model name ("T10X"), not an organisation
    if all(w in gaz.domain_words or w in {"and", "&"} for w in words):
        return False  # "Industry and Technology" from "Industry and Technology Minister"
    if gaz.sector_re.fullmatch(surface):
        return False  # "EV"
    return not (len(words) == 1 and words[0] in gaz.demonyms)


_TURKISH_COMPANY_RE = re.compile(
    r"(?:\bA\.Ş\.|\bAŞ\b|\b(?:Sanayi|Ticaret|Otomotiv|Enerji|Elektrik|Teknoloji\w*|Lojistik|Biyoteknoloji"
    r"|Batarya|Holding A\.Ş\.)\b)"
)


def _org_country(text: str, start: int, name: str, gaz: Gazetteer) -> str | None:
    country = _org_country_from_context(text, start, name, gaz)
    if country is None and _TURKISH_COMPANY_RE.search(name):
        return "TR"  # "Karadeniz Elektrik A.Ş.": a Turkish legal form or Turkish company words
    if country is None:
        after = re.match(
            r",?\s+(?:of|from)\s+(?:the\s+)?([A-Z][\w'’ ]{2,40}?)\b(?=[,.;)]|\s+(?:and|to|on|signed|will)\b)",
            text[start + len(name) : start + len(name) + 60],
        )
        if after and after.group(1) in gaz.country_names:
            return gaz.country_names[after.group(1)]  # "Huineng Power Technology Co., Ltd. of China"
    return country


def _org_country_from_context(text: str, start: int, name: str, gaz: Gazetteer) -> str | None:
    # country-ish words inside the name: "China State Railway Group", "Turkish Investment Office"
    for m in gaz.country_re.finditer(name):
        return gaz.country_names[m.group()]
    for m in gaz.demonym_re.finditer(name):
        return gaz.demonyms[m.group()]
    before = text[max(0, start - 60) : start]
    m = re.search(r"(?:^|\s)([A-ZİÇŞĞÜÖ][\w'’ -]*?)(?:['’]s|-based)\s+(?:[a-z][\w-]*\s+){0,3}$", before)
    if m:
        cand = m.group(1).split()[-1] if m.group(1).split() else ""
        full = m.group(1).strip()
        for c in (full, cand):
            if c in gaz.country_names:
                return gaz.country_names[c]
            if c in gaz.places:
                return gaz.places[c].country
    m = re.search(r"(?:^|\s)([A-Z][a-z]+)\s+(?:[a-z][\w-]*\s+){0,3}$", before)
    if m and m.group(1) in gaz.demonyms:
        return gaz.demonyms[m.group(1)]
    return None


_HEADLINE_VERBS = {
    "Meets", "Meet", "Signs", "Sign", "Visits", "Visit", "Opens", "Open", "Holds", "Hold", "Says", "Launches",
    "Receives", "Hosts", "Welcomes", "Discusses", "Announces", "Agrees", "Eyes", "Plans", "Builds", "Invests",
    "Convenes", "Inks", "Unveils", "Starts", "Begins", "Expands", "Calls", "Seeks", "Teams",
    "Initiates", "Forges", "Secures", "Completes", "Acquires", "Appoints", "Selects", "Raises",
}  # fmt: skip


def _tidy_org_span(text: str, s: int, e: int, gaz: Gazetteer) -> tuple[int, int]:
    pair = re.search(r"([A-ZÇŞĞÜÖİ]\w+)[–-]$", text[max(0, s - 20) : s])
    if pair and pair.group(1) in gaz.country_names:
        s -= len(pair.group(0))  # "Türkiye–" + "China Joint Committee": one name
    last = re.search(r"\s+(\w+)$", text[s:e])
    if last and last.group(1) in _HEADLINE_VERBS:
        e -= len(last.group(0))  # "... Committee on Industrial Cooperation Meets" in a headline
    return s, e


def _org_core(name: str) -> str | None:
    """ "Joint Committee" for "Türkiye–China Joint Committee on Industrial Cooperation"."""
    words = name.split()
    core = _without_lead(re.split(r"\s+(?:on|of|for)\s+", name)[0].split())
    if 2 <= len(core) < len(words) and re.search(r"\b(?:" + _ORG_WORDS + r")$", " ".join(core)):
        return " ".join(core)
    return None


def _without_lead(words: list[str]) -> list[str]:
    """Drop leading country pairs and generic words ("Türkiye–China", "National")."""
    while words and (re.search(r"[–-]", words[0]) or words[0] in _GENERIC_FIRST_TOKENS):
        words = words[1:]
    return words


def _merge_org_variants(found: dict[str, OrgRec]) -> None:
    """'Zhengyuan New Energy Vehicle Co., Ltd.' and its parenthetical alias are one organisation already;
    also fold 'X Co., Ltd.' into 'X' when both were seen."""
    names = sorted(found, key=len)
    for short in names:
        for long in names:
            if long == short or long not in found or short not in found:
                continue
            if found[long].known or found[short].known:
                continue
            stripped = _LEGAL_SUFFIX_RE.sub("", re.sub(r",?\s+Corporation$", "", long))
            core = _org_core(long)
            if not found[long].known and core and core in {short, " ".join(_without_lead(short.split()))}:
                rec_s, rec_l = found.pop(short), found[long]  # the longer, full name stays the name
                rec_l.mentions.extend(rec_s.mentions)
                if short not in rec_l.surfaces:
                    rec_l.surfaces.append(short)
                continue
            if stripped == short or (
                long.startswith(short + " ")
                and len(short.split()) >= 2
                and re.fullmatch(
                    r"(?:\s+(?:" + _COMPANY_WORDS + r"|Group|Holding|Holdings|Company|Corporation))+",
                    stripped[len(short) :],
                )
            ):
                rec_s, rec_l = found[short], found.pop(long)
                rec_s.mentions.extend(rec_l.mentions)
                for sf in [long, *rec_l.surfaces]:
                    if sf != rec_s.name and sf not in rec_s.surfaces:
                        rec_s.surfaces.append(sf)
                rec_s.country = rec_s.country or rec_l.country
                rec_s.kind = rec_l.kind if rec_s.kind == "other" else rec_s.kind
                rec_s.shaped = rec_s.shaped or rec_l.shaped


def _merge_shortened_last_words(found: dict[str, OrgRec]) -> None:
    """ "First City Bancorp" in the headline and "First City Bancorporation" in the body: one body whose last
    word one of the two writes shortened (Corp, Intl Bancorp); the full form stays the name."""
    by_head: dict[str, list[OrgRec]] = {}
    for rec in found.values():
        words = rec.name.split()
        if len(words) >= 2 and not rec.known:
            by_head.setdefault(" ".join(words[:-1]), []).append(rec)
    for recs in by_head.values():
        for short in sorted(recs, key=lambda r: len(r.name)):
            tail = short.name.split()[-1].rstrip(".")
            longer = next(
                (
                    r
                    for r in recs
                    if r is not short
                    and r.name in found
                    and len(tail) >= 4
                    and r.name.split()[-1].isalpha()
                    and r.name.split()[-1].startswith(tail)
                    and len(r.name.split()[-1]) > len(tail)
                ),
                None,
            )
            if longer is not None and short.name in found:
                _absorb_org(longer, short)
                del found[short.name]


def _single_token_aliases(
    text: str, found: dict[str, OrgRec], taken: list[tuple[int, int]], gaz: Gazetteer | None = None
) -> None:
    """'Zhengyuan' alone after 'Zhengyuan Motors' is the same company."""
    firsts: dict[str, OrgRec] = {}
    multi_first: dict[str, OrgRec] = {}
    for rec in sorted(found.values(), key=lambda r: r.first):
        if len(rec.name.split()) >= 2:
            multi_first.setdefault(rec.name.split()[0], rec)
    for rec in list(found.values()):
        words = rec.name.split()
        if (
            len(words) == 1
            and not rec.known
            and words[0] in multi_first
            and words[0] not in _GENERIC_FIRST_TOKENS
        ):
            target = multi_first[words[0]]
            target.mentions.extend(rec.mentions)
            if rec.name not in target.surfaces:
                target.surfaces.append(rec.name)
            del found[rec.name]
    # the organisation named first owns its first word ("Tianyun" is Tianyun Cloud, not the later
    # "Tianyun Cloud International")
    for rec in sorted(found.values(), key=lambda r: r.first):
        for surface in [rec.name, *rec.surfaces]:
            words = surface.split()
            if (
                len(words) >= 2
                and words[0] not in _GENERIC_FIRST_TOKENS
                and words[0][:1].isupper()
                and len(words[0]) > 3
                and words[0] not in _DOMAINISH
                # "Guangdong" alone is the province, not the "Guangdong Chamber of Commerce"
                and not (gaz and (words[0] in gaz.places or words[0] in gaz.country_names))
                # "Brazilian iron ore" is no mention of a "Brazilian Industry"
                and not (gaz and words[0] in gaz.demonyms)
            ):
                firsts.setdefault(words[0], rec)
    if not firsts:
        return
    for ms, me, word in scan_literals(text, list(firsts), _NO_WORD_OR_POSSESSIVE_AFTER_RE):
        span = (ms, me)
        if any(overlaps(span, t) for t in taken):
            continue
        rec = firsts[word]
        rec.mentions.append(span)
        if word not in rec.surfaces and word != rec.name:
            rec.surfaces.append(word)
        taken.append(span)


def org_from_gazetteer(name: str, gaz: Gazetteer) -> Org | None:
    return gaz.orgs.get(name) or gaz.org_folded.get(fold(name))


# ------------------------------------------------------------------------------------------------ places


_ZONE_RE = re.compile(
    r"(?:\b[A-ZİÇŞĞÜÖ][\w'’-]*\s+){1,4}(?:Free Zone|Organi[sz]ed Industrial Zone|Industrial Zone|"
    r"Technology Development Zone|Free Trade Zone|Special Economic Zone|Economic Zone|Technopark"
    r"|Industrial Park)"
)


_GEO_RE = re.compile(
    r"\b(?:[A-Z][\w'’-]+\s+){1,2}(?:Sea|Ocean|Strait|River|Lake|Mountains|Valley|Basin|Bay|Canal|Peninsula"
    r"|Desert)\b"
)


def find_places(
    text: str, ents, gaz: Gazetteer, blocked: list[tuple[int, int]], soft: list[tuple[int, int]] = ()
) -> dict[str, PlaceRec]:
    """blocked: spans no place may overlap (people); soft: spans a known place may sit inside (an
    organisation's name: "Dalian Institute of Chemical Physics" names Dalian)."""
    blocked_people = [b for b in blocked if b not in set(soft)]
    places = _PlaceFinder(text, gaz, taken=list(blocked))
    _zone_places(places, blocked_people)
    _named_regions(places)
    _dateline_places(places)
    _geo_names(places)
    _facility_places(places)
    _gazetteer_places(places, set(soft))
    for ent in ents:
        _ner_place(places, ent)
    return places.found


@dataclass
class _PlaceFinder:
    """The places found so far and the spans taken (people's first); each finder below adds to them."""

    text: str
    gaz: Gazetteer
    taken: list[tuple[int, int]]
    found: dict[str, PlaceRec] = field(default_factory=dict)

    def add(self, name: str, country: str | None, s: int, e: int) -> None:
        rec = self.found.get(name)
        if rec is None:
            rec = self.found[name] = PlaceRec(name, country)
        rec.mentions.append((s, e))
        surface = self.text[s:e]
        if surface != name and surface not in rec.surfaces:
            rec.surfaces.append(surface)
        self.taken.append((s, e))

    def is_taken(self, span: tuple[int, int]) -> bool:
        return any(overlaps(span, t) for t in self.taken)


def _zone_places(places: _PlaceFinder, blocked_people: list[tuple[int, int]]) -> None:
    text, gaz = places.text, places.gaz
    for m in _ZONE_RE.finditer(text):
        s, e = clean_entity_text(text, m.start(), m.end())
        if any(overlaps((s, e), t) for t in blocked_people):
            continue
        inner = gaz.place_re.search(text, s, e)
        places.add(text[s:e], gaz.places[inner.group()].country if inner else None, s, e)


def _named_regions(places: _PlaceFinder) -> None:
    """ "the Marmara region", "Türkiye's Aegean region": a named sub-country region."""
    gaz = places.gaz
    for m in re.finditer(r"\bthe ([A-ZÇŞĞÜÖİ][\w'’-]+) [Rr]egion\b", places.text):
        s, e = m.start(1), m.end()
        name = m.group(1)
        if name in _REGIONS or name in gaz.country_names or name in gaz.demonyms or name in _DOMAINISH:
            continue
        if places.is_taken((s, e)):
            continue
        country = gaz.places[name].country if name in gaz.places else None
        places.add(name, country, s, e)


# "at the Bangkok Port", "of Laem Chabang Port", "at Beijing's Great Hall of the People": a named site after a
# preposition of place is where something happens
_FACILITY_RE = re.compile(
    r"\b(?:at|in|of|to|from|near|outside|inside)\s+(?:the\s+)?(?:[A-Z][\w-]+['’]s\s+)?"
    r"(?P<name>(?:[A-Z][\w'’-]+\s+){1,3}(?:Port|Square|Palace|Airport|Hall(?:\s+of\s+the\s+People)?))\b"
    r"(?!\s+(?:Authority|Company|Corporation|Group|Holdings|Ltd|Co)\b)"
)


_GENERIC_SITE_WORDS = frozenset(
    {"Presidential", "Royal", "National", "Imperial", "Grand", "Great", "Old", "New", "Main", "Central"}
    | {"International", "Government", "City", "Town", "Port", "Square", "Palace", "Airport", "Hall"}
)


def _facility_places(places: _PlaceFinder) -> None:
    gaz = places.gaz
    for m in _FACILITY_RE.finditer(places.text):
        s, e = m.start("name"), m.end("name")
        name = m.group("name")
        first = name.split()[0]
        if first in _SHAPE_STOP or first in gaz.demonyms or places.is_taken((s, e)):
            continue
        if all(w in _GENERIC_SITE_WORDS for w in name.split()):
            continue  # "the Presidential Palace", "the International Airport": a description, no name
        inner = gaz.place_re.search(places.text, s, e)
        places.add(name, gaz.places[inner.group()].country if inner else None, s, e)


def _dateline_places(places: _PlaceFinder) -> None:
    """A dateline on its own line: "ANKARA"; a dateline in capitals before the story's first words: "TOKYO,
    March 3 -", "CARACAS, Venezuela (AP) --", "AUBURN HILLS, Mich. (AP) --", "LAGOS -", "FAIRFAX, VA,
    November 19, 2024 /24-7PressRelease/ --"."""
    gaz = places.gaz
    for m in re.finditer(r"^([A-ZÇŞĞÜÖİ][A-ZÇŞĞÜÖİ'’ -]{2,30})$", places.text[:1500], re.MULTILINE):
        name = m.group(1).strip().title().replace("İ", "İ")
        place = gaz.places.get(name) or gaz.places.get(m.group(1).strip().capitalize())
        if place and not places.is_taken((m.start(1), m.end(1))):
            places.add(place.name, place.country, m.start(1), m.start(1) + len(m.group(1).strip()))
    for m in _WIRE_DATELINE_RE.finditer(places.text):
        s, e = m.span("place")
        caps = m.group("place")
        name = _capitalised(caps)
        if name in gaz.country_names or caps in gaz.country_names or name in _REGIONS:
            continue  # "MEXICO --": a country is no place
        if name in gaz.orgs or caps in gaz.orgs:
            continue
        place = gaz.places.get(name)
        anchored = m.group("region") or m.group("when") or m.group("who")
        if place is None and not anchored:
            if " " not in name and english_word(name.lower()):
                continue  # "FILE -", "UPDATE -": a caption's or an editor's word, no dateline
            if not re.match(r"[\"“‘'(]?[A-Z]?[a-z]", places.text[m.end() : m.end() + 3]):
                continue  # "OPEC - OIL MINISTERS MEET": a headline in capitals, no story after a dateline
        if any(overlaps((s, e), t) and t[1] <= m.end() for t in places.taken):
            continue  # a name the tagger ran across the dash ("LAGOS - Nigeria") does not hide the dateline
        region = m.group("region") or ""
        country = (
            place.country
            if place
            else gaz.country_names.get(region) or gaz.country_names.get(_capitalised(region))
        )
        places.add(place.name if place else name, country, s, e)


# a wire's dateline: a place in capitals at a line's start, then a state, province or country, a date, the
# wire's name in brackets or between slashes, and the dash that opens the story
_WIRE_DATELINE_RE = re.compile(
    r"^[^\S\n]*(?P<place>[A-Z][A-Z'’.-]*[A-Z.](?: [A-Z][A-Z'’.-]*[A-Z.]){0,3})"
    r"(?:, (?P<region>[A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2}))?"
    r"(?:,? (?P<when>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?))?"
    r"(?P<who>[^\S\n]*\([A-Z][^)\n]{1,40}\)|[^\S\n]*/[^/\n]{2,60}/)?"
    r"[^\S\n]*(?:-{1,2}|–|—)[^\S\n]+(?=\S)",
    re.MULTILINE,
)


def _capitalised(caps: str) -> str:
    """ "ULAN BATOR" -> "Ulan Bator", "WINSTON-SALEM" -> "Winston-Salem"."""
    return re.sub(r"[A-Za-z]+", lambda w: w.group().capitalize(), caps)


def _geo_names(places: _PlaceFinder) -> None:
    text = places.text
    for m in _GEO_RE.finditer(text):
        s, e = clean_entity_text(text, m.start(), m.end())
        if not places.is_taken((s, e)):
            places.add(text[s:e], None, s, e)


def _gazetteer_places(places: _PlaceFinder, soft: set[tuple[int, int]]) -> None:
    text, gaz = places.text, places.gaz
    for m in gaz.place_re.finditer(text):
        if any(overlaps((m.start(), m.end()), t) for t in places.taken if t not in soft):
            continue
        place = gaz.places[m.group()]
        e = m.end()
        suffix = re.match(r" (?:province|Province|city|City|district|District)\b", text[e : e + 10])
        if suffix:
            e += suffix.end()
        places.add(place.name, place.country, m.start(), e)


def _ner_place(places: _PlaceFinder, ent) -> None:
    text, gaz = places.text, places.gaz
    if ent.label_ not in ("GPE", "LOC"):
        return
    s, e = clean_entity_text(text, ent.start_char, ent.end_char)
    surface = text[s:e]
    if not surface or places.is_taken((s, e)):
        return
    if surface in _REGIONS or surface in gaz.country_names or surface in gaz.demonyms:
        return
    if _names_a_product(surface) or surface in _COMPUTING_ACRONYMS:
        return  # "apps built with React": no organisation, and no place either
    if re.search(r"\b(?:Corridor|Route|Initiative|Republic)\b| of$", surface):
        return
    if not surface[0].isupper() or len(surface.split()) > 5:
        return
    base = re.sub(r" (?:province|Province|city|City|district|District|region|Region)$", "", surface)
    if base.isupper() and len(base) > 3:
        base = base.title()  # a dateline's "BEIJING"
        if base in gaz.country_names:
            return
    country = None
    poss = re.search(r"([A-ZÇŞĞÜÖİ][\w'-]+)['’]s $", text[max(0, s - 30) : s])
    if poss and poss.group(1) in gaz.places:
        country = gaz.places[poss.group(1)].country  # "Konya's Karapınar district"
    if base in gaz.places:
        country = gaz.places[base].country
        base = gaz.places[base].name
    else:
        after = re.match(r", ([A-Z][\w ]+?)(?=[,.;)\n]| and )", text[e : e + 40])
        if after and after.group(1) in gaz.country_names:
            country = gaz.country_names[after.group(1)]
    places.add(base, country, s, e)


# ------------------------------------------------------------------------------------------------ countries


# "South American", "Latin America", "North-America": a continent, not the United States
_CONTINENT_PART_RE = re.compile(
    r"(?:\b(?:South|North|Latin|Central|Middle|Meso|Pan|Anglo|Ibero)[\s-]|\bthe Americas)$"
)
# "Agence France-Presse", "Radio France", "Air France", "Deutsche Welle": a country inside a name
_COUNTRY_IN_NAME_RE = re.compile(r"^(?:[ -]Pres+e\b|[ -]Telecom\b)")
_COUNTRY_IN_NAME_BEFORE_RE = re.compile(r"\b(?:Agence|Radio|Air|Tour de)\s$")


_CURRENCY_AFTER_RE = re.compile(r"\s(?:dollars?|cents?)\b|\$|-dollar")


def _names_the_country(text: str, s: int, e: int) -> bool:
    if _CURRENCY_AFTER_RE.match(
        text, e
    ):  # "US dollars", "US$1.2 billion" ("the US central bank" names the US)
        return False
    if _CONTINENT_PART_RE.search(text, max(0, s - 8), s) and text[s:e].startswith("America"):
        return False
    return not (
        _COUNTRY_IN_NAME_RE.match(text, e) or _COUNTRY_IN_NAME_BEFORE_RE.search(text, max(0, s - 9), s)
    )


# states that no longer exist (resources/countries.yaml): "the former Soviet Union", "former Yugoslavia" in
# later copy name a region's past, not a country the story is about
_BYGONE_STATES = frozenset({"SU", "YU", "CS", "DD"})
_FORMER_BEFORE_RE = re.compile(r"\b(?:former|ex-|post-|pre-)\s*$", re.IGNORECASE)


def country_mentions(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    found = [(m, gaz.country_names[m.group()]) for m in gaz.country_re.finditer(text)]
    found += [(m, gaz.demonyms[m.group()]) for m in gaz.demonym_re.finditer(text)]
    out = [
        (m.start(), m.end(), code)
        for m, code in found
        if _names_the_country(text, m.start(), m.end())
        and not (code in _BYGONE_STATES and _FORMER_BEFORE_RE.search(text, max(0, m.start() - 8), m.start()))
    ]
    out.sort()
    return out


# ------------------------------------------------------------------------------------ false organisations

# the last word of a name that says it is an event, a programme, a law, a thing or a building, not a body
# (conventions: fairs, programmes and treaties, facilities and zones are no organisations)
_NOT_ORG_HEADS = frozenset(
    {
        *("Initiative", "Conference", "Summit", "Expo", "Fair", "Festival", "Games", "Cup", "Award"),
        *("Awards", "Prize", "Act", "Law", "Treaty", "Accord", "Protocol", "Declaration", "Strategy"),
        *("Vision", "Plan", "Policy", "Project", "Scheme", "Corridor"),
        *("Bridge", "Highway", "Railway Line", "Zone", "Plant", "Factory", "Port", "Airport", "Stadium"),
        *("Conditions", "Policies", "Directors", "Ministers", "Officials", "Leaders", "Executives"),
        # programmes, partnerships and talks between bodies, market indices, sites and facilities
        *("Partnership", "Partnerships", "Dialogue", "Agenda", "Process", "Agreement", "Framework"),
        *("Programme", "Program", "Mechanism", "Index", "Composite", "Average", "Campus", "Data Center"),
        "Data Centre",
        *("Area", "Seaport", "Square", "Units", "Projects", "Hubs"),
        # meetings and shows, treaties in the plural, and bodies in the plural (a kind, not one body)
        *("Meeting", "Show", "Air Show", "Exhibition", "Accords", "Banks", "Councils", "Ministries"),
        # deals, visits, rankings and contests named in title case ("Pennsylvania Factory Expansion", "Top
        # Investors List"), and a headline verb at a name's end ("... Joint Venture Awarded")
        *("Expansion", "List", "Ranking", "Rankings", "Merger", "Takeover", "Launch", "Visit", "Talks"),
        *("Elections", "Referendum", "Championship", "Championships", "Tournament", "Olympics", "Week"),
        *("Awarded", "Announced", "Completed", "Signed", "Launched", "Selected", "Unveiled", "Approved"),
    }
)
# a noun right after every mention says the name is a product, a programme or a vehicle
_PRODUCT_NOUN_AFTER_RE = re.compile(
    r"\s+(?:program|programme|project|mission|rover|lander|vehicle|spacecraft|rocket|battery|batteries|"
    r"cells?|packs?|models?|cars?|SUVs?|sedans?|trucks?|pickups?|vans?|platform|engines?|chips?|phones?|app|"
    r"initiative|scheme|plan|contracts?|award|prize|bonds?|index|tram|trains?|line|bridge|corridor|zone"
    r"|channel|channels|account|accounts|feed"
    # drinks sold under a brand ("Smirnoff vodka", "Havana Club rum"): the brand, not its maker
    r"|rum|vodka|whisky|whiskey|brandy|gin|stout|lager|ale|cognac|liqueur|champagne|tequila|bourbon)\b"
)
_HONORIFIC_TOKENS = frozenset({"Dr", "Mr", "Mrs", "Ms", "Prof", "Sir", "H.E", "Dr.", "Mr.", "Prof."})
_LEGAL_AFTER_COMMA_RE = re.compile(
    r",\s+(?:Inc|Ltd|LLC|Co|Corp|Limited|S\.A|SA|AG|GmbH|N\.V|plc|PLC|L\.P|LP)\b\.?"
)
# a firm named after its partners, with its legal form: "Bear, Stearns & Co.", "Skadden, Arps, Slate,
# Meagher & Flom LLP", "Hanifren, Imhoff Inc."
_FIRM_OF_PARTNERS_RE = re.compile(
    r"[A-Z][\w'’-]+(?:, [A-Z][\w'’-]+)+(?: & [A-Z][\w'’-]+)?,? (?:&[ ]?)?(?:Co\.|Inc\.|LLP|LLC|Ltd\.|Corp\.)"
)
_FILE_OR_URL_RE = re.compile(r"/|\.(?:avif|png|jpe?g|gif|webp|svg|pdf|html?|php|aspx?)$", re.IGNORECASE)
_NOT_ORG_HEAD_AFTER_RE = re.compile(r"\s+(?:Act|Law|Treaty|Summit|Conference|Initiative|Expo|Fair)\b")
_TRAILING_GENERIC_OF_RE = re.compile(r"\s+of\s+the\s+(?:Ministry|Government|Department|Country|State)$")


_EVENT_WORDS = frozenset({"Forum", "Conference", "Summit", "Initiative", "Festival", "Expo", "Fair", "Games"})


# heads of a spelled-out acronym that name a thing, not a body: "Non-Proliferation Treaty (NPT)", "Theater
# Missile Defense (TMD)", "Thermal Management System (TMS)", "Really Simple Syndication (RSS)"
_THING_HEADS = _NOT_ORG_HEADS | frozenset(
    {
        *("Defense", "Defence", "Rover", "Satellite", "Satellites", "System", "Preferences", "Arrivals"),
        *("Facility", "Syndication", "Extraction", "Leach", "Upconverters", "Upconverter", "Standard"),
    }
)
_ACRONYM_NAME_RE = re.compile(r"[A-Z][A-Z&]{1,5}s?")
_STOP_IN_EXPANSION = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})


def _expansion_names_a_thing(expansion: str, acronym: str) -> bool | None:
    """The words spelled out for an acronym, when they are its expansion (first and last letters met in
    them): True when they name a thing (a lower-case phrase, "intellectual property (IP)", or a thing's
    head, "Comprehensive Test Ban Treaty (CTBT)"), False when a name, None when they are no expansion."""
    words = [w.strip(",.;:“”\"'’") for w in expansion.split()]
    words = [w for w in words if w]
    letters = acronym.rstrip("s").replace("&", "")
    if not words or not letters:
        return None
    window = [w for w in words[-(len(letters) + 3) :] if w.lower() not in _STOP_IN_EXPANSION]
    last = words[-1]
    if not window or letters[-1].lower() not in last.lower():
        return None
    if not any(w[:1].lower() == letters[0].lower() for w in window):
        return None
    if last[:1].islower():
        return last.lower() not in _LOWER_LEGAL_FORMS and not _LOWER_BODY_HEAD_RE.fullmatch(last)
    return last in _THING_HEADS


def _acronym_of_a_thing(text: str, name: str) -> bool:
    """An acronym the text spells out, every time, as a thing: "intellectual property (IP)", "a Mutual
    Non-Disclosure Agreement (NDA)", "DACA (Deferred Action for Childhood Arrivals)"."""
    if not _ACRONYM_NAME_RE.fullmatch(name):
        return False
    verdicts = []
    esc = re.escape(name)
    for m in re.finditer(rf"([^\n()]{{1,90}}?)\s*\(\s*[“\"]?{esc}[”\"]?\s*\)", text):
        verdicts.append(_expansion_names_a_thing(m.group(1), name))
    for m in re.finditer(rf"(?<![\w-]){esc}\s*\(([^\n()]{{3,90}})\)", text):
        first = m.group(1).split()
        if first and first[0][:1].lower() == name[0].lower():
            verdicts.append(_expansion_names_a_thing(m.group(1), name))
    verdicts = [v for v in verdicts if v is not None]
    return bool(verdicts) and all(verdicts)


# a title taken for a body: "Head of Education and Government GTM", "Ruler of Dubai"
_TITLE_AS_ORG_RE = re.compile(
    r"^(?:Head|Ruler|Chairman|Chairwoman|Chair|President|Vice President|Director|Managing Director|Minister"
    r"|Secretary|Governor|Mayor|Chief [A-Z][a-z]+(?: [A-Z][a-z]+)? Officer) of\b"
)


# a title's words inside a name: a person's office cut loose, not a body
_TITLE_WORD_IN_NAME_RE = re.compile(
    r"\b(?:Co-?[Ff]ounders?|CEO|COO|CTO|CFO|CMO|VP|SVP|EVP)\b"
    r"|\bChief [A-Z][a-z]+$|\s(?:Fellow|Executive|Head)$"
)


# last words of products, services and sites, never of a body's name
_THING_TAILS = frozenset(
    {
        *("Channel", "Arcade", "App", "Edition", "Twins", "Xbox", "Mall"),
        *("Expressway", "Palace", "Zoo", "Circus", "Transformation"),
        # machines, models and a field's whole market: "Micro-Modular Reactor", "Rotary Kiln Furnace", "Solid
        # State Power Amplifiers", "Hydrogen Refueling Station", "AI Large Models", "EV Ecosystem" (not
        # "Battery", "Turbine", "Vehicles": makers are named so, "Varna Battery", "Dongshan Turbine")
        *("Reactor", "Reactors", "Furnace", "Furnaces", "Amplifier", "Amplifiers", "Station", "Stations"),
        *("Ecosystem", "Models"),
        # software sold as a service: "Digital Experience Platform", "Serverless Functions", "Acme AI SDK"
        *("Platform", "Platforms", "Functions", "SDK"),
        # a body's people or a contact line: "Acme News Service Clients", "Acme Press Inquiries Contact"
        *("Clients", "Customers", "Shareholders", "Employees", "Users", "Contact", "Contacts", "Inquiries"),
    }
)


# a partnership as a legal form is a company ("Mesa Limited Partnership"), not a programme
_PARTNERSHIP_FORM_RE = re.compile(r"\b(?:Limited|General|Master|Royalty) Partnership$|\bL\.?P\.?$")


# a legal form written in lower case ends a company's name ("Acme plc"); any other lower-case last word makes
# the name a phrase ("the LFP version", "best value for money version")
_LOWER_LEGAL_FORMS = frozenset(
    {"plc", "ltd", "inc", "llc", "gmbh", "bhd", "tbk", "spa", "srl", "sarl", "pte", "co"}
)
# a body named in lower case stays one ("the Chinese government", "Russia's foreign ministry")
_LOWER_BODY_HEAD_RE = re.compile(
    r"government|ministry|embassy|consulate|department|administration|authority|agency|council|commission"
    r"|committee|parliament|cabinet|assembly|senate|congress|legislature|police|army|navy|military|court"
    r"|office|bureau|party|union|bank|municipality|delegation|regulator|mission|secretariat|[a-z]+s"
)
_DATE_NAME_RE = re.compile(
    r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,4}(?:,?\s+\d{4})?|May\s+\d{1,4}(?:,?\s+\d{4})?"
)


# prepositions a title-case heading capitalises and a name never does ("of", "for", "and" left out: some
# bodies print them in capitals, "Bank Of ...", "Centre For ...")
_TITLE_CASE_PREPOSITIONS = frozenset(
    {
        "In",
        "From",
        "With",
        "To",
        "On",
        "At",
        "By",
        "Into",
        "Onto",
        "Via",
        "Over",
        "Against",
        "Amid",
        "Towards",
    }
)


def _false_org_name(name: str) -> bool:
    words = name.split()
    if _TITLE_AS_ORG_RE.match(name):
        return True
    if _TITLE_WORD_IN_NAME_RE.search(name):
        return True  # "Chair and Co-Founder of Patch", "OpenAI’s Chief Technology", "VP & Head": a title
    if _DATE_NAME_RE.fullmatch(name):
        return True  # "May 2021", "Sept. 4": a date
    if any(w in _TITLE_CASE_PREPOSITIONS for w in words[1:-1]):
        # "Partners With Acme Capital", "Secure Investment In Acme Energy", "New Outlook On Green Growth": a
        # preposition in capitals is a title-case heading's; a body's name writes it in lower case
        return True
    if (
        len(words) > 1
        and name[0].isupper()
        and re.fullmatch(r"[a-z]{3,}", words[-1])
        and words[-1] not in _LOWER_LEGAL_FORMS
        and not _LOWER_BODY_HEAD_RE.fullmatch(words[-1])
    ):
        return True  # "LFP version": a phrase, no name
    if re.search(r"[®™]", name):
        return True  # "Digital Intuition®": a trademark marks a product
    if len(words) > 1 and words[-1] in _THING_TAILS:
        return True  # "Quorvex Channel", "Blade Batteries", "Harbour Mall": a product, a service or a site
    if re.match(r"Partnership (?:for|on) ", name):
        return True  # "Partnership for Global Infrastructure and Investment": a programme
    if (
        words[-1] in _NOT_ORG_HEADS or " ".join(words[-2:]) in _NOT_ORG_HEADS
    ) and not _PARTNERSHIP_FORM_RE.search(name):
        return True
    if any(w in _EVENT_WORDS for w in words[1:-1]):
        return True  # "Harbour Cities Forum for Shared Growth" (a think tank may be a "... Policy Forum")
    if any(w.rstrip(".") in _HONORIFIC_TOKENS or w in _HONORIFIC_TOKENS for w in words):
        return True  # "Specialist Dr" from "Specialist Dr. Anil Jasinghe"
    if _FILE_OR_URL_RE.search(name) or re.search(r"[“”\"]", name):
        return True  # an image file, or a quotation run into a name ("Model e. “Our Model")
    if re.search(r"['’]s\s+[A-Z]{2,5}$", name):
        return True  # "VinFast’s EV": an owner and its thing
    if "," in name and not name.startswith(("Ministry", "Department", "Office")):
        # "Starship, Blue Origin": two names; "Bear, Stearns & Co.", "Hanifren, Imhoff Inc.": one firm
        return not _LEGAL_AFTER_COMMA_RE.search(name) and not _FIRM_OF_PARTNERS_RE.fullmatch(name)
    return False


_PRODUCT_WORDS = frozenset(
    {"Model", "Plus", "Pro", "Max", "Mini", "Ultra", "Lightning", "Series", "Edition"}
    | {"EV", "PHEV", "BEV", "SDK", "API", "App"}  # "<brand> Han EV", "<brand> Agents SDK"
)
# body styles of cars: "Mini Convertible", "Audi Coupe"; a class letter: "Mercedes-Benz E-class"
_BODY_STYLES = frozenset(
    {
        *("Convertible", "Coupe", "Coupé", "Cabriolet", "Cabrio", "Roadster", "Sedan", "Saloon"),
        *("Hatchback", "Estate", "Wagon", "Spider", "Spyder", "Crossover", "Minivan", "Pickup"),
    }
)
_CLASS_WORD_RE = re.compile(r"[A-Z]{1,3}-[Cc]lass")


def _product_of_a_brand(name: str, brands: set[str]) -> bool:
    """ "BYD Yuan Plus", "Volta Model 3", "F-150 Lightning", "Mini Convertible", "Audi A-class": a brand's
    model, not a body."""
    words = name.split()
    if words[0] == "Model" or re.fullmatch(r"[A-Z]{1,2}-?\d+[A-Za-z]*", words[0]):
        return True
    for k in range(1, len(words)):
        if " ".join(words[:k]) in brands:
            rest = words[k:]
            if len(rest) == 1 and (rest[0] in _BODY_STYLES or _CLASS_WORD_RE.fullmatch(rest[0])):
                return True
            return any(w in _PRODUCT_WORDS or re.search(r"\d", w) for w in rest)
    return False


def _plural_of_a_brand(rec: OrgRec, brands: set[str]) -> bool:
    """ "sales of Land Rovers": another body's name in the plural names its vehicles (a name of its own in
    the singular, "Vauxhalls" beside "Vauxhall", is the same brand)."""
    words = rec.name.split()
    last = words[-1]
    own = {rec.name, *rec.surfaces}
    return (
        len(words) > 1  # one word in the plural ("Opels") is the brand itself, as the text counts its cars
        and len(last) > 3
        and last.endswith("s")
        and last[0].isupper()
        and last[:-1] in brands - own
        and not any(sf.endswith(last[:-1]) for sf in own)
    )


_NEW_BEFORE_RE = re.compile(r"\b(?:[Tt]he|[Aa]|its|their) (?:all-)?new $")


def _new_model_of_a_brand(text: str, rec: OrgRec) -> bool:
    """ "the new VW Golf": a brand and one more word after "the new" is a model, never a body."""
    words = rec.name.split()
    return (
        len(words) == 2
        and not rec.shaped
        and bool(rec.mentions)
        and all(_NEW_BEFORE_RE.search(text, max(0, s - 16), s) for s, _e in rec.mentions)
    )


_AFTER_A_PARENT_ACRONYM_RE = re.compile(
    r" (?:[A-Z][a-z]+(?! (?:said|says|has|had|is|was|will|would)\b)"
    r"|(?:[a-z-]+ ){0,2}(?:tribunal|court|programme|program|agency|mission|commission|body|fund))\b"
)


def _product_noun_after(text: str, e: int) -> bool:
    """ "X lander", "X (XL) program": the noun after a mention, past a parenthesised acronym."""
    paren = re.match(r"\s*\([^()\n]{1,15}\)", text[e : e + 20])
    return bool(_PRODUCT_NOUN_AFTER_RE.match(text, e + (paren.end() if paren else 0)))


_GROUP_TAIL = frozenset(
    {"group", "corp", "corporation", "co", "ltd", "limited", "holdings", "holding", "inc"}
)


def _merge_case_variants(orgs: dict[str, OrgRec]) -> None:
    """ "SINOPEC Group" and "Sinopec": one body written in two cases, with or without its group word."""
    by_fold: dict[str, OrgRec] = {}
    for rec in sorted(orgs.values(), key=lambda r: (len(r.name), r.name)):
        words = fold(rec.name).replace(".", "").split()
        while len(words) > 1 and words[-1] in _GROUP_TAIL:
            words = words[:-1]
        key = " ".join(words)
        owner = by_fold.get(key)
        if owner is None:
            by_fold[key] = rec
        elif owner.name != rec.name and rec.name in orgs:
            _absorb_org(owner, rec)
            del orgs[rec.name]


_PLACE_TAILS = frozenset({"Area", "Seaport", "Square"})
_TICKER_RE = re.compile(
    r"\((?:NYSE|NASDAQ|Nasdaq|NYSE American|OTCQB|OTCQX|OTC|TSX|TSXV|ASX|LSE)\s*:\s*[A-Z.]{1,6}\)"
)
_LIST_LEFT_RE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})(?:, | and )$")
_LIST_RIGHT_RE = re.compile(r"(?:, (?:and )?| and )([A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2})(?![\w'’-])")


_BODY_TAILS = frozenset(
    {"Foundation", "Trust", "Fund", "Group", "Partners", "Holdings", "Capital", "Ventures"}
)
_PLACE_NAME_RE = re.compile(r"[A-Z][a-z]+(?:['’]s)?(?:[ -][A-Z][a-z]+){0,2}")


def _owned_by_an_org(name: str, orgs: dict[str, OrgRec]) -> bool:
    """ "Ascom’s Unite Connect": a thing of an organisation the text names."""
    owner = re.match(r"(.+?)['’]s ", name)
    return bool(owner) and owner.group(1) in orgs


def _named_like_a_place(name: str, orgs: dict[str, OrgRec], gaz: Gazetteer) -> bool:
    first = re.sub(r"['’]s$", "", name.split()[0])
    return bool(_PLACE_NAME_RE.fullmatch(name)) and not (
        first in orgs or first in gaz.orgs or first in gaz.country_names or first in gaz.demonyms
    )


def _between_places(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """A mention whose neighbours in a list ("A, B and C") are all known places or countries."""
    neighbours = []
    left = _LIST_LEFT_RE.search(text, max(0, s - 40), s)
    if left:
        neighbours.append(left.group(1))
    right = _LIST_RIGHT_RE.match(text, e)
    if right:
        neighbours.append(right.group(1))
    return bool(neighbours) and all(n in gaz.places or n in gaz.country_names for n in neighbours)


# a lower-case noun of a place after a name, or before it with "of" ("the island of X", "called X")
_PLACE_NOUN_AFTER_RE = re.compile(
    r"\s+(?:state|province|prefecture|county|district|region|oasis|islands?|residents?|airport|city|town"
    r"|village|municipality|suburb|neighbou?rhood|peninsula|valley|area|reservation|rivers)\b"
)
_PLACE_OF_BEFORE_RE = re.compile(
    r"\b(?:islands?|state|province|city|town|village|region|county|district|oasis|suburb|port|area) of\s+$"
    r"|\bcalled\s+$"
)
_CALLED_BEFORE_RE = re.compile(r"\bcalled\s+$")
_SITE_AFTER_RE = re.compile(r"\s+(?:factory|plant|site|works|facility|refinery|mine|campus)\b")
_SITE_BEFORE_RE = re.compile(
    r"\b(?:factory|plant|site|facility|headquartered|based|located|town|village|city) (?:in|at|of) $"
    # a place of work or of living: "cars produced at X", "on the outskirts of X", "the house he rents in X",
    # "coastal cities such as X"
    r"|\b(?:produced|made|built|assembled|manufactured|born|lives|lived|rents|rented|outskirts|suburbs"
    r"|towns|cities|villages|suburb|district) (?:in|at|of|near) $"
    r"|\b(?:cities|towns|places|sites) (?:such )?as $"
)
# finite verbs of a title-case headline: "America Expresses Interest", "Mongolia Gives Importance"
HEADLINE_FINITE = _HEADLINE_FINITE = frozenset(
    {
        *_HEADLINE_VERBS,
        *("Is", "Are", "Gives", "Expresses", "Cooperate", "Wraps", "Seals", "Vows", "Pledges", "Urges"),
        *("Mulls", "Backs", "Hails", "Welcomes", "Stresses", "Attends", "Tours", "Praises", "Receives"),
        *("Halts", "Increases", "Adds", "Buys", "Sells", "Wins", "Cuts", "Raises", "Expands", "Boosts"),
        *("Agrees", "Approves", "Rejects", "Reaches", "Unveils", "Joins", "Inks", "Licenses", "Advance"),
        *("Starts", "Ends", "Sets", "Gets", "Takes", "Makes", "Drops", "Plans", "Targets", "Acquires"),
        *("Bets", "Considers", "Pushes", "Warns", "Hires", "Names", "Slams", "Eyes", "Mulls", "Weighs"),
        *(
            "Doubles",
            "Slashes",
            "Bans",
            "Blocks",
            "Sues",
            "Probes",
            "Denies",
            "Confirms",
            "Reports",
            "Delays",
        ),
        # press-release headlines: "Tidal Energy Corporation Collaborates with ...", "Exhibitors Gather"
        *(
            "Collaborates",
            "Selects",
            "Appoints",
            "Secures",
            "Completes",
            "Debuts",
            "Introduces",
            "Celebrates",
        ),
        *("Invests", "Deploys", "Integrates", "Accelerates", "Strengthens", "Extends", "Renews", "Achieves"),
        *(
            "Releases",
            "Showcases",
            "Gather",
            "Gathers",
            "Enters",
            "Partner",
            "Collaborate",
            "Unite",
            "Unites",
        ),
    }
)
# a participle opening a clause ("Representing C.P. Group, Ms ...", "Advancing Generative AI"): the first
# word of no name, except trades that end in -ing
_TRADES_IN_ING = frozenset(
    {
        *("Banking", "Engineering", "Shipping", "Trading", "Mining", "Publishing", "Consulting", "Building"),
        *("Manufacturing", "Holding", "Marketing", "Printing", "Broadcasting", "Packaging", "Clearing"),
        *("Housing", "Training", "Learning", "Computing", "Financing", "Planning", "Catering", "Leading"),
        # and the participles that name a body's role: "Standing Committee", "Organising Committee"
        *("Standing", "Steering", "Organising", "Organizing", "Working", "Coordinating", "Governing"),
        *("Ruling", "Founding", "Supervising", "Operating", "Visiting", "Morning", "Evening", "Sporting"),
    }
)


# a word made only of pinyin syllables ("Nanjing", "Xingfeming") is no English participle
_PINYIN_WORD_RE = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou"
    r"|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u))+"
)


_US_STATE_CODES = [
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
]
_US_STATE_ABBREVIATIONS = [
    "Ala",
    "Ariz",
    "Ark",
    "Calif",
    "Colo",
    "Conn",
    "Del",
    "Fla",
    "Ga",
    "Ill",
    "Ind",
    "Kan",
    "Kans",
    "Ky",
    "La",
    "Md",
    "Mass",
    "Mich",
    "Minn",
    "Miss",
    "Mo",
    "Mont",
    "Neb",
    "Nev",
    "N.H",
    "N.J",
    "N.M",
    "N.Y",
    "N.C",
    "N.D",
    "Okla",
    "Ore",
    "Pa",
    "R.I",
    "S.C",
    "S.D",
    "Tenn",
    "Tex",
    "Va",
    "Vt",
    "Wash",
    "W.Va",
    "Wis",
    "Wyo",
    "D.C",
]
_STATE_CODES_ALT = "|".join(_US_STATE_CODES)
_STATE_ABBR_ALT = "|".join(re.escape(a) for a in _US_STATE_ABBREVIATIONS)
_AFTER_TOWN_STATE_RE = re.compile(rf",\s+(?:(?:{_STATE_CODES_ALT})\b(?![.\w-])|(?:{_STATE_ABBR_ALT})\.)")
_TOWN_BEFORE_STATE_RE = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?,\s+$")


_COUNTRY_AFTER_RE = re.compile(
    r", ([A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,2})(?=[,.;:)\n]| [(“\"]| (?:to|and|on|in|is|has)\b)"
)


def _town_before_country(text: str, e: int, gaz: Gazetteer) -> bool:
    """ "SLU, Uppsala, Sweden", "a plant in Vargarda, Sweden": a town written before its country."""
    m = _COUNTRY_AFTER_RE.match(text, e)
    return bool(m) and m.group(1) in gaz.country_names


def _us_place_by_state(text: str, s: int, e: int) -> bool:
    """A town written before its US state's abbreviation ("Manteo, NC", "Jonesboro, Ark."), or the postal
    code itself after a town."""
    if _AFTER_TOWN_STATE_RE.match(text, e):
        return not text[s:e].isupper()  # "AUBURN HILLS, Mich. (AP)": a dateline is the datelines' rules' own
    return text[s:e] in _US_STATE_CODES and bool(_TOWN_BEFORE_STATE_RE.search(text, max(0, s - 40), s))


def _opens_with_a_participle(name: str) -> bool:
    first = name.split()[0]
    return (
        len(name.split()) > 1
        and first.endswith("ing")
        and len(first) > 5
        and first not in _TRADES_IN_ING
        and not _PINYIN_WORD_RE.fullmatch(first.lower())
    )


def in_title_case_line(text: str, s: int) -> bool:
    """The mention sits in a line written in title case (a headline)."""
    left = text.rfind("\n", 0, s) + 1
    right = text.find("\n", s)
    words = [
        w
        for w in re.findall(r"[^\W\d_][\w’'-]*", text[left : right if right >= 0 else len(text)])
        if len(w) > 3
    ]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


_LOWER_WORD_RE = re.compile(r"(?<![\w’'./@-])[a-z]{2,}(?![\w./@-])")
# page residue glued to a name: "CAwww" (a state before a web address), "APIin", "CNN Business)A"
_GLUED_RE = re.compile(r"[A-Za-z]www$|^[A-Z]{2,}(?:in|on|at|of|to|the|and)$|^[^(]*\)")


def _common_word_or_model(name: str, lower_words: set[str]) -> bool:
    """ "Telecoms", "Diesel", "Club": one word the text also writes in lower case is a common noun; a name
    ending in a single capital ("Cooper S", "Neta S") is a model; glued residue is no name."""
    words = name.split()
    if len(words) == 1 and not name.isupper() and name.lower() in lower_words:
        return True
    if len(words) > 1 and re.fullmatch(r"[A-Z]", words[-1]):
        return True
    return bool(_GLUED_RE.search(name))


_BODY_WORDS_LOWER = frozenset(
    {"party", "group", "union", "club", "society", "association", "institute", "foundation", "fund", "league"}
    | {"bank", "council", "board", "court", "army", "forces", "force", "guard", "network", "media", "press"}
)


def _headline_fragment(text: str, rec: OrgRec, lower_words: set[str] | None = None) -> bool:
    """Every mention in a title-case headline, and the name holds one of its verbs, or ends in a noun the
    text writes in lower case elsewhere ("Democrat Shutdown", "Transgender Animal Experiments") with no
    body's word in it."""
    if not rec.mentions or not all(in_title_case_line(text, s) for s, _e in rec.mentions):
        return False
    words = rec.name.split()
    if any(w in _HEADLINE_FINITE for w in words):
        return True
    return (
        lower_words is not None
        and len(words) > 1
        and not rec.shaped
        and org_kind(rec.name) == "other"
        and words[-1].lower() in lower_words
        and not any(w.lower() in _BODY_WORDS_LOWER for w in words)
    )


WEEKDAYS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


# "<place>-based", "-listed", "Trouble-hit" and the like before a name ("Acme's Boston-based Acme Labs")
_LEAD_DESCRIPTOR_RE = re.compile(
    r"(?:[A-Z][\w.&]*['’]s\s+)?(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*-(?:based|listed|hit|headquartered"
    r"|owned|backed|controlled|run)\s+(.+)"
)


_EXCHANGES = frozenset(
    {"NASDAQ", "NYSE", "NYSE AMERICAN", "OTC", "OTCQB", "OTCQX", "TSX", "TSXV", "ASX", "LSE", "TASE", "SIX"}
)


# the size of a market index after its maker's name: "S&P 500", "FTSE 250", "Nikkei 225", "Russell 2000"
_INDEX_SIZE_AFTER_RE = re.compile(r" (?:50|100|200|225|250|300|400|500|600|1000|1500|2000)\b(?![.,]\d)")


def _only_a_listing(text: str, rec: OrgRec) -> bool:
    """An exchange the text names only in a listing, "(NASDAQ: QRVX, TASE: QRVX)"."""
    if rec.name.upper() not in _EXCHANGES:
        return False
    found = [m.end() for m in re.finditer(rf"(?<![\w-]){re.escape(rec.name)}(?![\w-])", text, re.IGNORECASE)]
    return bool(found) and all(re.match(r"\s*:\s*[A-Z]", text[e : e + 10]) for e in found)


# one common word alone is no body's name: a trade cut from a name ("Coffee" from "Seattle Coffee Co."), a
# body's noun without its name ("the Chamber", "the Army"), a weekday, a word capitalised at a line's start
_GENERIC_ONE_WORDS = frozenset(
    {
        *("Coffee", "Coffeehouse", "Brewing", "Broadcasting", "Machinery", "Aggregates", "Drills", "Mining"),
        *("Shipping", "Banking", "Insurance", "Trading", "Publishing", "Logistics", "Retail", "Catering"),
        *("Chamber", "Army", "Navy", "Committee", "Ministry", "Department", "Agency", "Bureau"),
        *WEEKDAYS,
        *("Advantage", "Integrity", "Front", "Mystery", "Assist", "Hosted", "Own", "Previously", "Venture"),
    }
)


def _said_twice(name: str) -> str | None:
    """ "Acme Analytics Acme Analytics" or "Turner MedTechTurner MedTech": the name once."""
    m = re.fullmatch(r"(\S.{2,}?) ?\1", name)
    return m.group(1) if m and re.search(r"[A-Za-z]{3}", m.group(1)) else None


# a unit inside a body, never the body: "Division of Clinical Nutrition", "Faculty of Medicine ...", "US
# Gaming Division", "the Communication Department" of a bank, "Acme’s School of Labor"
_UNIT_OF_A_BODY_RE = re.compile(
    r"^(?:Division|Divisions|Faculty) of\b|\s(?:Division|Divisions)$"
    r"|\b(?:Communications?|Marketing|Sales|Public Affairs|Human Resources|Management|Investor Relations"
    r"|Media Relations|Press)\s+(?:Department|Division|Unit|Team)$"
    r"|\w['’]s\s+(?:(?:School|Faculty|Division|Department) of\b|(?:\S+\s+){0,4}(?:Department|Council)$)"
)


def _rename_org(orgs: dict[str, OrgRec], rec: OrgRec, name: str, mentions: list[tuple[int, int]]) -> None:
    """`rec` read under a wrong name is `name`, at `mentions`: one more set of mentions of the body when it
    is already found under that name (no alias added: the wrong form is no name of it), else renamed."""
    del orgs[rec.name]
    if name in orgs:
        orgs[name].mentions.extend(m for m in mentions if m not in orgs[name].mentions)
    else:
        rec.name, rec.mentions = name, mentions
        rec.surfaces = [sf for sf in rec.surfaces if sf != name]
        orgs[name] = rec


def _unit_of_a_body(name: str) -> bool:
    return bool(_UNIT_OF_A_BODY_RE.search(name))


# two sides joined by a hyphen name a relation between them ("U.S.-India ties", "the Euro-Atlantic
# community", "the Jakarta-Surabaya line"), no body, unless a body's word follows ("Sino-Varnian Chamber")
_PAIR_NAME_RE = re.compile(
    r"([A-Z][\w.]*(?: [A-Z][\w.]*)?)-([A-Z][\w.]*(?: [A-Z][a-z]+)?)((?: [A-Z][a-z]+)?)"
)
_PAIR_PREFIXES = frozenset(
    {
        "Indo",
        "Sino",
        "Euro",
        "Afro",
        "Franco",
        "Anglo",
        "Russo",
        "Turco",
        "Greco",
        "Italo",
        "Atlantic",
        "Pacific",
    }
)
_PAIR_BODY_RE = re.compile(
    r"\b(?:Council|Chamber|Association|Group|Commission|Committee|Forum|Bank|Company|Co|Corp|Corporation|Inc"
    r"|Ltd|Society|Foundation|Institute|Centre|Center|Board|Fund|Union|Federation|Alliance|Agency|Authority"
    r"|Office|Secretariat|Organi[sz]ation|University|Academy|Party|Holdings|Partners|Airlines|Airways)\b"
)


def _names_a_pair(name: str, orgs: dict[str, OrgRec], gaz: Gazetteer) -> bool:
    """ "U.S.-India", "Indo-Sri Lanka", "Taiwan-Europe Technical": two countries, places, regions or bodies
    joined by a hyphen (a relation, a route), with no body's word in the name."""
    m = _PAIR_NAME_RE.fullmatch(name)
    if not m or _PAIR_BODY_RE.search(name):
        return False

    def side(w: str) -> bool:
        return (
            w in gaz.country_names
            or w in gaz.places
            or w in gaz.demonyms
            or w in _PAIR_PREFIXES
            or w in _REGIONS
            or (w in orgs and w != name)
        )

    left, right = m.group(1), m.group(2)
    return side(left) and (side(right) or side(right.split()[0]))


# a dateline run in capitals at a line's start, "HANGZHOU (CHINA) -", "AUBURN HILLS, Mich. (AP) --"
_DATELINE_RUN_RE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’. ]+(?:\([A-Z][A-Z'’. ]+\))?(?=\s*(?:--|-|—|–|,|:|\())", re.MULTILINE
)


def _only_in_datelines(text: str, rec: OrgRec) -> bool:
    """Every mention inside the capitals of a dateline: a place ("MEXICO --") or a piece of one ("HILLS" of
    "AUBURN HILLS, Mich."), never a body the rules do not know."""
    if not rec.mentions:
        return False
    runs = [(m.start(), m.end()) for m in _DATELINE_RUN_RE.finditer(text)]
    return all(any(a <= s and e <= b for a, b in runs) for s, e in rec.mentions)


# words that make a name a body's, a company's or a brand's even when each is a common word ("Home Office",
# "General Motors", "Southern Power")
_BODY_WORDS_IN_NAME = frozenset(
    {
        *("party", "group", "union", "club", "society", "association", "institute", "foundation", "fund"),
        *("league", "bank", "council", "board", "court", "army", "forces", "force", "guard", "network"),
        *("media", "press", "ministry", "department", "agency", "office", "authority", "commission"),
        *("company", "corporation", "university", "committee", "bureau", "administration", "service"),
        *("house", "times", "news", "post", "exchange", "airlines", "airways", "motors", "nations", "corp"),
        *(
            "inc",
            "ltd",
            "co",
            "center",
            "centre",
            "laboratory",
            "laboratories",
            "school",
            "college",
            "academy",
        ),
        *("secretariat", "organization", "organisation", "federation", "alliance", "chamber", "trust"),
        *("partners", "holdings", "capital", "ventures", "international", "energy", "power", "industries"),
        *("police", "parliament", "government", "congress", "senate", "assembly", "cabinet", "embassy"),
    }
)
_NAME_STOP_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&", "with"})


def _common_words_only(text: str, rec: OrgRec, lower_words: set[str], gaz: Gazetteer) -> bool:
    """ "Obesity Management", "Digital Solutions", "Information Systems", "Learning and Knowledge Management":
    a name of two or more words, each one the text also writes in lower case (or a ministry's remit word),
    none a body's word, never an item of a list of names: a field, a service or a product line, no body."""
    words = [w for w in re.split(r"[\s-]+", rec.name) if w and w.lower() not in _NAME_STOP_WORDS]
    if len(words) < 2 or not all(re.fullmatch(r"[A-Z][a-z]+", w) for w in words):
        return False
    if any(w.lower() in _BODY_WORDS_IN_NAME for w in words):
        return False
    if not all(w.lower() in lower_words or w in gaz.domain_words for w in words):
        return False
    return not any(
        _LIST_LEFT_RE.search(text, max(0, s - 40), s) or _LIST_RIGHT_RE.match(text, e)
        for s, e in rec.mentions
    )


# a run of capitalised words, with the small words a name holds ("Belt and Road Initiative")
_CAPITALISED_RUN_RE = re.compile(r"(?<![\w’'-])[A-Z][\w’'-]*(?:(?: (?:of|and|for|the|on|&))* [A-Z][\w’'-]*)+")


def _acronym_of_a_programme(text: str, name: str) -> bool:
    """ "the BRI" where the text names the Belt and Road Initiative, "the PGII" for the Partnership for Global
    Infrastructure and Investment: an acronym made of the initials of a programme's, a treaty's or an event's
    name in the same text (and of no other name there) is that thing, not a body."""
    if not _ACRONYM_NAME_RE.fullmatch(name) or len(name) < 3:
        return False
    verdicts = set()
    for m in _CAPITALISED_RUN_RE.finditer(text):
        words = m.group().split()
        for i, j in itertools.combinations(range(len(words) + 1), 2):  # any stretch of the run
            part = words[i:j]
            if part[0] in _INITIAL_SKIP or part[-1] in _INITIAL_SKIP or _initials(" ".join(part)) != name:
                continue
            run = " ".join(part)
            verdicts.add(part[-1] in _THING_HEADS or bool(re.match(r"Partnership (?:for|on) ", run)))
    return verdicts == {True}


def _short_plain_name(rec: OrgRec) -> bool:
    """Found in the text, not company-shaped, of no body's kind, three words at most and not an acronym:
    a name that may as well be a place."""
    return (
        bool(rec.mentions)
        and not rec.shaped
        and org_kind(rec.name) == "other"
        and len(rec.name.split()) <= 3
        and not rec.name.isupper()
    )


_SHARES_BEFORE_RE = re.compile(r"\b(?:shares|stock|ADRs|ADSs|units|warrants)\s*\($")


def drop_false_orgs(
    text: str, orgs: dict[str, OrgRec], gaz: Gazetteer
) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """Organisations whose name or context says they are something else: events, programmes, laws and
    things by their last word (and their acronyms), products by the noun after every mention, honorifics
    and sentence breaks inside, file names; "... of the Ministry" trimmed off a council's name.
    Returns what was dropped by its name (name, mentions, whether it names a place: "Seoul Metropolitan
    Area"): no place is read inside the others ("Shanghai Composite")."""
    dropped: set[str] = set()
    things: list[tuple[str, list[tuple[int, int]], bool]] = []
    lower_words = set(_LOWER_WORD_RE.findall(text))
    brands = {sf for rec in orgs.values() for sf in (rec.name, *rec.surfaces) if len(sf.split()) == 1}
    for rec in list(orgs.values()):
        if (
            rec.kind in {"international", "government"}
            and rec.mentions
            and all(
                text[s:e].isupper()
                and text[s:e].isalpha()
                and e - s <= 4
                and _AFTER_A_PARENT_ACRONYM_RE.match(text, e)
                for s, e in rec.mentions
            )
        ):
            # "the UN Development Programme", "the UN war crimes tribunal": the acronym names the parent of
            # another body, which is the one the text speaks of
            del orgs[rec.name]
            continue
        if (
            not rec.known
            and re.fullmatch(r"[A-Z]{2,6}", rec.name)
            and rec.mentions
            and all(_SHARES_BEFORE_RE.search(text, max(0, s - 40), s) for s, _e in rec.mentions)
        ):
            # "its registered shares (VELN)": a stock symbol in brackets after the shares it names
            del orgs[rec.name]
            continue
        trimmed_lead = _LEAD_DESCRIPTOR_RE.match(rec.name)
        if trimmed_lead and len(trimmed_lead.group(1).split()) >= 2 and rec.name[:1].isupper():
            # "Hong Kong-listed Cosco Shipping", "Acme's Boston-based Acme Labs", "Trouble-hit Zeta
            # Motors": a descriptor before the name is no part of it
            rest = trimmed_lead.group(1)
            cut = len(rec.name) - len(rest)
            _rename_org(orgs, rec, rest, [(s + cut, e) for s, e in rec.mentions if e - s == len(rec.name)])
            continue
        if re.match(r"(?:Should|Would|Could|Will|Shall|Must|Can|Did|Does|Do)\s", rec.name):
            del orgs[rec.name]  # "Should Rome decide to quit": a question's verb opens no name
            continue
        if _only_a_listing(text, rec):
            del orgs[rec.name]  # "(NASDAQ: QRVX)": the exchange only names where the company is listed
            continue
        if rec.mentions and all(_INDEX_SIZE_AFTER_RE.match(text, e) for _s, e in rec.mentions):
            del orgs[rec.name]  # "the S&P 500", "the FTSE 100": a market index, not the body behind it
            continue
        head = rec.name.split()
        if (
            len(head) >= 2
            and head[1] in _HEADLINE_FINITE
            and head[1].endswith("s")
            and (head[0] in gaz.country_names or (head[0] in orgs and head[0] != rec.name))
        ):
            del orgs[rec.name]  # "Varnia Considers Using ...", "Quorvex Bets on ...": a subject and its verb
            continue
        if rec.name in _GENERIC_ONE_WORDS:
            del orgs[rec.name]  # "Coffee" cut from "Seattle Coffee Co.", "the Chamber", "Tuesday"
            continue
        if rec.name in _COMPUTING_ACRONYMS and not rec.known:
            del orgs[rec.name]  # "PE shops", "FX reserves": shorthand for a thing, wherever it was read
            continue
        once = _said_twice(rec.name)
        if once:
            # "Acme Analytics Acme Analytics", "Turner MedTechTurner MedTech": a logo's text run into the
            # name it repeats
            _rename_org(orgs, rec, once, rec.mentions)
            continue
        if _unit_of_a_body(rec.name):
            del orgs[rec.name]  # "Division of Endocrinology", "Acme’s Data Science Division": a body's unit
            continue
        if rec.known or rec.name in gaz.orgs:
            continue
        if _names_a_pair(rec.name, orgs, gaz):
            del orgs[rec.name]  # "U.S.-India ties", "the Jakarta-Surabaya line": a relation or a route
            continue
        if not rec.shaped and _only_in_datelines(text, rec):
            del orgs[rec.name]  # "MEXICO --", "AUBURN HILLS, Mich.": a dateline's place
            continue
        surfaces = [rec.name, *rec.surfaces]
        if (
            _product_of_a_brand(rec.name, brands)
            or (
                (rec.name.split()[0] in brands or rec.name.split()[0] in gaz.orgs)
                and _new_model_of_a_brand(text, rec)
            )
            or _plural_of_a_brand(rec, brands)
            or any(len(sf.split()) > 1 and _false_org_name(sf) for sf in surfaces)
            or _false_org_name(rec.name)
            or (rec.mentions and all(_NOT_ORG_HEAD_AFTER_RE.match(text, e) for _s, e in rec.mentions))
            or _headline_fragment(text, rec, lower_words)
            or _opens_with_a_participle(rec.name)
            or _acronym_of_a_thing(text, rec.name)
            or _acronym_of_a_programme(text, rec.name)
            or (not rec.shaped and _common_word_or_model(rec.name, lower_words))
            or (not rec.shaped and not rec.surfaces and _common_words_only(text, rec, lower_words, gaz))
        ):
            del orgs[rec.name]  # "Coastal Power" cut from "the Coastal Power Act"
            dropped.update(_initials(sf) for sf in surfaces if len(sf.split()) > 2)
            things.append((rec.name, list(rec.mentions), rec.name.split()[-1] in _PLACE_TAILS))
            continue
        if (
            rec.mentions
            and not rec.shaped
            and len(rec.name.split()) <= 2
            # "the Bellamy Group plant", "the Northwind Corp factory": a company's site, and the company
            and not any(org_kind(text[s:e]) == "company" for s, e in rec.mentions)
            and all(
                _SITE_AFTER_RE.match(text, e) or _SITE_BEFORE_RE.search(text, max(0, s - 40), s)
                for s, e in rec.mentions
            )
        ):
            # "its vast Cowley factory", "the main Rover factory in Longbridge", "headquartered in Baar":
            # a site, named by its place
            del orgs[rec.name]
            things.append((rec.name, list(rec.mentions), rec.name.split()[0] not in {"A", "An", "The"}))
            continue
        if (
            _short_plain_name(rec)
            and rec.name.split()[-1] not in _BODY_TAILS
            and not _owned_by_an_org(rec.name, orgs)
            and any(_between_places(text, s, e, gaz) for s, e in rec.mentions)
        ):
            # "Khon Kaen and Nakhon Phanom", "Silang, Amadeo, Tagaytay": an item of a list of places is no
            # organisation, and a place when it is named like one ("China Cooperate" is none)
            del orgs[rec.name]
            things.append((rec.name, list(rec.mentions), _named_like_a_place(rec.name, orgs, gaz)))
            continue
        if _short_plain_name(rec) and any(
            _PLACE_NOUN_AFTER_RE.match(text, e) or _PLACE_OF_BEFORE_RE.search(text, max(0, s - 30), s)
            for s, e in rec.mentions
        ):
            # "India's Varna Pradesh state", "a Tessford resident", "the island of Corvallo", "the Qerat oasis
            # area", "Lomsak airport": a place named by what it is; "a blend called X" names a thing
            del orgs[rec.name]
            named_so = any(_CALLED_BEFORE_RE.search(text, max(0, s - 12), s) for s, _e in rec.mentions)
            things.append(
                (rec.name, list(rec.mentions), not named_so or _named_like_a_place(rec.name, orgs, gaz))
            )
            continue
        if (
            rec.mentions
            and not rec.shaped
            and (
                all(_us_place_by_state(text, s, e) for s, e in rec.mentions)
                or (
                    _short_plain_name(rec)
                    and any(_town_before_country(text, e, gaz) for _s, e in rec.mentions)
                )
            )
        ):
            # "Jonesboro, Ark.", "Manteo, NC", "Houston, TX": a town before its state's abbreviation, or the
            # abbreviation itself
            del orgs[rec.name]
            things.append((rec.name, list(rec.mentions), not rec.name.isupper()))
            continue
        if rec.mentions and all(_TICKER_RE.match(text, max(0, s - 1)) for s, _e in rec.mentions):
            del orgs[rec.name]  # "(NYSE: GEV)": a ticker names the company, not a party on the exchange
            continue
        followed = sum(1 for _s, e in rec.mentions if _product_noun_after(text, e))
        if (
            rec.mentions
            and not rec.shaped
            and (
                followed == len(rec.mentions)
                # "Commercial Lunar Payload Services (CLPS) program": a long name mostly read as a programme
                or (
                    len(rec.name.split()) > 2
                    and 2 * followed >= len(rec.mentions)
                    and org_kind(rec.name) == "other"
                )
            )
        ):
            # "the Blue Moon lander", "CLPS contracts", "BYD Blade battery"
            del orgs[rec.name]
            dropped.update(_initials(sf) for sf in [rec.name, *rec.surfaces] if len(sf.split()) > 2)
            continue
        if followed and len(rec.name.split()) > 2:
            dropped.add(_initials(rec.name))
        trimmed = _TRAILING_GENERIC_OF_RE.sub("", rec.name)
        if trimmed != rec.name and trimmed not in orgs:
            del orgs[rec.name]
            rec.surfaces = [sf for sf in rec.surfaces if sf != trimmed]
            rec.name = trimmed
            orgs[trimmed] = rec
    _merge_case_variants(orgs)
    for name in dropped & set(orgs):  # "DOSP" for the "Deep Orbit Services Program"
        if not orgs[name].known and name not in gaz.orgs:
            del orgs[name]
    return things


# ----------------------------------------------------------------------------------------- false places

# directions, celestial bodies and hyphenated continents are no sub-country places
_NOT_PLACES = frozenset(
    {
        *("North", "South", "East", "West", "Northeast", "Northwest", "Southeast", "Southwest"),
        *("South-east", "South-East", "North-east", "North-East", "South-west", "North-west", "Northeastern"),
        *(
            "Mars",
            "Moon",
            "Earth",
            "Venus",
            "Jupiter",
            "North-America",
            "South-America",
            "Pacific",
            "Atlantic",
        ),
        *("South-east Asia", "South-East Asia", "Asia-Pacific", "Eurozone", "Orient", "Occident"),
    }
)
# AP-style US state abbreviations after a city ("Garden City, N.Y.", "DEARBORN, Mich.")
# (without "D.C.", which this check never held: "Washington, D.C." reads as before)
_STATE_ABBREVIATIONS = frozenset(_US_STATE_ABBREVIATIONS) - {"D.C"}
_NEWSPAPER_WORDS = (
    r"Star|Herald|Times|Post|Tribune|Journal|Gazette|Courant|Chronicle|Globe|Bee|Observer|Independent|"
    r"Mirror|Telegraph|Guardian|Daily|News|Inquirer|Examiner|Standard|Sun|Record|Express|Dispatch"
)
_NEWSPAPER_RE = re.compile(rf"^(?:The\s+)?(?:[A-Z][\w.'’-]*\s+){{1,3}}(?:{_NEWSPAPER_WORDS})$")
_SPEECH_AFTER_RE = re.compile(r"\s+(?:said|says|told|added|noted|stressed|explained)\b")
_PERSON_BEFORE_RE = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+$")
_SPEC_LINE_AFTER_RE = re.compile(r"\s+[a-z][\w -]{0,30}:")  # "Gravimetric energy density: 203 Wh/kg"


_GATHERING_WORDS = r"(?:Agreement|Accord|Summit|Process|Declaration|Conference|Forum|Protocol|Dialogue)"
_NAMED_GATHERING_RE = re.compile(rf"\s{_GATHERING_WORDS}$")
_NAMED_GATHERING_AFTER_RE = re.compile(rf"(?: [A-Z][\w-]*){{0,2}} {_GATHERING_WORDS}\b")


def _place_is_false(text: str, rec: PlaceRec, gaz: Gazetteer, org_names: set[str], lower_words: set[str]):
    name = rec.name
    if name in _NOT_PLACES or name.rstrip(".") in _STATE_ABBREVIATIONS or name in org_names:
        return True
    if _NEWSPAPER_RE.match(name) and name not in gaz.places:
        return True  # "Kansas City Star" is a newspaper
    if re.search(r"\s(?:and|of|the|for)$", name):
        return True  # "Third Belt and": a name cut in the middle
    if re.fullmatch(r"G\d{1,2}", name) or "www" in name or _NAMED_GATHERING_RE.search(name):
        return True  # "G7" is a group of states, "Texaswww" is contact-block residue, "East Asia Summit"
    known = name in gaz.places
    if not known and re.fullmatch(r"[A-Z]{2,4}", name):
        return True  # "AI", "QC", "TX": an acronym or a state's postal code, not a place's name
    if not known and len(name.split()) == 1 and name.lower() in lower_words:
        return True  # "Battery", "Automakers", "Multiple": a common word at a line's or a headline's start
    if not known and all(
        _SPEECH_AFTER_RE.match(text, e) or _PERSON_BEFORE_RE.search(text, max(0, s - 6), s)
        for s, e in rec.mentions
    ):
        return True  # "Pandjaitan said", "Mr Mukerjee": a person
    # "Gravimetric energy density: 203 Wh/kg": the first word of a specification line
    return not known and all(
        _SPEC_LINE_AFTER_RE.match(text, e) and (s == 0 or text[s - 1] == "\n") for s, e in rec.mentions
    )


_CAP_BEFORE_RE = re.compile(r"(?<![.!?:\n]\s)(?<!^)\b([A-Z][a-z]+) $")
_CAP_AFTER_RE = re.compile(r" ([A-Z][a-z]+)\b")


def _inside_capitalised_run(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    if len(text[s:e].split()) != 1:
        return False
    before = _CAP_BEFORE_RE.search(text, max(0, s - 20), s)
    after = _CAP_AFTER_RE.match(text, e)
    if not (before and after) or before.start() == 0 or text[before.start() - 1] == "\n":
        return False
    neighbours = (before.group(1), after.group(1))
    return not any(
        w in gaz.places or w in gaz.country_names or w in gaz.demonyms or w in _NOT_NEIGHBOUR_WORDS
        for w in neighbours
    )


_NOT_NEIGHBOUR_WORDS = frozenset({"President", "Minister", "Mayor", "Governor", "The", "In", "At", "From"})


_BODY_AFTER_PLACE_RE = re.compile(r"\s+(?:stock exchange|consortium|city government|municipal government)\b")
# "Memorandum of Understanding", "Letter of Intent": words of a document's name
_NOT_PLACE_WORDS = frozenset({"Understanding", "Intent", "Cooperation", "Multiple"})


def drop_false_places(
    text: str, places: dict[str, PlaceRec], orgs: dict, people: list, gaz: Gazetteer
) -> None:
    """Places that are something else: inside an organisation's name ("Shanghai Automotive", "Federal
    Reserve Bank of New York"), inside or beside a person's name ("Vo Van Thuong"), a newspaper, an
    organisation, a direction or a celestial body, a US state abbreviation, a common word, a person who
    speaks."""
    org_spans = [m for rec in orgs.values() for m in rec.mentions]
    person_spans = [m for p in people for m in p.mentions]
    org_names = {sf for rec in orgs.values() for sf in (rec.name, *rec.surfaces)}
    lower_words = set(re.findall(r"(?<![\w’'-])[a-z]{3,}(?![\w-])", text))
    for rec in list(places.values()):
        if rec.name in _NOT_PLACE_WORDS or rec.name.split()[0] in {"A", "An"}:
            del places[rec.name]  # "A United Arab Emirates (UAE) delegation"
            continue
        if _place_is_false(text, rec, gaz, org_names, lower_words):
            del places[rec.name]
            continue
        kept = []
        for s, e in rec.mentions:
            if any(
                os_ <= s and e <= oe and (os_, oe) != (s, e) and text[s - 4 : s] != " in "
                for os_, oe in org_spans
            ):
                continue  # "Shanghai" in "Shanghai Automotive Industry Corp" ("Embassy in Bangkok" stays)
            if any(ps <= s and e <= pe for ps, pe in person_spans) or any(
                pe == s - 1 or ps == e + 1 for ps, pe in person_spans
            ):
                continue  # "Van" in "Vo Van Thuong"
            if (
                any(oe + 4 == s and text[oe:s] == " of " for _os, oe in org_spans)
                and text[s - 4 : s] == " of "
            ):
                continue  # "Federal Reserve Bank of New York": the place names the body
            if _NAMED_GATHERING_AFTER_RE.match(text, e):
                continue  # "the Paris Agreement", "the Hiroshima AI Process": a name, not the place
            if _BODY_AFTER_PLACE_RE.match(text, e):
                continue  # "the Shenzhen stock exchange", "the Phoenix consortium": a body's name
            if _inside_capitalised_run(text, s, e, gaz):
                continue  # "Vo Van Thuong": a place's name as one word of a longer name
            kept.append((s, e))
        if not kept:
            del places[rec.name]
        else:
            rec.mentions = kept


# ------------------------------------------------------------------------------------------ newspapers

_MASTHEAD_WORDS = (
    r"Herald|Tribune|Courant|Gazette|Chronicle|Globe|Inquirer|Examiner|Telegraph|Bee|Times|Post|Journal|Star"
)
_NEWSPAPER_NAME_RE = re.compile(
    rf"(?<![\w’'-])(?:[A-Z][a-z]+\.? ){{1,3}}(?:{_MASTHEAD_WORDS})(?: on Sunday)?(?![\w’'-])"
    r"|(?<=\b[Tt]he )(?:Independent(?: on Sunday)?|Guardian|Observer|Economist|Times)(?![\w’'-])"
)
_NOT_MASTHEAD_LEAD = frozenset(
    {"The", "A", "An", "In", "At", "On", "By", "For", "Last", "This", "Next", "Prime"}
)


def add_newspapers(text: str, orgs: dict[str, OrgRec], people: list) -> None:
    """Newspapers by their mastheads' shape ("Hartford Courant", "Miami Herald", "the Observer"):
    media organisations, which NER often reads as places or people (a person without a title whose name is
    a masthead becomes the newspaper)."""
    for p in list(people):
        if not p.positions and len(p.name.split()) >= 2 and _NEWSPAPER_NAME_RE.fullmatch(p.name):
            people.remove(p)
            orgs.setdefault(p.name, OrgRec(p.name, "media", None, sorted(p.mentions), list(p.surfaces)))
    for rec in orgs.values():
        if rec.kind == "other" and any(_NEWSPAPER_NAME_RE.match(text, s) for s, _e in rec.mentions):
            rec.kind = "media"
    held = sorted(
        [m for p in people for m in p.mentions] + [m for rec in orgs.values() for m in rec.mentions]
    )
    for m in _NEWSPAPER_NAME_RE.finditer(text):
        words = m.group().split()
        after_the = text[max(0, m.start() - 4) : m.start()].lower() == "the "
        while len(words) > 1 and words[0] in _NOT_MASTHEAD_LEAD:
            words = words[1:]
        if len(words) < 2 and not after_the:
            continue  # "Times" alone is no masthead; "the Observer" is
        name = " ".join(words)
        e = m.end()
        s = e - len(name)
        if any(hs < e and s < he for hs, he in held):
            continue
        rec = orgs.get(name)
        if rec is None:
            rec = orgs[name] = OrgRec(name, "media", None)
        rec.mentions.append((s, e))
        held.append((s, e))


REGIONS = frozenset(_REGIONS)  # continents and multi-country regions ("president for Europe" keeps Europe)


# ---------------------------------------------------------------------------------- lists of companies

# "companies in India, including A, B and C", "customers—including A, B", "our partners A, B, and C",
# "businesses like A, B": what follows names companies
_COMPANY_LIST_CUE_RE = re.compile(
    r"\b(?:companies|firms|customers|partners|businesses|brands|start-?ups|carriers|airlines|banks|lenders"
    r"|publishers|clients|investors|automakers|carmakers|manufacturers|suppliers|unicorns|publications"
    r"|newspapers|outlets)\b"
    r"(?:[^.\n:;]{0,40}?(?:\b(?:including|like|such as|namely)|:|—|–)|)[ \t—–]+"
    r"(?=[A-Z])"
)
_LIST_ITEM = r"[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3}"
_LIST_RE = re.compile(rf"(?P<items>{_LIST_ITEM}(?:(?:,\s+(?:and\s+)?|\s+and\s+){_LIST_ITEM}){{1,12}})")


_LIST_GLUE = frozenset(
    {"and", "or", "who", "which", "that", "are", "is", "have", "has", "were", "was", "to", "in", "for", "as"}
    | {"with", "will", "on", "at", "all", "among", "also", "working", "using"}
)


def companies_in_lists(
    text: str, orgs: dict[str, OrgRec], places: dict[str, PlaceRec], people: list, gaz: Gazetteer
) -> None:
    """The items of a list of companies are companies: a place or a person NER made of one ("NatWest",
    "Virgin Atlantic") becomes one, and an item no finder took is added. Countries, known places and
    people who speak elsewhere stay what they are."""
    for cue in _COMPANY_LIST_CUE_RE.finditer(text):
        m = _LIST_RE.match(text, cue.end())
        if not m:
            continue
        items = re.split(r",\s+(?:and\s+)?|\s+and\s+", re.split(r"\.\s", m.group("items"))[0])
        if any(x in gaz.country_names or x in gaz.places or x in _REGIONS for x in items):
            continue  # "our core markets: Spain, Latam and USA": a list of places
        pos = m.start()
        for raw in items:
            s = text.index(raw, pos)
            pos = s + len(raw)
            item = raw.rstrip(".")
            e = s + len(item)
            nxt = re.match(r" ([a-z]+)", text[e : e + 20])
            if nxt and nxt.group(1) not in _LIST_GLUE:
                continue  # "European properties BILD": an adjective, not an item
            if (
                item in gaz.country_names
                or item in gaz.demonyms
                or item in gaz.places
                or item.split()[0] in {"The", "A", "An", "Our", "We", "Its", "Their"}
                or _FILE_OR_URL_RE.search(item)
            ):
                continue
            if any(overlaps((s, e), m2) for rec in orgs.values() for m2 in rec.mentions):
                continue
            place = places.get(item)
            if place is not None and all(
                s <= ps and pe <= e for ps, pe in place.mentions if text[ps:pe] == item
            ):
                del places[item]
            person = next((p for p in people if p.name == item), None)
            if person is not None:
                if person.positions or len(person.mentions) > 1:
                    continue
                people.remove(person)
            if any(overlaps((s, e), pm) for p in people for pm in p.mentions):
                continue
            rec = orgs.get(item)
            if rec is None:
                rec = orgs[item] = OrgRec(item, org_kind(item), None)
            rec.mentions.append((s, e))


# ----------------------------------------------------------------------------- partners of a pact

# "partners with X", "a partnership with X and Y", "signed an MoU with X", "teamed up with the startup X":
# whoever a body makes a pact with is a body too
_PACT_WITH_CUE_RE = re.compile(
    r"\b(?:(?:[Pp]artner(?:s|ed|ing)?|[Tt]eam(?:s|ed|ing)?[ \t]+[Uu]p|[Cc]ollaborat(?:e|es|ed|ing|ion)"
    r"|[Pp]artnerships?|[Aa]lliances?|[Jj]oint[ \t]+[Vv]entures?|MoUs?|MOUs?|[Mm]emorand(?:um|a)[ \t]+of"
    r"[ \t]+[Uu]nderstanding|[Jj]oin(?:s|ed|ing)?[ \t]+[Ff]orces)[ \t]+[Ww]ith"
    # "an MoU between Remal IoT and Sungwoo Techwin", "the merger between Acme and Zeta"
    r"|(?:MoUs?|MOUs?|[Mm]emorand(?:um|a)[ \t]+of[ \t]+[Uu]nderstanding|[Aa]greements?|[Dd]eals?|[Pp]acts?"
    r"|[Pp]artnerships?|[Jj]oint[ \t]+[Vv]entures?|[Mm]ergers?|[Tt]ie-ups?|[Cc]ontracts?)"
    r"(?:[ \t]+(?:signing|signed|inked))?[ \t]+between)"
    r"[ \t]+(?:the[ \t]+)?"
    r"(?:(?:[a-z-]+[ \t]+){0,2}(?:organi[sz]ations?|compan(?:y|ies)|firms?|start-?ups?|publishers?|banks?"
    r"|lenders?|developers?|makers?|operators?|providers?|groups?|outlets?)[ \t]+)?"
    r"(?=[A-Z])"
)
_PACT_ITEM = r"[A-Z][\w&'.-]*(?:[ \t]+(?:of[ \t]+)?[A-Z][\w&'.-]*){0,3}"
_PACT_LIST_RE = re.compile(rf"{_PACT_ITEM}(?:(?:,[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+){_PACT_ITEM})*")


# a full stop after a word (not after a legal form) ends the list's sentence
_SENTENCE_END_IN_LIST_RE = re.compile(r"(?<!\bCo)(?<!\bCorp)(?<!\bInc)(?<!\bLtd)(?<!\bPlc)(?<=[a-z]{2})\.\s")


def pact_partners(
    text: str, orgs: dict[str, OrgRec], places: dict[str, PlaceRec], people: list, gaz: Gazetteer
) -> None:
    """The names a body partners, allies or signs a memorandum with are bodies: one no finder took is
    added, and a place NER made of one that the gazetteer does not know becomes one. Countries,
    demonyms, known places and people stay what they are."""
    for cue in _PACT_WITH_CUE_RE.finditer(text):
        m = _PACT_LIST_RE.match(text, cue.end())
        if not m:
            continue
        pos = m.start()
        listed = _SENTENCE_END_IN_LIST_RE.split(m.group())[0]  # "... and Shukran Korea. The ...": one list
        items = []
        for raw in re.split(r",[ \t]+(?:and[ \t]+)?|[ \t]+and[ \t]+", listed):
            s = text.index(raw, pos)
            pos = s + len(raw)
            item = raw if re.fullmatch(r"(?:[A-Z]\.){2,}", raw) else raw.rstrip(".")  # "U.S." keeps its point
            e = s + len(item)
            nxt = re.match(r"[ \t]*([\w’'-]+)", text[e : e + 20])
            if nxt and (nxt.group(1)[0].isupper() or nxt.group(1) not in _LIST_GLUE | {"for", "by", "from"}):
                continue  # "with Japanese automakers", "with Ostland’s ..." : not a name on its own
            if _town_before_country(text, e, gaz):
                continue  # "with the Department of Clinical Sciences, SLU, Uppsala, Sweden": its seat
            _add_named_body(text, item, s, e, orgs, places, people, gaz)
            items.append((item, s, e))
        if "between" in cue.group():
            _people_beside_a_body(text, items, orgs, places, people, gaz)


def _body_shaped(rec: OrgRec) -> bool:
    """A body known, with a company's shape, or with a word no person's name has ("IoT", "AG", "ACME")."""
    return (
        rec.known
        or rec.shaped
        or org_kind(rec.name) != "other"
        or any(w.isupper() or re.search(r"[a-z][A-Z]", w) for w in rec.name.split())
    )


def _people_beside_a_body(
    text: str,
    items: list[tuple[str, int, int]],
    orgs: dict[str, OrgRec],
    places: dict[str, PlaceRec],
    people: list,
    gaz: Gazetteer,
) -> None:
    """ "an MoU between Remal IoT and Sungwoo Techwin": a party NER took for a person, named once, with no
    post, beside a body in a pact between them, is a body too ("a deal between Putin and Erdogan": two
    people, no body beside them)."""
    bodies = [rec for rec in orgs.values() if _body_shaped(rec)]  # not a person NER took for a body
    if not any(overlaps((s, e), m2) for rec in bodies for m2 in rec.mentions for _i, s, e in items):
        return
    for item, s, e in items:
        person = next((p for p in people if (s, e) in p.mentions), None)
        if person is None or person.positions or len(person.mentions) > 1 or len(item.split()) < 2:
            continue
        people.remove(person)
        _add_named_body(text, item, s, e, orgs, places, people, gaz)


def _add_named_body(
    text: str,
    item: str,
    s: int,
    e: int,
    orgs: dict[str, OrgRec],
    places: dict[str, PlaceRec],
    people: list,
    gaz: Gazetteer,
) -> None:
    """A name a deal shows to be a body (``text[s:e] == item``): added as an organisation unless it is a
    country, demonym, known place or person, or already a body; a place NER made of it becomes the body."""
    poss = re.match(r"([\w-]+)['’]s\s+(?=[A-Z])", item)
    if poss and (poss.group(1) in gaz.country_names or poss.group(1) in gaz.places):
        s += poss.end()  # "in partnership with China's Lian SGP"
        item = text[s:e]
    words = item.split()
    if (
        item in gaz.country_names
        or item in gaz.demonyms
        or item in gaz.places
        or item in _REGIONS
        or words[0] in gaz.demonyms
        or words[0] in gaz.country_names
        or words[0] in {"The", "A", "An", "Our", "We", "Its", "Their", "His", "Her", "Government"}
        or words[0] in WEEKDAYS
        or len(item) < 3
        or _FILE_OR_URL_RE.search(item)
    ):
        return
    if any(overlaps((s, e), m2) for rec in orgs.values() for m2 in rec.mentions):
        return
    if any(overlaps((s, e), pm) for p in people for pm in p.mentions):
        return
    rec = orgs.get(item)
    if rec is None:
        rec = orgs[item] = OrgRec(item, org_kind(item), None)
    place = places.pop(item, None)
    spans = [(x.start(), x.end()) for x in re.finditer(rf"(?<![\w-]){re.escape(item)}(?![\w-])", text)]
    for span in [*(place.mentions if place else []), *spans]:
        if (
            span in rec.mentions
            or any(overlaps(span, pm) for p in people for pm in p.mentions)
            or any(overlaps(span, m2) for r in orgs.values() if r is not rec for m2 in r.mentions)
        ):
            continue
        rec.mentions.append(span)
    rec.mentions.sort()


# ---------------------------------------------------------------------------- bodies bought or taken over

_BUY_FORMS = frozenset(
    {
        *("buy", "buys", "bought", "buying", "acquire", "acquires", "acquired", "acquiring"),
        *("purchase", "purchases", "purchased", "purchasing"),
    }
)
_BUY_NOUNS = frozenset({"acquisition", "acquisitions", "takeover", "purchase", "buyout", "buy-out"})


def bought_bodies(
    doc, text: str, orgs: dict[str, OrgRec], places: dict[str, PlaceRec], people: list, gaz: Gazetteer
) -> None:
    """ "X bought Amey", "Y was acquired by X", "the acquisitions of A and B": a proper name that a verb of
    buying takes as its object (or passive subject), or that follows an acquisition noun's "of", is a body
    (a company, a club, a hotel) — unless a number counts it ("bought 15 ATR jets": a product) or a
    possessive or "&" goes on with it."""
    if doc is None:
        return
    for tok in doc:
        lower = tok.lower_
        if lower in _BUY_FORMS and tok.tag_.startswith("VB"):
            heads = [c for c in tok.children if c.dep_ in {"dobj", "nsubjpass"}]
        elif lower in _BUY_NOUNS and tok.tag_.startswith("NN"):
            heads = [
                c
                for p in tok.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for c in p.children
                if c.dep_ == "pobj"
            ]
        else:
            continue
        for head in [h for x in heads for h in (x, *x.conjuncts)]:
            span = _proper_name_span(head)
            if span is None:
                continue
            s, e = span
            if not all(w[0].isupper() or not w[0].isalpha() for w in text[s:e].split()):
                continue  # "the nation's premier publishing house" tagged as a name
            _add_named_body(text, text[s:e], s, e, orgs, places, people, gaz)


def _proper_name_span(head) -> tuple[int, int] | None:
    """The proper name a noun phrase's head ends ("rival May Stores" -> "May Stores"), or None."""
    if head.tag_ not in {"NNP", "NNPS"} or any(c.dep_ == "nummod" or c.tag_ == "CD" for c in head.children):
        return None
    doc = head.doc
    start = head.i
    while start > 0 and doc[start - 1].tag_ in {"NNP", "NNPS"} and doc[start - 1].head.i in {head.i, start}:
        start -= 1
    nxt = doc[head.i + 1] if head.i + 1 < len(doc) else None
    if nxt is not None and (nxt.tag_ in {"POS", "CD", "NNP", "NNPS"} or nxt.text in {"&", "-"}):
        return None
    if start > 0 and doc[start - 1].text == "&":
        return None
    return doc[start].idx, head.idx + len(head.text)


# ------------------------------------------------------------------------------ bodies cut at "and" / "’s"

_BODY_OF_RE = re.compile(
    r"^(?:[A-Z][\w-]* )*(?:Ministry|Department|Administration|Committee|Commission|Council|Bureau|Office"
    r"|Agency|Authority|Secretariat) of "
)
_REMIT_WORDS = frozenset({"Film", "Television", "Radio", "Press", "Publication", "Innovation", "Tourism"})
_REMIT_STEP_RE = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+|\s*&\s*)(?P<words>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3})"
)
_POSSESSIVE_BODY_RE = re.compile(r"['’]s (?P<head>Congress|Party|Assembly|Council|Committee|Republic)\b")


_BODY_HEAD_BEFORE_RE = re.compile(r"\b(?:University|Institute|Academy|College|School) of (?:the )?$")
_LINE_START_WORD_RE = re.compile(r"(?:^|\n|[（(])[ \t]*(?:[-*•][ \t]+)?([A-Z][\w&'’-]+) $")
_BODY_HEADS = frozenset({"Academy", "University", "Institute", "College", "School", "Bank", "Foundation"})


def _cut_head(text: str, s: int, name: str, gaz: Gazetteer | None) -> int:
    """Where a body's name really starts when NER left its first words off: "[University of] Petroleum and
    Energy Studies", "- [Manipal] Academy of Higher Education" (a list line)."""
    before = _BODY_HEAD_BEFORE_RE.search(text, max(0, s - 30), s)
    if before and before.end() == s:
        return before.start()
    line = _LINE_START_WORD_RE.search(text, max(0, s - 40), s)
    if line and line.end() == s and name.split()[0] in _BODY_HEADS:
        word = line.group(1)
        if gaz is None or not (word in gaz.demonyms or word in gaz.country_names or word in _SHAPE_STOP):
            return line.start(1)
    return s


def extend_cut_bodies(
    text: str, orgs: dict[str, OrgRec], domain_words: frozenset[str], gaz: Gazetteer | None = None
) -> None:
    """ "Ministry of ICT" + " and Innovation", "Ministry of Finance" + ", Economic Stabilization, and National
    Policies", "Standing Committee of the National People" + "’s Congress": a body's remit NER cut short."""

    def remit_word(w: str) -> bool:
        return w in domain_words or w in _REMIT_WORDS or (w.isupper() and len(w) >= 2)

    for rec in list(orgs.values()):
        if rec.known:
            continue
        grown = [(_cut_head(text, ms, text[ms:me], gaz), me) for ms, me in rec.mentions]
        if grown != rec.mentions:
            name = max((text[a:b] for a, b in grown), key=len)
            if "\n" not in name and name not in orgs and len(name) > len(rec.name):
                del orgs[rec.name]
                rec.surfaces = [sf for sf in [rec.name, *rec.surfaces] if sf != name]
                rec.name = name
                rec.mentions = [m for m in grown if "\n" not in text[m[0] : m[1]]]
                orgs[name] = rec
        if not _BODY_OF_RE.match(rec.name):
            continue
        longest = None
        for s, e in rec.mentions:
            end = e
            poss = _POSSESSIVE_BODY_RE.match(text, end)
            if poss:
                end = poss.end()
            else:
                while True:
                    step = _REMIT_STEP_RE.match(text, end)
                    if not step or not all(remit_word(w) for w in step.group("words").split()):
                        break
                    end = step.end()
            if end > e and (longest is None or end - s > longest[1] - longest[0]):
                longest = (s, end)
        if longest is None:
            continue
        name = text[longest[0] : longest[1]]
        if "\n" in name:
            continue
        del orgs[rec.name]
        rec.surfaces = [sf for sf in [rec.name, *rec.surfaces] if sf != name]
        rec.name = name
        rec.mentions = [longest if m[0] == longest[0] else m for m in rec.mentions]
        if name in orgs:
            _absorb_org(orgs[name], rec)
        else:
            orgs[name] = rec
        acronym = re.match(r"\s*\(([A-Z][A-Za-z&]{1,9})\)", text[longest[1] : longest[1] + 14])
        if acronym and acronym.group(1) in orgs and acronym.group(1) != name:
            _absorb_org(orgs[name], orgs.pop(acronym.group(1)))  # "... Radio, Film and Television (SARFT)"


_UNIT_END_RE = re.compile(
    r"(?= (?:Co|Company|Ltd|Limited|Inc|Corp|Corporation|Pte|Sdn|Bhd|PT|Tbk|LLC|GmbH)\b"
    r"|[^\w\s(-]|\s+[a-z]|\s*$)"
)
_ASSOCIATION_HEADS = frozenset(
    {"Association", "Chamber", "Federation", "Society", "Council", "Club", "Union"}
)


# a country's name as a noun right before a body's name: "the US Geological Survey", "UK Independence Party"
_COUNTRY_NOUN_BEFORE_RE = re.compile(r"(?<![\w.’'-])(U\.S\.|U\.K\.|[A-Z][A-Za-z]+(?: [A-Z][a-z]+)?) $")
# a company's last word: a demonym before it is a descriptor ("Canadian Teck Corporation" is Teck Corporation)
_COMPANY_LAST_WORD_RE = re.compile(
    r"(?:Corporation|Corp\.?|Company|Co\.?|Group|Inc\.?|Ltd\.?|Limited|LLC|PLC|plc|AG|SA|S\.A\.|GmbH|Holdings)$"
)


def add_printed_forms(text: str, orgs: dict[str, OrgRec], gaz: Gazetteer) -> None:
    """The forms a reader would also write for a body, as aliases: a country's name printed right before it
    ("US" + "Geological Survey": "US Geological Survey"; NER reads the country apart); a company is named
    without the demonym that describes it ("Spanish CAF Group" is CAF Group, that form an alias)."""
    for rec in list(orgs.values()):
        if rec.known:
            continue
        words = rec.name.split()
        rest = " ".join(words[1:])
        if (
            len(words) >= 3
            and words[0] in gaz.demonyms
            and words[0] not in _PLACE_INITIALS
            and _COMPANY_LAST_WORD_RE.search(words[-1])
            and _distinctive(rest, gaz)  # "Indian Oil Corporation", "American Express Company" keep theirs
            and rest not in orgs
        ):
            del orgs[rec.name]  # "Spanish CAF Group": the company is CAF Group, "Spanish" describes it
            rec.surfaces = [sf for sf in [rec.name, *rec.surfaces] if sf != rest]
            rec.name = rest
            orgs[rest] = rec
        forms = []
        for s, e in rec.mentions:
            m = _COUNTRY_NOUN_BEFORE_RE.search(text, max(0, s - 25), s)
            if (
                m
                and m.group(1) in gaz.country_names
                and not re.search(r"[A-Z][\w.’'-]* $", text[max(0, m.start() - 20) : m.start()])
                and not text[s:e].isupper()
            ):
                forms.append(text[m.start(1) : e])
        for form in forms:
            if form != rec.name and form not in rec.surfaces and form not in orgs:
                rec.surfaces.append(form)


def extend_country_units(text: str, orgs: dict[str, OrgRec], gaz: Gazetteer) -> None:
    """ "Livzon Pharma Indonesia", "Tokyu Development (Thailand)": a company's national unit, named by the
    country right after its name, before punctuation, a lower-case word or a legal form; "Chinese
    Enterprises Association in Bangladesh": an association of a country's firms abroad keeps "in <country>".
    NER cuts the country off, which leaves the parent's name for the unit's."""
    for rec in list(orgs.values()):
        if rec.known or rec.name in gaz.orgs or not rec.mentions:
            continue
        words = rec.name.split()
        if len(words) < 2 or gaz.country_re.search(rec.name):
            continue
        longest = None
        for s, e in rec.mentions:
            m = re.match(
                r" (?:\((?P<p>[A-Z][\w ]+)\)|(?P<in>in )?(?P<c>[A-Z][\w]+(?: [A-Z][\w]+)?))", text[e : e + 40]
            )
            if not m:
                continue
            country = m.group("p") or m.group("c")
            if country not in gaz.country_names:
                continue
            if m.group("in") and words[-1] not in _ASSOCIATION_HEADS:
                continue
            end = e + m.end()
            if not _UNIT_END_RE.match(text, end):
                continue
            if longest is None or end - s > longest[1] - longest[0]:
                longest = (s, end)
        if longest is None:
            continue
        name = text[longest[0] : longest[1]]
        if "\n" in name or name in orgs:
            continue
        del orgs[rec.name]
        rec.surfaces = [sf for sf in [rec.name, *rec.surfaces] if sf != name]
        rec.name = name
        rec.mentions = [longest if m[0] == longest[0] else m for m in rec.mentions]
        orgs[name] = rec


# ------------------------------------------------------------------------------- one body, two names

# words a company's name may drop and stay the same company ("Nissan Motor" / "Nissan", "Korean Air Lines" /
# "Korean Air", "Kozmo.com" / "Kozmo"); legal forms too
_DROPPABLE_TAILS = frozenset(
    {
        *("inc", "ltd", "co", "corp", "corporation", "company", "plc", "llc", "limited", "sa", "ag", "nv"),
        *("motor", "motors", "lines", "industry", "industries", "com", "holdings", "holding", "bank"),
    }
)
_KEY_STOP = frozenset({"of", "the", "and", "for", "&"})
# a short form that names a bloc, not a country ("EU Commission" = "European Commission")
_KEY_LEADS = {"eu": "european", "un": "united nations", "u n": "united nations"}


def _name_keys(name: str) -> set[str]:
    """Folded forms of one name that another spelling of it shares: case, marks, apostrophes ("McDonalds"
    / "McDonald's"), a possessive ("Acme’s X Cloud"), British and American spelling ("Organisation"),
    "Labs" for "Laboratories", small words ("Ministry Energy" / "Ministry of Energy")."""
    keys = set()
    base = fold(name)
    for variant in (re.sub(r"['’]s\b", "", base), re.sub(r"['’]", "", base)):
        words = [w for w in re.split(r"[^\w&]+", variant) if w and w not in _KEY_STOP]
        key = " ".join(words)
        key = re.sub(r"isation\b", "ization", key)
        key = re.sub(r"\blabs\b", "laboratories", key)
        for lead, full in _KEY_LEADS.items():
            if key.startswith(lead + " "):
                key = full + key[len(lead) :]
        if key:
            keys.add(key)
    return keys


def _core_key(key: str, gaz: Gazetteer, lead_words: frozenset[str], where: frozenset[str]) -> str:
    """A folded name without its company tail ("korvale motor" -> "korvale"), without the country or city
    it is of or in ("united bank africa", "swedish embassy manila") and without a country's or a bloc's
    name before it ("norwegian ministry fisheries" -> "ministry fisheries")."""
    words = key.split()
    for n in (2, 1):
        if len(words) > n + 1 and " ".join(words[-n:]) in where:
            words = words[:-n]
            break
    while len(words) > 1 and words[-1] in _DROPPABLE_TAILS:
        words.pop()
    if len(words) > 2 and words[0] in lead_words:
        words.pop(0)
    elif len(words) > 3 and words[:2] == ["united", "nations"]:  # "U.N. Security Council"
        words = words[2:]
    return " ".join(words)


def _initial_forms(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s-]+", name) if w]
    forms = {_initials(name)}
    if words and words[0] == "The":
        forms.add("".join(w[0] for w in words[1:] if w not in _INITIAL_SKIP and w[0].isupper()))
    return {f for f in forms if len(f) >= 2}


_TICKER_AFTER_NAME_RE = re.compile(
    r",?\s*\((?:NYSE(?: American| Arca)?|NASDAQ|Nasdaq|NasdaqGS|OTCQB|OTCQX|OTC|TSX|TSXV|TSX-V|ASX|LSE|AMEX"
    r"|HKEX|SGX|SIX|Euronext|NSE|BSE)\s*:\s*(?P<symbol>[A-Z]{1,6})\b"
)


_FOLDED_PLACES: dict[int, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {}


def _folded_places(gaz: Gazetteer) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Folded one-word country names and demonyms (a lead before a body's name), folded country names, and
    folded countries, places and regions (what a body can be "of" or "in"); once per gazetteer."""
    got = _FOLDED_PLACES.get(id(gaz))
    if got is None:
        lead = frozenset(fold(w) for w in (*gaz.country_names, *gaz.demonyms) if " " not in w)
        countries = frozenset(fold(n) for n in gaz.country_names)
        where = countries | {fold(n) for n in gaz.places} | {fold(n) for n in _REGIONS}
        got = _FOLDED_PLACES[id(gaz)] = (lead, countries, frozenset(where))
    return got


def link_names_told_twice(text: str, orgs: dict[str, OrgRec], gaz: Gazetteer) -> None:
    """One body named twice, found by two passes, is one organisation: the same name spelt two ways
    ("World Trade Organisation" / "World Trade Organization", "McDonalds" / "McDonald's"), with and without
    a company tail ("Nissan Motor" / "Nissan", "Kozmo.com" / "Kozmo") or a country before a ministry ("the
    Norwegian Ministry of Fisheries" / "the Ministry of Fisheries"), and an acronym of the other's name
    ("WSJ" for the Wall Street Journal, "J&J" for Johnson & Johnson). The short form joins the long one only
    when no other body has that name too."""
    lead_words, countries, where = _folded_places(gaz)
    lower_words = set(_LOWER_WORD_RE.findall(text))

    def keys_of(rec: OrgRec) -> set[str]:
        return {k for sf in (rec.name, *rec.surfaces) for k in _name_keys(sf)}

    changed = True
    while changed:
        changed = False
        recs = sorted(orgs.values(), key=lambda r: (not r.known, -len(r.name), r.first))
        keys = {id(r): keys_of(r) for r in recs}
        # the name's own folded forms, and what is left of them without a company tail or a lead country
        name_keys = {id(r): _name_keys(r.name) for r in recs}
        cores = {
            id(r): {_core_key(k, gaz, lead_words, where) for k in name_keys[id(r)]} - name_keys[id(r)]
            for r in recs
        }
        for rec in recs:
            same = [r for r in recs if r is not rec and keys[id(r)] & keys[id(rec)]]
            if rec.known and not same:
                continue
            own_cores = {
                c for c in cores[id(rec)] if (" " in c or c not in lower_words) and c not in countries
            }
            if not same:
                # one of the two names is the other with a tail or a lead dropped ("Nissan Motor" / "Nissan");
                # not both ("Russian Defense Ministry" / "Syrian defense ministry")
                same = [
                    r
                    for r in recs
                    if r is not rec
                    and (name_keys[id(r)] & own_cores or (cores[id(r)] & name_keys[id(rec)] and not r.known))
                ]
            if not same and len(rec.name.split()) >= 2:
                # "Wenzhou Tarvex Electric" / "Tarvex Electric": a company named with and without the city
                # it is in
                same = [
                    r
                    for r in recs
                    if r is not rec
                    and any(
                        len(k.split()) >= 3
                        and k.split()[0] in where
                        and k.split(None, 1)[1] in name_keys[id(rec)]
                        for k in name_keys[id(r)]
                    )
                ]
            if not same and re.fullmatch(r"[A-Z][a-z]{3,}", rec.name) and fold(rec.name) not in lower_words:
                # "the Times" after "the Los Angeles Times", "Boerse" after "Deutsche Börse"
                same = [
                    r
                    for r in recs
                    if r is not rec
                    and any(
                        2 <= len(k.split()) <= 4 and k.split()[-1] == fold(rec.name) for k in name_keys[id(r)]
                    )
                ]
            if not same and re.fullmatch(r"[A-Z][A-Z&]{1,7}", rec.name):
                letters = rec.name.replace("&", "")
                same = [
                    r
                    for r in recs
                    if r is not rec
                    and any(
                        len(sf.split()) >= 2
                        and any(
                            f == letters or (len(letters) >= 3 and f.startswith(letters))
                            for f in _initial_forms(sf)
                        )
                        for sf in (r.name, *r.surfaces)
                    )
                ]
            if not same and rec.name.isupper():
                # "Standard Lithium Ltd. (NYSE American: SLI)": a stock symbol after a company's name is
                # that company's
                same = [
                    r
                    for r in recs
                    if r is not rec
                    and any(
                        (m := _TICKER_AFTER_NAME_RE.match(text, e)) and m.group("symbol") == rec.name
                        for _s, e in r.mentions
                    )
                ]
            if len(same) != 1:
                continue
            keep = same[0]
            if len(keep.name) < len(rec.name) and not keep.known:
                keep, rec = rec, keep
            _absorb_org(keep, orgs.pop(rec.name))
            changed = True
            break


# ------------------------------------------------------------------- bodies told by what the text calls them

# "Brookfield is a leading infrastructure investor", "Bixal is a mission-driven consulting firm"
_IS_A_BODY_AFTER_RE = re.compile(
    r"[ \t]+is[ \t]+(?:a|an|the)[ \t]+(?:[\w-]+[ \t]+){0,4}?(?P<noun>company|firm|investor|provider|maker"
    r"|manufacturer|developer|operator|bank|group|consultancy|start-?up|organi[sz]ation|non-?profit|charity"
    r"|insurer|lender|retailer|publisher|broker|conglomerate|utility|airline|brewer|supplier)\b"
)
# nouns a person may be called as well ("Jane Roe is a leading investor", "... a software developer")
_PERSON_MAY_BE = frozenset({"investor", "developer", "operator", "broker", "supplier", "publisher", "maker"})
# "Jefferies analyst Jonathan Mott said", "analysts at Ovum", "telecom analysts Ovum welcomed"
_ANALYST_AFTER_RE = re.compile(r"[ \t]+analysts?[ \t]+[A-Z][a-z]+[ \t]+[A-Z]")
_ANALYST_BEFORE_RE = re.compile(r"\banalysts?[ \t]+(?:at[ \t]+|with[ \t]+|from[ \t]+)?$")
# "About Bixal" opening a press release's closing paragraph about the company
_ABOUT_BEFORE_RE = re.compile(r"(?:^|\n)About[ \t]+$")
# "CEO of Bixal", "chief executive officer of Brookfield"
_HEAD_OF_BEFORE_RE = re.compile(
    r"\b(?:CEO|CFO|COO|CTO|[Cc]hief [Ee]xecutive(?: [Oo]fficer)?|[Cc]hairman|[Cc]hairwoman|[Ff]ounder"
    r"|[Cc]o-[Ff]ounder|[Mm]anaging [Dd]irector) (?:of|at) $"
)


def bodies_told_by_what_they_are(
    text: str, orgs: dict[str, OrgRec], places: dict[str, PlaceRec], people: list, gaz: Gazetteer
) -> None:
    """A place NER made of a name the gazetteer does not know is a body when the text says so: it "is a
    leading infrastructure investor", a press release's "About X" paragraph is about it, someone is its
    chief executive. A person with no post and one name is a body when called a company, a firm, a bank
    (not an investor or a developer: people are those too)."""
    for name, rec in list(places.items()):
        if name in gaz.places or name in gaz.country_names or name in _REGIONS or name in gaz.demonyms:
            continue
        told = next(((s, e) for s, e in rec.mentions if _told_a_body(text, s, e)), None)
        if told is not None:  # the name as told there ("Ascom is a ...", not "Ascom Unite Connect")
            _add_named_body(text, text[told[0] : told[1]], *told, orgs, places, people, gaz)
    for person in list(people):
        if person.positions:
            continue
        told = [
            m
            for m in (_IS_A_BODY_AFTER_RE.match(text, e) for _s, e in person.mentions)
            if m and m.group("noun") not in _PERSON_MAY_BE
        ]
        if told and all(text[s:e] == person.name for s, e in person.mentions):
            people.remove(person)
            s, e = person.mentions[0]
            _add_named_body(text, person.name, s, e, orgs, places, people, gaz)
            if person.name not in orgs:
                people.append(person)  # a known place's name, or one a body already holds: left as it was


def _told_a_body(text: str, s: int, e: int) -> bool:
    if re.match(r"[ \t]+[A-Z]", text[e : e + 2]):
        return False  # "Managing Director of King Square Development Co.": a longer name's first words
    return bool(
        _IS_A_BODY_AFTER_RE.match(text, e)
        or _ANALYST_AFTER_RE.match(text, e)
        or _ANALYST_BEFORE_RE.search(text, max(0, s - 20), s)
        or _ABOUT_BEFORE_RE.search(text, max(0, s - 8), s)
        or _HEAD_OF_BEFORE_RE.search(text, max(0, s - 30), s)
    )
