"""Parts of a document that name a source but state no facts: photo credits, bylines, source lines.

A credit ("/ Photo: AA") or a closing source line ("TRT World") may name an organisation (and give the
publisher) but must not produce events, claims or sectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gazetteer import Gazetteer

_CREDIT_RE = re.compile(
    r"(?:^|(?<=\s)|(?<=[.!?]))(?:/|\||-|–)?\s*\(?(?:Photo|Photos|Photograph|Image|Picture|Credit|Video"
    r"|File photo)"
    r"(?:\s+credit)?\s*[:/]\s*(?P<who>[^\n/|)]{1,80})\)?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
_SOURCE_LINE_RE = re.compile(
    r"^\s*(?:Source|Sources|Via|Compiled by)\s*:\s*(?P<who>[^\n]{1,80})$", re.IGNORECASE | re.MULTILINE
)
_DATELINE_RE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'-]{1,40})(?:,\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?"
    r"|\d{1,2} [A-Z][a-z]+(?: \d{4})?))?"
    r"\s*\((?P<who>[A-Z][^)\n]{1,59})\)[^\S\n]*(?:-{1,2}|–|—)",
    re.MULTILINE,
)
# the dash ends the dateline's own line: a parenthesis that closes a line before a list's "- item" ("Model X
# (LFP version)" over a bulleted list) is no wire's credit
# a wire-distributed release: "CALGARY, AB, May 14, 2025 /24-7PressRelease/ --",
# "Dubai, UAE / New York, USA, June 2, 2025 /PRNewswire/ -"
_SLASH_DATELINE_RE = re.compile(
    r"^(?P<place>[^\n/]{2,40}?(?:\s/\s[^\n/]{2,40}?)*),\s+(?P<date>[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}"
    r"|\d{1,2} [A-Z][a-z]+ \d{4})\s*/(?P<who>[^/\n]{2,60})/\s*(?:-{1,2}|–|—)",
    re.MULTILINE,
)
_REPORTING_RE = re.compile(r"^\(\s*(?:Reporting|Writing|Editing)\b[^\n]*\)\s*$", re.MULTILINE)
_CONTACT_RE = re.compile(r"^(?:Media contact|Press contact|Contact)\s*:[^\n]*$", re.IGNORECASE | re.MULTILINE)
# a newsletter or consent box scraped with the page ("By signing up, I accept X's Terms ..."): it names the
# site's owner and signs nothing
_SIGNUP_RE = re.compile(
    r"^[^\S\n]*(?:By (?:signing up|subscribing|registering|clicking|continuing)|Sign up (?:for|to)"
    r"|Subscribe (?:to|for|now)"
    r"|Already (?:a subscriber|have an account)|Yes, I would (?:also )?like to receive"
    r"|[^\n]{0,60}, its related corporations and affiliates)\b[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)


# a list of links to other stories ("READ NEXT", "Related", "More on this Topic"): their headlines state
# other articles' facts
_RELATED_RE = re.compile(
    r"^[^\S\n]*(?:READ NEXT|Read next|EDITORS['’] PICKS?|Editors['’] picks?|MOST (?:READ|VIEWED|POPULAR)"
    r"|Most (?:read|viewed|popular)|Related(?: (?:Articles?|Stories|News|Posts|Coverage))?:?"
    r"|More on this [Tt]opic|More from [^\n]{1,30}|Read more:?|Also read:?|You (?:may|might) also like"
    r"|Recommended(?: for you)?|Trending(?: now)?|Popular|Latest (?:news|stories))[^\S\n]*$",
    re.MULTILINE,
)
_LINK_LINES = 12
# a newsroom post's front matter names the publisher: `source: "OpenAI Blog"` or a title that ends
# " | OpenAI"; the words after the name say which of its pages it came from
_FRONT_MATTER_RE = re.compile(r"\A(?:---\n)?(?P<body>(?:[a-z_]+:[^\n]*\n){2,})")
_FM_SOURCE_RE = re.compile(
    r"^source:\s*[\"']?(?P<who>[^\"'\n]+?)\s+(?:Blog|News|Newsroom|Press(?: Room)?|Press Releases)[\"']?\s*$",
    re.MULTILINE,
)
_FM_TITLE_RE = re.compile(r"^title:\s*[\"'][^\n]*\s\|\s(?P<who>[^|\"'\n]{2,40})[\"']\s*$", re.MULTILINE)


def _link_list(text: str, start: int) -> int:
    """End of the headline list that starts after a marker line: lines without a sentence's final stop
    (and dates), at most _LINK_LINES of them; a line that goes on a sentence (", who will") ends it."""
    pos = start
    for _ in range(_LINK_LINES):
        m = re.compile(r"\n?([^\n]*)").match(text, pos)
        line = m.group(1).strip() if m else ""
        if not line or line[-1] in '.!?"”:;' or re.search(r",\s+(?:who|which|where|when|while)\b", line):
            break
        pos = m.end()
    return pos


@dataclass
class Zones:
    spans: list[tuple[int, int]]  # no facts from here
    credit_names: list[tuple[int, int, str]]  # (start, end, surface) of names in credits/bylines
    publisher: str | None = None
    dateline: tuple[str, str | None] | None = None  # (place, date text) from a wire dateline
    own_voice: str | None = None  # the organisation whose own newsroom post this is (its "we")

    def contains(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.spans)


def find_zones(text: str, gaz: Gazetteer) -> Zones:
    spans: list[tuple[int, int]] = []
    names: list[tuple[int, int, str]] = []
    publisher = None
    for m in _CREDIT_RE.finditer(text):
        spans.append((m.start(), m.end()))
        who = m.group("who").strip()
        names.append((m.start("who"), m.start("who") + len(who), who))
    for m in _SOURCE_LINE_RE.finditer(text):
        spans.append((m.start(), m.end()))
        who = m.group("who").strip()
        names.append((m.start("who"), m.start("who") + len(who), who))
        publisher = publisher or _org_name(who, gaz)
    for m in _REPORTING_RE.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _CONTACT_RE.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _SIGNUP_RE.finditer(text):
        spans.append((m.start(), m.end()))
    for m in _RELATED_RE.finditer(text):
        spans.append((m.start(), _link_list(text, m.end())))
    dateline = None
    m = _DATELINE_RE.search(text[:2000]) or _SLASH_DATELINE_RE.search(text[:3000])
    if m:
        dateline = (m.group("place"), m.group("date"))
        publisher = publisher or _org_name(m.group("who").strip(), gaz) or m.group("who").strip()
        names.append((m.start("who"), m.end("who"), m.group("who")))
    fm = _FRONT_MATTER_RE.match(text)
    own_voice = None
    if fm:
        m = _FM_TITLE_RE.search(fm.group("body")) or _FM_SOURCE_RE.search(fm.group("body"))
        if m:
            own_voice = m.group("who").strip()
    # a closing line that is only an outlet's name ("TRT World", "Xinhua")
    lines = [(lm.start(), lm.end(), lm.group()) for lm in re.finditer(r"[^\n]+", text)]
    if len(lines) > 1:
        s, e, last = lines[-1]
        cleaned = last.strip(" -–—()[]")
        org = gaz.orgs.get(cleaned) or gaz.credit_orgs.get(cleaned)
        if org and org.kind == "media":
            spans.append((s, e))
            names.append((s + last.find(cleaned), s + last.find(cleaned) + len(cleaned), cleaned))
            publisher = publisher or org.name
    return Zones(
        spans=sorted(spans), credit_names=names, publisher=publisher, dateline=dateline, own_voice=own_voice
    )


def _org_name(surface: str, gaz: Gazetteer) -> str | None:
    org = gaz.orgs.get(surface) or gaz.credit_orgs.get(surface)
    return org.name if org else None
