"""Title shapes read around a name after the main title rules (round tt14).

* a release's dash apposition: "Ann Lee – Partner, Chief Development Officer continued:", "Tom Hale - CEO
  Kestrel added:";
* two posts joined by "and" beside a name, where the main rules kept one: "Ann Lee, the editor and publisher
  of X", "an agronomist and food consultant for X", "Kestrel founder and legendary CEO Tom Hale", "the
  company's founder and ex-chief executive, Tom Hale";
* a plural title before a list of names, set off by a comma or "including", names with their place or body:
  "two area mayors, A of X and B of Y", "three other ex-managers, A, B and C", "subsidiary CEOs, including
  Mr A (X), Mr B (Y)", "Sens. A and B".

Each rule adds a post only when the person does not hold it yet; the organisation is left to the main rules.
"""

from __future__ import annotations

import functools
import re

from .coref import Person
from .gazetteer import load

# a post: up to three words before a head; capitalised words only before a capitalised head
# ("Senior Managing Executive Officer"), lower-case ones before a lower-case head ("organic food consultant")
_STOP = (
    r"and|or|the|a|an|of|for|at|in|on|to|by|with|who|which|is|was|has|had|his|her|its|their|said|says|told"
    r"|also|as|former|then|now|new|legendary|longtime|long-time"
)


# a sentence's first word is no rank ("After CEO and co-founder X left")
_CAPITAL_STOP = (
    r"And|The|Of|For|After|Before|When|While|As|In|At|With|By|From|Under|Since|During|Our|His|Her|Its|Their"
    r"|This|That|Then|Former|New"
)


@functools.cache
def _post(heads: str) -> str:
    # "the editor and publisher of X", "presidential aspirant of the Y party": two heads the lists lack
    lower = rf"(?:(?!(?:{_STOP})\b)[a-z][a-z-]+\s+){{0,3}}(?:{heads}|publisher|aspirant)"
    upper = (
        rf"(?:(?!(?:{_CAPITAL_STOP})\b)[A-Z][A-Za-z&-]*\s+){{0,3}}(?:(?i:{heads})|Officer|Partner|President"
        r"|Director|Chairman|Founder|Co-Founder|Co-founder)"
    )
    return rf"(?:{upper}|{lower})(?![\w-])"


def _has(p: Person, title: str) -> bool:
    """The person holds the post, or a longer one that ends in it ("former military leader")."""
    folded = title.lower()
    held = [pos["title"].lower() for pos in p.positions]
    return any(t == folded or t.endswith(" " + folded) for t in held)


def _give(p: Person, title: str) -> None:
    title = re.sub(r"^ex-", "", title.strip())
    if title and not _has(p, title):
        p.positions.append({"title": title, "organization": None})


# ------------------------------------------------------------------------------------ dash appositions

_DASH_RE = re.compile(
    r"\s*[–—-]\s+(?P<titles>[A-Z][\w&.’'/-]*(?:(?:,\s+|\s+&\s+|\s+and\s+|\s+)[A-Z&][\w&.’'/-]*){0,9}?)"
    r"(?=\s*:|\s+(?:continued|added|said|says|stated|commented|noted|explained|remarked|concluded)\b)"
)
_PART_SPLIT_RE = re.compile(r",\s+|\s+&\s+|\s+and\s+")


@functools.cache
def _dash_part_re(heads: str) -> re.Pattern:
    # "CEO Conuar": the post, then the body's name; "Chief Business Development Officer": the post alone
    return re.compile(
        r"(?P<title>(?:[A-Z][\w&/-]*\s+){0,4}(?:(?i:" + heads + r")|Officer))"
        r"(?:\s+(?P<org>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}))?"
    )


def dash_appositions(text: str, people: list[Person], heads: str) -> None:
    """ "Giordano Rossi – Partner, Chief Business Development Officer & Investor Relations continued:",
    "Contact Kestrel: Tom Hale - Managing Director: press@...": a press release sets the title off with a
    dash, before the verb of speaking or a colon. Each part with a head is a post ("Investor Relations" is
    none)."""
    part_re = _dash_part_re(heads)
    for p in people:
        for s, e in sorted(p.mentions):
            # the name may have kept the dash ("Tom Hale -")
            start = e - 1 if text[s:e].endswith(("-", "–", "—")) else e
            m = _DASH_RE.match(text, start)
            if not m:
                continue
            for part in _PART_SPLIT_RE.split(m.group("titles")):
                pm = part_re.fullmatch(part.strip())
                # "CEO Kestrel": a body after an acronym or a title of two words; "Investor Relations" is none
                if pm and (not pm.group("org") or pm.group("title").isupper() or " " in pm.group("title")):
                    _give(p, pm.group("title"))
            break


# -------------------------------------------------------------------- two posts joined beside a name


@functools.cache
def _joined_after_re(heads: str) -> re.Pattern:
    post = _post(heads)
    return re.compile(
        r",\s+(?:(?:an?\s+[A-Z][a-z]+\s+)?who\s+is\s+)?(?:the\s+|an?\s+)?(?:former\s+)?"
        rf"(?P<a>{post})(?:\s*\([^()\n]{{1,20}}\))?\s+(?:and|&)\s+(?:the\s+)?(?P<b>{post})"
        r"(?=\s+(?:of|for|at|in|with)\s|\s*[,.;]|\s+(?:said|says|told|who)\b)"
    )


@functools.cache
def _joined_before_re(heads: str) -> re.Pattern:
    post = _post(heads)
    return re.compile(
        rf"(?<![\w-])(?P<a>{post})\s+(?:and|&)\s+(?:(?:legendary|longtime|long-time|current)\s+)?"
        rf"(?P<b>(?:ex-)?{post}),?\s+(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?$"
    )


@functools.cache
def _joined_tail_re(heads: str) -> re.Pattern:
    """The second post alone, from its "and" to the name: a cheap test before the search for the first."""
    return re.compile(
        rf"\s+(?:and|&)\s+(?:(?:legendary|longtime|long-time|current)\s+)?(?:ex-)?{_post(heads)},?\s+"
        r"(?:(?:Mr|Mrs|Ms|Dr|Sir)\.?\s+)?"
    )


def _clean_post(post: str) -> str:
    """A lower-case head or an acronym keeps no capitalised word before it ("Orla founder", "Asylon CEO":
    the body's); a demonym or a country before a post is the holder's country ("Chinese Vice-Premier")."""
    words = post.split()
    gaz = load()
    if words[-1][:1].islower() or words[-1].isupper():
        while len(words) > 1 and words[0][:1].isupper():
            words = words[1:]
    while len(words) > 1 and (words[0] in gaz.demonyms or words[0] in gaz.country_names):
        words = words[1:]
    return " ".join(words)


_VAGUE = frozenset({"head", "member", "partner", "manager"})


def joined_posts_beside_names(text: str, people: list[Person], heads: str) -> None:
    """Two posts joined by "and" right after a name ("Ann Lee, the editor and publisher of X", "Tom Hale,
    an American who is founder and president of X") or right before it ("Kestrel founder and legendary CEO
    Tom Hale", "The company's founder and ex-chief executive, Tom Hale"): both are the person's (the main
    rules often keep one)."""
    after_re, before_re, tail_re = _joined_after_re(heads), _joined_before_re(heads), _joined_tail_re(heads)
    for p in people:
        for s, e in sorted(p.mentions):
            m = after_re.match(text, e) if text.startswith(",", e) else None
            joint = max(text.rfind(" and ", max(0, s - 70), s), text.rfind(" & ", max(0, s - 70), s))
            if not m and joint >= 0 and tail_re.fullmatch(text, joint, s):
                # the first post ends at the "and": up to four words before it
                m = before_re.search(text, max(0, joint - 60), s)
                # "the Vice President and President Marcos": one office inside the other, two people
                if m and re.search(r"\b[Tt]he\s+$", text[max(0, m.start() - 4) : m.start()]):
                    m = None
            if not m:
                continue
            a, b = _clean_post(m.group("a")), _clean_post(re.sub(r"^ex-", "", m.group("b")))
            if a.lower() in b.lower() or b.lower() in a.lower():
                continue
            if b.lower() in _VAGUE and re.match(r"\s+(?:of|for)\s", text[m.end() : m.end() + 5]):
                b = ""  # "Managing Director & Head of APAC": the remit is the post's; the main rules read it
            _give(p, a)
            _give(p, b)


# ----------------------------------------------------------------------- plural titles before a list

_PLURAL_LIST_RE = re.compile(
    r"(?<![\w.-])(?P<title>Sens\.|Reps\.|(?:ex-)?managers|mayors|CEOs|[Ss]enior [Dd]irectors)"
    r"(?:,\s+(?:including\s+)?|\s+)(?=(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z])"
)
_PLURAL_SINGULAR = {"Sens.": "senator", "Reps.": "representative"}
# after a name in the list: its place or body ("A of Dade County", "Mr A (Kestrel Foods)"), then the gap
_LIST_TAIL_RE = re.compile(
    r"(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}|\s*\([^()\n]{1,40}\))?(?:,\s*(?:and\s+)?|\s+and\s+)"
    r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?"
)
_ADDRESS_RE = re.compile(r"(?:Mr|Mrs|Ms|Dr)\.?\s+")


def plural_titles_before_lists(text: str, people: list[Person]) -> None:
    """ "two area mayors, A of X and B of Y", "three other ex-managers, A, B and C", "subsidiary CEOs,
    including Mr A (X), Mr B (Y)", "Sens. A and B", "Senior Directors A and B": each name in the list holds
    the post (the names must follow one another; a word that is no listed name ends the list)."""
    by_start = {s: (p, e) for p in people for s, e in p.mentions}
    for m in _PLURAL_LIST_RE.finditer(text):
        plural = m.group("title")
        title = _PLURAL_SINGULAR.get(plural) or re.sub(r"^ex-", "", plural)[:-1]
        pos = m.end()
        address = _ADDRESS_RE.match(text, pos)
        if address:
            pos = address.end()
        while pos in by_start:
            p, e = by_start[pos]
            _give(p, title)
            if text[pos:e].endswith(" of"):
                e -= 3  # the name took the "of" of its place ("Alex Perales of")
            gap = _LIST_TAIL_RE.match(text, e)
            if not gap:
                break
            pos = gap.end()
