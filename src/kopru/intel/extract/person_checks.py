"""False people: name shapes and contexts that say a capitalised span is no human being.

Each rule reads a class of error, never a document: products ("Mach-E", "F-150"), brand spellings
("SpaceX", "MoUs"), bodies and abstract nouns at a name's end ("... Office", "... Assistance"), words of a
title-case headline that the text uses in lower case elsewhere ("Scheduled"), companies in a list of
companies ("Astrobotic, Intuitive Machines and Orbit Beyond"), and a name in apposition to a company noun
("the daily newspaper Dainik Jagran"). A name with a title or that speaks is kept: the evidence for a person
outweighs the shape.
"""

from __future__ import annotations

import functools
import re

from .coref import Person
from .entities import _HEADLINE_FINITE, OrgRec, in_title_case_line, org_kind
from .gazetteer import load
from .titles import HEADLINE_VERBS, compiled_for

# "Mach-E", "F-150", "E-Transit", "Model-3s": a product's code, not a given name ("Jean-Pierre", "Jae-in")
_PRODUCT_TOKEN_RE = re.compile(r"^(?:[\w]+-[A-Z0-9]{1,3}s?|[A-Z]-\w+|\w*\d\w*)$")
# "SpaceX", "OrbitBeyond", "iPhone", "MoUs": capitals inside a word, except name prefixes (McCarthy, DeSantis)
_INNER_CAPITAL_RE = re.compile(r"^(?:[a-z]+[A-Z]|[A-Z][a-z]*[A-Z][A-Za-z]*)")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "Du", "La", "Le", "Van", "Von", "Fitz", "O'", "O’", "St")
# a body or an abstract noun as the last word: "Secretariat Office", "Grant Assistance"
_NOT_NAME_ENDS = frozenset(
    {
        *("Office", "Secretariat", "Ministry", "Department", "Agency", "Council", "Committee", "Commission"),
        *(
            "Bureau",
            "Authority",
            "Assistance",
            "Cooperation",
            "Programme",
            "Program",
            "Project",
            "Initiative",
        ),
        *("Fund", "Forum", "Summit", "Conference", "Agreement", "Accord", "Act", "Policy", "Strategy"),
        *("Corridor", "Zone", "Park", "Port", "Airport", "Station", "Bridge", "Road", "Highway", "Railway"),
        *("Group", "Holdings", "Motors", "Energy", "Airlines", "Airways", "Systems", "Technologies", "Media"),
        *("Statement", "Gateway", "Parks"),
        # a product's, a feature's or a field's last word: "Edge Middleware", "Cloud Computing"
        *("Framework", "Hub", "Hubs", "Middleware", "Marketplace", "Tools", "Learning", "Computing"),
        *("Analytics", "Platform", "Software", "Development", "Management", "Stamping", "Manufacturing"),
    }
)
# a company's last word: "Eureka AI", "Verana Health", "Bloomberg News", "Harbour Capital"
_COMPANY_ENDS = frozenset(
    {*("AI", "Health", "News", "Capital", "Ventures", "Partners", "Bank", "Labs", "Pharma", "Securities")}
    # "Dick Clark Productions", "Traxion Tech", "Tiger Global", "Srett Industrie", "Big Star Records"
    | {
        *(
            "Productions",
            "Tech",
            "Global",
            "Industrie",
            "Industries",
            "Records",
            "Pictures",
            "Films",
            "Studios",
        )
    }
)
# a company's first word in the languages of southern Europe and Latin America: "Banca Nazionale del Lavoro",
# "Aguas de Barcelona", "Grupo Bimbo"
_COMPANY_STARTS = frozenset({"Banca", "Banco", "Aguas", "Grupo", "Compagnie", "Société", "Industrias"})
# nouns that make the name beside them a company ("newspaper company Jagran", "the carmaker Volta")
_COMPANY_NOUN_BEFORE_RE = re.compile(
    r"\b(?:company|firm|group|newspaper|daily|magazine|publisher|broadcaster|channel|carmaker|automaker|"
    r"chipmaker|maker|manufacturer|supplier|start-?up|brand|airline|carrier|bank|lender|insurer|retailer|"
    r"developer|operator|conglomerate|subsidiary|rival|companies|firms)(?:\s+|,\s+the\s+)(?:the\s+)?"
    r"(?:[\w-]+-(?:language|based|owned|listed)\s+)?$"
)
# "companies Astrobotic, Intuitive Machines and Orbit Beyond": the items after a plural company noun
_COMPANIES_LIST_RE = re.compile(
    r"\b(?:companies|firms|carmakers|automakers|manufacturers|makers|suppliers|start-?ups|brands|banks|"
    r"lenders|airlines|carriers|operators|developers|contractors|newspapers)\s*,?\s+"
    r"(?:such as\s+|including\s+|like\s+|namely\s+)?"
    r"(?:[A-Z][\w&.’'-]*(?:\s+[A-Z][\w&.’'-]*){0,3}(?:,\s+and\s+|,\s+|\s+and\s+)){0,8}$"
)
_PLURAL_ACRONYM_RE = re.compile(r"[A-Z][a-zA-Z]*[A-Z]s")  # "MoUs", "EVs", "SMEs"
_TITLE_CASE_WORD_RE = re.compile(r"[A-Z][a-z]+")


_SPEAKS_RE = re.compile(r"\s+(?:said|says|told|added|noted|stated|stressed|asked|replied|explained|wrote)\b")


# an abstract noun's ending ("Britishness", "Stamping", "Cooperation"), in a word long enough to be no name
_ABSTRACT_NOUN_RE = re.compile(r"^[A-Z][a-z]{3,}(?:ing|ment|tion|sion|ness|ity|ship|ware|ence|ance)s?$")


def _product_or_brand(word: str) -> bool:
    if _PRODUCT_TOKEN_RE.match(word):
        return True
    return bool(_INNER_CAPITAL_RE.match(word)) and not word.isupper() and not word.startswith(_NAME_PREFIXES)


def _has_evidence(text: str, p: Person) -> bool:
    """A title or speech says a human being, whatever the name's shape."""
    return bool(p.positions) or any(_SPEAKS_RE.match(text, e) for _s, e in p.mentions)


def _lower_case_words(text: str) -> set[str]:
    return set(re.findall(r"(?<![\w’'-])[a-z]{2,}(?![\w-])", text))


# verbs of headlines ("President Wraps Up Visit", "Minister Inks Deal")
_HEADLINE_VERBS = HEADLINE_VERBS | {
    *("Wraps", "Kicks", "Rolls", "Sets", "Steps", "Seeks", "Plans", "Mulls", "Unveils", "Inks", "Seals"),
    *("Clinches", "Wins", "Slams", "Vows", "Pledges", "Eyes", "Boosts", "Lauds", "Touts", "Up", "Off"),
}


def _headline_word(word: str, lower_words: set[str]) -> bool:
    """A title-case headline's word rather than a name: the text writes it in lower case, or it is a
    verb form ("Scheduled", "Wraps", "Boosting")."""
    if word in _HEADLINE_VERBS:
        return True
    if not _TITLE_CASE_WORD_RE.fullmatch(word):
        return False
    return word.lower() in lower_words or (bool(re.search(r"(?:[^e]ed|ing)$", word)) and len(word) > 6)


_LIST_SEPARATOR_RE = re.compile(r",\s+(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_LIST_ITEM_MAX_WORDS = 5


def _list_items(segment: str) -> list[str]:
    return [x.strip() for x in _LIST_SEPARATOR_RE.split(segment)]


def _in_company_list(text: str, person: Person, org_names: set[str]) -> bool:
    """The name is an item of a list ("A, B, C and D") in which at least two other items are
    organisations named exactly so."""
    for s, e in person.mentions:
        if _COMPANIES_LIST_RE.search(text, max(0, s - 250), s):
            return True
        if not (_LIST_SEPARATOR_RE.search(text[max(0, s - 6) : s] + "") or _LIST_SEPARATOR_RE.match(text, e)):
            continue
        sentence_start = max(text.rfind(c, 0, s) for c in (".", "?", "!", "\n", ":", "—", ";", "“", "(")) + 1
        ends = [x for x in (text.find(c, e) for c in (". ", "\n", ":", "—", ";")) if x >= 0]
        sentence_end = min(ends, default=len(text))
        before = _list_items(text[sentence_start:s])[:-1][-3:]
        after = _list_items(text[e:sentence_end])[1:4]
        items = list(reversed(before))
        near = []
        for x in items:
            if len(x.split()) > _LIST_ITEM_MAX_WORDS:
                break
            near.append(x)
        for x in after:
            if len(x.split()) > _LIST_ITEM_MAX_WORDS:
                break
            near.append(x)
        if sum(1 for x in near if re.sub(r"^the\s+", "", x) in org_names) >= 2:
            return True
    return False


_MODEL_TAILS = frozenset({"EV", "PHEV", "BEV", "SDK", "API"})


def _brand_and_model(words: list[str]) -> bool:
    """ "ORA Cherry Cat", "Volta Bolt EV": a brand in capitals before a model's words, or a model's type
    tag at the end, names a product (a name written all in capitals is a headline's, not this)."""
    if len(words) < 2 or all(w.isupper() for w in words):
        return False
    return bool(re.fullmatch(r"[A-Z]{3,}", words[0])) or words[-1] in _MODEL_TAILS


@functools.cache
def _title_words() -> frozenset[str]:
    return frozenset(w.lower() for h in load().title_heads for w in h["title"].split())


def _without_headline_words(text: str, p: Person) -> bool:
    """A headline's verb run into a name ("Impeach Linda Tripp", "Senator Taunts Voters" read as "<name>
    Taunts"): the name keeps its surface without the verb when the text has one, and the person goes when
    every mention is such a headline run. Returns whether the person stays."""
    words = p.name.split()
    if len(words) < 2:
        return True
    first = words[0].capitalize() if words[0].isupper() else words[0]
    cut = [w for w in words[-1:] if w in _HEADLINE_VERBS or w in _HEADLINE_FINITE]  # "<name> Wins": a verb
    if (first in _HEADLINE_VERBS or first in _HEADLINE_FINITE) and first.lower() not in _title_words():
        cut.append(words[0])  # "Joins <name>": a verb of headlines ("He <name>" is no verb)
    if not cut:
        return True
    glued = [(s, e) for s, e in p.mentions if any(w.lower() in text[s:e].lower().split() for w in cut)]
    if not glued or not all(in_title_case_line(text, s) for s, _e in glued):
        return True
    if any(_SPEAKS_RE.match(text, e) for _s, e in p.mentions):
        return True
    rest = [(s, e) for s, e in p.mentions if (s, e) not in glued]
    plain = [sf for sf in p.surfaces if not any(w.lower() in sf.lower().split() for w in cut)]
    if not rest or not plain or len(max(plain, key=len).split()) < 2:
        return False  # "Acquires <Company>": a bare word left of a headline names no one for sure
    p.name = max(plain, key=len)
    p.mentions = rest
    p.surfaces = [sf for sf in plain if sf != p.name]
    return True


def _starts_a_title(text: str, s: int, heads: tuple[str, ...]) -> bool:
    return any(text.startswith(head, s) for head in heads)


def drop_false_people(text: str, people: list[Person], orgs: dict[str, OrgRec]) -> None:
    """Remove people whose shape or context says they are something else; a name read as a company (in a
    list of companies, in apposition to a company noun, a brand spelling) becomes an organisation. A person
    with a title or who speaks stays whatever the shape."""
    lower_words = _lower_case_words(text)
    heads = tuple(h["title"] for h in load().title_heads if " " in h["title"])
    org_names = {surface for rec in orgs.values() for surface in (rec.name, *rec.surfaces)}
    kept = []
    for p in people:
        if not _without_headline_words(text, p):
            continue
        words = p.name.split()
        if _brand_and_model(words) and not _has_evidence(text, p):
            continue
        if words[-1] == "et" and all(re.match(r"\s*al\b", text[e : e + 6]) for _s, e in p.mentions):
            continue  # "Chen et al.": a citation of a paper, no one the text speaks of
        if len(words) > 1 and all(w.lower().rstrip(".") in _title_words() for w in words):
            continue  # "Major General", "Deputy Minister": a rank or an office read as a name
        as_company = False
        if any(_product_or_brand(w) for w in words):
            as_company = not any(_PRODUCT_TOKEN_RE.match(w) or _PLURAL_ACRONYM_RE.fullmatch(w) for w in words)
        elif len(words) == 1 and all(_starts_a_title(text, s, heads) for s, _e in p.mentions):
            continue  # "Air" of "Retired Air Vice Marshal <name>"
        elif words[-1] in _NOT_NAME_ENDS and len(words) > 1:
            # "President Secretariat Office": a body, whatever title comes before it; but "Park" is also a
            # family name ("Joseph Park, Kozmo's chief executive, said")
            if words[-1] == "Park" and len(words) == 2 and _has_evidence(text, p):
                kept.append(p)
            continue
        elif len(words) > 1 and (
            words[-1].rstrip("\\") in _COMPANY_ENDS
            or words[0] in _COMPANY_STARTS
            or any(w.startswith("Invest") for w in words)
        ):
            as_company = True  # "Eureka AI", "Verana Health", "Longping Investasi": a company's name
        elif all(_headline_word(w, lower_words) for w in words) and all(
            in_title_case_line(text, s) for s, _e in p.mentions
        ):
            # "Scheduled", "Wraps Up": headline words the text writes in lower case; a title before them
            # ("President Wraps Up ...") is no evidence, it is the same headline
            if not any(_SPEAKS_RE.match(text, e) for _s, e in p.mentions):
                continue
        elif any(
            _COMPANY_NOUN_BEFORE_RE.search(text, max(0, s - 60), s) for s, _e in p.mentions
        ) or _in_company_list(text, p, org_names):
            as_company = True
        elif all(w.lower() in lower_words or _ABSTRACT_NOUN_RE.search(w) for w in words):
            # "Advance Warning", "Britishness": common words the text writes in lower case elsewhere, or
            # abstract nouns by their ending, name a thing unless a title or speech says a person
            pass
        else:
            kept.append(p)
            continue
        if _has_evidence(text, p):
            kept.append(p)
            continue
        if as_company and p.name not in orgs:
            orgs[p.name] = OrgRec(p.name, org_kind(p.name), None, sorted(p.mentions), list(p.surfaces))
    people[:] = kept


_AT_TAIL_RE = re.compile(r"\s+at\s+(?:the\s+)?(?P<org>[A-Z][^,;]*)$")
# "president of the commercial broadcaster X", "director of X": a remit that names an organisation leaves the
# title (keeping "of the Science Mission Directorate" as a unit's name cost more titles than it gained)
_NAMED_SCOPE_RE = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?:[a-z-]+\s+){0,3}(?P<org>[A-Z][\w&.'’ -]*)$")


_LOWER_BODY_TAIL_RE = re.compile(
    r"\s+of\s+the\s+(?:[a-z-]+\s+){0,3}(?:group|company|firm|union|association|party|body|bank|agency|team)$"
)
_RANK_PREFIX_RE = re.compile(r"^(?:(?:former|deputy|acting|interim|retired|senior|additional)\s+)+|^co-")


def tidy_positions(people: list[Person], orgs: dict[str, OrgRec], country_words: set[str]) -> None:
    """A lower-case title ends before the organisation it names: "vice president of business development
    at Volta" -> "vice president of business development" at Volta; "president of the commercial
    broadcaster Harbour Media" -> "president" of Harbour Media. A country or a region stays ("director for
    China", "president for Europe")."""
    surfaces = {sf: rec.name for rec in orgs.values() for sf in (rec.name, *rec.surfaces)}
    names = sorted({p.name for p in people if len(p.name.split()) > 1}, key=len, reverse=True)
    for p in people:
        for pos in p.positions:
            # "ex-chief executive", "ex-President": the office held, as the gold writes it
            title = pos["title"] = re.sub(r"^[Ee]x-(?=\w)", "", pos["title"])
            # "CEO of iMD Companies," cut before its ", Inc.", "head of the business -" before a dash clause
            title = pos["title"] = re.sub(r"[\s,;:–—-]+$", "", title) or title
            core = _RANK_PREFIX_RE.sub("", title)
            if not title[:1].islower() or not core[:1].islower():
                # "former Secretary of State": a capitalised office after its rank word keeps its remit; its
                # place of work does not ("First Secretary for Education at the X Embassy")
                at = _AT_TAIL_RE.search(title)
                if at and at.group("org").strip() not in country_words:
                    pos["title"] = title[: at.start()]
                    if pos.get("organization") is None:
                        pos["organization"] = surfaces.get(at.group("org").strip(), at.group("org").strip())
                continue
            for pattern in (_AT_TAIL_RE, _NAMED_SCOPE_RE):
                m = pattern.search(title)
                if not m or m.group("org").strip() in country_words:
                    continue
                org = m.group("org").strip()
                if pattern is _NAMED_SCOPE_RE and pos.get("organization") not in (
                    None,
                    org,
                    surfaces.get(org),
                ):
                    # "vice president of Lunar Programs" at Kestrel Space: a remit, not the body, even
                    # where the remit's capitals were read as a name of their own
                    continue
                title = title[: m.start()]
                if pos.get("organization") is None:
                    pos["organization"] = surfaces.get(org, org)
            # "chief operating officer of the booksellers group": a body named in lower case is no remit
            title = _LOWER_BODY_TAIL_RE.sub("", title)
            pos["title"] = title
        _cut_bodies_at_names(p, names)
        # the same title read twice (before and after its "at ..." was cut) is one position
        seen: set[str] = set()
        kept = []
        for pos in p.positions:
            if pos["title"].lower() not in seen:
                seen.add(pos["title"].lower())
                kept.append(pos)
        p.positions = kept
        _one_reading_per_post(p, surfaces, country_words)


# the longer of two readings of one post goes on with its body's name ("Director of Sales for Kestrel, Inc.")
_BODY_TAIL_RE = re.compile(
    r"\s+(?:for|at)\s+(?:the\s+)?(?P<org>[A-Z][^,;]*(?:,\s*(?:Inc|Ltd|LLC|Corp)\.?)?)$"
)
# ... or with more of its remit ("Assistant Minister for Energy and Sustainable Affairs", "Minister of X")
_REMIT_TAIL_RE = re.compile(r"\s+(?:of|for)\s+\S|\s+(?:and|&)\s+(?P<word>[\w-]+)")


def _one_reading_per_post(p: Person, surfaces: dict[str, str], country_words: set[str]) -> None:
    """One post read twice, once cut short: "Director of Sales" and "Director of Sales for Kestrel, Inc."
    keep the first, with Kestrel as its body; "Minister for Energy" and "Minister for Energy and Water" keep
    the second. A second post after "and" ("president" and "president and CEO") stays."""
    drop: set[int] = set()
    for i, short in enumerate(p.positions):
        for j, long in enumerate(p.positions):
            if i == j or i in drop or j in drop:
                continue
            a, b = short["title"], long["title"]
            if not b.lower().startswith(a.lower() + " "):
                continue
            tail = b[len(a) :]
            body = _BODY_TAIL_RE.fullmatch(tail)
            if body and body.group("org").strip() not in country_words:
                drop.add(j)
                if short.get("organization") is None:
                    org = body.group("org").strip()
                    short["organization"] = long.get("organization") or surfaces.get(org, org)
                continue
            more = _REMIT_TAIL_RE.match(tail)
            if more and not (more.group("word") and more.group("word").lower() in _title_words()):
                drop.add(i)
    if drop:
        p.positions = [pos for k, pos in enumerate(p.positions) if k not in drop]


# a rank that opens the next person's name ("Chief of Defence Staff General <name>")
_RANK_TAIL_RE = re.compile(
    r"\s+(?:General|Admiral|Colonel|Major|Captain|Brigadier|Commodore|Marshal|Rev\.?|Dr\.?|Mr\.?|Mrs\.?|Ms\.?)$"
)


def _cut_bodies_at_names(p: Person, names: list[str]) -> None:
    """A position's body that runs on into another person's name ("Chairman of SriLankan Airlines Sarath
    Ganegoda along", "Governor of the Western Province <name>") ends before that name and its rank."""
    for pos in p.positions:
        body = pos.get("organization")
        if not body:
            continue
        cuts = [
            m.start()
            for name in names
            if name != p.name
            for m in [re.search(rf"(?<!\S)\s*{re.escape(name)}(?!\w)", body)]
            if m and m.start() > 0
        ]
        if cuts:
            cut = _RANK_TAIL_RE.sub("", body[: min(cuts)].rstrip(" ,;"))
            pos["organization"] = cut or None


# job words a byline may run on into ("By Ann Lee Business Columnist", "By Tom Weir Staff Writer")
_BYLINE_ROLE_WORDS = frozenset(
    {
        *("Columnist", "Correspondent", "Reporter", "Writer", "Editor", "Contributor", "Staff", "Business"),
        *("Senior", "Chief", "Political", "Economics", "Technology", "Science", "Foreign", "Bureau"),
        *("Photographer", "Journalist", "Analyst", "Producer", "Associate", "Managing", "Special"),
    }
)


def trim_byline_roles(text: str, people: list[Person]) -> None:
    """ "Michael Hiltzik Business Columnist" -> "Michael Hiltzik": job words after a byline's name."""
    for p in people:
        words = p.name.split()
        cut = len(words)
        while cut > 2 and words[cut - 1] in _BYLINE_ROLE_WORDS:
            cut -= 1
        if cut == len(words):
            continue
        role = " ".join(words[cut:])
        p.name = " ".join(words[:cut])
        p.mentions = [
            (s, e - len(role) - 1) if text[s:e].endswith(" " + role) else (s, e) for s, e in p.mentions
        ]
        p.surfaces = [sf for sf in p.surfaces if not sf.endswith(role)]
        if "writer" in role.lower() and any(pos["title"] == "reporter" for pos in p.positions):
            # "Staff Writer", "National Security Writer": a writer of the paper is its reporter too
            p.positions.append({"title": role.lower(), "organization": p.positions[0]["organization"]})
            continue
        for pos in p.positions:
            if pos["title"] == "reporter" and role.lower() != "staff":
                pos["title"] = role.lower()


_NEXT_CAPITAL_RE = re.compile(r" ([A-Z][a-z][\w'’-]+)(?=[\s,.;:)]|$)")


def _merge_same_names(people: list[Person]) -> None:
    by_name: dict[str, Person] = {}
    kept = []
    for p in people:
        owner = by_name.get(p.name)
        if owner is None:
            by_name[p.name] = p
            kept.append(p)
            continue
        owner.mentions = sorted(set(owner.mentions) | set(p.mentions))
        owner.surfaces = [*owner.surfaces, *(sf for sf in p.surfaces if sf not in owner.surfaces)]
        owner.positions = [*owner.positions, *(x for x in p.positions if x not in owner.positions)]
        owner.country = owner.country or p.country
    people[:] = kept


# "Moon Jae-in", "Lee Myung-bak": a given name's second syllable in lower case after a hyphen
_HYPHENATED_REST_RE = re.compile(r"-([a-z]{1,5})(?![\w’'-])")
_NOT_NAME_SUFFIXES = frozenset(
    {"based", "led", "owned", "run", "era", "style", "born", "made", "like", "type"}
)


def extend_cut_names(text: str, people: list[Person], taken: list[tuple[int, int]]) -> None:
    """ "Luhut Binsar Pandjaitan accompanied him ... Pandjaitan said": a name cut before its last word,
    which the text uses alone as a speaker's name, gets it back (with the lone mentions); "Moon Jae" before
    "-in" gets the rest of its hyphenated given name."""
    for p in people:
        for i, (s, e) in enumerate(list(p.mentions)):
            tail = _HYPHENATED_REST_RE.match(text, e)
            if tail and tail.group(1) not in _NOT_NAME_SUFFIXES and text[s:e].split()[-1][:1].isupper():
                if text[s:e] == p.name:
                    p.surfaces = [p.name, *p.surfaces]
                    p.name = text[s : tail.end()]
                p.mentions[i] = (s, tail.end())
    _merge_same_names(people)
    for p in people:
        words = p.name.split()
        if len(words) < 2:
            continue
        for s, e in list(p.mentions):
            m = _NEXT_CAPITAL_RE.match(text, e)
            if not m or text[s:e] != p.name:
                continue
            word = m.group(1)
            alone = [
                (a.start(), a.end())
                for a in re.finditer(rf"(?<![\w’'-]){re.escape(word)}(?![\w’'-])", text)
                if a.start() != m.start(1)
            ]
            speaks = [
                (a_s, a_e)
                for a_s, a_e in alone
                if _SPEAKS_RE.match(text, a_e)
                or re.search(r"\b(?:Mr|Ms|Mrs|Dr)\.?\s$", text[max(0, a_s - 5) : a_s])
            ]
            if not speaks or any(ts <= m.start(1) < te for ts, te in taken):
                continue
            p.surfaces = [p.name, *p.surfaces]
            p.name = f"{p.name} {word}"
            p.mentions = [(ms, me) for ms, me in p.mentions if (ms, me) != (s, e)] + [(s, m.end(1))]
            p.mentions += [
                a for a in alone if a not in p.mentions and not any(ts <= a[0] < te for ts, te in taken)
            ]
            p.mentions.sort()
            break


# A company's posts held together by one person: "co-founder and CEO", "chair and CEO", "president and
# chief operating officer", "EVP, CFO and treasurer", "Chairman & CEO". Offices of state are never in it.
_COMPANY_HEAD = (
    r"(?:(?:co-|vice[ -]|deputy |executive |senior ){0,3}(?:founder|chief executive officer|chief executive"
    r"|ceo|president|chairman|chairwoman|chairperson|chair|chief operating officer|coo"
    r"|chief financial officer|cfo|chief technology officer|cto|treasurer|evp|managing director"
    r"|executive director))"
)
_HEAD_CHAIN = rf"{_COMPANY_HEAD}(?:,\s*{_COMPANY_HEAD}){{0,2}}\s*(?:\band\b|&)\s*{_COMPANY_HEAD}"
_CHAIN_AFTER_RE = re.compile(
    # ", Kestrel Foods' chairman and chief executive", ", the studio's president and CFO", " is the President
    # and CEO of X"
    rf"(?:,\s+|\s+(?:is|was|has\s+been|will\s+be|remains|became|becomes)\s+(?=the\s|[A-Z]))"
    rf"(?:the\s+(?:(?-i:[a-z]+)['’]s\s+)?|its\s+|[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){{0,2}}(?:['’]s|(?<=s)['’])\s+)?"
    rf"(?P<chain>{_HEAD_CHAIN})\b",
    re.IGNORECASE,
)
_CHAIN_BEFORE_RE = re.compile(rf"(?<![\w-])(?P<chain>{_HEAD_CHAIN}),?\s+$", re.IGNORECASE)
_FURTHER_POST_RE = re.compile(rf"\s+and\s+(?P<post>{_COMPANY_HEAD})\s+of\s+", re.IGNORECASE)
_CHAIN_SPLIT_RE = re.compile(r"\s*(?:,|\band\b|&)\s*", re.IGNORECASE)


def _fold_title(title: str) -> str:
    return re.sub(r"[\W_]+", " ", title.lower()).strip()


def join_company_posts(text: str, people: list[Person], orgs: dict[str, OrgRec]) -> None:
    """ "Sam Lee, co-founder and CEO of X" / "X co-founder and President Sam Lee": the posts joined by "and"
    are one title as written, not two (nor only the last one)."""
    org_at = {ms: rec.name for rec in orgs.values() for ms, _me in rec.mentions}
    for p in people:
        for s, e in sorted(p.mentions):
            m = _CHAIN_AFTER_RE.match(text, e) or _CHAIN_BEFORE_RE.search(text, max(0, s - 100), s)
            if m is None:
                continue
            chain = re.sub(r"\s+", " ", m.group("chain"))
            parts = {_fold_title(x) for x in _CHAIN_SPLIT_RE.split(chain) if x}
            if any(a != b and f" {a}" in f" {b}" for a in parts for b in parts) or (
                m.re is _CHAIN_BEFORE_RE and text[max(0, m.start() - 4) : m.start()].lower() == "the "
            ):
                continue  # "the Vice President and President Marcos": two offices, two people
            kept, organization = [], None
            for pos in p.positions:
                folded = _fold_title(pos["title"])
                if folded in parts or folded == _fold_title(chain):
                    organization = organization or pos.get("organization")
                else:
                    kept.append(pos)
            if organization is None and m.re is _CHAIN_AFTER_RE:
                of = re.match(r"(?:\s+(?:of|at)\s+(?:the\s+)?|,\s+)", text[m.end() : m.end() + 12])
                organization = org_at.get(m.end() + of.end()) if of else None
            # one title as written: the gold sets are split on this (news wires list the posts one by one,
            # company posts keep "co-founder and CEO" whole); splitting was tried in session 7 and lost on
            # the unseen part what it won on dev (docs/extraction-evaluation.md, "The sixth unseen part")
            p.positions = [*kept, {"title": chain, "organization": organization}]
            # "president and CEO and president of Model e": a further post of another body stays its own
            more = _FURTHER_POST_RE.match(text, m.end())
            if more and m.re is _CHAIN_AFTER_RE:
                post = more.group("post")
                p.positions = [q for q in p.positions if q["title"] != post or q["organization"]]
                p.positions.append({"title": post, "organization": None})
            break


_NICKNAME_RE = re.compile(r"\b([A-Z][\w'’-]+) [“\"‘]([A-Z][\w'’-]+)[”\"’] ([A-Z][\w'’-]+)\b")


def merge_quoted_nicknames(text: str, people: list[Person]) -> None:
    """ "Joko “Jokowi” Widodo": the quoted nickname is the same person, not another one."""
    for p in people:
        inside = _NICKNAME_RE.fullmatch(p.name)
        if inside:
            p.name = f"{inside.group(1)} {inside.group(3)}"
            p.surfaces = [*p.surfaces, inside.group(2)]
    for m in _NICKNAME_RE.finditer(text):
        first, nick, last = m.groups()
        owner = next(
            (p for p in people if p.name.split()[:1] == [first] and p.name.split()[-1] == last), None
        ) or next((p for p in people if p.name == f"{first} {last}" or p.name.endswith(f" {last}")), None)
        other = next((p for p in people if p.name == nick), None)
        if owner is None or other is None or owner is other:
            continue
        owner.mentions = sorted(set(owner.mentions) | set(other.mentions))
        new_surfaces = [sf for sf in [nick, *other.surfaces] if sf not in owner.surfaces]
        owner.surfaces = [*owner.surfaces, *new_surfaces]
        owner.positions = owner.positions or other.positions
        people.remove(other)


@functools.cache
def _role_then_name_re(heads: str, modifier: str) -> re.Pattern:
    return re.compile(
        r"\b(?:[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+"
        rf"(?P<title>(?:{modifier}){{0,2}}(?-i:{heads}))\s+"
        r"(?P<prep>of|for|at)\s+(?P<the>the\s+)?(?P<body>[^,;.()\n\"“”]{2,80}?),\s+"
        r"(?:(?:Ambassador|Mr|Mrs|Ms|Dr|Prof|Sir)\.?\s+)?$"
    )


def roles_before_names(
    text: str, people: list[Person], orgs: dict[str, OrgRec], heads: str, modifier: str
) -> None:
    """ "The head of the state-owned Naftohaz company, Yury Boyko, said", "the chairman of the working
    party, Ambassador X", "his special envoy for the project, X": a lower-case title with its body or remit,
    then the name, set off by commas. The title is the head (its body is said, not part of it); a remit in
    lower case without an article is part of it ("the coordinating minister for maritime and investment")."""
    pattern = _role_then_name_re(heads, modifier)
    for p in people:
        for s, _e in sorted(p.mentions):
            m = pattern.search(text, max(0, s - 160), s)
            if m is None:
                continue
            title = m.group("title")
            if m.group("prep") != "at" and not m.group("the") and m.group("body").islower():
                title = f"{title} {m.group('prep')} {m.group('body')}"
            if any(pos["title"].lower() == title.lower() for pos in p.positions):
                break
            body = m.group("body")
            organization = next(
                (
                    rec.name
                    for rec in orgs.values()
                    if any(body.endswith(sf) for sf in [rec.name, *rec.surfaces])
                ),
                None,
            )
            p.positions.append({"title": title, "organization": organization})
            break


def countries_after_titled_names(text: str, people: list[Person]) -> None:
    """ "Prime Minister Narendra Modi of India", "Ambassador X of Iceland": a titled person's name followed by
    "of <country>" says whom the person acts for (a longer name, "of China Mobile", is a body)."""
    gaz = load()
    for p in people:
        if p.country or not p.positions:
            continue
        for _s, e in sorted(p.mentions):
            of = re.match(r",? of (?:the )?", text[e : e + 10])
            if not of:
                continue
            m = gaz.country_re.match(text, e + of.end())
            if m and not re.match(r"\s+[A-Z]|['’]s\b|-", text[m.end() : m.end() + 3]):
                p.country = gaz.country_names[m.group()]
                break


_COUNTRY_POSSESSIVE_RES: dict[int, re.Pattern] = {}


def _country_possessive_re(heads: str) -> re.Pattern:
    gaz = load()
    cached = _COUNTRY_POSSESSIVE_RES.get(id(gaz))
    if cached is None:
        country_alt = "|".join(re.escape(c) for c in sorted(gaz.country_names, key=len, reverse=True))
        cached = _COUNTRY_POSSESSIVE_RES[id(gaz)] = re.compile(
            rf"(?<![\w-])(?P<c>{country_alt})['’]s\s+"
            r"(?:(?:[\w-]+\s+){0,4}?"
            rf"(?i:{heads}|(?:[A-Z][a-z]+\s+)?(?:Minister|President|Premier|Chancellor|Secretary|Ambassador))"
            r",?\s+)?$"
        )
    return cached


def countries_before_titled_names(text: str, people: list[Person], heads: str) -> None:
    """ "Vietnam's newly appointed leader To Lam", "India's federal commerce Minister Kamal Nath", "Nigeria's
    Tinubu": a country's possessive right before a name, or before the title right before it, says whom the
    person acts for."""
    gaz = load()
    pattern = _country_possessive_re(heads)
    for p in people:
        if p.country:
            continue
        for s, _e in sorted(p.mentions):
            m = pattern.search(text, max(0, s - 90), s)
            if m:
                p.country = gaz.country_names[m.group("c")]
                break


# between a nationality and a name: lower-case nouns only ("British stars", "UK entrepreneur", "an
# American, Kevin King"), never a verb or a function word ("the Chinese side said Wang Yi")
_NOT_NOUN_BETWEEN = frozenset(
    {
        *("said", "says", "told", "tells", "met", "meets", "and", "or", "but", "with", "by", "of", "to"),
        *("for", "from", "at", "in", "on", "the", "a", "an", "as", "who", "that", "which", "is", "was"),
        *("are", "were", "has", "have", "had", "will", "would", "can", "could", "also", "than", "led"),
        *("side", "government", "company", "firm", "group", "team", "embassy", "ministry"),
    }
)


@functools.cache
def _demonym_before_re(gaz_id: int) -> re.Pattern:
    gaz = load()
    codes = [c for c in gaz.country_names if re.fullmatch(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}", c)]
    alt = "|".join(re.escape(d) for d in sorted({*gaz.demonyms, *codes}, key=len, reverse=True))
    return re.compile(rf"(?<![\w.-])(?P<a>(?:an?|An?) )?(?P<d>{alt})(?P<gap>, | (?:[a-z][a-z-]+ ){{0,2}})$")


def countries_from_demonyms_before_names(text: str, people: list[Person]) -> None:
    """ "Australian Timothy Weeks", "British stars Joss Stone", "UK entrepreneur Richard Branson": a
    nationality right before a name, or before a lower-case noun or two before it, says whose national the
    person is (a comma only after "a"/"an": "an American, Kevin King")."""
    gaz = load()
    pattern = _demonym_before_re(id(gaz))
    for p in people:
        if p.country:
            continue
        for s, _e in sorted(p.mentions):
            m = pattern.search(text, max(0, s - 60), s)
            if not m:
                continue
            if m.group("gap") == ", " and not m.group("a"):
                continue
            if any(w in _NOT_NOUN_BETWEEN for w in m.group("gap").split()):
                continue
            d = m.group("d")
            code = gaz.demonyms.get(d) or gaz.country_names.get(d)
            if code:
                p.country = code
                break
        if p.country:
            continue
        for _s, e in sorted(p.mentions):
            # "Ann Lee, his Danish counterpart,": the counterpart of another country's official
            m = re.match(
                r",\s+(?:his|her|their|its|the)\s+(?P<d>[A-Z][a-z]+(?: [A-Z][a-z]+)?)\s+counterpart\b",
                text[e : e + 60],
            )
            if m and m.group("d") in gaz.demonyms:
                p.country = gaz.demonyms[m.group("d")]
                break


def countries_from_position_bodies(people: list[Person]) -> None:
    """ "Ann Lee, United Arab Emirates vice president" (the country read as the post's body), "a board
    member of Norway's central bank" (a country's own public body): whom the person acts for."""
    gaz = load()
    for p in people:
        for pos in p.positions:
            # "Ann Lee, United Arab Emirates vice president": the country read as the post's body
            org = pos.get("organization") or ""
            if org in gaz.country_names:
                p.country = p.country or gaz.country_names[org]
                pos["organization"] = None
            if p.country:
                continue
            # "a board member of Norway's central bank": a country's own public body
            poss = re.match(
                r"(?:the )?(?P<c>[A-Z][\w.]*(?: [A-Z][\w.]*){0,2})['’]s (?:[a-z]+ ){0,2}(?:central bank"
                r"|government|ministry|parliament|army|navy|embassy|cabinet|treasury)\b",
                org,
            )
            if poss and poss.group("c") in gaz.country_names:
                p.country = gaz.country_names[poss.group("c")]
                break


# ranks and offices written short before a name, as wire copy does: "Sen. Ann Lee", "Lt. Col. Tom Hale"
_ABBREVIATED_RANKS = {
    "Lt. Col.": "lieutenant colonel",
    "Lt. Gen.": "lieutenant general",
    "Maj. Gen.": "major general",
    "Brig. Gen.": "brigadier general",
    "Sen.": "senator",
    "Gov.": "governor",
    "Rep.": "representative",
    "Col.": "colonel",
    "Gen.": "general",
    "Adm.": "admiral",
    "Capt.": "captain",
    "Cmdr.": "commander",
    "Sgt.": "sergeant",
}
_ABBREVIATED_RANK_RE = re.compile(
    r"(?<![\w.])(?P<rank>"
    + "|".join(re.escape(k) for k in sorted(_ABBREVIATED_RANKS, key=len, reverse=True))
    + r")\s+$"
)


def abbreviated_ranks_before_names(text: str, people: list[Person]) -> None:
    """ "the late Sen. Ann Lee", "Lt. Col. Tom Hale testified": a rank or an office written short right
    before the name is the person's title, written out."""
    for p in people:
        for s, _e in sorted(p.mentions):
            m = _ABBREVIATED_RANK_RE.search(text, max(0, s - 12), s)
            if not m:
                continue
            title = _ABBREVIATED_RANKS[m.group("rank")]
            if not any(pos["title"].lower() == title for pos in p.positions):
                p.positions.append({"title": title, "organization": None})
            break


@functools.cache
def _envoy_to_country_re(gaz_id: int) -> re.Pattern:
    gaz = load()
    alt = "|".join(re.escape(c) for c in sorted(gaz.country_names, key=len, reverse=True))
    return re.compile(
        r"(?<![\w-])(?P<title>(?:(?:special|deputy|chief|top|permanent) )?(?:envoy|ambassador|representative"
        rf"|high commissioner|consul general|consul|negotiator)) to (?:the )?(?P<c>{alt}),? $"
    )


def envoys_to_countries_before_names(text: str, people: list[Person]) -> None:
    """ "former special envoy to Norway Tom Hale", "the ambassador to Japan, Ann Lee": a lower-case envoy's
    title with the country it is sent to, right before the name (the country is where the envoy serves,
    not whose national the envoy is)."""
    gaz = load()
    pattern = _envoy_to_country_re(id(gaz))
    for p in people:
        for s, _e in sorted(p.mentions):
            m = pattern.search(text, max(0, s - 70), s)
            if not m:
                continue
            title = f"{m.group('title')} to {m.group('c')}"
            if not any(pos["title"].lower() == title.lower() for pos in p.positions):
                p.positions.append({"title": title, "organization": None})
            break


@functools.cache
def _named_as_re(heads: str) -> re.Pattern:
    return re.compile(
        r"\s+as\s+(?:(?:its|our|their|his|her|the|a|an)\s+)?(?:(?:new|next|first|interim|acting)\s+)?"
        rf"(?P<title>(?i:{heads}))\b(?!\s+(?:and|or)\s)"
    )


def titles_named_as(text: str, people: list[Person], heads: str) -> None:
    """ "we welcome Ann Lee as our new President of X", "named Ann Lee as chief executive": the post a
    person is named to, right after the name."""
    pattern = _named_as_re(heads)
    for p in people:
        if p.positions:
            continue
        for s, e in sorted(p.mentions):
            if re.search(r"\b(?:joined|joins|join|rejoined|rejoins)\s+$", text[max(0, s - 12) : s]):
                continue  # "Ann Lee joined Kestrel as chief operating officer": her post, not Kestrel's
            m = pattern.match(text, e)
            if m:
                p.positions.append({"title": m.group("title"), "organization": None})
                break


# ("analysts Douglas-Westwood": a firm's name follows a trade's plural, so only offices and founders)
_PLURAL_TITLE_RE = re.compile(
    r"\b(?:(?P<domain>[A-Z][a-z]+|[a-z]+)\s+)?"
    # lower case: a capitalised plural office ("Prime Ministers A and B") is read with the titles
    r"(?P<title>co-founders|cofounders|founders|chief executives|CEOs|presidents|vice presidents"
    r"|ministers|ambassadors|directors|chairmen|governors|senators)\s+"
)
_LIST_GAP_RE = re.compile(r",\s*(?:and\s+)?|\s+and\s+")


def plural_titles_before_names(text: str, people: list[Person]) -> None:
    """ "co-founders Ann Lee, Tom Hale, and Ole Berg": a plural title before a list of names is each one's."""
    by_start = {s: (p, e) for p in people for s, e in p.mentions}
    domain_words = compiled_for(load()).domain_words
    for m in _PLURAL_TITLE_RE.finditer(text):
        plural = m.group("title")
        title = plural[:-3] + "an" if plural.lower().endswith("men") else plural[:-1]
        domain = m.group("domain")
        if domain and (domain in domain_words or domain.capitalize() in domain_words):
            title = f"{domain} {title}"  # "Foreign ministers X and Y"
        pos = m.end()
        while pos in by_start:
            p, e = by_start[pos]
            if not any(x["title"].lower() == title.lower() for x in p.positions):
                p.positions.append({"title": title, "organization": None})
            gap = _LIST_GAP_RE.match(text, e)
            if not gap:
                break
            pos = gap.end()


# "Ryan Tourigny Chief Development Officer rtourigny@x.com", "Dr. Ann Lee Chairman & CEO 718-709-7099": a
# release's contact line, the name, its title in capitals, then an address or a number
_CONTACT_TITLE_RE = re.compile(
    r" (?P<title>(?:Chief|Senior|Executive|Vice|Deputy|Managing|General|Head|Director|Manager|President"
    r"|Chairman|Chairwoman|Chair|CEO|CFO|COO|CTO|Founder|Co-founder|Partner|Officer|Spokesperson"
    r"|Communications|Media|Press|Public|Relations|Corporate|Services|Marketing|Development|Affairs"
    r"|Operations|Business|of|and|&|,)(?:,? (?:Chief|Senior|Executive|Vice|Deputy|Managing|General|Head"
    r"|Director|Manager|President|Chairman|Chairwoman|Chair|CEO|CFO|COO|CTO|Founder|Co-founder|Partner"
    r"|Officer|Spokesperson|Communications|Media|Press|Public|Relations|Corporate|Services|Marketing"
    r"|Development|Affairs|Operations|Business|of|and|&)){0,6})"
    r"(?= (?:[\w.+-]+@[\w-]+\.\w|\+?\d[\d ().-]{6,}\d|www\.|https?://))"
)
_CONTACT_HEADS = frozenset(
    {
        "Chief",
        "Director",
        "Manager",
        "President",
        "Chairman",
        "Chairwoman",
        "Chair",
        "CEO",
        "CFO",
        "COO",
        "CTO",
    }
    | {"Founder", "Co-founder", "Partner", "Officer", "Spokesperson", "Head"}
)


def contact_line_titles(text: str, people: list[Person]) -> None:
    """A press release's contact line: the title in capitals between a name and its e-mail or phone."""
    for p in people:
        if p.positions:
            continue
        for _s, e in sorted(p.mentions):
            m = _CONTACT_TITLE_RE.match(text, e)
            if m and any(w.strip(",") in _CONTACT_HEADS for w in m.group("title").split()):
                p.positions.append({"title": m.group("title").strip(" ,"), "organization": None})
                break


@functools.cache
def _sentence_case_title_re(heads: str, modifier: str) -> re.Pattern:
    return re.compile(rf"(?:{modifier}){{0,2}}(?-i:{heads})")


# a sentence's first words, then the name: "... last week. Chief executive Ann Lee said"
_SENTENCE_OPENING_RE = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=\n))(?P<title>[A-Z][a-z-]+(?:\s[a-z][a-z-]+){1,3})\s$"
)


# words a title may begin with ("chief executive", "senior analyst", "fund manager" is left out: "fund" may be
# a name's last word)
_TITLE_OPENERS = frozenset(
    {
        "chief",
        "senior",
        "deputy",
        "vice",
        "executive",
        "general",
        "managing",
        "acting",
        "interim",
        "assistant",
        "associate",
        "founding",
        "co-founder",
        "founder",
        "chairman",
        "chairwoman",
        "chair",
        "president",
        "director",
        "head",
        "secretary",
        "minister",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "analyst",
        "economist",
        "lead",
        "principal",
        "marketing",
        "finance",
        "sales",
        "research",
        "group",
        "shadow",  # "Shadow chancellor Ann Lee": the opposition's spokesman for the office
        "government",  # "Government spokesman Ann Lee said"
    }
)


def sentence_case_titles(text: str, people: list[Person], heads: str, modifier: str) -> None:
    """ "Chief executive Ann Lee stepped down": a lower-case title opening a sentence has a capital only
    because it opens the sentence; it is the name's title as much as "its chief executive Ann Lee" is."""
    pattern = _sentence_case_title_re(heads, modifier)
    for p in people:
        for s, _e in sorted(p.mentions):
            m = _SENTENCE_OPENING_RE.search(text, max(0, s - 60), s)
            if m is None:
                continue
            title = m.group("title")
            title = title[0].lower() + title[1:]
            if title.split()[0] not in _TITLE_OPENERS or not pattern.fullmatch(title):
                continue  # "Tarvo chief Ann Lee": a name before the title, not a capital of the sentence
            cut = next((pos for pos in p.positions if title.endswith(" " + pos["title"].lower())), None)
            if cut is not None:
                cut["title"] = title  # "Senior analyst Ann Lee" read as "analyst" after the word "Senior"
            elif not any(pos["title"].lower() == title for pos in p.positions):
                p.positions.append({"title": title, "organization": None})
            break


_CONTRIBUTORS_RE = re.compile(r"\b(?:writers?|reporters?|correspondents?|journalists?)\s+")
_CONTRIBUTED_RE = re.compile(r"\s+(?:also\s+)?contributed\b")


def contributor_lines(text: str, people: list[Person]) -> None:
    """ "Associated Press writers Ann Lee, Tom Hale and Ole Berg contributed to this report": the names of a
    wire story's contributor line are its reporters, as a byline's are."""
    by_start = {s: (p, e) for p in people for s, e in p.mentions}
    for m in _CONTRIBUTORS_RE.finditer(text):
        pos, listed = m.end(), []
        while pos in by_start:
            p, e = by_start[pos]
            listed.append(p)
            gap = _LIST_GAP_RE.match(text, e)
            if not gap:
                pos = e
                break
            pos = gap.end()
        if listed and _CONTRIBUTED_RE.match(text, pos):
            for p in listed:
                if not any(x["title"].lower() == "reporter" for x in p.positions):
                    p.positions.append({"title": "reporter", "organization": None})


# a unit inside a body: its name belongs to the title ("Director General of the Department of Asian Affairs",
# "associate administrator of the Science Mission Directorate", "member of the Kestrel management board")
_UNIT_WORD_RE = re.compile(
    r"\b(?:Department|Directorate|Division|Secretariat|Office|management board)(?=$|\s+of\b)"
    # "Standing Committee of the X Congress", not "the X Congress Standing Committee" (the body's own name)
    r"|\bStanding Committee(?=\s+of\b)"
)
_UNIT_SPAN = r"(?P<the>the\s+)?(?P<unit>(?:[A-Z][\w’'&.-]*\s+){0,1}?[A-Z][^,;.()\n\"“”]{1,90}?)"
_UNIT_END = r"(?=[,;.()\"“”]|\s+(?:at|said|says|told|who|which|and|in|on)\b|$)"


def unit_remits(text: str, people: list[Person]) -> None:
    """A title followed, next to its holder, by "of <a unit of a body>" reads with that unit."""
    for p in people:
        for pos in p.positions:
            title = pos["title"]
            if " of " in title or " for " in title or len(title) > 60:
                continue
            for s, e in sorted(p.mentions):
                if title not in text[e : e + 200] and title not in text[max(0, s - 160) : s]:
                    continue  # both patterns need the title itself beside the mention: no pattern to build
                after = re.compile(
                    rf",\s+(?:(?:the\s+|a\s+|an\s+)?[A-Z][\w&.-]*['’]s\s+|the\s+|a\s+|an\s+)?"
                    rf"{re.escape(title)}\s+of\s+{_UNIT_SPAN}{_UNIT_END}"
                ).match(text, e)
                before = re.compile(
                    rf"{re.escape(title)}\s+of\s+{_UNIT_SPAN},\s+(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?$"
                ).search(text, max(0, s - 160), s)
                m = after or before
                if m is None:
                    continue
                # "BI's Communication Department": the body before the unit is no part of it
                unit = re.sub(r"^[A-Z][\w&.-]*['’]s\s+", "", m.group("unit"))
                if _UNIT_WORD_RE.search(unit):
                    unit = " ".join(unit.split())
                    pos["title"] = f"{title} of {m.group('the') or ''}{unit}"
                break


# "The chancellor, speaking in Tanzania, said", '"...," the prime minister said': an office named with "the"
# and no name, as the subject of a sentence or of a speech tag after a quote. Offices one person holds at a
# time in a story; "the minister", "the director" are too often somebody else.
_DEFINITE_OFFICE = (
    r"prime minister|deputy prime minister|chancellor|president|vice[ -]president|premier|foreign secretary"
    r"|home secretary|foreign minister|finance minister|trade minister|defen[cs]e minister|chief executive"
    r"|chairman|chairwoman|governor|mayor|secretary[ -]general"
)
_DEFINITE_OFFICE_RE = re.compile(
    r"(?:(?:^|(?<=[.!?]\s)|(?<=[.!?][\"”’]\s)|(?<=,[\"”’]\s)|(?<=\n)|(?<=[\"“]))"
    rf"(?P<the>[Tt]he) (?P<title>(?i:{_DEFINITE_OFFICE}))"
    # a verb, a comma or a possessive follows; no name ("the prime minister Tony Blair"), no body ("the
    # president of the union") and no second office ("the chairman and chief executive")
    # ("The chairman, Ole Berg, said": the name is given)
    r"(?=,(?!\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?[A-Z])|['’]s\b"
    r"| (?!of\b|for\b|at\b|in\b|and\b|or\b|to\b|&)[a-z]+\b)"
    # "at the foreign secretary's official residence": a possessive anywhere in the sentence
    # (not "the President's Export Council": a body's name)
    rf"|(?<![\w-])the (?P<title2>{_DEFINITE_OFFICE})(?=['’]s\s+[a-z]))",
    re.MULTILINE,
)


def _previous_sentences(sentences: list[tuple[int, int]], pos: int, count: int) -> int:
    """The start of the sentence ``count`` sentences before the one holding pos."""
    i = next((k for k, (s, e) in enumerate(sentences) if s <= pos < e), None)
    if i is None:
        return pos
    return sentences[max(0, i - count)][0]


def definite_office_references(text: str, people: list[Person], sentences: list[tuple[int, int]]) -> None:
    """ "Gordon Brown has said the era is over. The chancellor, speaking in Tanzania, said ...": the office
    named with "the" is that of the one person named in the sentence before (or the one before that, when it
    names nobody), if no one else in the story holds an office of that name and the person holds no other
    office. Precision first: two candidates, or one with another office, give nothing."""
    for m in _DEFINITE_OFFICE_RE.finditer(text):
        title = m.group("title") or m.group("title2")  # as written: "the prime minister", "the President"
        key = title.lower()
        named: list[Person] = []
        for back in (1, 2):
            start = _previous_sentences(sentences, m.start(), back)
            named = [p for p in people if any(start <= s < m.start() for s, _e in p.mentions)]
            if named:
                break
        # "Ann Lee, its chief financial officer, ... The chairman said": a person with another office is
        # somebody else; one already called so ("Chancellor Gordon Brown ... the chancellor") is a candidate
        candidates = [
            p for p in named if not p.positions or any(key in pos["title"].lower() for pos in p.positions)
        ]
        if len(candidates) != 1:
            continue
        holder = candidates[0]
        if holder.positions:
            continue  # said already
        if any(
            q is not holder and any(pos["title"].lower().endswith(key) for pos in q.positions) for q in people
        ):
            continue  # "Italian Prime Minister Silvio Berlusconi": the office has another holder
        holder.positions.append({"title": title, "organization": None})


@functools.cache
def _role_verb_re(heads: str, modifier: str) -> re.Pattern:
    company = r"(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+(?:of\s+)?[A-Z][\w&.'’-]*){0,4}"
    return re.compile(
        r"(?:,\s+who)?\s+(?:(?:has|have|had|will|would|is|was|also|then|now|recently|later|previously|formerly"
        r"|most|currently|subsequently)\s+){0,3}"
        r"(?:been\s+|be\s+)?"
        r"(?:(?:named|appointed|elected|promoted|made)\s+(?:to\s+(?:the\s+)?(?:post|position|role)\s+of\s+|as\s+)?"
        r"|(?:serves?|served|serving|acts?|acted|continues|continued|remains|remained|stays|stayed|returns"
        r"|returned)\s+as\s+"
        r"|(?:takes?|took|taking|taken)\s+over\s+as\s+|(?:steps?|stepped|stepping)\s+(?:in|up|down)\s+as\s+"
        rf"|(?:joined|joins|join|rejoined|rejoins)\s+{company}\s+as\s+"
        rf"|(?:succeeds?|succeeded|replaces?|replaced)\s+{company}\s+as\s+)"
        # ("is serving as a mediator": a part played, not a post held)
        r"(?:(?:its|their|the)\s+)?(?:(?:new|next|first)\s+)?"
        r"(?:(?P<owner>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})['’]s\s+)?"
        # "served as CFO at X": the officers' acronyms too
        rf"(?P<title>(?:{modifier}){{0,2}}(?-i:{heads})|(?-i:C[EFOTIMS]O|EVP|SVP)\b)"
        r"(?=[,.;]|\s+(?:of|at|for|in|on|effective|from|and|last|this|next|since|until|who|with|after|to|when"
        r"|before|later|by)\b|$)"
    )


def titles_by_role_verbs(text: str, people: list[Person], heads: str, modifier: str) -> None:
    """ "Ann Lee has been named chief financial officer of X", "Ann Lee serves as Kestrel's chief technology
    officer", "Ann Lee takes over as chief executive", "Ann Lee, who joined Kestrel as chief operating
    officer", "Ann Lee will succeed Ole Berg as chief executive": a verb of taking or holding a post, with
    its subject the name right before it."""
    pattern = _role_verb_re(heads, modifier)
    for p in people:
        for _s, e in sorted(p.mentions):
            m = pattern.match(text, e)
            if m is None:
                continue
            title = m.group("title")
            if title in {"member", "partner", "head", "manager", "executive", "expert"}:
                continue  # "joined Kestrel as a partner in 2019" is no office of the text's kind
            if not any(title.lower() in pos["title"].lower() for pos in p.positions):
                p.positions.append({"title": title, "organization": None})
            break
    _titles_by_role_verbs_after_pronouns(text, people, pattern, _pronoun_copula_re(heads, modifier))


_PRONOUN_RE = re.compile(r"(?:^|(?<=[.!?]\s)|(?<=[.!?]\"\s)|(?<=\n))(?:He|She)\b")
_SENTENCE_STOP_RE = re.compile(r"[.!?][\"”’]?\s+(?=[A-Z\"“])|\n\s*\n")


@functools.cache
def _pronoun_copula_re(heads: str, modifier: str) -> re.Pattern:
    """ "She was previously chief financial officer of X", "He is also chairman at Y": the copula holds a
    post only with its body after it ("He is a keen sailor", "She was chief" give nothing)."""
    return re.compile(
        r"\s+(?:is|was)\s+(?:(?:previously|formerly|also|currently|now|most\s+recently)\s+)?(?:the\s+)?"
        rf"(?P<title>(?:{modifier}){{0,2}}(?-i:{heads})|(?-i:C[EFOTIMS]O|EVP|SVP)\b)"
        r"(?=\s+(?:of|at|for)\s+(?:the\s+)?[A-Z])"
    )


def _titles_by_role_verbs_after_pronouns(
    text: str, people: list[Person], pattern: re.Pattern, copula: re.Pattern
) -> None:
    """ "Ann Lee joins from Kestrel. She most recently served as chief financial officer at Orla": a sentence
    that opens with "He" / "She" and a verb of holding a post speaks of the one person the sentence before
    names. Precision first: a sentence before that names two people, or none, gives nothing."""
    for m in _PRONOUN_RE.finditer(text):
        r = pattern.match(text, m.end()) or copula.match(text, m.end())
        if r is None:
            continue
        title = r.group("title")
        if title in {"member", "partner", "head", "manager", "executive", "expert"}:
            continue
        stops = [s.end() for s in _SENTENCE_STOP_RE.finditer(text, max(0, m.start() - 600), m.start() + 1)]
        if not stops:
            continue
        start = stops[-2] if len(stops) >= 2 else max(0, m.start() - 600)
        named = [p for p in people if any(start <= s < m.start() for s, _e in p.mentions)]
        if len(named) != 1:
            continue
        holder = named[0]
        if not any(title.lower() in pos["title"].lower() for pos in holder.positions):
            holder.positions.append({"title": title, "organization": None})
