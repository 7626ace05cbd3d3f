"""Entity mentions: organisations, people, places and countries, from gazetteers, titles and spaCy NER.

Gazetteers (general knowledge) give canonical names, kinds and countries; spaCy finds the names that no
list can hold. Where the two disagree, the gazetteer wins ("Togg" is a company, whatever NER says).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from .gazetteer import Gazetteer, Org, fold
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
            r"Technopark|Teknopark|Center for|Centre for|Think Tank|Forum)\b"
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
            r"Otomotiv|Enerji|Sanayi|Ticaret|Holding|Biotechnology|Medical|Semiconductors?|Airways|^Air)\b"
        ),
    ),
]
_ORG_STOP = {
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


def clean_entity_text(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim a leading article, trailing possessive and punctuation from an NER span."""
    s, e = start, end
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
    while chunk and chunk[-1] in ',.;:-–—"“”()':
        if chunk.endswith(".") and re.search(r"\b(?:Co|Ltd|Inc|Corp|[A-Z])\.$", chunk):
            break
        e -= 1
        chunk = chunk[:-1]
    while chunk and chunk[0] in '"“”(-–—':
        s += 1
        chunk = chunk[1:]
    return s, e


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ------------------------------------------------------------------------------------------------ orgs


def find_orgs(text: str, ents, gaz: Gazetteer, zones: Zones, person_like: set[str]) -> dict[str, OrgRec]:
    """Organisations keyed by canonical name, mentions in text order."""
    found: dict[str, OrgRec] = {}
    taken: list[tuple[int, int]] = []

    def add(org_name: str, kind: str, country: str | None, s: int, e: int, known: bool) -> None:
        if not known and zones.contains(s, e):
            return  # "Media contact: Zhengyuan Motors International Communications"
        rec = found.get(org_name)
        if rec is None:
            rec = found[org_name] = OrgRec(org_name, kind, country, known=known)
        if (s, e) not in rec.mentions:
            rec.mentions.append((s, e))
            surface = text[s:e]
            if surface != org_name and surface not in rec.surfaces:
                rec.surfaces.append(surface)
        taken.append((s, e))

    for m in gaz.org_re.finditer(text):
        org = gaz.orgs[m.group()]
        add(org.name, org.kind, org.country, m.start(), m.end(), True)
    for s, _e, surface in zones.credit_names:
        for part_m in re.finditer(r"[^,;/&]+", surface):
            part = part_m.group().strip()
            org = gaz.credit_orgs.get(part)
            ps = s + part_m.start() + part_m.group().find(part)
            if org and not any(overlaps((ps, ps + len(part)), t) for t in taken):
                add(org.name, org.kind, org.country, ps, ps + len(part), True)

    for ent in ents:
        if ent.label_ not in ("ORG", "FAC", "NORP", "PERSON", "GPE"):
            continue
        s, e = clean_entity_text(text, ent.start_char, ent.end_char)
        if e <= s:
            continue
        surface = text[s:e]
        inner = [t for t in taken if overlaps((s, e), t)]
        if inner:
            # "CRRC Zhuzhou Locomotive" contains the known "CRRC": a subsidiary is its own organisation
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
                continue
            if not _plausible_org(surface, gaz, person_like):
                continue
            parent = next(rec for rec in found.values() if inner[0] in rec.mentions)
            parent.mentions.remove(inner[0])
            taken.remove(inner[0])
            if not parent.mentions:
                del found[parent.name]
            add(
                surface,
                org_kind(surface) if org_kind(surface) != "other" else parent.kind,
                parent.country,
                s,
                e,
                False,
            )
            continue
        known = gaz.org_folded.get(fold(surface))
        if known is not None:
            add(known.name, known.kind, known.country, s, e, True)
            continue
        if (
            ent.label_ == "PERSON"
            and len(surface.split()) >= 2
            and org_kind(surface) in {"company", "research"}
        ):
            pass  # "Huaxin Biotech" tagged as a person
        elif ent.label_ not in ("ORG", "FAC"):
            continue
        if ent.label_ == "FAC" and not re.search(r"\b(?:Zone|Park|Exchange|Port|Airport)\b", surface):
            continue
        if not _plausible_org(surface, gaz, person_like):
            continue
        add(surface, org_kind(surface), _org_country(text, s, surface, gaz), s, e, False)

    # names NER missed that end in an organisation word: "Caspian Policy Forum", "DB Cargo"
    for m in _ORG_SHAPE_RE.finditer(text):
        s, e = clean_entity_text(text, m.start(), m.end())
        poss = re.match(r"([\w-]+)['’]s\s+", text[s:e])
        if poss and (poss.group(1) in gaz.country_names or poss.group(1) in gaz.places):
            s += poss.end()  # "Germany's DB Cargo"
        while text[s:e].split() and text[s:e].split()[0] in _SHAPE_STOP:
            s += len(text[s:e].split()[0]) + 1  # "About Zhengyuan Motors", "The Caspian Policy Forum"
        surface = text[s:e]
        if len(surface.split()) < 2 and not surface.isupper():
            continue
        if any(overlaps((s, e), t) for t in taken):
            continue
        if not _plausible_org(surface, gaz, person_like):
            continue
        add(surface, org_kind(surface), _org_country(text, s, surface, gaz), s, e, False)

    # explicit ministries that NER missed: "Ministry of Trade", "the Trade Ministry"
    for m in re.finditer(r"\bMinistry of (?:[A-Z][\w-]*|and|&)(?: (?:[A-Z][\w-]*|and|&))*", text):
        s, e = m.start(), m.end()
        while text[s:e].endswith((" and", " &")):
            e = text.rfind(" ", s, e)
        if any(overlaps((s, e), t) for t in taken):
            continue
        name = text[s:e]
        add(name, "government", _org_country(text, s, name, gaz), s, e, False)

    # a parenthetical alias right after a name: Zhengyuan New Energy Vehicle Co., Ltd. ("Zhengyuan Motors")
    for rec in list(found.values()):
        if rec.name not in found:
            continue
        for _s, e in list(rec.mentions):
            m = _PAREN_ALIAS_RE.match(text, e)
            if not m:
                continue
            g = 1 if m.group(1) else 2
            span = (m.start(g), m.end(g))
            owner = next((r for r in found.values() if span in r.mentions), None)
            if owner is None and not any(overlaps(span, t) for t in taken):
                add(rec.name, rec.kind, rec.country, *span, rec.known)
            elif owner is not None and owner is not rec:
                # "Türkiye Rail Systems Vehicles Industry Inc. (TÜRASAŞ)": one organisation, two names
                keep, drop = (owner, rec) if owner.known or not rec.known else (rec, owner)
                keep.mentions.extend(m for m in drop.mentions if m not in keep.mentions)
                for sf in [drop.name, *drop.surfaces]:
                    if sf != keep.name and sf not in keep.surfaces:
                        keep.surfaces.append(sf)
                keep.country = keep.country or drop.country
                found.pop(drop.name, None)
                break
    _merge_adjacent(text, found)
    _merge_org_variants(found)
    _canonical_company_names(found)
    _single_token_aliases(text, found, taken)
    _merge_shared_names(found)
    _more_mentions(text, found)
    return found


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
    if not owner:
        return
    spans = sorted((s, e, rec) for rec in found.values() for s, e in rec.mentions)
    alternation = "|".join(re.escape(k) for k in sorted(owner, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w-])(?:" + alternation + r")(?![\w-])")
    for m in pattern.finditer(text):
        span = (m.start(), m.end())
        clash = [(s, e, r) for s, e, r in spans if s < span[1] and span[0] < e]
        rec = owner[m.group()]
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
            if m.group() != rec.name and m.group() not in rec.surfaces:
                rec.surfaces.append(m.group())
    for name in [n for n, r in found.items() if not r.mentions]:
        del found[name]


_LEGAL_SUFFIX_RE = re.compile(
    r",?\s+(?:Co\.,?\s*Ltd\.?|Co\.|Ltd\.?|Inc\.?|Corp\.?|Limited|LLC|GmbH|A\.Ş\.|AŞ|S\.A\.|PLC|plc|JSC)$"
)


def _canonical_company_names(found: dict[str, OrgRec]) -> None:
    """'CRRC Zhuzhou Locomotive Co., Ltd.' is 'CRRC Zhuzhou Locomotive' (full name: an alias)."""
    for rec in list(found.values()):
        if rec.known:
            continue
        short = _LEGAL_SUFFIX_RE.sub("", rec.name)
        if short != rec.name and len(short) >= 2 and short not in found:
            del found[rec.name]
            rec.surfaces = [rec.name, *[x for x in rec.surfaces if x != short]]
            rec.name = short
            found[short] = rec


def _merge_adjacent(text: str, found: dict[str, OrgRec]) -> None:
    """A known parent right before an unknown name is one name ('CRRC' + 'Zhuzhou Locomotive Co., Ltd.')."""
    spans = sorted((s, e, rec) for rec in found.values() for s, e in rec.mentions)
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
    r"Administration|Department|Presidency|Ministry|Airlines|Airways"
)
_ORG_SHAPE_RE = re.compile(
    r"\b(?:[A-ZÇŞĞÜÖİ][\w&'’.–-]*\s+(?:(?:and|&)\s+)?){1,5}(?:" + _ORG_WORDS + r")\b"
    r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-ZÇŞĞÜÖİ][\w-]*(?:\s+(?:and\s+)?[A-ZÇŞĞÜÖİ][\w-]*){0,4})?"
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
_PAREN_ALIAS_RE = re.compile(r"\s*\(\s*[\"“]([^\"”)]{2,60})[\"”]\s*\)|\s*\(([A-Z][A-Za-z&İÇŞĞÜÖ]{1,9})\)")


def _plausible_org(surface: str, gaz: Gazetteer, person_like: set[str]) -> bool:
    if surface in _ORG_STOP or surface in _REGIONS or "\n" in surface:
        return False
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
    if words[-1][:1].islower() or words[-1] in {"Co", "Ltd"}:
        return False  # "Dalian institute"
    if len(words) == 1 and re.search(r"\d", surface):
        return False  # a model name ("T10X"), not an organisation
    if all(w in gaz.domain_words or w in {"and", "&"} for w in words):
        return False  # "Industry and Technology" from "Industry and Technology Minister"
    if gaz.sector_re.fullmatch(surface):
        return False  # "EV"
    return not (len(words) == 1 and words[0] in gaz.demonyms)


def _org_country(text: str, start: int, name: str, gaz: Gazetteer) -> str | None:
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
            stripped = re.sub(
                r",?\s+(?:Co\.,?\s*Ltd\.?|Co\.|Ltd\.?|Inc\.?|Corp\.?|Corporation|Limited|LLC)$", "", long
            )
            if stripped == short:
                rec_s, rec_l = found[short], found.pop(long)
                rec_s.mentions.extend(rec_l.mentions)
                for sf in [long, *rec_l.surfaces]:
                    if sf != rec_s.name and sf not in rec_s.surfaces:
                        rec_s.surfaces.append(sf)


def _single_token_aliases(text: str, found: dict[str, OrgRec], taken: list[tuple[int, int]]) -> None:
    """'Zhengyuan' alone after 'Zhengyuan Motors' is the same company."""
    firsts: dict[str, OrgRec] = {}
    multi_first = {rec.name.split()[0]: rec for rec in found.values() if len(rec.name.split()) >= 2}
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
    for rec in found.values():
        for surface in [rec.name, *rec.surfaces]:
            words = surface.split()
            if (
                len(words) >= 2
                and words[0] not in _GENERIC_FIRST_TOKENS
                and words[0][:1].isupper()
                and len(words[0]) > 3
                and words[0] not in _DOMAINISH
            ):
                firsts.setdefault(words[0], rec)
    if not firsts:
        return
    pattern = re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in firsts) + r")(?![\w-]|['’]\w\w)")
    for m in pattern.finditer(text):
        span = (m.start(), m.end())
        if any(overlaps(span, t) for t in taken):
            continue
        rec = firsts[m.group(1)]
        rec.mentions.append(span)
        if m.group(1) not in rec.surfaces and m.group(1) != rec.name:
            rec.surfaces.append(m.group(1))
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
    found: dict[str, PlaceRec] = {}
    blocked_people = [b for b in blocked if b not in set(soft)]
    soft = set(soft)
    taken = list(blocked)

    def add(name: str, country: str | None, s: int, e: int) -> None:
        rec = found.get(name)
        if rec is None:
            rec = found[name] = PlaceRec(name, country)
        rec.mentions.append((s, e))
        surface = text[s:e]
        if surface != name and surface not in rec.surfaces:
            rec.surfaces.append(surface)
        taken.append((s, e))

    for m in _ZONE_RE.finditer(text):
        s, e = clean_entity_text(text, m.start(), m.end())
        if any(overlaps((s, e), t) for t in blocked_people):
            continue
        inner = gaz.place_re.search(text, s, e)
        add(text[s:e], gaz.places[inner.group()].country if inner else None, s, e)
    for m in _GEO_RE.finditer(text):
        s, e = clean_entity_text(text, m.start(), m.end())
        if not any(overlaps((s, e), t) for t in taken):
            add(text[s:e], None, s, e)
    for m in gaz.place_re.finditer(text):
        if any(overlaps((m.start(), m.end()), t) for t in taken if t not in soft):
            continue
        place = gaz.places[m.group()]
        e = m.end()
        suffix = re.match(r" (?:province|Province|city|City|district|District)\b", text[e : e + 10])
        if suffix:
            e += suffix.end()
        add(place.name, place.country, m.start(), e)
    for ent in ents:
        if ent.label_ not in ("GPE", "LOC"):
            continue
        s, e = clean_entity_text(text, ent.start_char, ent.end_char)
        surface = text[s:e]
        if not surface or any(overlaps((s, e), t) for t in taken):
            continue
        if surface in _REGIONS or surface in gaz.country_names or surface in gaz.demonyms:
            continue
        if re.search(r"\b(?:Corridor|Route|Initiative|Republic)\b| of$", surface):
            continue
        if not surface[0].isupper() or len(surface.split()) > 5:
            continue
        base = re.sub(r" (?:province|Province|city|City|district|District|region|Region)$", "", surface)
        if base.isupper() and len(base) > 3:
            base = base.title()  # a dateline's "BEIJING"
            if base in gaz.country_names:
                continue
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
        add(base, country, s, e)
    return found


# ------------------------------------------------------------------------------------------------ countries


def country_mentions(text: str, gaz: Gazetteer) -> list[tuple[int, int, str]]:
    out = [
        (m.start(), m.end(), gaz.country_names[m.group()])
        for m in gaz.country_re.finditer(text)
        if not text.startswith((" dollar", " cent"), m.end())  # "US dollars" names a currency
    ]
    out += [
        (m.start(), m.end(), gaz.demonyms[m.group()])
        for m in gaz.demonym_re.finditer(text)
        if not text.startswith((" dollar", " cent"), m.end())
    ]
    out.sort()
    return out
