"""Events told in the shapes of press releases, government readouts and fact sheets (session 12, ev17).

A release says its news twice: in a title-case headline the parser cannot read ("Norvex Partners with Halden
Group to Expand in Asia", "Marlex and Tavora Sign MOU for Reactor Parts") and in a first sentence after a
wire dateline. These rules read the headline by its shape, with the names the entity step found in it, and
tell the parser where the dateline ends (``dateline_breaks``, called by the model's paragraph component).
Framework-free: no Django, no spaCy import at module level.
"""

from __future__ import annotations

import re

# ------------------------------------------------------------------------------------------ the dateline

# a separator after a wire or release dateline: " -- ", " — ", " – ", " - " (spaced) or an unspaced dash
_DATELINE_SEP_RE = re.compile(r"[^\S\n]*(?:--|—|–)[^\S\n]*|[^\S\n]+-[^\S\n]+")
# a dateline opens with a place in capitals ("CARMEL, IN", "LONDON (AP)", "SAN JUAN, PUERTO RICO")
_DATELINE_HEAD_RE = re.compile(r"[^\S\n]*[A-Z][A-Z.'’-]+(?=[\s,(/])")
# a later segment of the dateline: a date or the wire that carried it ("/PRNewswire/", "(BUSINESS WIRE)",
# "Media OutReach Newswire", "9 June 2026")
_DATELINE_PART_RE = re.compile(r"\d|\b(?:WIRE|Wire|[Nn]ewswire|NEWSWIRE|PressRelease|AP|Reuters|AFP)\b|^[(/]")


def _dateline_words(segment: str) -> bool:
    """Every word of a dateline's segment is capitalised, a number or "and" (a place, a date, a wire)."""
    words = [w.strip(",;()/.") for w in segment.split()]
    return bool(words) and all(not w or w[0].isupper() or w[0].isdigit() or w in {"and", "&"} for w in words)


def dateline_end(line: str) -> int | None:
    """Where the story starts in a line that opens with a dateline ("CARMEL, IN, January 10, 2025
    /24-7PressRelease/ -- Snap Dock, ..." -> the index of "Snap"); None for a line without one."""
    if not _DATELINE_HEAD_RE.match(line):
        return None
    chunk, end, prev = line[:200], None, 0
    for m in _DATELINE_SEP_RE.finditer(chunk):
        segment = chunk[prev : m.start()]
        if not _dateline_words(segment) or (
            end is not None and not _DATELINE_PART_RE.search(segment.strip())
        ):
            break
        end = prev = m.end()
    return end if end is not None and end < len(chunk) else None


def dateline_breaks(doc) -> None:
    """ "CARMEL, IN, January 10, 2025 /24-7PressRelease/ -- Snap Dock, a maker of docks, is excited to
    announce a partnership with Y": the story's first sentence starts after the dateline for the parser,
    which otherwise took the place for the subject and hung the company off it (the pact lost its party)."""
    text = doc.text
    starts = None
    for line in re.finditer(r"(?m)^[^\S\n]*[A-Z][^\n]*$", text[:20_000]):
        end = dateline_end(line.group())
        if end is None:
            continue
        if starts is None:
            starts = {tok.idx: tok.i for tok in doc}
        i = starts.get(line.start() + end)
        if i is not None and i > 0:
            doc[i].is_sent_start = True
            # the name that opens the story is not a sentence of its own ("Kinross // Timber Ltd said ...")
            for tok in doc[i + 1 : i + 4]:
                if tok.is_space or tok.is_punct:
                    break
                tok.is_sent_start = False


# ------------------------------------------------------------------------------------------- the headline

# what may stand between a company's name and its verb in a headline: a ticker ("(NYSE: QBTS)"), a legal form
# (", Inc."), a short appositive (", a Global Leader in Snacks,")
_NAME_TAIL = (
    r"(?:[^\S\n]*\([^)\n]{1,40}\))?(?:,?[^\S\n]+(?:Inc|LLC|Ltd|Corp|Co|plc|S\.?A)\.?)?"
    r"(?:,[^\S\n]+[^,\n]{1,80},)?"
)
_PACT_WORDS = (
    r"(?:MOU|MoU|Memorandum(?:\s+of\s+Understanding)?|Agreements?|Partnership|Alliance|Joint\s+Venture"
    r"|Collaboration|Deal|Contract|Pact|LOI|Letter\s+of\s+Intent|partnership\s+entity)"
)
# "A Partners with B", "A Signs MOU with B", "A Forges Strategic Partnership with B", "A Teams Up with B"
_ADVERB = r"(?:[^\S\n]+[A-Za-z]+ly)?"  # "Linklogis Strategically Acquires Bytter"
_WITH_RE = re.compile(
    _NAME_TAIL
    + _ADVERB
    + r"[^\S\n]+(?:Partners?|Partnering|Teams?[^\S\n]+Up|Collaborates?|Joins?[^\S\n]+Forces"
    r"|(?:Signs?|Inks?|Forges?|Seals?|Strikes?|Enters?[^\S\n]+Into|Announces?|Expands?|Launches|Renews?|Extends?"
    r"|Forms?)\b[^\n]{0,60}?\b" + _PACT_WORDS + r")[^\S\n]+with[^\S\n]+(?:the[^\S\n]+)?",
    re.IGNORECASE,
)
# "A and B" before the verb: "A and B Sign MOU to ...", "A and B Forge New Partnership", "A and B form C—a
# partnership entity", "A and B Partner to ..."
_AND_RE = re.compile(_NAME_TAIL + r"[^\S\n]+(?:and|&)[^\S\n]+(?:the[^\S\n]+)?", re.IGNORECASE)
_PAIR_VERB_RE = re.compile(
    _NAME_TAIL + r"[^\S\n]+(?:Partner|Team[^\S\n]+Up|Join[^\S\n]+Forces|Collaborate"
    r"|(?:Sign|Ink|Forge|Form|Announce|Launch|Seal|Enter|Establish|Strike|Unveil|Expand|Renew)\w*\b[^\n]{0,60}?\b"
    + _PACT_WORDS
    + r")\b",
    re.IGNORECASE,
)
# "A Acquires B", "A Completes Acquisition of B", "A Invests in B", "A Acquires Majority Stake in B"
_BUY_RE = re.compile(
    _NAME_TAIL + _ADVERB + r"[^\S\n]+(?P<plan>(?:Agrees|Set|Moves|Plans)[^\S\n]+to[^\S\n]+|to[^\S\n]+)?"
    r"(?:Acquires?|Buys?|Completes[^\S\n]+(?:the[^\S\n]+|Its[^\S\n]+)?(?:Strategic[^\S\n]+)?Acquisition[^\S\n]+of"
    r"|Invests?[^\S\n]+in|Makes[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}Investment[^\S\n]+in"
    r"|(?:Acquires?|Takes?|Buys?)[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}Stake[^\S\n]+in)[^\S\n]+(?:the[^\S\n]+)?",
    re.IGNORECASE,
)
# "A Awarded $50M B Contract", "A Wins Contract from B"
_AWARD_RE = re.compile(
    _NAME_TAIL + r"[^\S\n]+(?:Is[^\S\n]+|Has[^\S\n]+Been[^\S\n]+)?(?:Awarded|Wins|Secures|Lands)\b"
    r"(?P<span>[^\n]{0,50}?)\bContracts?\b(?:[^\S\n]+(?:from|by)[^\S\n]+(?:the[^\S\n]+)?)?",
    re.IGNORECASE,
)


def headline_deals(
    text: str, start: int, end: int, names: list[tuple[int, int, str]], known: list[str] = ()
) -> list[tuple]:
    """The deals a release's headline tells by its shape, as (type, status, parties, (start, end)): who
    partners, signs or forms a venture with whom, who buys or invests in whom, who was awarded whose
    contract. ``names`` are the organisations (s, e, name) the entity step found in the headline; ``known``
    the names of the document's organisations, for a second party the entity step missed in the headline
    ("A and B Sign MOU": B read into the verb) but found in the body. A party the shape points at but no
    name starts there gives no event."""
    by_start = {s: (s, e, n) for s, e, n in names}
    longest_first = sorted(set(known), key=len, reverse=True)
    found: list[tuple] = []

    def at(pos: int):
        if pos in by_start:
            return by_start[pos]
        for name in longest_first:
            e = pos + len(name)
            if text.startswith(name, pos) and e <= end and not (e < len(text) and text[e].isalnum()):
                return (pos, e, name)
        return None

    first = at(start) if start not in by_start else None  # the headline's first words, a name of the body
    for s, e, name in [first, *names] if first else names:
        if re.search(r"\s[Pp]artners?$", text[s:e]) and not re.search(r"[Pp]artners?$", name):
            e = text.rindex(" ", s, e)  # "Norvex Partners with Y": the verb read into the name's mention
        if (m := _WITH_RE.match(text, e, end)) and (b := at(m.end())) and b[2] != name:
            found.append(("agreement", "held", [name, b[2]], (s, b[1])))
        elif (m := _AND_RE.match(text, e, end)) and (b := at(m.end())) and b[2] != name:
            if _PAIR_VERB_RE.match(text, b[1], end):
                found.append(("agreement", "held", [name, b[2]], (s, b[1])))
        elif (m := _BUY_RE.match(text, e, end)) and (b := at(m.end())) and b[2] != name:
            status = "planned" if m.group("plan") else "held"
            found.append(("investment", status, [name, b[2]], (s, b[1])))
        elif m := _AWARD_RE.match(text, e, end):
            inside = [n for n in names if m.start("span") <= n[0] and n[1] <= m.end("span")]
            client = inside[:1] or ([b] if (b := at(m.end())) else [])
            if client and client[0][2] != name:
                found.append(("agreement", "held", [name, client[0][2]], (s, m.end())))
    return found


# ------------------------------------------------------------------------------- a venture formed (parse)

FORMATIONS = {"formation", "creation", "establishment", "launch", "founding"}
_VENTURE_NOUNS = {"venture", "partnership", "alliance", "consortium"}
_ENTITY_NOUNS = {"entity", "company", "vehicle", "firm"}


def _pact_noun(tok) -> bool:
    """ "a joint venture", "a partnership", "a partnership entity" (the pact noun as a modifier)."""
    low = tok.lower_
    if low == "venture":
        return any(c.lower_ == "joint" for c in tok.children)
    if low in _VENTURE_NOUNS:
        return True
    return low in _ENTITY_NOUNS and any(
        c.dep_ == "compound" and c.lower_ in _VENTURE_NOUNS for c in tok.children
    )


def formed_venture(tok) -> bool:
    """ "X and Y announced today the formation of a partnership entity named Z", "are proud to announce the
    formation of Z, a strategic joint venture": forming a venture together is their agreement (the noun is
    the object of the announcing verb, whose subjects are the parties)."""
    if tok.tag_ != "NN" or tok.dep_ not in {"dobj", "nsubjpass"}:
        return False
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj":
                continue
            if _pact_noun(obj) or any(c.dep_ == "appos" and _pact_noun(c) for c in obj.children):
                return True
    return False


def of_conjuncts(tok) -> list:
    """ "The Government of Norland and Halden Logistics Limited (HLL) are pleased to announce": the parser
    hangs the second party off the first name's "of" phrase (the government of both); the conjuncts of the
    "of" object, with what they carry, are names of the phrase too (the caller keeps only named actors)."""
    out = []
    for prep in tok.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for obj in prep.children:
            if obj.dep_ != "pobj" or not obj.text[:1].isupper():
                continue
            for conj in obj.children:
                if conj.dep_ == "conj" and conj.text[:1].isupper():
                    out.extend(t for t in conj.subtree if t.dep_ != "conj" or t.i == conj.i)
    return out


# ------------------------------------------------------------------------------ an office named with "the"

# "the Vice President's visit to Manila", "the Vice President hosting President Marcos": a readout names its
# principal once and then by office (not "the President of Angola", not "the Vice President Kamala Harris")
_THE_OFFICE_RE = re.compile(
    r"\b[Tt]he (?P<office>Vice President|President|Prime Minister|Secretary of State|Secretary|Chancellor"
    r"|Premier|Ambassador|Governor|Administrator|Secretary-General|Secretary General)\b"
    r"(?!\s+(?:of\b|[A-Z]))(?!-)"
)


def office_actors(text: str, people: list) -> list[tuple[int, int, str]]:
    """(start, end, name) for "the <office>" where exactly one person of the document holds that office
    (their title is it, or ends with it: "U.S. Vice President") and was named before: readouts and fact
    sheets refer to their principal so. Two holders ("President Biden met President Lourenço ... the
    President") give nothing."""
    out: list[tuple[int, int, str]] = []
    holders: dict[str, tuple[int, str] | None] = {}
    for m in _THE_OFFICE_RE.finditer(text):
        office = m.group("office").lower()
        if office not in holders:
            found: dict[str, int] = {}
            for s, _e, p in people:
                if any(
                    (t := (pos.get("title") or "").lower()) == office or t.endswith(" " + office)
                    for pos in p.positions
                ) and not (
                    office == "president"
                    and any("vice" in (pos.get("title") or "").lower() for pos in p.positions)
                ):
                    found.setdefault(p.name, s)
            holders[office] = (min(found.values()), next(iter(found))) if len(found) == 1 else None
        holder = holders[office]
        if holder is not None and holder[0] < m.start():
            out.append((m.start("office"), m.end("office"), holder[1]))
    return out


# ------------------------------------------------------------------------- a readout's list of participants

# "Participants at the Investor Forum event included:", "Private Sector Participants:", "Attendees:"
_PARTICIPANTS_HEAD_RE = re.compile(
    r"^[^\S\n]*(?:[^\n:]{0,80}?\s)?(?:[Pp]articipants|[Aa]ttendees|PARTICIPANTS|ATTENDEES)\b[^\n:]{0,60}:[^\S\n]*$",
    re.MULTILINE,
)
_BULLET_RE = re.compile(r"[^\S\n]*(?:[-•*▪◦–]\s+|\d{1,2}[.)]\s+)?")


def listed_participants(text: str, people: list) -> list[tuple[int, list[str]]]:
    """(where the list starts, the people it names) for each list of participants a readout or fact sheet
    closes with: one line per person ("Jake Sullivan, National Security Advisor"), under one heading or
    several ("Public Sector Participants:" / "Private Sector Participants:"). A line that opens with no
    named person ends the list."""
    starts = {}
    for s, _e, p in people:
        starts.setdefault(s, p.name)
    out: list[tuple[int, list[str]]] = []
    pos = 0
    for head in _PARTICIPANTS_HEAD_RE.finditer(text):
        if head.start() < pos:
            continue  # a sub-heading of the list read already
        names: list[str] = []
        pos = head.end()
        while pos < len(text):
            line_end = text.find("\n", pos + 1)
            line_end = len(text) if line_end < 0 else line_end
            line = text[pos:line_end].strip("\n")
            if not line.strip() or _PARTICIPANTS_HEAD_RE.fullmatch(line):
                pos = line_end
                continue
            at = text.index(line, pos) + _BULLET_RE.match(line).end()
            if at not in starts:
                break
            names.append(starts[at])
            pos = line_end
        if len(names) >= 2:
            out.append((head.start(), list(dict.fromkeys(names))))
    return out


# --------------------------------------------------------------------------- a principal meets a group

# "convened a group of Japanese business executives", "met with business leaders", "hosted a roundtable with
# industry representatives": the group is named by no one; the principal's meeting has one party
_GROUP_MET_RE = re.compile(
    r"[^\S\n]+(?:with[^\S\n]+)?(?:(?:a|an)[^\S\n]+(?:small[^\S\n]+|diverse[^\S\n]+)?(?:group|delegation|roundtable"
    r"|panel|number)[^\S\n]+(?:of|with)[^\S\n]+|(?:a|an)[^\S\n]+(?:roundtable|discussion|meeting)[^\S\n]+with"
    r"[^\S\n]+)?(?:[A-Za-z-]+[^\S\n]+){0,3}?(?:executives|business[^\S\n]+leaders|industry[^\S\n]+leaders"
    r"|CEOs|chief[^\S\n]+executives|investors|stakeholders|entrepreneurs|industry[^\S\n]+representatives)\b"
)


def met_a_group(text: str, cue_end: int) -> bool:
    """Whether the meeting cue that ends at ``cue_end`` is followed by an unnamed group of business people
    ("convened a group of Japanese business executives for a discussion")."""
    return _GROUP_MET_RE.match(text, cue_end) is not None


# ------------------------------------------------------------------ "meet" and "host" that tell no meeting

_OWNER = r"(?:(?:the[^\S\n]+)?[A-Z][\w.&'’-]*(?:[^\S\n]+[A-Z][\w.&'’-]*){0,3}['’]s[^\S\n]+)"
# "meet USAID's rigorous standards", "meeting Canada's strict hydrogen handling standards"
_OWNED_NEED_RE = re.compile(
    r"[^\S\n]+"
    + _OWNER
    + r"(?:[\w-]+[^\S\n]+){0,4}?(?:standards?|requirements?|criteria|needs|demands?|targets?"
    r"|goals?|expectations|specifications|regulations|rules)\b"
)
# "to host Leksum's one-of-a-kind muscle research lab": a thing housed, not a guest received
_HOSTED_THING_RE = re.compile(
    r"[^\S\n]+"
    + _OWNER
    + r"?(?:(?:a|an|the|its|their|new)[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,4}?(?:lab|labs|laboratory"
    r"|laboratories|facility|facilities|servers?|data|equipment|plant|factory|offices?|headquarters|site)\b"
)


def no_meeting_after(word: str, text: str, end: int) -> bool:
    """A meeting cue word that tells no meeting, by what follows it: a standard met ("meets USAID's rigorous
    standards"), a thing hosted ("to host Leksum's research lab")."""
    low = word.lower()
    if low.startswith("meet"):
        return _OWNED_NEED_RE.match(text, end) is not None
    if low.startswith("host"):
        return _HOSTED_THING_RE.match(text, end) is not None
    return False


# "The post Gilat Wins $8 Million Contract to ... appeared first on citybiz.": a feed's footer repeats the
# headline (its names read badly out of title case); the headline itself tells the event
_FEED_FOOTER_RE = re.compile(
    r"(?:^|(?<=\s))The post\s[^\n]{3,300}?\sappeared first on\s[^\n]{1,80}?(?:\.|$)", re.M
)


def feed_footers(text: str) -> list[tuple[int, int]]:
    """Spans of "The post <headline> appeared first on <site>." lines."""
    if "appeared first on" not in text:
        return []
    return [(m.start(), m.end()) for m in _FEED_FOOTER_RE.finditer(text)]


_ANNOUNCE_FORMS = {"announce", "announces", "announced", "announcing"}


def selection_announced(tok) -> bool:
    """ "NASA announced the selection of SpaceX, Blue Origin and Ceres Robotics to join its program", "X
    announced the selection of Y as its partner": whom a body selects for a programme or a contract is its
    counterpart in an agreement (the parties: who announces, and the names after "of")."""
    return (
        tok.lower_ == "selection"
        and tok.dep_ == "dobj"
        and tok.head.lower_ in _ANNOUNCE_FORMS
        and any(
            p.dep_ == "prep"
            and p.lower_ == "of"
            and any(o.dep_ == "pobj" and o.tag_.startswith("NNP") for o in p.children)
            for p in tok.children
        )
    )


# ---------------------------------------------------------------------- calls for proposals, grant rounds

# "launched a $5 million grant round for battery research", "has opened applications for its grant
# programme", "is separately working on a call for proposals", "will invite architects to submit plans":
# a funder's call, told without the verbs of opening the cue rules read
_CALL_SHAPES_RE = re.compile(
    r"\b(?:launch|open|announc|unveil)\w*\s+(?:(?:a|an|the|its|their|new|first|second|\$?[\d.,]+|million|billion"
    r"|[A-Z]{2,3}\$?[\d.,]+|\d{4})\s+){0,5}(?:[\w-]+\s+)?(?:grant|funding)\s+(?:round|call|competition)s?\b"
    r"|\bopen\w*\s+applications\s+for\s+(?:(?:its|their|the|a|an|new|\d{4})\s+){0,3}(?:[\w-]+\s+){0,2}"
    r"(?:grants?|funding|fellowships?|programmes?|programs?)\b"
    r"|\b(?:working\s+on|preparing|developing|drafting|will\s+(?:issue|launch|release|open)"
    r"|plans?\s+to\s+(?:issue|launch|release|open))\s+(?:a|an|its|the)\s+(?:new\s+)?call\s+for\s+"
    r"(?:proposals|applications|projects|tenders)\b"
    r"|\b(?:invite|invites|invited|will\s+invite)\s+(?:[\w-]+\s+){0,4}?to\s+submit\s+(?:their\s+)?(?:plans|proposals"
    r"|applications|designs|bids)\b"
)


def call_shapes(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the call shapes in a sentence."""
    return [(m.start(), m.end()) for m in _CALL_SHAPES_RE.finditer(text, start, end)]
