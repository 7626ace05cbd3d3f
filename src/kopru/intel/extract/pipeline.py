"""The extraction pipeline: a read document (+ its spaCy doc) -> the contract's JSON object.

spaCy runs once per document (``nlp.pipe`` for batches, see ``__init__.extract_many``); everything else is
rules over the normalised text: gazetteers, titles, coreference, sectors, events and claims.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable

from . import claims as claims_mod
from . import events as events_mod
from .casing import headline_verb, plural_headline_verb
from .coref import (
    CHINESE_SURNAMES,
    MentionIndex,
    Person,
    cluster_people,
    extra_surname_mentions,
    resolve_pronoun,
    span_key,
)
from .corrections import Corrections, apply_to_orgs, apply_to_people, apply_to_places
from .entities import (
    HEADLINE_FINITE,
    REGIONS,
    WEEKDAYS,
    PlaceRec,
    _rename_org,
    add_newspapers,
    add_printed_forms,
    bodies_told_by_what_they_are,
    bought_bodies,
    clean_entity_text,
    companies_in_lists,
    country_mentions,
    drop_false_orgs,
    drop_false_places,
    extend_country_units,
    extend_cut_bodies,
    find_orgs,
    find_places,
    link_names_told_twice,
    org_kind,
    overlaps,
    pact_partners,
)
from .gazetteer import Gazetteer, fold, load
from .language import detect_language
from .nlp import rules_text
from .person_checks import (
    abbreviated_ranks_before_names,
    contact_line_titles,
    contributor_lines,
    countries_after_titled_names,
    countries_before_titled_names,
    countries_from_demonyms_before_names,
    countries_from_position_bodies,
    definite_office_references,
    drop_false_people,
    envoys_to_countries_before_names,
    extend_cut_names,
    join_company_posts,
    merge_quoted_nicknames,
    plural_titles_before_names,
    roles_before_names,
    sentence_case_titles,
    tidy_positions,
    titles_by_role_verbs,
    titles_named_as,
    trim_byline_roles,
    unit_remits,
)
from .reading import Document
from .result import (
    Claim,
    Event,
    Extraction,
    OrganizationEntity,
    PersonEntity,
    PlaceEntity,
    Position,
    SectorEntity,
)
from .sectors import LEAD_CHARS, find_sectors, summarise
from .sentences import split_sentences
from .title_shapes import dash_appositions, joined_posts_beside_names, plural_titles_before_lists
from .titles import (
    HEADLINE_VERBS,
    REMIT_REGIONS,
    TitleMatch,
    compiled_for,
    find_titles,
    founders_named,
    lower_office_name_spans,
    split_joined_posts,
)
from .zones import find_zones

_HONORIFICS = {
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr",
    "Dr.",
    "Prof",
    "Prof.",
    "Professor",
    "Sir",
    "Madam",
    # "HE Ann Lee", "HH Sheikh ...", "His Majesty King ...": forms of address of Gulf and royal releases
    *("HE", "HH", "H.E.", "H.H.", "Majesty"),
}
# words that precede a name but are not part of it: offices, forms of address, roles, page furniture
_LEAD_WORDS = frozenset(
    [
        "Deputy",
        "Vice",
        "Minister",
        "Chairman",
        "Chairwoman",
        "CEO",
        "Ambassador",
        "Administrator",
        "Representative",
        "Secretary",
        "Undersecretary",
        "Excellency",
        "Highness",
        *("Presidents", "Ministers", "Premiers", "Chancellors", "Ambassadors", "Governors", "Senators"),
        "Amir",
        "Emir",
        "Sen",
        "Senator",
        "Rep",
        "Gov",
        "Governor",
        "Mayor",
        "Chancellor",
        "Premier",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Crown",
        "Gen",
        "General",
        "Col",
        "Colonel",
        "Lt",
        "Capt",
        "Captain",
        "Admiral",
        "Marshal",
        "Commissioner",
        "Founder",
        "Co-Founder",
        "Co-founder",
        "Cofounder",
        "Spokesman",
        "Spokeswoman",
        "Spokesperson",
        "Chief",
        "Executive",
        "Director",
        "Chair",
        "President",
        "Founder",
        "Analyst",
        "Economist",
        "Professor",
        "Reporter",
        "Correspondent",
        "Columnist",
        "Editor",
        "Writer",
        "Photographer",
        "Photo",
        "Credit",
        "Email",
        "E-mail",
        "Read",
        "Watch",
        "Follow",
        "Contact",
        "Tel",
        "Twitter",
        "By",
        "State",
        "Former",
        "Retired",
        "Acting",
        "Interim",
        "Envoy",
        "Counsellor",
        "Counselor",
        "Consul",
        "Judge",
        "Justice",
        "Attorney",
        "Lawmaker",
        "MP",
        "Pope",
        "Cardinal",
        "Bishop",
        "Father",
        "Rev",
        "Reverend",
        "Sheikha",
        "Dame",
        "Lord",
        "Lady",
    ]
)
_TRAIL_WORDS = frozenset(
    [
        "Columnist",
        "Correspondent",
        "Editor",
        "Reporter",
        "Writer",
        "Staff",
        "Business",
        "Contributor",
        "Analyst",
        "Spokesman",
        "Spokeswoman",
        "Photographer",
        "Says",
        "Said",
        "Told",
        "Photo",
        "Email",
        "Twitter",
        "Jr",
        "Sr",
    ]
) - {"Jr", "Sr"}
NAME_PARTICLES = frozenset(
    [
        "de",
        "da",
        "di",
        "del",
        "della",
        "der",
        "den",
        "van",
        "von",
        "la",
        "le",
        "du",
        "dos",
        "das",
        "bin",
        "ibn",
        "al",
        "el",
        "ter",
        "ten",
    ]
)
_PARTICLE_TAIL_RE = re.compile(
    r"(?:\s+(?:de|da|di|del|della|van|von|van der|von der|van den|le|la|du|dos|das|bin|ibn|al|el)"
    r"(?:\s+|-))+[A-ZÀ-ÞİÇŞĞÜÖ][\w'’-]+"
)
_COMPANY_TAIL = frozenset(
    [
        "Lithium",
        "Nickel",
        "Nikel",
        "Cobalt",
        "Metals",
        "Minerals",
        "Mining",
        "Resources",
        "Petroleum",
        "Oil",
        "Gas",
        "Energy",
        "Power",
        "Solar",
        "Motors",
        "Motor",
        "Auto",
        "Automotive",
        "Semiconductor",
        "Semiconductors",
        "Steel",
        "Holdings",
        "Holding",
        "Group",
        "Estate",
        "Estates",
        "Wines",
        "Brewery",
        "Trading",
        "Megatrading",
        "Capital",
        "Investments",
        "Partners",
        "Media",
        "Herald",
        "Tribune",
        "Courant",
        "Times",
        "Post",
        "Journal",
        "Gazette",
        "Guild",
        "Airlines",
        "Airways",
        "Bank",
        "Telecom",
        "Pharma",
        "Pharmaceuticals",
        "Foods",
        "Logistics",
        "Shipping",
        "Chemicals",
        "Cement",
        "Construction",
        "Engineering",
        "Technologies",
        "Technology",
        "Systems",
        "Electronics",
        "Robotics",
        "Networks",
        "Software",
        "Aerospace",
        "Batteries",
        "Battery",
        "Grid",
        "Railway",
        "Railways",
        "Rail",
        "Industries",
        "Corp",
        "Corporation",
        "Inc",
        "Ltd",
        "LLC",
        "Co",
        "Company",
        "Limited",
        "Enterprises",
        "Ventures",
        "Securities",
        "Insurance",
        "Exchange",
        "Robotics",
        "Materials",
        "Semiconductor",
        "Instruments",
        "Devices",
        "Machinery",
        "Textiles",
        "Cars",
        "Trucks",
    ]
)


_PARTICLE_NAME_RE = re.compile(
    r"\b[A-ZÀ-ÞİÇŞĞÜÖ][a-zà-ÿçşğüöı]+(?:\s+[A-ZÀ-ÞİÇŞĞÜÖ][a-zà-ÿçşğüöı]+)?"
    r"\s+(?:de|da|di|del|della|van|von|van der|von der|van den|bin|ibn|dos|das|du)"
    r"\s+[A-ZÀ-ÞİÇŞĞÜÖ][\w'’-]+(?:\s+(?:Al|al|bin)\s+[A-ZÀ-ÞİÇŞĞÜÖ][\w'’-]+)?"
)


def company_shaped(name: str) -> bool:
    """ "Ganfeng Lithium", "Aneka Tambang Mining", "Hartford Courant": a name ending in a company word."""
    words = name.split()
    return len(words) >= 2 and words[-1].rstrip(".,") in _COMPANY_TAIL


def _extend_particles(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """Keep name particles: NER's "Ursula von der" or "Rodrigo" before "de Rato" -> the whole name."""
    s, e = span
    m = _PARTICLE_TAIL_RE.match(text, e)
    if m and "\n" not in m.group():
        return s, m.end()
    last = re.search(r"\s(?:de|da|van|von|der|den|bin|ibn|al|el|le|la|du)$", text[s:e])
    if last:
        nxt = re.match(r"\s+[A-ZÀ-ÞİÇŞĞÜÖ][\w'’-]+", text[e:])
        if nxt:
            return s, e + nxt.end()
    return s, e


_NAME_STOP = {
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
    "Minister",
    "President",
    "MoU",
    "MoUs",
    "Photo",
    "Source",
    "Editing",
    "Reporting",
}


_LOWERED_WORD_RE = re.compile(r"\s+([a-z]\w*)")


def _cut_at_headline_verbs(original: str, text: str, doc, ents: list) -> list:
    """A name NER ran across the verb of a title-case headline ("Mirova Health Launches Clinic Network",
    "Halvex Agree on Merger") ends before the verb the re-casing lowered: a name never goes on across a word
    the headline's predicate begins with."""
    out = []
    for ent in ents:
        s, e = ent.start_char, ent.end_char
        if ent.label_ in ("ORG", "PERSON"):
            if text[s:e] != original[s:e]:
                for m in _LOWERED_WORD_RE.finditer(text, s, e):
                    if original[m.start(1)].isupper() and headline_verb(original[m.start(1) : m.end(1)]):
                        ent = doc.char_span(s, m.start(), label=ent.label_)
                        break
            if ent is not None and ent.end_char == e and " " in original[s:e]:
                ent = _cut_at_plural_headline_verb(original, doc, ent)
            if ent is not None and ent.end_char == e and " " in original[s:e]:
                ent = _cut_at_verb_of_name_told_again(original, doc, ent)
        if ent is not None:
            out.append(ent)
    return out


def _line_around(text: str, s: int, e: int) -> tuple[int, str]:
    """(where the line holding text[s:e] starts, that line)."""
    start = text.rfind("\n", 0, s) + 1
    end = text.find("\n", e)
    return start, text[start : len(text) if end < 0 else end]


_CAPITALISED_WORD_RE = re.compile(r"\s+([A-Z][a-z]+)\b")
# finite verbs of headlines in the third person ("Signs", "Warns", "Reinforces"): the re-casing lowers only
# some of them, and a headline too short for it lowers none
_THIRD_PERSON_HEADLINE_VERBS = frozenset(
    w
    for w in (
        *HEADLINE_FINITE,
        *("Reinforces", "Emphasises", "Emphasizes", "Improves", "Highlights", "Reaffirms", "Underscores"),
    )
    if len(w) > 3 and w.endswith("s")
)


def _cut_at_plural_headline_verb(original: str, doc, ent):
    """ "Dorrin Group, Halvex Agree on Merger": the second party ends before the verb (casing's lexicon)."""
    s, e = ent.start_char, ent.end_char
    line_start, line = _line_around(original, s, e)
    for m in _CAPITALISED_WORD_RE.finditer(original, s, e):
        if plural_headline_verb(line, m.start(1) - line_start, m.end(1) - line_start):
            return doc.char_span(s, m.start(), label=ent.label_)
    return ent


def _cut_at_verb_of_name_told_again(original: str, doc, ent):
    """A headline's name NER ran across its verb ("Lindqvist Bio Enters License Deal", "Greenspan Warns
    Lawmakers") ends before the verb when the text names the part before it again elsewhere (the lead's
    "Lindqvist Bio AB"), on a line with no full stop."""
    s, e = ent.start_char, ent.end_char
    _start, line = _line_around(original, s, e)
    if line.rstrip().endswith((".", "!", "?")):
        return ent
    for m in _CAPITALISED_WORD_RE.finditer(original, s, e):
        if headline_verb(m.group(1), third_person=True) or m.group(1) in _THIRD_PERSON_HEADLINE_VERBS:
            prefix = original[s : m.start()]
            if original.count(prefix) >= 2:
                return doc.char_span(s, m.start(), label=ent.label_)
            return ent
    return ent


def analyse(document: Document, doc, corrections: Corrections | None = None) -> Extraction:
    """One read document and its spaCy parse (of ``nlp.prepare(document.text)``) -> the typed result.

    The rules read ``nlp.rules_text`` (the parse's text with apostrophes as printed: shouted lines re-cased;
    same length, so offsets index ``document.text`` too); the result carries the document's own text.
    """
    text = rules_text(document.text)  # the parse's text but for apostrophes: same offsets
    gaz = load()
    zones = find_zones(text, gaz)
    sentences = split_sentences(text)
    ents = _cut_at_headline_verbs(document.text, text, doc, list(doc.ents)) if doc is not None else []

    orgs = find_orgs(text, ents, gaz, zones, person_like=set())
    tail_names = _split_name_tails(text, orgs, gaz)
    org_spans = sorted((s, e, rec.name) for rec in orgs.values() for s, e in rec.mentions)
    titles = find_titles(text, gaz, org_spans)
    _cut_orgs_at_titles(text, orgs, titles, compiled_for(gaz).domain_words)

    countries_at = country_mentions(text, gaz)
    blocked = _person_blocker(text, gaz, zones, orgs, countries_at, titles)
    _drop_blocked_title_names(titles, blocked)
    comp = compiled_for(gaz)
    tokens = _token_index(doc)
    name_spans = list(tail_names) + [t.name_span for t in titles if t.name_span]
    name_spans += _after_titles(text, _ner_person_spans(text, ents, gaz, comp, tokens, blocked), titles)
    name_spans += _titled_name_spans(text, gaz, comp, blocked)
    name_spans += [sp for sp in lower_office_name_spans(text, gaz, comp) if not blocked(sp)]
    name_spans += _addressed_name_spans(text, titles, gaz, comp, blocked)
    name_spans += _particle_name_spans(text, gaz, comp, blocked)
    bylines = byline_people(text)
    name_spans.extend((s, e) for s, e, _ in bylines)
    name_spans += _take_person_named_orgs(text, orgs, gaz, name_spans)
    name_spans = _merge_spans(name_spans)
    _drop_orgs_on_names(text, orgs, name_spans)
    people = _people_from_names(text, name_spans, orgs, countries_at, gaz, corrections)
    _drop_orgs_that_are_names_or_titles(orgs, people, titles, comp)
    index = MentionIndex.build(people)
    named_countries = {code for _s, _e, code in countries_at}
    appositive_spans = _give_people_positions(
        text, document, zones, titles, people, orgs, gaz, sentences, bylines, named_countries
    )
    _guess_countries(people, orgs, gaz, named_countries)
    people_as_places = _drop_unlikely_people(text, people, ents, comp, gaz)
    drop_false_people(text, people, orgs)
    definite_office_references(text, people, sentences)  # after the false people are gone
    trim_byline_roles(text, people)
    extend_cut_names(text, people, [m for rec in orgs.values() for m in rec.mentions])
    tidy_positions(people, orgs, set(gaz.country_names) | set(gaz.demonyms) | set(gaz.places) | REGIONS)
    join_company_posts(text, people, orgs)
    unit_remits(text, people)
    split_joined_posts(people)
    countries_from_position_bodies(people)
    merge_quoted_nicknames(text, people)
    not_orgs = drop_false_orgs(text, orgs, gaz)
    extend_cut_bodies(text, orgs, comp.domain_words, gaz)
    extend_country_units(text, orgs, gaz)
    add_printed_forms(text, orgs, gaz)
    add_newspapers(text, orgs, people)

    places = _find_places(text, ents, gaz, orgs, people, not_orgs + people_as_places)
    drop_false_places(text, places, orgs, people, gaz)
    companies_in_lists(text, orgs, places, people, gaz)
    pact_partners(text, orgs, places, people, gaz)
    bought_bodies(doc, text, orgs, places, people, gaz)
    bodies_told_by_what_they_are(text, orgs, places, people, gaz)
    country_codes = _countries_in_order(zones, countries_at, places)
    sector_hits = _sector_hits(text, gaz, zones, titles, orgs)

    title = document.title or _title_from_text(document.text, zones)  # as printed, not re-cased
    published = document.published or _published_from_dateline(zones) or _published_from_text(text)
    publisher = document.publisher or zones.publisher or zones.own_voice or _publisher_from_text(text, orgs)
    _ensure_publisher_org(text, document, zones, orgs, gaz, publisher)
    for name in [name for name in places if name in orgs]:
        del places[name]  # the publisher found only now ("OpenAI" of a post's title) is no place
    link_names_told_twice(text, orgs, gaz)
    if corrections:
        publisher = _apply_org_and_place_corrections(orgs, places, people, publisher, corrections)

    allowed = _outside_zones(zones)
    org_items = sorted(((s, e, rec) for rec in orgs.values() for s, e in rec.mentions), key=span_key)
    if _add_full_name_mentions(text, people, org_items):
        index = MentionIndex.build(people)
    events = _find_events(
        text,
        doc,
        sentences,
        allowed,
        index,
        org_items,
        places,
        countries_at,
        gaz,
        sector_hits,
        titles,
        appositive_spans,
        tokens,
        published,
        publisher,
        publisher_speaks=document.publisher_speaks and publisher == document.publisher,
    )
    claims = _find_claims(text, sentences, allowed, org_items, countries_at, gaz, sector_hits, corrections)
    _enrich_investments(events, claims)

    return Extraction(
        source=document.source,
        title=title,
        published=published,
        publisher=publisher,
        language=detect_language(text),
        text=document.text,
        people=_person_entities(people),
        organizations=_organization_entities(orgs, len(text)),
        countries=country_codes,
        places=_place_entities(places),
        sectors=[
            SectorEntity(code=x["code"], evidence=[tuple(sp) for sp in x["evidence"]])
            for x in summarise(sector_hits, lead_end=LEAD_CHARS, text=text)
        ],
        events=[Event.from_dict(e) for e in events],
        claims=[Claim.from_dict(c) for c in claims],
    )


# ------------------------------------------------------------------------------------ analyse: people


def _cut_orgs_at_titles(text: str, orgs, titles: list[TitleMatch], domain_words) -> None:
    """ "EC Farm Commissioner Frans Andriessen": NER ran a body's name into the remit of the title after it;
    the body ends where the title begins (when what it loses is only remit words and what it keeps does not
    end on a particle: "Sichuan Communist Party Secretary" keeps its party)."""
    for rec in list(orgs.values()):
        if rec.known:
            continue
        kept, cut = [], False
        for s, e in rec.mentions:
            title = next((t for t in titles if s < t.start < e <= t.end), None)
            end = s + len(text[s : title.start].rstrip(" -")) if title else e
            lost, left = text[end:e].split(), text[s:end].split()
            if title is None or not all(w in domain_words for w in lost) or not left or left[-1].islower():
                kept.append((s, e))
                continue
            cut = True
            kept.append((s, end))
        if cut:
            _rename_org(orgs, rec, text[kept[0][0] : kept[0][1]], kept)


# a post written in lower case right before a name ("Nippon Steel president Yutaka Takeda")
_LOWER_HEAD_BEFORE_RE = re.compile(
    r"\b(?:president|chairman|chairwoman|chief executive|executive|director|minister|secretary|founder"
    r"|spokesman|spokeswoman|governor|ambassador|head|chief) $"
)


def _person_blocker(
    text: str, gaz: Gazetteer, zones, orgs, countries_at, titles: list[TitleMatch]
) -> Callable[[tuple[int, int]], bool]:
    """Whether a candidate name span sits on a known organisation, a country, the outlet or a place."""
    place_hits = [(m.start(), m.end()) for m in gaz.place_re.finditer(text)]
    org_blocks = [(s, e) for rec in orgs.values() if rec.known or rec.shaped for s, e in rec.mentions]
    known_blocks = [(s, e) for s, e, _ in countries_at]
    if zones.publisher:  # "ISTANBUL, Nov 4 (Bosphorus Wire) -": the outlet is no person
        known_blocks += [(m.start(), m.end()) for m in re.finditer(re.escape(zones.publisher), text)]

    def surname_of(span: tuple[int, int], org: tuple[int, int]) -> bool:
        # "president Yutaka Takeda", "chairman Henry Ford": a one-word company's name that ends a titled
        # longer name is that person's surname
        return (
            span[0] < org[0]
            and org[1] == span[1]
            and " " not in text[org[0] : org[1]]
            and (
                any(0 <= span[0] - t.end <= 2 for t in titles)
                or _LOWER_HEAD_BEFORE_RE.search(text, max(0, span[0] - 30), span[0])
            )
        )

    def blocked(span: tuple[int, int]) -> bool:
        if any(overlaps(span, b) for b in known_blocks):
            return True
        if any(overlaps(span, b) and not surname_of(span, b) for b in org_blocks):
            return True
        # a place's name as the last word of a longer name is a surname ("Orhan Aydın", "Ali Kars"), and
        # inside it a middle name ("Vo Van Thuong", "Le Van Minh")
        return any(overlaps(span, p) and not (span[0] < p[0] and p[1] <= span[1]) for p in place_hits)

    return blocked


def _after_titles(text: str, spans: list[tuple[int, int]], titles: list[TitleMatch]) -> list[tuple[int, int]]:
    """A name NER started inside a title ("Chancellor of the [Exchequer Nigel Ashford]") starts after it."""
    trimmed = []
    for s, e in spans:
        for t in titles:
            if t.start <= s < t.end < e:
                s = t.end + len(text[t.end : e]) - len(text[t.end : e].lstrip())
        trimmed.append((s, e))
    return trimmed


def _drop_blocked_title_names(titles: list[TitleMatch], blocked) -> None:
    for t in titles:
        if t.name_span and blocked(t.name_span):
            t.name_span = None


def _ner_person_spans(text: str, ents, gaz: Gazetteer, comp, tokens, blocked) -> list[tuple[int, int]]:
    spans = []
    for ent in ents:
        if ent.label_ != "PERSON":
            continue
        span = _clean_person(text, ent.start_char, ent.end_char, gaz, comp, tokens)
        if span is not None:
            span = _extend_particles(text, span)
        if span is None or blocked(span):
            continue
        spans.append(_extend_left(text, _stopword_surname(text, span, comp), tokens, gaz, comp))
    return spans


# Vietnamese and Korean family names spelled like English function words: "To Lam", "Do Muoi", "An Se-young"
_STOPWORD_SURNAME_RE = re.compile(r"(?<=\w )(?:To|Do|An) $")


def _stopword_surname(text: str, span: tuple[int, int], comp) -> tuple[int, int]:
    """ "Vietnam's top leader To Lam", "President To Lam": NER keeps only "Lam"; a capitalised "To"
    mid-sentence after a lower-case word or a title, right before a one-word name, is its first part."""
    s, e = span
    if " " in text[s:e]:
        return span
    m = _STOPWORD_SURNAME_RE.search(text[max(0, s - 40) : s])
    if not m:
        return span
    before = text[max(0, s - 40) : s][: m.start()].rstrip()
    prev = before.split()[-1] if before.split() else ""
    if not (prev.islower() or prev in comp.heads):
        return span
    return (s - len(m.group(0)), e)


def _titled_name_spans(text: str, gaz: Gazetteer, comp, blocked) -> list[tuple[int, int]]:
    """ "Its secretary general, Nurcan Ateş, said" / "Murat Özgür, chief executive of X, said": a lower-case
    title next to a name that NER missed."""
    spans = []
    for m in itertools.chain(_TITLED_NAME_RE.finditer(text), _NAME_THEN_TITLE_RE.finditer(text)):
        span = (m.start("name"), m.end("name"))
        words = m.group("name").split()
        if words[0] in _HONORIFICS or words[0] in comp.heads:
            if len(words) < 3:
                continue
            span = (span[0] + len(words[0]) + 1, span[1])  # "Professor Kemal Aydın, the president of ..."
            words = words[1:]
        if blocked(span) or any(
            w in gaz.demonyms or w in gaz.country_names or w in _NAME_STOP for w in words
        ):
            continue
        spans.append(span)
    return spans


_NAME_PART = r"[A-ZÀ-ÞİÇŞĞÜÖ][\w'’-]+"
_LINKED_NAME = rf"{_NAME_PART}(?:\s+(?:(?:bin|bint|al|Al|de|van|von|der|da|di)\s+)*{_NAME_PART}){{1,3}}"
# "H.E. Daehee Lee", "Mr. Abdul Basset Qaid", "His Excellency Ali Rahman": a form of address before a name
_ADDRESSED_NAME_RE = re.compile(
    rf"(?:\bH\.\s?E\.\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s*)?|\b(?:His|Her) Excellency\s+|\b(?:Mr|Mrs|Ms)\.\s+)"
    rf"(?P<name>{_LINKED_NAME})(?=\s*[,;)]|\s+(?:and|said|who)\b)"
)
# "...; Ann Lee, Managing Director of X;" / "signed by Ann Lee, Minister of Y": a name before a title
_NAME_BEFORE_TITLE_RE = re.compile(
    rf"(?:^|(?<=[.;:!?])\s+|\b(?:and|by|with)\s+)(?P<name>{_LINKED_NAME}),\s+(?:the\s+)?$", re.MULTILINE
)


# "Presidents Lula and Biden", "Prime Ministers Ann Lee and Ole Berg": one plural office, two holders
_PLURAL_OFFICE_RE = re.compile(
    rf"\b(?P<office>Presidents|Prime Ministers|Vice Presidents|Premiers|Chancellors|Foreign Ministers"
    rf"|Ministers|Ambassadors|Governors|Senators)\s+(?P<first>{_NAME_PART}(?:\s+{_NAME_PART}){{0,2}})\s+and\s+"
    rf"(?P<second>{_NAME_PART}(?:\s+{_NAME_PART}){{0,2}})\b"
)


def _plural_office_holders(text: str) -> list[tuple[int, int, str]]:
    """(start, end, singular office) of each name after a plural office."""
    found = []
    for m in _PLURAL_OFFICE_RE.finditer(text):
        office = m.group("office")
        singular = " ".join(w[:-1] if w.endswith("s") else w for w in office.split())
        for group in ("first", "second"):
            found.append((m.start(group), m.end(group), singular))
    return found


def _addressed_name_spans(text: str, titles: list[TitleMatch], gaz: Gazetteer, comp, blocked):
    """Names NER missed that a form of address or a capitalised title beside them vouches for."""
    spans = []
    found = [(m.start("name"), m.end("name"), m.group("name")) for m in _ADDRESSED_NAME_RE.finditer(text)]
    found += [(s, e, text[s:e]) for s, e, _office in _plural_office_holders(text)]
    for t in titles:
        if t.name_span is None:
            m = _NAME_BEFORE_TITLE_RE.search(text, max(0, t.start - 80), t.start)
            if m and m.end() == t.start:
                found.append((m.start("name"), m.end("name"), m.group("name")))
    for s, e, name in found:
        words = name.split()
        if len(words) > 2 and words[0] in _HONORIFICS:
            s, words = s + len(words[0]) + 1, words[1:]  # "Ms Wang Huan, First Secretary ..."
            name = " ".join(words)
        if (
            blocked((s, e))
            or any(
                w in gaz.demonyms or w in gaz.country_names or w in _NAME_STOP or w in comp.heads
                for w in words
            )
            or any(
                w in _LEAD_WORDS or w in gaz.orgs or w in gaz.places or w in comp.domain_words for w in words
            )
            or org_kind(name) != "other"
            or company_shaped(name)
        ):
            continue
        spans.append((s, e))
    return spans


def _particle_name_spans(text: str, gaz: Gazetteer, comp, blocked) -> list[tuple[int, int]]:
    """ "Rodrigo de Rato", "Ursula von der Leyen": a name with a particle, whatever NER called it."""
    spans = []
    for m in _PARTICLE_NAME_RE.finditer(text):
        span = (m.start(), m.end())
        words = m.group().split()
        if blocked(span) or any(w in comp.heads or w in _LEAD_WORDS or w in _NAME_STOP for w in words):
            continue
        if org_kind(m.group()) != "other" or company_shaped(m.group()) or m.group() in gaz.places:
            continue
        spans.append(span)
    return spans


def _take_person_named_orgs(text: str, orgs, gaz: Gazetteer, name_spans) -> list[tuple[int, int]]:
    """NER's "organisation" "Burak Ertem" next to its person "Ertem": a given name and that surname is a
    person; the organisation goes and its mentions are returned as name spans."""
    surnames = {text[s:e].split()[-1] for s, e in name_spans if text[s:e].split()}
    taken = []
    for rec in list(orgs.values()):
        # "envoy to Ukraine Kurt Volker": the country an envoy is sent to, glued to the envoy's name
        lead = None if rec.known or rec.shaped else gaz.country_re.match(rec.name)
        rest = rec.name[lead.end() :].split() if lead else []
        if (
            lead
            and 2 <= len(rest) <= 3
            and org_kind(" ".join(rest)) == "other"
            and not re.search(r"\b(?:News|Agency|Group|Bank|Company|Times|Post|Airways|Airlines)$", rec.name)
            and all(_NAME_WORD_RE.fullmatch(w) and w not in gaz.orgs and w not in _NAME_STOP for w in rest)
            and all(
                re.search(r"\bto (?:the )?$", text[max(0, s - 8) : s])
                if text[s:e] == rec.name
                else text[s:e] in rest  # the surname alone elsewhere
                for s, e in rec.mentions
            )
        ):
            taken.extend(
                (s + lead.end() + 1, e) if text[s:e] == rec.name else (s, e) for s, e in rec.mentions
            )
            del orgs[rec.name]
            continue
        rank = None if rec.known or rec.shaped else _RANK_LEAD_RE.match(rec.name)
        rest = rec.name[rank.end() :].split() if rank else []
        if (
            rank
            and 2 <= len(rest) <= 3
            and org_kind(" ".join(rest)) == "other"
            and not company_shaped(" ".join(rest))
            and all(
                _NAME_WORD_RE.fullmatch(w) and w not in gaz.orgs and w not in _NAME_STOP | _LEAD_WORDS
                for w in rest
            )
        ):
            # "General Ann Okafor", "Lt. Gen. Ann Okafor", "Sheikh Ali Al Hamed": a rank or a form of address
            # before a person's name; the person is the name after it
            taken.extend((s + rank.end(), e) for s, e in rec.mentions if text[s:e] == rec.name)
            del orgs[rec.name]
            continue
        words = rec.name.split()
        if (
            rec.known
            or rec.shaped
            or rec.kind != "other"
            or not 2 <= len(words) <= 3
            # "JP McVane": a first name given by its initials, a surname with "Mc" or "O'"
            or not all(
                _NAME_WORD_RE.fullmatch(re.sub(r"^(?:Mc|O['’])(?=[A-Z])", "", w))
                or (i == 0 and _INITIALS_WORD_RE.fullmatch(w))
                for i, w in enumerate(words)
            )
            or any(w in gaz.demonyms or w in gaz.country_names or w in gaz.places for w in words)
            or any(w in gaz.orgs or w in _LEAD_WORDS or w in _NAME_STOP for w in words)
        ):
            continue
        # its surname speaks alone elsewhere, or a title stands right before or after it ("chief
        # executive Ann Lee", "signed by Ann Lee, Minister of Development")
        titled = any(
            _TITLE_BEFORE_NAME_RE.search(text[max(0, s - 40) : s])
            or _TITLE_AFTER_NAME_RE.match(text, e)
            or _PERSON_NOUN_AFTER_RE.match(text, e)
            or _PERSON_ROLE_AFTER_RE.match(text, e)
            # "John Magnier and JP McVane": initials and a surname, joined by "and" to a person's name
            or (
                _INITIALS_WORD_RE.fullmatch(words[0])
                and any(
                    (n[1] == s - 5 and text[n[1] : s] == " and ")
                    or (n[0] == e + 5 and text[e : n[0]] == " and ")
                    for n in name_spans
                )
            )
            for s, e in rec.mentions
        )
        addressed = re.search(rf"\b(?:Mr|Mrs|Ms|Dr)\.? {re.escape(words[-1])}\b", text)  # "Mr Scholz"
        if words[-1] not in surnames and not titled and not addressed:
            continue
        taken.extend(m for m in rec.mentions if text[m[0] : m[1]] == rec.name)
        del orgs[rec.name]
    return taken


# "Philip Green, the retail billionaire,": an appositive that calls the name a person
_PERSON_NOUN_AFTER_RE = re.compile(
    r",\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){0,3}?(?:billionaire|tycoon|magnate|entrepreneur|investor|financier"
    r"|businessman|businesswoman|founder|co-founder|heir|heiress|oilman|banker|lawyer|politician|activist"
    r"|philanthropist)\b"
)
# "KR Malvani, a fund manager with ...", "Oyelaran Adebisi, former military leader": a role only people have
# ("a leader in ..." and "an asset manager" are said of companies too)
_PERSON_ROLE_AFTER_RE = re.compile(
    r",\s+(?:(?:the|a|an|former)\s+(?:[\w'’-]+\s+){0,2}?(?:fund manager|aspirant|candidate|lawmaker|singer"
    r"|actor|actress|rapper|son-in-law|daughter|son|wife|husband)|former\s+(?:[\w'’-]+\s+){0,2}?leader)\b"
)
_INITIALS_WORD_RE = re.compile(r"[A-Z]{2}")  # not "J.P." (J.P. Morgan)
# military ranks and forms of address before a name ("Lt. Gen.", "Brigadier General", "Sheikh", Burmese "U")
_RANK_LEAD_RE = re.compile(
    r"(?:(?:Lt|Maj|Brig|Lieut|Lieutenant|Major|Brigadier|Vice|Rear)\.?[ -])?"
    r"(?:General|Gen\.|Colonel|Col\.|Admiral|Adm\.|Marshal|Field Marshal|Capt\."
    r"|Sheikh|Shaikh|Sheikha|Shaikha|U|Daw)\s+"
)
_NAME_WORD_RE = re.compile(r"[A-ZÀ-ÞİÇŞĞÜÖ][a-zà-ÿıçşğüö'’]+(?:-[A-ZÀ-ÞİÇŞĞÜÖ][a-zà-ÿıçşğüö'’]+)?")


def _drop_orgs_on_names(text: str, orgs, name_spans) -> None:
    """A spaCy-only organisation that is really a person's name goes."""
    for rec in list(orgs.values()):
        if rec.known or rec.shaped:
            # a known company's name as a surname ("Yutaka Takeda"): that mention is the person's
            rec.mentions = [
                m for m in rec.mentions if not any(n[0] < m[0] and m[1] == n[1] for n in name_spans)
            ]
            if not rec.mentions:
                del orgs[rec.name]
            continue
        own = [m for m in rec.mentions if text[m[0] : m[1]] == rec.name]
        if any(overlaps(m, n) for m in own for n in name_spans):
            del orgs[rec.name]  # "Transport and Infrastructure Nazlı Erdem" is a title and a name
            continue
        rec.mentions = [m for m in rec.mentions if not any(overlaps(m, n) for n in name_spans)]
        if not rec.mentions:
            del orgs[rec.name]


_BURMESE_ADDRESS = re.compile(r"(?:U|Daw) (?=[A-Z][a-z])")


def _people_from_names(
    text: str, name_spans, orgs, countries_at, gaz: Gazetteer, corrections: Corrections | None
) -> list[Person]:
    # "U Kyaw Lin", "Daw Aye Mya": a Burmese form of address found with the name by any pass is no part of it
    name_spans = [
        (m.end(), e) if len(text[s:e].split()) >= 3 and (m := _BURMESE_ADDRESS.match(text, s, e)) else (s, e)
        for s, e in name_spans
    ]
    people = cluster_people(text, name_spans)
    taken = [(s, e) for rec in orgs.values() for s, e in rec.mentions] + [(s, e) for s, e, _ in countries_at]
    taken += [m for p in people for m in p.mentions]
    extra_surname_mentions(text, people, taken)
    _given_name_mentions(text, people, taken)
    _drop_non_people(people, gaz, orgs)
    if corrections:
        apply_to_people(people, corrections)
    return people


def _drop_orgs_that_are_names_or_titles(orgs, people: list[Person], titles: list[TitleMatch], comp) -> None:
    person_tokens = {fold(w) for p in people for w in p.name.split()}
    title_spans_all = [(t.start, t.end) for t in titles]
    for rec in list(orgs.values()):
        if rec.known:
            continue
        if all(fold(w) in person_tokens for w in rec.name.split()):
            del orgs[rec.name]  # "Karaosmanoğlu" tagged as an organisation
        elif rec.name in comp.domain_words or (
            all(any(ts <= s and e <= te for ts, te in title_spans_all) for s, e in rec.mentions)
            and not rec.name.startswith(("Ministry", "Office"))
            and len(rec.name.split()) <= 3
            and org_kind(rec.name) == "other"
        ):
            del orgs[rec.name]  # "Trade" in "Trade Minister"
        elif (
            len(rec.name.split()) > 1
            and all(any(_demonym_title_holds(t, s, e) for t in titles) for s, e in rec.mentions)
            and all(w in comp.domain_words for w in rec.name.split()[1:])
        ):
            del orgs[rec.name]  # "Brazilian Industry" in "Brazilian Industry and Commerce Minister"


def _demonym_title_holds(title: TitleMatch, s: int, e: int) -> bool:
    return title.country_from_demonym and title.start <= s and e <= title.end


def _give_people_positions(
    text: str,
    document: Document,
    zones,
    titles,
    people: list[Person],
    orgs,
    gaz: Gazetteer,
    sentences,
    bylines,
    named_countries: set[str],
) -> list[tuple[int, int]]:
    """Positions from titles, appositions, pre-nominal titles and bylines; returns the appositive spans."""
    _assign_positions(text, titles, people, gaz, sentences, named_countries)
    appositive_spans = _appositive_titles(text, people, gaz, orgs, titles)
    _appointed_titles(text, people)
    _prenominal_titles(text, people, orgs, gaz)
    roles_before_names(text, people, orgs, _LOWER_HEADS, _LOWER_MODIFIER)
    countries_after_titled_names(text, people)
    countries_before_titled_names(text, people, _LOWER_HEADS)
    countries_from_demonyms_before_names(text, people)
    envoys_to_countries_before_names(text, people)
    abbreviated_ranks_before_names(text, people)
    titles_named_as(text, people, _LOWER_HEADS)
    titles_by_role_verbs(text, people, _LOWER_HEADS, _LOWER_MODIFIER)
    sentence_case_titles(text, people, _LOWER_HEADS, _LOWER_MODIFIER)
    contributor_lines(text, people)
    plural_titles_before_names(text, people)
    contact_line_titles(text, people)
    founders_named(text, people)
    dash_appositions(text, people, _LOWER_HEADS)
    joined_posts_beside_names(text, people, _LOWER_HEADS)
    plural_titles_before_lists(text, people)
    for bs, be, role in bylines:
        for p in people:
            if any(overlaps((bs, be), m) for m in p.mentions) and not p.positions:
                p.positions.append({"title": role, "organization": document.publisher or zones.publisher})
    return appositive_spans


# ---------------------------------------------------------------- analyse: places, countries, sectors


def _find_places(text: str, ents, gaz: Gazetteer, orgs, people: list[Person], not_orgs=()):
    org_mention_spans = [(s, e) for rec in orgs.values() for s, e in rec.mentions]
    blocked = org_mention_spans + [m for p in people for m in p.mentions]
    # a place inside an organisation's name names the place ("Dalian Institute ..."), but not inside a
    # newspaper's ("Bangkok Post", "Kansas City Star")
    soft = [(s, e) for rec in orgs.values() if rec.kind != "media" for s, e in rec.mentions]
    # no place inside a programme, an index or a site ("Shanghai Composite"); "Seoul Metropolitan Area",
    # taken for an organisation by its capitals, is the place itself
    blocked += [m for _name, mentions, _place in not_orgs for m in mentions]
    places = find_places(text, ents, gaz, blocked, soft=soft)
    for name, mentions, is_place in not_orgs:
        if is_place and name not in places:
            places[name] = PlaceRec(name, None)
            places[name].mentions = list(mentions)
    return places


def _countries_in_order(zones, countries_at, places) -> list[str]:
    country_order: dict[str, int] = {}
    for s, e, code in countries_at:
        if zones.contains(s, e):
            continue
        country_order.setdefault(code, s)
    for rec in places.values():
        # a country is never inferred from a city or province alone ("Vienna" does not name Austria, nor
        # "Guangdong" China): a place only moves a named country's first mention earlier
        if rec.country and rec.country in country_order:
            country_order.setdefault(rec.country, rec.first)
            country_order[rec.country] = min(country_order[rec.country], rec.first)
    return [c for c, _ in sorted(country_order.items(), key=lambda kv: kv[1])]


def _sector_hits(text: str, gaz: Gazetteer, zones, titles: list[TitleMatch], orgs):
    named_title_spans = [(t.start, t.end) for t in titles if t.name_span or t.title != t.head]
    gov_org_spans = [m for rec in orgs.values() for m in rec.mentions]
    return find_sectors(text, gaz, zones.spans + named_title_spans + gov_org_spans)


# --------------------------------------------------------------------------- analyse: publisher, fixes


def _ensure_publisher_org(text: str, document: Document, zones, orgs, gaz: Gazetteer, publisher) -> None:
    if zones.publisher and zones.publisher not in orgs:
        _add_publisher_org(text, zones, orgs, gaz)
    if not publisher or publisher in orgs or any(publisher in rec.surfaces for rec in orgs.values()):
        return
    from .entities import OrgRec

    prefix = next(
        (rec for rec in orgs.values() if not rec.known and publisher.startswith(rec.name + " ")), None
    )
    if prefix is not None:
        # NER cut the publisher's name short ("TÜBİTAK Marmara" for "TÜBİTAK Marmara Research Center")
        del orgs[prefix.name]
        prefix.surfaces.append(prefix.name)
        prefix.name = publisher
        orgs[publisher] = prefix
    else:
        i = text.find(publisher)
        kind = (
            "media"
            if document.publisher
            and not document.publisher_speaks
            and org_kind(publisher) not in {"government", "company"}
            else org_kind(publisher)
        )
        mentions = [(i, i + len(publisher))] if i >= 0 else []
        orgs[publisher] = OrgRec(publisher, kind, _country_in(publisher, gaz), mentions)


def _apply_org_and_place_corrections(orgs, places, people: list[Person], publisher, corrections: Corrections):
    """Applies the corrections; positions and the publisher follow a renamed organisation."""
    renamed = apply_to_orgs(orgs, corrections)
    apply_to_places(places, corrections)
    if renamed:
        for p in people:
            for pos in p.positions:
                if pos.get("organization") in renamed:
                    pos["organization"] = renamed[pos["organization"]]
        if publisher in renamed:
            publisher = renamed[publisher]
    return publisher


# ---------------------------------------------------------------------------- analyse: events, claims


def _add_full_name_mentions(text: str, people: list[Person], org_items) -> bool:
    """Every occurrence of a person's full name is a mention of that person, also where NER missed it
    ("(Xinhua)-- Shi Guangsheng, Chinese Minister ..., met ..." when only the later "Shi" was tagged, or a
    name grown from "Shi" to "Shi Guangsheng"): events read their parties from these mentions."""
    taken = sorted([(s, e) for p in people for s, e in p.mentions] + [(s, e) for s, e, _rec in org_items])
    starts = [s for s, _e in taken]
    longest = max((e - s for s, e in taken), default=0)
    added = False
    for person in people:
        if len(person.name) < 4:
            continue
        full = sum(1 for s, e in person.mentions if text[s:e] == person.name)
        if text.count(person.name) <= full:
            continue  # every occurrence of the full name is a mention already
        for m in re.finditer(r"(?<![\w-])" + re.escape(person.name) + r"(?![\w-])", text):
            s, e = m.span()
            i = bisect.bisect_left(starts, s - longest)
            if any(ts < e and s < te for ts, te in taken[i : bisect.bisect_left(starts, e)]):
                continue
            person.mentions.append((s, e))
            k = bisect.bisect_left(starts, s)
            taken.insert(k, (s, e))
            starts.insert(k, s)
            added = True
        person.mentions.sort()
    return added


def _outside_zones(zones) -> Callable[[int, int], bool]:
    def allowed(s: int, e: int) -> bool:
        return not any(zs <= s and e <= ze for zs, ze in zones.spans)

    return allowed


def _find_events(
    text: str,
    doc,
    sentences,
    allowed,
    index: MentionIndex,
    org_items,
    places,
    countries_at,
    gaz: Gazetteer,
    sector_hits,
    titles: list[TitleMatch],
    appositive_spans,
    tokens,
    published,
    publisher,
    publisher_speaks: bool = False,
) -> list[dict]:
    place_items = sorted(
        [(s, e, rec.name) for rec in places.values() for s, e in rec.mentions]
        + [(s, e, gaz.countries[code].name) for s, e, code in countries_at if text[s:e] in gaz.country_names]
    )
    # organisations named inside a person's title ("vice chairman of the NDRC") are not actors
    event_titles = [(t.start, t.end) for t in titles if t.name_span] + appositive_spans
    return events_mod.find_events(
        events_mod.EventInputs(
            text=text,
            sentences=sentences,
            allowed=allowed,
            people=index.items,
            orgs=org_items,
            places=place_items,
            sector_hits=sector_hits,
            title_spans=event_titles,
            resolve_pronoun=lambda pos: resolve_pronoun(pos, sentences, index),
            published=published,
            past_tense=lambda s, e: any(tag == "VBD" for ts, (te, tag) in tokens.items() if s <= ts < e),
            publisher=publisher,
            publisher_speaks=publisher_speaks,
            country_names=frozenset(c.name for c in gaz.countries.values()),
            doc=doc,
        )
    )


def _find_claims(
    text: str, sentences, allowed, org_items, countries_at, gaz: Gazetteer, sector_hits, corrections
) -> list[dict]:
    subject_items = sorted(
        [(s, e, gaz.countries[code].name) for s, e, code in countries_at if text[s:e] in gaz.country_names]
        + [(s, e, rec.name) for s, e, rec in org_items if rec.kind != "media"]
    )

    def subject_at(pos: int, sent_start: int) -> str | None:
        best = None
        for _s, e, name in subject_items:
            if e <= pos:
                best = name
            else:
                break
        return best

    def sector_at(s: int, e: int, sentence: tuple[int, int]) -> str | None:
        inside = [code for hs, he, code in sector_hits if s <= hs and he <= e]
        if inside:
            return inside[0]
        near = [
            (min(abs(hs - s), abs(he - e)), code)
            for hs, he, code in sector_hits
            if sentence[0] <= hs and he <= sentence[1]
        ]
        return min(near)[1] if near else None

    claims = claims_mod.find_claims(claims_mod.ClaimContext(text, sentences, subject_at, sector_at), allowed)
    if corrections:
        claims = [c for c in claims if not corrections.rejects_claim(c["text"], c["metric"], c["value"])]
    return claims


# ------------------------------------------------------------------------------ analyse: typed result


def _person_entities(people: list[Person]) -> list[PersonEntity]:
    return [
        PersonEntity(
            name=p.name,
            aliases=list(p.surfaces),
            country=p.country,
            positions=[Position(pos["title"], pos.get("organization")) for pos in p.positions],
            mentions=sorted(p.mentions),
        )
        for p in people
    ]


def _organization_entities(orgs, text_length: int) -> list[OrganizationEntity]:
    return [
        OrganizationEntity(
            name=rec.name,
            aliases=list(rec.surfaces),
            kind=rec.kind,
            country=rec.country,
            mentions=sorted(rec.mentions),
        )
        for rec in sorted(orgs.values(), key=lambda r: min((s for s, _ in r.mentions), default=text_length))
    ]


def _place_entities(places) -> list[PlaceEntity]:
    return [
        PlaceEntity(
            name=rec.name, aliases=list(rec.surfaces), country=rec.country, mentions=sorted(rec.mentions)
        )
        for rec in sorted(places.values(), key=lambda r: r.first)
    ]


# ---------------------------------------------------------------------------------------------- people


_ORG_END_WORDS = frozenset(
    {
        *(
            "Industries",
            "Industry",
            "Infrastructure",
            "Affairs",
            "Trade",
            "Economy",
            "Commerce",
            "Development",
        ),
        *(
            "Commission",
            "Council",
            "Department",
            "Federation",
            "Association",
            "Chamber",
            "Ministry",
            "Office",
        ),
        *("Authority", "Agency", "Bureau", "Corporation", "Company", "Group", "Bank", "Fund", "Institute"),
        *("Adviser", "Advisor", "Minister", "Secretary", "Director", "Chairman", "President", "Commissioner"),
        *("Ambassador", "Governor", "Mayor", "Spokesman", "Spokeswoman", "Representative", "Administrator"),
    }
)


def _split_name_tails(text: str, orgs, gaz: Gazetteer) -> list[tuple[int, int]]:
    """NER's "Federation of Thai Industries Kriengkrai Thiennukul", "National Security Advisor Ajit Doval":
    an organisation or an office with a person's name stuck to its end (NER may also cut the name short).
    The organisation keeps its own words (it goes when only an office is left); the name, read on in the
    text, becomes a person's. Name spans returned."""
    name_word = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-Za-zà-ÿ]+)?")
    offices = _LEAD_WORDS | {"Advisor", "Adviser", "Spokesperson", "Envoy"}

    def plain(word: str) -> bool:
        return bool(name_word.fullmatch(word)) and not (
            word in _ORG_END_WORDS
            or word in _COMPANY_TAIL
            or word in gaz.places
            or word in gaz.country_names
            or word in gaz.demonyms
            or word in gaz.domain_words
            or word in _NAME_STOP
        )

    names: list[tuple[int, int]] = []
    for rec in list(orgs.values()):
        if rec.known:
            continue
        words = rec.name.split()
        cut_at = next(
            (
                i
                for i in range(len(words) - 1, 0, -1)
                if words[i - 1] in _ORG_END_WORDS | offices
                and i >= 2
                and all(plain(w) for w in words[i:])
                and len(words) - i <= 3
            ),
            None,
        )
        if cut_at is None:
            continue
        core = " ".join(words[:cut_at])
        new_mentions = []
        found_name = False
        for ms, me in rec.mentions:
            if text[ms:me] != rec.name:
                new_mentions.append((ms, me))
                continue
            start = ms + len(core) + 1
            end = me
            count = len(words) - cut_at
            while count < 3:  # the name goes on past NER's span: "... Kriengkrai" + " Thiennukul"
                nxt = re.match(r" ([A-ZÀ-Þ][\w'’-]+)", text[end : end + 40])
                if not nxt or not plain(nxt.group(1)):
                    break
                end += nxt.end()
                count += 1
            if count >= 2:
                names.append((start, end))
                found_name = True
            new_mentions.append((ms, ms + len(core)))
        if not found_name:
            continue
        del orgs[rec.name]
        if words[cut_at - 1] in offices:
            continue  # "National Security Advisor" is an office, not an organisation
        rec.name = core
        rec.mentions = new_mentions
        if core in orgs:
            orgs[core].mentions.extend(new_mentions)
        else:
            orgs[core] = rec
    return names


def _token_index(doc) -> dict[int, tuple[int, str]]:
    """start char -> (end char, tag) for every token (for the NNP test when growing names)."""
    if doc is None:
        return {}
    return {t.idx: (t.idx + len(t.text), t.tag_) for t in doc}


_NOT_IN_A_NAME_RE = re.compile(r"[\u3000-\u9fff\uff00-\uffef]|\s(?:said|says|told|added)\b")


def _clean_person(text: str, s: int, e: int, gaz: Gazetteer, comp, tokens=None) -> tuple[int, int] | None:
    s, e = clean_entity_text(text, s, e)
    stop = _NOT_IN_A_NAME_RE.search(text, s, e)
    if stop:
        # "Kiana Ehsani、Luca", "Claude Code。除提供…", "Matt Comyn said,“Small": a translation or a verb
        # the tagger ran the name into
        s, e = clean_entity_text(text, s, stop.start())
        if e <= s:
            return None
    poss = re.match(r"[\w.&-]+['’]s\s+(?=[A-Z])", text[s:e])
    if poss:
        s += poss.end()  # "GM's Rick Wagoner": the company's man, not part of his name
    he = re.match(
        r"(?:H\.\s?[EH]\.?|H[EH](?=\s)|(?:(?:His|Her)\s+)?(?:Excellency|Highness|Majesty))\s*(?:(?:Mr|Mrs|Ms|Dr)\.?\s*)?",
        text[s:e],
    )
    if he and he.end() < e - s:
        s += he.end()  # "H.E. Qi Zhenhong", "H.E.Mr Khaled ...", "HH Sheikh ...", "His Majesty King ..."
    head = comp.head_re.match(text, s)
    if head and head.end() < e and text[head.end()] == " ":
        s = head.end() + 1  # "General Manager Ali Taha Koç"
    for head in comp.head_re.finditer(text, max(0, s - 40), e):
        if head.start() < s < head.end() < e and text[head.end()] == " ":
            s = head.end() + 1  # "[Chief] Strategy Officer Ann Lee": the span began inside the title
    for head in comp.head_re.finditer(text, s, min(len(text), e + 40)):
        if s < head.start() < e and text[head.start() - 1] == " " and head.end() > e:
            e = head.start() - 1  # "Ann Lee Secretary to the President": the span ran into a title
            break
    words = text[s:e].split()

    # drop leading honorifics and title heads ("Minister Kacır", "President Xi Jinping")
    def not_a_name_token(word: str) -> bool:
        # a capitalised common word the tagger does not read as a proper noun ("Describing Li",
        # "Email Tariq Malik"); particles and initials are kept
        pos = text.find(word, s)
        tok = tokens.get(pos) if tokens else None
        return (
            tok is not None
            and tok[1] not in {"NNP", "NNPS"}
            and (len(words) > 2 or tok[1].startswith("VB"))
            and word.lower() not in NAME_PARTICLES
            and not re.fullmatch(r"[A-Z]\.?", word)
        )

    while words and (
        words[0] in _HONORIFICS
        or words[0] in comp.heads
        or words[0] in gaz.demonyms
        or words[0] in _LEAD_WORDS
        or (len(words) >= 3 and words[0] in WEEKDAYS)  # "On Monday Karl Bremer signed": run into the name
        or (len(words) >= 3 and words[0] in {"U", "Daw"})  # Burmese forms of address: "U Kyaw Lin"
        or (len(words) >= 2 and not_a_name_token(words[0]))
    ):
        s = text.index(words[0], s) + len(words[0])
        while s < e and text[s] == " ":
            s += 1
        words = words[1:]
    # "Chief of [Staff Pavel Orlin]", "the World [Copper Council Ann Lee]", "Secretary of [Commerce Ann Lee]":
    # the tagger began the name inside the body or office before it; a name starts after its last word
    cut = max(
        (i + 1 for i, w in enumerate(words[:-2]) if w in _BODY_END_WORDS or w in comp.domain_words), default=0
    )
    if cut:
        s = text.index(words[cut], text.index(words[cut - 1], s) + len(words[cut - 1]))
        words = words[cut:]
    while words and (words[-1] in _TRAIL_WORDS or words[-1].lower() in NAME_PARTICLES):
        e = (
            s + text[s:e].rfind(" " + words[-1]) if len(words) > 1 else s
        )  # "Michael Hiltzik Business Columnist"
        words = words[:-1]
    while words and words[-1] in HEADLINE_VERBS:
        e = s + text[s:e].rfind(" " + words[-1])  # "Wang Lixin Meets ..." in a title-case headline
        words = words[:-1]
    if not words or len(words) > 5:
        return None
    surface = text[s:e]
    if not surface[0].isupper() or any(ch.isdigit() for ch in surface):
        return None
    if (
        surface in gaz.orgs
        or surface in gaz.country_names
        or surface in gaz.demonyms
        or surface in gaz.places
    ):
        return None
    if surface in comp.domain_words or surface in _NAME_STOP:
        return None
    if "\n" in surface:
        return None
    if (
        len(words) >= 2 and org_kind(surface) in {"company", "research", "government", "agency", "media"}
    ) or (company_shaped(surface)):
        return None  # "Huaxin Biotech", "Caspian Policy Forum"
    if len(words) >= 2 and words[-1] in _INSTITUTION_HEADS:
        return None  # "the Atlanta-based Carter Center": a body named after a person is no person
    return s, e


_INSTITUTION_HEADS = frozenset(
    {
        *("Center", "Centre", "Foundation", "Institute", "Institution", "Clinic", "Hospital", "Museum"),
        *("Library", "University", "College", "Academy", "Council", "Association", "Society", "Federation"),
        *(
            "Commission",
            "Committee",
            "Agency",
            "Ministry",
            "Corporation",
            "Company",
            "Laboratory",
            "Observatory",
        ),
    }
)


_BODY_END_WORDS = frozenset(
    {
        *(
            "Staff",
            "Council",
            "Ministry",
            "Committee",
            "Commission",
            "Department",
            "Office",
            "Agency",
            "Bureau",
        ),
        *(
            "Corporation",
            "Association",
            "Institute",
            "University",
            "Bank",
            "Board",
            "Authority",
            "Federation",
        ),
    }
)


def _extend_left(text: str, span: tuple[int, int], tokens, gaz: Gazetteer, comp) -> tuple[int, int]:
    s, e = span
    for _ in range(2):
        m = re.search(r"([^\W\d_][\w'’-]*) $", text[max(0, s - 30) : s])
        if not m:
            break
        word = m.group(1)
        ws = s - len(m.group(0))
        tok = tokens.get(ws)
        if (
            not word[0].isupper()
            or ("-" in word and not word.split("-")[-1][:1].isupper())
            or word in comp.domain_words
            or word in comp.heads
            or word in comp.head_ends  # "National Security Advisor Jake Sullivan"
            or word in gaz.demonyms
            or word in gaz.country_names
            or word in _NAME_STOP
            or word in _HONORIFICS
            or word in _LEAD_WORDS
            or word in WEEKDAYS  # "On Monday Karl Bremer"
            or word == "Officer"  # "Chief Strategy Officer Ann Lee"
            or word in _BODY_END_WORDS  # "Chief of Staff Ann Lee"
            or re.search(r"['’]s$", word)
            or word in gaz.orgs
            or word in gaz.places
            or tok is None
            or tok[1] != "NNP"
        ):
            break
        # a sentence-initial capitalised word is not evidence of a name
        if ws == 0 or text[ws - 1] == "\n" or text[max(0, ws - 2) : ws] in {". ", '" ', "“ "}:
            break
        s = ws
    return s, e


def _merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(set(spans)):
        if out and s < out[-1][1]:
            ps, pe = out[-1]
            out[-1] = (min(ps, s), max(pe, e))
        else:
            out.append((s, e))
    return out


def _country_in(name: str, gaz: Gazetteer) -> str | None:
    codes = [gaz.country_names[m.group()] for m in gaz.country_re.finditer(name)]
    codes += [gaz.demonyms[m.group()] for m in gaz.demonym_re.finditer(name)]
    return codes[-1] if codes else None


def _add_publisher_org(text: str, zones, orgs, gaz: Gazetteer) -> None:
    """A wire's name from its dateline ("BAKU, Oct 14 (Caspian Wire) -") is an organisation too."""
    from .entities import OrgRec

    name = zones.publisher
    country = None
    if zones.dateline:
        place = zones.dateline[0].strip().title()
        if place in gaz.places:
            country = gaz.places[place].country
        elif place in gaz.country_names:
            country = gaz.country_names[place]
    rec = OrgRec(name, "media", country)
    rec.mentions = [(s, e) for s, e, surface in zones.credit_names if surface.strip() == name]
    if not rec.mentions:
        i = text.find(name)
        if i < 0:
            return
        rec.mentions = [(i, i + len(name))]
    orgs[name] = rec


_PLACE_BEFORE_RE = re.compile(r"\b(?:in|at|near|across|around|outside|inside|city of|province of)\s+$")
_PLACE_AFTER_RE = re.compile(r"^\s+(?:province|city|district|region|county|island|port|airport|area)\b", re.I)
_NOT_PERSON_LABELS = {"ORG", "GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "NORP", "LAW"}


_SPEAKS_RE = re.compile(r"\s+(?:said|says|told|added|noted|stated|stressed|asked|replied|explained)\b")
_SAID_BEFORE_RE = re.compile(r"\b(?:said|says|added|noted)\s+$")


def _given_name_mentions(text: str, people: list[Person], taken: list[tuple[int, int]]) -> None:
    """ "Srettha met ..." after "Srettha Thavisin", "Xi said" after "Xi Jinping": the first word of a full
    name used alone. Only a word the text never writes in lower case (not "Will", "Rich") and that no
    other person shares."""
    firsts: dict[str, list[Person]] = {}
    for p in people:
        words = p.name.split()
        if 2 <= len(words) <= 3:
            firsts.setdefault(words[0], []).append(p)
    occupied = list(taken) + [m for p in people for m in p.mentions]
    lower_words = set(re.findall(r"(?<![\w-])[a-zà-ÿ][\w'’-]*", text)) if firsts else set()
    for first, owners in firsts.items():
        if (
            len(owners) != 1
            or len(first) < 3
            or not first[:1].isupper()
            or first.isupper()
            or first in _LEAD_WORDS
            or first in _HONORIFICS
            or first in _NAME_STOP
            or first.lower() in lower_words
        ):
            continue
        owner = owners[0]
        for m in re.finditer(rf"(?<![\w-]){re.escape(first)}(?![\w-])(?!\s+[A-ZÀ-Þ])", text):
            span = (m.start(), m.end())
            if any(overlaps(span, o) for o in occupied):
                continue
            owner.mentions.append(span)
            occupied.append(span)
            if first not in owner.surfaces:
                owner.surfaces.append(first)


def _grow_name(text: str, single: str) -> str | None:
    """The full form of a lone name elsewhere in the text: "Shi" and "Shi Guangsheng, Chinese Minister"."""
    for m in re.finditer(
        rf"(?<![\w-]){re.escape(single)}\s+([A-ZÀ-Þ][a-zà-ÿ]+(?:-[A-Za-zà-ÿ]+)?)(?=\s*[,(]|\s+(?:said|says|told|met|of)\b)",
        text,
    ):
        word = m.group(1)
        if word in _LEAD_WORDS or word in _NAME_STOP or word in _TRAIL_WORDS or word in _COMPANY_TAIL:
            continue
        return f"{single} {word}"
    return None


_LIST_JOIN_AFTER_RE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s+to\s+)")
_LIST_JOIN_BEFORE_RE = re.compile(r"(?:,\s*(?:and\s+)?|\s+and\s+|\s+to\s+)")


def _beside_a_place(text: str, s: int, e: int, gaz: Gazetteer) -> bool:
    """ "from Mong Cai to Haiphong", "Khon Kaen, Nong Khai and Udon": a name in a run of known places."""
    after = _LIST_JOIN_AFTER_RE.match(text, e)
    if after and gaz.place_re.match(text, after.end()):
        return True
    before = gaz.place_re.finditer(text, max(0, s - 40), s)
    return any(_LIST_JOIN_BEFORE_RE.fullmatch(text[m.end() : s]) for m in before)


def _drop_unlikely_people(
    text: str, people: list[Person], ents, comp, gaz: Gazetteer
) -> list[tuple[str, list[tuple[int, int]], bool]]:
    """People no careful reader would list: a lone word with no title anywhere ("Width", "Whoosh",
    "Yukos"), a name NER itself mostly reads as something else, a name used as a place ("in Khon Kaen",
    "Nong Khai province")."""
    labels: dict[str, dict[str, int]] = {}
    for ent in ents:
        counts = labels.setdefault(ent.text, {})
        counts[ent.label_] = counts.get(ent.label_, 0) + 1
    address = _HONORIFICS | comp.heads | _LEAD_WORDS

    def titled(s: int) -> bool:
        before = re.search(r"([\w.]+)\s+$", text[max(0, s - 40) : s])
        return bool(before and (before.group(1) in address or before.group(1).rstrip(".") in address))

    full = [p for p in people if len(p.name.split()) >= 2]
    keep = []
    as_places: list[tuple[str, list[tuple[int, int]], bool]] = []
    for p in people:
        if len(p.name.split()) == 1:
            # "Srettha" after "Srettha Thavisin" (a given name used alone): the same person
            owner = next((f for f in full if f.name.split()[0] == p.name), None)
            if owner is not None:
                owner.mentions = sorted(set(owner.mentions) | set(p.mentions))
                if p.name not in owner.surfaces:
                    owner.surfaces.append(p.name)
                continue
            grown = _grow_name(text, p.name)
            if grown:
                p.surfaces = [p.name, *p.surfaces]
                p.name = grown  # "Shi" said ...; the text also has "Shi Guangsheng,"
        if p.positions or any(titled(s) for s, _e in p.mentions):
            keep.append(p)
            continue
        if len(p.name.split()) == 1:
            if any(
                _SPEAKS_RE.match(text, e) or _SAID_BEFORE_RE.search(text, max(0, s - 8), s)
                for s, e in p.mentions
            ):
                keep.append(p)  # "..., Shi said": people speak
            continue
        if any(_PERSON_NOUN_AFTER_RE.match(text, e) for _s, e in p.mentions):
            keep.append(p)  # "Philip Green, the retail billionaire,": whatever NER read
            continue
        counts = labels.get(p.name, {})
        other = sum(n for label, n in counts.items() if label in _NOT_PERSON_LABELS)
        if other > counts.get("PERSON", 0) and not _PARTICLE_NAME_RE.fullmatch(p.name):
            continue
        place_votes = sum(
            1
            for s, e in p.mentions
            if _PLACE_BEFORE_RE.search(text[max(0, s - 20) : s])
            or _PLACE_AFTER_RE.match(text[e : e + 20])
            or _beside_a_place(text, s, e, gaz)
        )
        if place_votes and place_votes * 2 >= len(p.mentions):
            as_places.append((p.name, sorted(p.mentions), True))
            continue
        keep.append(p)
    people[:] = keep
    return as_places


def _drop_non_people(people: list[Person], gaz: Gazetteer, orgs) -> None:
    org_words = set()
    for rec in orgs.values():
        for surface in [rec.name, *rec.surfaces]:
            org_words.add(surface)
            first = surface.split()[0]
            org_words.add(first)
            if "-" in first and rec.kind == "company":
                org_words.add(first.split("-")[0])  # "Kloeckner said" after "Kloeckner-Werke AG"
    keep = []
    for p in people:
        if p.name in orgs or p.name in gaz.orgs or p.name in gaz.places or p.name in gaz.country_names:
            continue
        if len(p.name.split()) == 1 and (p.name in org_words or p.name in _NAME_STOP):
            continue  # "Zhengyuan said ..." is the company
        keep.append(p)
    people[:] = keep


_BYLINE_RE = re.compile(r"^By ([A-ZÀ-ÞİÇŞĞÜÖ][\w'’.-]+(?: [A-ZÀ-ÞİÇŞĞÜÖ][\w'’.-]+){1,3})\b", re.MULTILINE)
_BYLINE_NEXT_RE = re.compile(
    r"(?:;|,| and|, and) ([A-ZÀ-ÞİÇŞĞÜÖ][\w'’.-]+(?: [A-ZÀ-ÞİÇŞĞÜÖ][\w'’.-]+){1,2})"
    r"(?=[ \t]*(?:$|;|,| and\b))",
    re.MULTILINE,
)
_BYLINE_NOT_NAMES = frozenset(
    {
        "Staff",
        "Senior",
        "Special",
        "Associated",
        "The",
        "Chief",
        "National",
        "Contributing",
        "Business",
        "News",
    }
    | {
        "Press",
        "Times",
        "Post",
        "Daily",
        "Journal",
        "Network",
        "Agency",
        "Media",
        "Wire",
        "Writer",
        "Reporter",
    }
)
_CREDITS_RE = re.compile(
    r"\b(Reporting|Writing|Editing|Additional reporting|(?<=; )additional reporting) by\s+"
    r"([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})"
)
# "additional reporting by Ann Lee, Tom Hale and Ole Berg; Editing by ...": the other names of one credit
_CREDITS_NEXT_RE = re.compile(
    r"(?:,| and|, and) ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})(?=[ \t]*(?:$|;|,| and\b))", re.M
)
# "Talks Start in Eilat by Ann Lee, Tom Hale": a headline's line ending in its writers' names
_HEADLINE_WRITERS_RE = re.compile(
    r"\A[^\n.!?]{10,200}? by ([A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})"
    r"((?:, [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})+)[ \t]*$",
    re.M,
)


_NAME = r"[A-ZÀ-ÞİÇŞĞÜÖ][\w'’.-]+(?: [A-ZÀ-ÞİÇŞĞÜÖ][\w'’.-]+){1,3}"
# "WRITER:\nMongkol Bangprapa", "Keith Bradsher contributed reporting", "Email Tariq Malik at ...@...",
# a name on its own line above "(The Jakarta Post)"
_MORE_BYLINES_RE = re.compile(
    rf"^(?:WRITER|Writer|AUTHOR|Author|REPORTER|Reporter|By)\s*:[ \t]*\n?[ \t]*(?P<a>{_NAME})[ \t]*$"
    rf"|\b(?P<b>{_NAME}) contributed (?:reporting|to this report)\b"
    rf"|^Email (?P<c>{_NAME}) at \S+@"
    rf"|^(?P<d>{_NAME})\n\((?:The )?[A-Z][\w ]{{2,40}}\)$"
    # "Ann Lee\nThe Straits Times\nAsia News Network": a writer's name over her newspaper's at the end
    rf"|^(?P<e>{_NAME})\n(?:The )?[A-Z][\w ]{{0,30}}\b(?:Times|Post|Daily|Herald|Journal|Tribune|Star|Globe"
    rf"|Gazette|Inquirer|Nation)\n(?:Asia News Network|ANN)?\s*\Z",
    re.MULTILINE,
)


def byline_people(text: str) -> list[tuple[int, int, str]]:
    """(start, end, title) for reporters' and editors' names in bylines."""
    out = []
    for m in _BYLINE_RE.finditer(text):
        out.append((m.start(1), m.end(1), "reporter"))
        # "By Ann Lee; Ole Berg", "By Ann Lee and Ole Berg": the other writers of the byline
        end = m.end(1)
        while more := _BYLINE_NEXT_RE.match(text, end):
            if _BYLINE_NOT_NAMES & set(more.group(1).split()):  # "By Ann Lee; Kestrel Business"
                break
            out.append((more.start(1), more.end(1), "reporter"))
            end = more.end(1)
    for m in _MORE_BYLINES_RE.finditer(text):
        group = next(g for g in "abcde" if m.group(g))
        out.append((m.start(group), m.end(group), "reporter"))
    for m in _CREDITS_RE.finditer(text):
        role = "editor" if m.group(1) == "Editing" else "reporter"
        out.append((m.start(2), m.end(2), role))
        end = m.end(2)
        while more := _CREDITS_NEXT_RE.match(text, end):
            out.append((more.start(1), more.end(1), role))
            end = more.end(1)
    headline = _HEADLINE_WRITERS_RE.match(text)
    if headline:
        out.append((headline.start(1), headline.end(1), "reporter"))
        for more in re.finditer(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}", headline.group(2)):
            out.append((headline.start(2) + more.start(), headline.start(2) + more.end(), "reporter"))
    return out


def _assign_positions(
    text: str,
    titles: list[TitleMatch],
    people: list[Person],
    gaz: Gazetteer,
    sentences,
    named_countries: set[str],
) -> None:
    """`named_countries`: the codes of the countries the text names (from `country_mentions`)."""

    def person_at(span: tuple[int, int]) -> Person | None:
        for p in people:
            for m in p.mentions:
                if overlaps(m, span):
                    return p
        return None

    ordered = sorted(titles, key=lambda t: t.start)
    titled_name_ends = {t.name_span[1] for t in titles if t.name_span}
    # "Prime Minister and Finance Minister Ann Lee": two offices before one name are both hers
    shared: dict[int, tuple[int, int]] = {}
    for first, second in itertools.pairwise(ordered):
        joined = text[first.end : second.start] in {" and ", " & "}
        the_first = text[max(0, first.start - 4) : first.start].lower() == "the "  # "the Vice President and"
        if first.name_span is None and second.name_span and joined and not the_first:
            shared[id(first)] = second.name_span
    previous: TitleMatch | None = None
    last: tuple[TitleMatch, Person] | None = None
    for t in ordered:
        span = t.name_span or shared.get(id(t))
        holder = person_at(span) if span else None
        # "Prime Minister of the United Arab Emirates (UAE) and Ruler of Dubai": an acronym in brackets
        between = re.sub(r"^\s*\([A-Z]{2,8}\)", "", text[last[0].end : t.start]) if last is not None else ""
        after_and = last is not None and between in {" and ", " & "}
        if holder is None and t.name_span is None and last and after_and:
            holder = last[1]  # "Ann Lee, Vice President and Prime Minister of X"
        if holder is None:
            # appositive: "Chen Weidong, Chairman of Zhengyuan," / "Name, the Minister of ..."
            # "Ann Lee, UAE Minister of State": a country's or body's short name may stand between
            m = _COMMA_BEFORE_TITLE_RE.search(text[max(0, t.start - 40) : t.start])
            if m:
                end = t.start - len(m.group(0))
                holder = next((p for p in people for ms, me in p.mentions if me == end), None)
                degree = _DEGREE_BEFORE_RE.search(text, max(0, end - 20), end) if holder is None else None
                if degree:
                    holder = next((p for p in people for ms, me in p.mentions if me == degree.start()), None)
                if holder is not None and end in titled_name_ends:
                    holder = None  # "Minister X Ann Lee, Minister of Y, Ole Berg": a list of titled names
            if holder is None:
                # "The Minister of Commerce of X, Mr. Wang Li, met ..." / "..., Minister of Y, Ole Berg,"
                after = _TITLE_THEN_NAME_RE.match(text, t.end)
                if after:
                    holder = next((p for p in people for ms, _me in p.mentions if ms == after.end()), None)
        if holder is None:
            previous = t if t.name_span else previous
            continue
        country = t.country
        if (
            country is None
            and previous is not None
            and previous.name_span
            and previous.country_from_demonym
            and not t.organization  # "US President X, European Commission President Y": Y's own body
        ):
            between = text[previous.name_span[1] : t.start]
            if between.strip() in {"and", ",", ", and"}:
                country = previous.country
                t.country = country
                t.country_from_demonym = True
        if country is None and t.organization:
            org = gaz.orgs.get(t.organization)
            if org and org.country:
                # "Trade Minister X" read as the gazetteer's (Turkish) Ministry of Trade: its country only
                # when the text names it
                country = org.country if org.country in named_countries else None
        if country and not holder.country:
            holder.country = country
        _add_position(holder, t)
        previous = t
        last = (t, holder)
    for s, e, office in _plural_office_holders(text):
        holder = person_at((s, e))
        if holder is not None and not any(pos["title"] == office for pos in holder.positions):
            holder.positions.append({"title": office, "organization": None})
    # "his Chinese counterpart Wang Wentao"
    for m in re.finditer(r"\b([A-Z][a-z]+) counterparts?,?\s+", text):
        code = gaz.demonyms.get(m.group(1))
        if not code:
            continue
        for p in people:
            if not p.country and any(ms == m.end() for ms, _ in p.mentions):
                p.country = code


_TITLE_BEFORE_NAME_RE = re.compile(
    r"\b(?-i:chief executive|executive|chairman|chairwoman|president|minister|director|founder|spokesman"
    r"|spokeswoman|analyst|secretary|CEO|boss|governor|ambassador|envoy|economist)\s+$"
)
_TITLE_AFTER_NAME_RE = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?(?:[\w'’-]+\s+){0,3}?(?:minister|chief executive|chairman|chairwoman"
    r"|president|director|founder|secretary|ambassador|governor|CEO|head|chancellor|premier|boss|mayor|senator"
    r"|commissioner|spokesman|spokeswoman|spokesperson|adviser|advisor|economist|analyst|king|queen)\b",
    re.IGNORECASE,
)
# "Ann Lee, zentrix's new Chief Strategy Officer", "Tom Hale, a former R&D Director at X": a body in lower
# case and the time of the post may stand between as well
_COMMA_BEFORE_TITLE_RE = re.compile(
    r",\s*(?:the\s+|a\s+|an\s+)?(?:[a-z][\w.&-]*['’]s\s+)?(?:(?:new|former|outgoing|incoming|current|first)\s+)?"
    r"(?:[A-Z][\w.&'’-]*\s+){0,2}$"
)
# "Ann Lee, Ph. D., President of X", "Tom Hale, MD/PhD, Kestrel's Chief Scientific Officer": a degree or a
# suffix set off by commas between the name and its apposition
_DEGREE_AFTER_NAME_RE = re.compile(
    r",\s+(?:Ph\.?\s?D\.?|M\.?D\.?(?:\s?/\s?Ph\.?\s?D\.?)?|MBA|CPA|CFA|Esq\.?|Jr\.?|Sr\.?|OBE|CBE|MBE)(?=,)"
)
_DEGREE_BEFORE_RE = re.compile(_DEGREE_AFTER_NAME_RE.pattern.removesuffix("(?=,)") + r"$")
_TITLE_THEN_NAME_RE = re.compile(r",\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+|H\.\s?E\.\s*(?:(?:Mr|Mrs|Ms)\.?\s*)?)?")
_LOWER_HEADS = (
    "secretary of state|deputy minister|vice minister|assistant minister|minister|vice president|"
    "executive vice president|"
    "vice premier|vice-premier|premier|"
    "president|chief technology officer|chief operating officer|chief financial officer|chief scientist|"
    "chief economist|chief strategist|vice rector|deputy rector|administrator|senior fellow|research fellow|"
    "fellow|commissioner|scientist|expert|specialist|lecturer|executive|representative|envoy|deputy head|"
    # "Commerce Ministry inspector-general X", "the ministry's permanent secretary X"
    "permanent-secretary|permanent secretary|inspector-general|inspector general|"
    "board chairman|secretary|"
    "vice chairman|chairman|chairwoman|chairperson|chair|deputy director general|director general|"
    "director-general|deputy director|managing director|executive director|director|general manager|"
    "deputy general manager|chief executive officer|chief executive|ceo|founder|co-founder|ambassador|"
    "counsellor|counselor|spokesperson|spokesman|spokeswoman|secretary-general|secretary general|professor|"
    "governor|mayor|rector|dean|head|manager|adviser|advisor|economist|analyst|researcher|engineer|reporter|"
    "editor|correspondent|consul general|consul|attaché|attache|partner|board member|member|"
    "general secretary|leader|boss|negotiator|investor|secretary-treasurer|treasurer|scholar|diplomat|"
    "vice-president|vice-chairman|vice-chair|co-chairman|co-chair|general counsel|lawyer|attorney|"
    # "State Department official X" (not "his official Instagram account")
    "strategist|(?<!his )(?<!her )(?<!its )(?<!their )(?<!our )(?<!your )official|captain|"
    # occupations of the courts, markets and academies: "the trial judge for the case", "an academician at X"
    "chief judge|judge|mediator|coordinator|supervisor|trader|academician|prosecutor|teacher|librarian|"
    # offices of state and crowns: "the German chancellor X", "influential senator X", "queen X"
    "chancellor|senator|congressman|congresswoman|queen|king|"
    # occupations told in appositions: "a university sociologist", "the segment's producer", "an agronomist"
    "commander|producer|anchor|columnist|photographer|consultant|agronomist|[a-z]{3,}ologist|"
    # "Gazprom chief Alexei Miller", "investment chief Ann Lee": the head alone, after the longer heads
    "chief"
)
# a lower-case word that may qualify a title ("telecommunications analyst", "overseas business director")
# "general manager for Europe and the Middle East, Lin Shaowei": the remit between title and name
_TITLE_SCOPE = (
    r"(?:\s+(?:for|in|of)\s+[^,;.\n]{2,60}?|(?:(?<=ambassador)|(?<=envoy))\s+to\s+[^,;.\n]{2,40}?)?"
)
_LOWER_MODIFIER = (
    r"(?-i:\b(?!(?:and|or|the|who|which|with|said|says|told|is|was|has|had|his|her|its|their|also|as|to|in"
    r"|of|for|at|on|by|a|an|former|then|now|new|newly|newly-appointed|veteran|billionaire|longtime|long-time"
    r"|current|incoming|outgoing|appointed|elected|named"
    # verbs: "..., will become chief financial officer" is no title "will become chief financial officer"
    r"|will|would|shall|should|can|could|may|might|must|be|become|becomes|became|remain|remains|remained"
    r"|serve|serves|served|stay|stays|stayed)\b)[a-z][a-z-]+\s+)"
)
_APPOSITIVE_RE = re.compile(
    # ", chief executive of X", " (chief executive of X)", ", who is the chief executive of X,"
    # "Ann Lee is the chief executive of X", "Ann Lee will be the chairman": the copula says it too
    r"(?:,\s+|\s+\(|\s+(?:is|was|has\s+been|will\s+be|remains|became|becomes)\s+"
    # ... "is Kestrel's chief executive", "was chief executive of Kestrel"
    r"(?=(?:the|an?)\s|(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s"
    r"|(?-i:[a-z][a-z -]{2,50}?\s(?:of|at)\s+(?:the\s+)?[A-Z])))"
    r"(?:who\s+(?:is|was|remains|will\s+remain|has\s+been|serves|served)\s+(?:as\s+)?)?(?:\d{1,3},\s+)?(?P<poss>(?:the\s+)?(?:company|firm|group|bank|agency|ministry|university|institute|association)['’]s\s+"
    # "the studio's chief financial officer", "the union's chief negotiator": any body named by its noun
    r"|the\s+(?!(?:world|country|nation|city|state|region|continent)['’])(?-i:[a-z]+)['’]s\s+"
    r"|(?:the\s+)?(?P<possname>(?-i:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}))(?:['’‘]s|(?<=s)['’])\s+"
    r"|its\s+|their\s+)?(?:the\s+|a\s+|an\s+)?(?:newly[- ](?:appointed|elected|named)\s+)?"
    # "Ann Lee, Kestrel's outgoing chairman": the time of the post is no part of it
    r"(?:(?:new|outgoing|incoming|current|longtime|long-time|veteran|then)\s+(?=[a-z]))?"
    r"(?-i:[A-Z][\w.]*-based\s+|U\.S\.\s+|US\s+|UK\s+|EU\s+)?"
    # "Tom Hale, Kestrel Bank chief executive, said": a body's name of two or more words, then the title
    # "Don Hale, WKTL programming chief": an acronym alone
    # "Ann Lee, a University of Leeds librarian": "of" inside the body's name
    r"(?:(?P<orgpre>(?-i:[A-Z][\w&.-]*(?:\s+(?:of\s+)?[A-Z][\w&.-]*){1,3}|[A-Z]{2,}[\w&-]*))\s+(?=(?-i:[a-z]|MP\b)))?"
    r"(?:(?P<dem>(?-i:[A-Z][a-z]+))\s+)?(?P<title>(?-i:former\s+)?(?:(?:senior|chief|deputy|vice|"
    r"executive|general|lead|principal|transport|energy|trade|economic|commercial|political|project|"
    r"research|regional|country|sales|technical|programme|program)\s+|"
    + _LOWER_MODIFIER
    # "the US principal deputy national security adviser": up to four words before the head
    + r"){0,4}(?:"
    + _LOWER_HEADS
    # "Tom Hale, the Leeds Central MP,": the member of parliament by the seat's name
    + r"|(?-i:(?<=[A-Za-z] )MP))(?:-elect)?)\b"
    # "an analyst for D.A. Davidson & Co.": a full stop after an initial ends no apposition
    r"(?P<rest>\s+(?:of|for|at|in|with|to)\s+(?:the\s+)?(?:[^,;.()\n]|(?<=\b[A-Z])\.(?=[A-Z]|\s[A-Z])){2,80}?"
    # "Dinesh Keskar, senior vice president Boeing.": the company named right after the title
    r"|\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)(?-i:[A-Z][\w&-]+(?:\s+[A-Z][\w&-]+){0,2}))?"
    r"(?=[,;.)]|\s*\(|\s+(?:who|which|said|and"
    r"|told|has|had|was|is|with|says|added|confirmed|noted"
    # "Ann Lee, a University of Leeds librarian working with the firm": a participle after the title
    r"|working|speaking|writing|based)\b|$)",
    re.IGNORECASE,
)


_PRE_TITLE_RE = re.compile(
    r"(?:(?P<org>[A-ZÇŞĞÜÖİ][\w&.’'-]*(?:\s+[A-ZÇŞĞÜÖİ][\w&.’'-]*){0,5})['’]s\s+"
    r"|\b(?P<its>its|the company['’]s"
    r"|the firm['’]s|the group['’]s)\s+|(?!(?:Its|Their|The|His|Her|Our)\b)"
    r"(?P<org2>[A-ZÇŞĞÜÖİ][\w&.-]*(?:\s+[A-ZÇŞĞÜÖİ][\w&.-]*){0,5})\s+)?"
    # "the country's then-foreign minister X": the time of the post is no part of it
    r"(?<![\w-])(?:then-)?(?P<title>(?:former\s+)?(?:"
    + _LOWER_MODIFIER
    + r"){0,2}(?-i:"
    + _LOWER_HEADS
    + r"))"
    r"(?P<scope>\s+(?:for|of)\s+[^,;.\n]{2,60}?|\s+in\s+[^,;.\n]{2,60}?"
    # "the European Union ambassador to the WTO, Ann Lee": the post's seat (set off by a comma; without
    # one, "special envoy to Ukraine Ann Lee" is read where envoys are)
    r"|(?:(?<=ambassador)|(?<=envoy))\s+to\s+(?:the\s+)?(?-i:[A-Z])[^,;.\n]{1,40}?(?=,))?,?\s+$"
    r"|\b(?P<its2>Its|Their)\s+(?P<title2>(?:"
    + _LOWER_MODIFIER
    + r"){0,2}(?-i:"
    + _LOWER_HEADS
    + r"))"
    + _TITLE_SCOPE
    + r",?\s+$"
)


_TITLED_NAME_RE = re.compile(
    r"\b(?:[Ii]ts|[Tt]heir|[A-ZÇŞĞÜÖİ][\w&.-]*['’]s)\s+(?:"
    + _LOWER_MODIFIER
    + r"){0,2}(?:"
    + _LOWER_HEADS
    + r")"
    + _TITLE_SCOPE
    + r",\s+"
    r"(?P<name>[A-ZÇŞĞÜÖİ][a-zçşğüöıé'’-]+(?:\s+[A-ZÇŞĞÜÖİ][a-zçşğüöıé'’-]+){1,2}),"
)


_NAME_THEN_TITLE_RE = re.compile(
    # '"...," Ann Lee, executive director of X, said' and "(Xinhua)-- Ann Lee, ...": after a quote's comma
    # or a dateline's dashes as after a sentence; "a supervisor with the X" as "of the X"
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”]\s)|(?<=,[\"”]\s)|(?<=,''\s)|(?<=--\s)|(?<=\bsaid\s)|(?<=\bsays\s))"
    r"(?P<name>[A-ZÇŞĞÜÖİ][a-zçşğüöıé'’-]+(?:\s+[A-ZÇŞĞÜÖİ][a-zçşğüöıé'’-]+){1,2}),\s+(?:a\s+|an\s+|the\s+)?"
    r"(?:" + _LOWER_MODIFIER + r"){0,2}(?-i:" + _LOWER_HEADS + r")\s+(?:of|at|for|in|with)\s",
    re.MULTILINE,
)


_SCOPE_OFFICE_END_RE = re.compile(
    r"\b(?:Secretary|Minister|President|Governor|Chairman|Senator|Mayor|Chancellor|Premier|Director|Leader)\s*$"
)
_ADDRESS_BEFORE_RE = re.compile(r"(?:\b(?:Sir|Dr|Mr|Mrs|Ms|Prof|Professor|Dame)\.?\s+)?$")


def _prenominal_titles(text: str, people: list[Person], orgs, gaz: Gazetteer) -> None:
    """Lower-case titles right before a name: "Karadeniz Elektrik's general manager, Emre Yalçınkaya",
    "led by its chairman, Ma Jun", "Huineng Power chairman Sun Jianguo"."""
    surfaces = {sf: rec.name for rec in orgs.values() for sf in [rec.name, *rec.surfaces]}
    org_spans = sorted(((s, e, rec) for rec in orgs.values() for s, e in rec.mentions), key=span_key)
    for p in people:
        for s, _e in sorted(p.mentions):
            s -= len(_ADDRESS_BEFORE_RE.search(text, max(0, s - 12), s).group())  # "chief executive Sir X"
            m = _PRE_TITLE_RE.search(text, max(0, s - 120), s)
            if not m or m.end() != s:
                continue
            title = m.group("title") or m.group("title2")
            if title in {"member", "partner", "head", "manager", "executive", "expert", "secretary"} and not (
                # "Shell manager Ann Lee", "Kestrel executive Ole Berg": a body the text names vouches for it
                title in {"manager", "executive"}
                and m.group("org2")
                # "Walt Disney Co. executive Ann Lee": the body as the text names it, without its "Co."
                and re.sub(r"\s+(?:Co|Corp|Inc|Ltd|Plc)\.?$", "", m.group("org2")) in surfaces
            ):
                continue
            scope = m.group("scope") or ""
            if scope and title in {"leader", "investor", "boss", "negotiator"}:
                continue  # "China is the leader in solar panels, Kacir added": a clause, not a title
            if _SCOPE_OFFICE_END_RE.search(scope):
                continue  # "a spokesman for Agriculture Secretary Ann Lee": the spokesman is someone else
            if re.fullmatch(r"\s+(?:for|of)\s+(?!the\b)[a-z][a-z ]+", scope):
                title += scope  # "the minister for civil aviation Praful Patel": a remit in lower case
            elif re.match(r"\s+to\s", scope):
                title += re.sub(r"\s+", " ", scope)  # "ambassador to the WTO"
            organization = None
            named = m.group("org") or m.group("org2")
            if named:
                words = named.split()
                organization = next(
                    (
                        surfaces[" ".join(words[k:])]
                        for k in range(len(words))
                        if " ".join(words[k:]) in surfaces
                    ),
                    None,
                )
                region = _region_remit(text, m) if organization is None and m.group("org2") else None
                if region is not None:
                    # "Shadow Europe minister X", "special Middle East peace envoy X": the region is the remit
                    title = f"{region} {title}"
                elif organization is None and m.group("org2"):
                    last = words[-1]
                    if last in gaz.demonyms or last in gaz.country_names:
                        # "Israeli industry minister Ehud Olmert", "Venezuelan president Hugo Chavez"
                        p.country = p.country or gaz.demonyms.get(last) or gaz.country_names.get(last)
                        if not _has_title(p, title):
                            p.positions.append({"title": title, "organization": None})
                        break
                    owner = next((name for sf, name in surfaces.items() if sf.endswith(" " + named)), None)
                    if owner is not None:
                        organization = owner  # "Oil and Natural Gas Corporation chairman Subir Raha"
                # "Tory leader Michael Howard", "Transport Union general secretary Tony Woodley": the words
                # before the title name no organisation we know; the title is still the person's
            elif m.group("its") or m.group("its2"):
                before = [rec for os_, oe, rec in org_spans if oe <= m.start() and rec.kind != "media"]
                organization = before[-1].name if before else None
            if not _has_title(p, title):
                p.positions.append({"title": title, "organization": organization})
            break


_REMIT_RANKS = r"(?:special|senior|deputy|chief|acting|top|shadow|Shadow)\s+"


def _region_remit(text: str, m: re.Match) -> str | None:
    """The words before a lower-case title that end in a region ("Shadow Europe", "Middle East"), with a rank
    word before them ("special"), when they are the post's remit; else None."""
    org2 = m.group("org2")
    # "GM Europe president", "Kestrel North America president": a region after a body's name is its unit's
    if not any(org2 == r or re.fullmatch(rf"{_REMIT_RANKS}{re.escape(r)}", org2) for r in REMIT_REGIONS):
        return None
    rank = re.search(rf"(?<![\w-]){_REMIT_RANKS}$", text[max(0, m.start("org2") - 12) : m.start("org2")])
    return f"{rank.group().strip()} {org2}" if rank else org2


# "named John Fairbairn president and chief operating officer", "elected Mary Castle chairman": the title an
# appointment gives, after the name (an age in apposition allowed)
_APPOINTED_RE = re.compile(
    r"\b(?:named|appointed|elected|promoted|made)\s+(?P<name>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))"
    r"(?:,\s+\d{1,3},)?\s+(?:as\s+)?(?:its\s+|the\s+|(?:a|an)\s+)?"
    r"(?P<titles>(?:(?:" + _LOWER_MODIFIER + r"){0,2}(?:" + _LOWER_HEADS + r")(?:\s*,\s*|\s+and\s+)?){1,3})"
    r"(?=[,.;]|\s+(?:of|at|for|in|on|effective|succeeding|replacing|to|after|and|who|last|this|next"
    r"|yesterday|today|earlier|with)\b|$)",
    re.IGNORECASE,
)
_TITLE_LIST_SPLIT_RE = re.compile(r"\s*,\s*|\s+and\s+")


# "Ann Lee resigned Monday as president of X", "Ole Berg, who stepped down as chairman": the post left or held
_SERVED_AS_RE = re.compile(
    r"(?P<name>(?-i:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))(?:,\s+who)?\s+(?:resigned|retired|stepped\s+down"
    r"|steps\s+down|resigns|retires|served|serves|has\s+served|will\s+step\s+down)"
    r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today))?"
    r"\s+as\s+(?:its\s+|the\s+)?(?P<title>(?:" + _LOWER_MODIFIER + r"){0,2}(?-i:" + _LOWER_HEADS + r"))"
    r"(?=[,.;]|\s+(?:of|at|for|in|on|after|and|since|from|until)\b|$)",
    re.IGNORECASE,
)


def _appointed_titles(text: str, people: list[Person]) -> None:
    by_end = {e: p for p in people for _s, e in p.mentions}
    for m in _SERVED_AS_RE.finditer(text):
        p = by_end.get(m.end("name"))
        title = m.group("title")
        if p is not None and not _has_title(p, title):
            p.positions.append({"title": title, "organization": None})
    by_start = {s: p for p in people for s, _e in p.mentions}
    for m in _APPOINTED_RE.finditer(text):
        p = by_start.get(m.start("name"))
        if p is None or not m.group("name")[:1].isupper():
            continue
        for title in _TITLE_LIST_SPLIT_RE.split(m.group("titles").strip(" ,")):
            if title and not _has_title(p, title):
                p.positions.append({"title": title, "organization": None})


def _appositive_titles(
    text: str, people: list[Person], gaz: Gazetteer, orgs, titles: list[TitleMatch] = ()
) -> list[tuple[int, int]]:
    """ "Ömer Faruk Çelik, deputy minister of health, said" / "Kerim Aslanov, an economist at the X".
    Returns the spans of the titles found (their organisations are no event actors)."""
    spans: list[tuple[int, int]] = []
    titled_name_ends = {t.name_span[1] for t in titles if t.name_span}
    starts = {ms for q in people for ms, _me in q.mentions}
    for p in people:
        for _s, e in sorted(p.mentions):
            degree = _DEGREE_AFTER_NAME_RE.match(text, e)
            m = _APPOSITIVE_RE.match(text, degree.end() if degree else e)
            if not m or (m.group("rest") and m.start("rest") + 1 in starts):
                continue  # "X, Gazprom chairman Aleksey Miller": the words after the title are a name
            inside = [t for t in titles if m.start() < t.start < m.end()]
            if any(t.name_span and not t.name_after_body for t in inside):
                if (
                    m.group("title").islower()
                    and (served := _SPEAKS_FOR_RE.match(text, m.end("title")))
                    and any(t.start == served.end() - 1 and t.name_span for t in inside)
                    and not _has_title(p, m.group("title"))
                ):
                    # "Ann Lee, a spokesman for Agriculture Secretary Tom Hale": hers is the spokesman's post
                    p.positions.append({"title": m.group("title"), "organization": None})
                    spans.append((m.start(), m.end("title")))
                    break
                continue  # "Ann Lee, Minister of Y Ole Berg": the title names its own holder
            title_end = max((t.end for t in inside), default=m.end())
            after = _TITLE_THEN_NAME_RE.match(text, max(title_end, m.end()))
            if e in titled_name_ends and after and after.end() in starts:
                continue  # "Minister X Ann Lee, Minister of Y, Ole Berg": the second title is Ole Berg's
            span = _appositive_title(text, p, people, gaz, orgs, m, e)
            if span is not None:
                spans.append(span)
                second = _SECOND_POST_RE.match(text, span[1])
                if second:
                    spans.append(_second_post(p, orgs, second) or span)
                break
    return spans


# "a spokesman for Prime Minister X", "an adviser to President X": the post serves a titled person
_SPEAKS_FOR_RE = re.compile(r"\s+(?:for|to)\s+(?-i:[A-Z])")


def _has_title(p: Person, title: str) -> bool:
    return any(pos["title"].lower() == title.lower() for pos in p.positions)


# "Ke Ming, chairman of X and president of Y, said": a second post, with its own body, after the first
_SECOND_POST_RE = re.compile(
    r"\s+and\s+(?:the\s+|an?\s+)?(?P<title>(?:(?-i:[a-z][a-z-]+)\s+){0,2}?(?-i:"
    + _LOWER_HEADS
    + r"))\s+(?:of|at)\s+(?:the\s+)?(?P<org>(?-i:[A-Z])[^,;.()\n]{1,80}?)"
    r"(?=[,;.)]|\s+(?:who|which|said|told)\b)"
)


def _second_post(p: Person, orgs, m: re.Match) -> tuple[int, int] | None:
    """The second post of a person's apposition, when its body is an organisation the text names."""
    organization = next(
        (rec.name for rec in orgs.values() if m.group("org") == rec.name or m.group("org") in rec.surfaces),
        None,
    )
    title = m.group("title")
    if organization is None:
        # "chairman of X and president of the Y Association": the second post is hers all the same
        if not _has_title(p, title):
            p.positions.append({"title": title, "organization": None})
        return None
    if not any(
        pos["title"].lower() == title.lower() and pos["organization"] == organization for pos in p.positions
    ):
        p.positions.append({"title": title, "organization": organization})
    return (m.start(), m.end())


def _appositive_title(text: str, p: Person, people, gaz: Gazetteer, orgs, m: re.Match, e: int):
    """Gives p the title that follows its mention at e; returns the title's span, or None when none fits."""
    title = m.group("title")
    dem = m.group("dem")
    dem_org = None
    if dem and dem not in gaz.demonyms:
        # "Tom Hale, Kestrel chief executive": a one-word organisation we know, not part of the title
        dem_org = next((rec.name for rec in orgs.values() if dem == rec.name or dem in rec.surfaces), None)
        if dem_org is None:
            title = f"{dem} {title}"  # "Vice President", "General Manager", "Deputy Minister"
        dem = None
    rest = _appositive_rest(text, m, orgs)
    remit = rest.strip().split()[:1] in (["of"], ["for"]) and m.start("rest") + len(rest) == m.end()
    more = _REMIT_AND_RE.match(text, m.end()) if remit else None
    if (
        more
        and len(rest) + len(more.group()) < 140
        and not _LOWER_HEAD_WORD_RE.search(more.group("more"))
        and not any(m.end() < ms < more.end() for q in people for ms, _me in q.mentions)
    ):
        # "senior director of emergency preparedness and response", "vice president for technology and
        # customer strategy in Japan and Asia Pacific": the remit runs on past its "and"
        rest += more.group()
    organization = None
    obj, obj_org = _appositive_object(text, rest, gaz, orgs)
    split = _REMIT_AT_BODY_RE.match(rest) if rest and obj_org is None else None
    if split and not _INSTITUTION_WORD_RE.search(split.group("remit")):
        # "vice president of Advanced Orbit Programs at Kestrel Space", "deputy administrator for exploration
        # in Kestrel's science directorate": the remit is the post's, the body after "at" its organisation
        title = f"{title} {split.group('prep').lower()} {split.group('remit')}"
        rest = split.group("body")
        obj, obj_org = _appositive_object(text, rest, gaz, orgs)
    elif split and title.islower() and re.match(r"(?:the\s+)?(?-i:[A-Z])", split.group("remit")):
        # "director of the Center for Consumer Research at the University of X": the institution is the
        # body the post is held in (the gold writes "director", at the centre), the university its parent
        title, rest, obj_org = title, "", re.sub(r"^the\s+", "", split.group("remit"))
    if rest and obj in REMIT_REGIONS and rest.strip().split()[0].lower() in {"of", "for"}:
        title = title + rest.rstrip()  # "Ann Lee, Kestrel's head of Asia": a region is the post's remit
    elif rest:
        if obj_org or (
            obj[:1].isupper()
            and not re.match(r"(?:the )?[A-Z][a-z]+ (?:of|for) ", obj)
            and rest.strip().split()[0].lower() in {"at", "of", "with"}
            and title.lower() not in {"minister", "deputy minister", "vice minister"}
        ):
            organization = obj_org or obj
        elif rest.strip().split()[0].lower() in {"of", "for", "to"}:
            title = title + rest.rstrip()  # "... ambassador to China"
    if title.lower() in {"member", "partner", "head", "manager"} and not rest:
        return None
    if dem and dem in gaz.demonyms and not p.country:
        p.country = gaz.demonyms[dem]
    possname = m.group("possname")
    # (the owner itself may be read as a person for now: "Ann Lee, Zentrix's chief executive")
    if possname and any(m.end("possname") < ps < m.end() for q in people for ps, _pe in q.mentions):
        return None  # "X, Kazakhstan's Vice Minister of Transport Y": a list of titled names
    if possname and organization is None:
        # "Ruhi Dogusoy, Turkcell's chief operating officer", "X, France's minister of environment"
        if possname in gaz.country_names:
            p.country = p.country or gaz.country_names[possname]
        else:
            organization = next(
                (rec.name for rec in orgs.values() if possname == rec.name or possname in rec.surfaces),
                None,
            )
    if organization is None and obj_org and not rest:
        organization = obj_org  # the institution read above
    if organization is None and dem_org is not None:
        organization = dem_org
    if organization is None and m.group("orgpre"):
        orgpre = m.group("orgpre")
        organization = next(
            (rec.name for rec in orgs.values() if orgpre == rec.name or orgpre in rec.surfaces), orgpre
        )
    a_country_s = possname and (possname in gaz.country_names or possname in gaz.places)
    if organization is None and m.group("poss") and not rest and not a_country_s:
        # "..., the company's chief executive officer" (not "Germany's chancellor": the country's)
        organization = _organization_so_far(orgs, e)
    if organization and not p.country:
        org = orgs.get(organization)
        if org and org.country:
            p.country = org.country
    if not any(pos["title"].lower().startswith(title.lower()) for pos in p.positions):
        p.positions.append({"title": title, "organization": organization})
    paren = re.match(r"\s*\([^()\n]{1,30}\)", text[m.end() : m.end() + 40])
    return (m.start(), m.end() + (paren.end() if paren else 0))  # "... Commission (NDRC)"


# "of <remit> at <body>" / "for <remit> in <body>'s <unit>": the post's remit, then the body it works for
_REMIT_AT_BODY_RE = re.compile(
    r"\s+(?P<prep>of|for)\s+(?P<remit>(?:the\s+)?[\w&’'-]+(?:\s+(?!(?:at|with|in)\b)[\w&’'-]+){0,6})"
    r"(?P<body>\s+(?:at|with)\s+(?:the\s+)?(?-i:[A-Z])[^,;()\n]*|\s+in\s+(?-i:[A-Z])[\w&.-]*['’]s\s+[^,;()\n]+)$",
    re.IGNORECASE,
)


# a body's own name is no remit: "director of the Middle East Institute at X" works for the institute
_INSTITUTION_WORD_RE = re.compile(
    r"(?-i:\b(?:Institutes?|Universit(?:y|ies)|College|School|Foundation|Council|Association|Agency|Ministry"
    r"|Bank|Corporation|Company|Inc|Ltd|Fund|Centre|Center|Academy|Society|Commission|Authority))\b"
)


# the rest of a remit after "and": one to three words (no determiner, pronoun or verb first), a place it
# applies in, then the end of the apposition
_REMIT_AND_RE = re.compile(
    r"\s+and\s+(?P<more>(?!(?:the|a|an|his|her|its|their|is|was|has|had|will|said|also|then|now|mr|mrs|ms|dr"
    r"|prof|sir|dame|h\.e)\b)"
    r"[\w&’'-]+(?:\s+(?!(?:at|in|said|says|told|who|which)\b)[\w&’'-]+){0,2}"
    r"(?:\s+in\s+(?-i:[A-Z])[\w’'-]*(?:\s+(?:and\s+)?(?-i:[A-Z])[\w’'-]*){0,3})?)"
    r"(?P<at>\s+at\s+(?:the\s+)?(?-i:[A-Z])[^,;.()\n]{1,60}?)?"
    r"(?=[,;.)]|\s+(?:said|says|told|who|which|has|had|was|is|added)\b|$)",
    re.IGNORECASE,
)
_LOWER_HEAD_WORD_RE = re.compile(r"\b(?:" + _LOWER_HEADS + r")\b", re.IGNORECASE)


def _appositive_rest(text: str, m: re.Match, orgs) -> str:
    rest = m.group("rest") or ""
    if rest:
        # the organisation's name may hold an "and" that ended the match early
        rest_start = m.start("rest")
        longer = max(
            (me for rec in orgs.values() for ms, me in rec.mentions if rest_start < ms < m.end() < me),
            default=None,
        )
        if longer is not None:
            rest = text[rest_start:longer]
    return rest


def _appositive_object(text: str, rest: str, gaz: Gazetteer, orgs) -> tuple[str, str | None]:
    """What the title is "of/for/at", and the known organisation it names if any."""
    obj = re.sub(r"^\s+(?:of|for|at|in)\s+(?:the\s+)?", "", rest).strip()
    obj = re.sub(r"^[\w'’-]+-based\s+", "", obj)
    poss = re.match(r"([\w-]+)['’]s\s+", obj)
    if poss and (poss.group(1) in gaz.country_names or poss.group(1) in gaz.places):
        obj = obj[poss.end() :]  # "administrator of China's National Energy Administration"
    obj_org = next(
        (
            rec.name
            for rec in orgs.values()
            if obj == rec.name or obj in rec.surfaces or any(text[ms:me] == obj for ms, me in rec.mentions)
        ),
        None,
    )
    return obj, obj_org


def _organization_so_far(orgs, pos: int) -> str | None:
    """The organisation the text is about before pos: most mentions, the first named on a tie."""
    counts: dict[str, list[int]] = {}
    for rec in orgs.values():
        if rec.kind == "media":
            continue
        before = [ms for ms, _me in rec.mentions if ms < pos]
        if before:
            counts[rec.name] = [len(before), -min(before)]
    if counts:
        return max(counts, key=lambda name: counts[name])
    return None


_PINYIN_RE = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou"
    r"|an|en|"
    r"in|un|ia|ie|iu|ua|uo|ui|ue|er|a|e|i|o|u|v|ü))+",
)
_TURKISH_LETTERS = re.compile(r"[ıİşŞğĞ]")


def _looks_chinese(name: str) -> bool:
    words = name.split()
    if len(words) not in (2, 3) or words[0] not in CHINESE_SURNAMES:
        return False
    return all(_PINYIN_RE.fullmatch(w.lower()) for w in words[1:])


def _guess_countries(people: list[Person], orgs, gaz: Gazetteer, named: set[str] = frozenset()) -> None:
    """When the text does not say: a position's organisation's country, then the name's shape
    (Turkish letters -> TR; a Chinese family name and pinyin given name -> CN). A body the text never names,
    only read from the title ("Trade Minister" -> the gazetteer's Ministry of Trade), gives its country only
    when the text names that country: Australia's "Trade Minister Ian Colbeck" is no Turkish minister."""
    for p in people:
        if p.country:
            continue
        if p.positions and all(pos["title"] in {"reporter", "editor"} for pos in p.positions):
            continue  # a byline says nothing about the writer's nationality
        for pos in p.positions:
            org = orgs.get(pos.get("organization") or "")
            if org is None:
                org = gaz.orgs.get(pos.get("organization") or "")
                if org is not None and org.country not in named:
                    continue
            if org is not None and org.country:
                p.country = org.country
                break
        if p.country:
            continue
        if _TURKISH_LETTERS.search(p.name) or (re.search(r"[çÇ]", p.name) and len(p.name.split()) >= 2):
            p.country = "TR"
        elif _looks_chinese(p.name):
            p.country = "CN"


def _add_position(person: Person, t: TitleMatch) -> None:
    new = {"title": t.title, "organization": t.organization}
    titles = [pos["title"] for pos in person.positions]
    if t.title in titles:
        i = titles.index(t.title)
        if not person.positions[i]["organization"] and t.organization:
            person.positions[i]["organization"] = t.organization
        return
    # a bare head ("Minister") adds nothing to a specific title that contains it
    if t.title == t.head and any(t.head in existing for existing in titles):
        return
    person.positions = [
        pos
        for pos in person.positions
        if not (pos["title"] in t.title and pos["title"] != t.title and not pos["organization"])
    ]
    person.positions.append(new)


# ---------------------------------------------------------------------------------------------- metadata


_MASTHEAD_RE = re.compile(
    r"\b(?:Press [Rr]elease|Newsletter|Bulletin|Press Office|News [Rr]elease|Media [Rr]elease"
    r"|Press [Ss]tatement)\b"
    r"|^(?:Embassy of|Consulate|Ministry of|Republic of|Office of)\b"
)
_STATEMENT_BY_RE = re.compile(
    r"^(?:Statement|Press release|Press statement|Announcement|Declaration|Communiqué) (?:by|from"
    r"|of) (?:the )?(.+?)"
    r"(?: on | regarding | about |$)"
)
_SEPARATOR_RE = re.compile(r"\s+(?:—|–|-|\||·)\s+")


def _first_lines(text: str, n: int = 3) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in re.finditer(r"[^\n]+", text[:3000])][:n]


def _is_headline(line: str, zones, start: int, end: int) -> bool:
    if len(line) > 250 or len(line.split()) < 3:
        return False
    if any(s < end and start < e for s, e in zones.spans):
        return False
    if line.endswith((".", ":", "!", '"', "”", ";", ",")):
        return False
    return events_mod.parse_date(line) is None or len(line.split()) > 8


def _masthead(text: str) -> str | None:
    lines = _first_lines(text, 2)
    if len(lines) < 2:
        return None
    line = lines[0][2]
    if _MASTHEAD_RE.search(line) and not line.endswith("."):
        return line
    return None


def _title_from_text(text: str, zones) -> str | None:
    lines = _first_lines(text, 4)
    if not lines:
        return None
    start, end, line = lines[0]
    if _masthead(text) and len(lines) > 1:
        start, end, line = lines[1]
        # a second masthead line ("Press Release – 12 November 2026") before the headline
        if (
            (_MASTHEAD_RE.search(line) or _STAMP_LINE_RE.search(line))
            and len(lines) > 2
            and (events_mod.parse_date(line) or len(line.split()) <= 3)
        ):
            start, end, line = lines[2]
    if _is_headline(line.strip(), zones, start, end):
        return line.strip()
    return None


_DATELINE_DATE_RE = re.compile(
    r"^(?:[A-ZÇŞĞÜÖİ][\w .'/|-]{0,60},\s+)?(?P<date>.{6,20}?)(?:\s+(?:—|–|-)\s+|$)"
)


def _published_from_dateline(zones) -> str | None:
    if zones.dateline and zones.dateline[1]:
        return events_mod.parse_date(zones.dateline[1])
    return None


# "Updated: 2026-08-19 07:12", "Published: Jun 12, 2026 09:41 PM", "CGTN | Updated 18:05, 07-Oct-2026"
_STAMP_LINE_RE = re.compile(r"\b(?:Published|Updated|Posted|Date|Issued)\b\s*:?", re.IGNORECASE)


def _published_from_text(text: str) -> str | None:
    for _s, _e, line in _first_lines(text, 6):
        if len(line) <= 120 and (_STAMP_LINE_RE.search(line) or " | " in line):
            date = events_mod.parse_date(line)
            if date:
                return date
        m = re.fullmatch(r"\s*(\d{4})[/.](\d{1,2})[/.](\d{1,2})\s*", line)
        if m:
            return events_mod._iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        head = line[:90]
        m = _DATELINE_DATE_RE.match(head)
        if m and len(line) <= 120:
            date = events_mod.parse_date(line)
            if date:
                return date
        elif m:
            date = events_mod.parse_date(m.group("date"))
            if date:
                return date
    return None


def _publisher_from_text(text: str, orgs) -> str | None:
    def org_in(segment: str) -> str | None:
        best = None
        for rec in orgs.values():
            for surface in [rec.name, *rec.surfaces]:
                if surface and surface in segment and (best is None or len(surface) > best[0]):
                    best = (len(surface), rec.name)
        return best[1] if best else None

    for _s, _e, top in _first_lines(text, 5):
        if len(top) > 120:
            continue
        for segment in re.split(r"\s+\|\s+", top.strip()):
            rec = orgs.get(segment.strip())
            if rec is not None and rec.kind == "media":
                return rec.name
    lines = _first_lines(text, 1)
    if lines:
        line = lines[0][2]
        m = _STATEMENT_BY_RE.match(line)
        if m:
            found = org_in(m.group(1))
            if found:
                return found
        masthead = _masthead(text)
        if masthead:
            segment = _SEPARATOR_RE.split(masthead)[0]
            found = org_in(segment)
            if (
                found
                and segment != found
                and org_kind(segment) != "other"
                and len(segment.split()) <= 8
                and not _MASTHEAD_RE.search(segment)
            ):
                return segment  # "TÜBİTAK Marmara Research Center" where NER saw "TÜBİTAK Marmara"
            if found:
                return found
            segment = re.sub(r"\s+(?:Newsletter|Bulletin|Press Release).*$", "", segment)
            if org_kind(segment) != "other" and not _MASTHEAD_ONLY_RE.fullmatch(segment.strip()):
                return segment
    for m in re.finditer(r"^About ([^\n]{2,80})$", text, re.MULTILINE):
        found = org_in(m.group(1).strip())
        if found:
            return found
    # a newspaper names itself when it quotes its own interview: "told the Hürriyet Daily News"
    media = {s: rec.name for rec in orgs.values() if rec.kind == "media" for s in [rec.name, *rec.surfaces]}
    if media:
        alternation = "|".join(re.escape(k) for k in sorted(media, key=len, reverse=True))
        m = re.search(r"\b(?:told|said to|in an interview with) (?:the )?(" + alternation + r")\b", text)
        if m:
            return media[m.group(1)]
    return None


_MASTHEAD_ONLY_RE = re.compile(
    r"(?:Press|News|Media)\s+(?:[Rr]elease|[Ss]tatement|[Oo]ffice)|Newsletter|Bulletin|Announcement"
)


def _enrich_investments(events: list[dict], claims: list[dict]) -> None:
    for ev in events:
        if ev["type"] != "investment":
            continue
        s, e = ev["evidence"]
        for c in claims:
            cs, ce = c["evidence"]
            near = (s <= cs and ce <= e) or abs(cs - e) < 600
            if not near:
                continue
            if c["metric"] == "amount" and "amount" not in ev:
                ev["amount"] = {"value": c["value"], "currency": c["unit"]}
            elif (
                c["metric"] == "capacity"
                and "capacity" not in ev
                and c["unit"]
                and not c["unit"].startswith(("GW", "MW"))
            ):
                ev["capacity"] = {"value": c["value"], "unit": c["unit"]}
            elif c["metric"] == "jobs" and "jobs" not in ev:
                ev["jobs"] = c["value"]
