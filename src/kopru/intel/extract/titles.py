"""Titles of office ("Turkish Minister of Industry and Technology", "Huawei CEO", "Ambassador to China").

``find_titles`` scans the text for title heads and grows each one both ways:

* left: a domain ("Trade Minister" -> Minister of Trade), an organisation ("Zhengyuan Chairman"), and a
  demonym or possessive country ("Chinese ...", "Azerbaijan's ...") that gives the holder's country;
* right: "of <domain>" (ministries), "of <organisation>", "of <country>", "to <country>".

What follows the title, if it looks like a name, is the holder's name (``name_span``); the people module
decides which person that is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .entities import REGIONS
from .gazetteer import Gazetteer

MINISTRY_HEADS = {"Minister", "Deputy Minister", "Vice Minister", "Assistant Minister"}
_WORD_RE = re.compile(r"[^\W\d_][\w'’.&-]*|&")


@dataclass
class TitleMatch:
    start: int  # of the whole title phrase, demonym included
    end: int
    title: str
    organization: str | None
    country: str | None
    head: str
    head_start: int
    name_span: tuple[int, int] | None = None
    country_from_demonym: bool = False
    # the title ends in "of <organisation>" ("CEO of GE"): a capitalised word after it may be the rest of
    # that organisation's name ("GE Vernova") rather than a holder
    name_after_body: bool = False


@dataclass(frozen=True)
class _Compiled:
    head_re: re.Pattern
    domain_words: frozenset[str]
    heads: frozenset[str]
    # the last word of a head of two or more words ("National Security Advisor", "Trade Representative"):
    # right before a name it ends a title, it does not start the name
    head_ends: frozenset[str] = frozenset()


@cache
def _compiled(gaz_id: int, heads: tuple[str, ...], domain_words: tuple[str, ...]) -> _Compiled:
    alternation = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
    # "Chief Strategy Officer", "Chief Global Affairs Officer": a company's C-level posts by their shape
    alternation = rf"Chief(?: (?:[A-Z][a-z]+|&|and)){{1,3}} Officer|{alternation}"
    # "ex-President X": the office is the one the person held (the gold writes it without "ex-")
    head_re = re.compile(
        rf"(?:(?<![\w-])|(?<=\b[Cc]o-)|(?<=\b[Ee]x-))(?:{alternation})(?:(?![\w-])|(?=-elect\b))"
    )
    head_ends = frozenset(h.split()[-1] for h in heads if " " in h)
    return _Compiled(head_re, frozenset(domain_words), frozenset(heads), head_ends)


def compiled_for(gaz: Gazetteer) -> _Compiled:
    heads = tuple(h["title"] for h in gaz.title_heads)
    return _compiled(id(gaz), heads, tuple(gaz.domain_words))


def _is_cap(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _words_before(text: str, pos: int, limit: int = 80) -> list[tuple[int, int, str]]:
    """Words ending before pos (nearest first), stopping at sentence punctuation or a line break."""
    window_start = max(0, pos - limit)
    chunk = text[window_start:pos]
    cut = max(
        chunk.rfind("\n"),
        _last_sentence_stop(chunk),
        chunk.rfind(", "),
        chunk.rfind("; "),
        chunk.rfind('"'),
        chunk.rfind("“"),
        chunk.rfind("("),
    )
    if cut >= 0:
        window_start += cut + 1
        chunk = text[window_start:pos]
    words = [(window_start + m.start(), window_start + m.end(), m.group()) for m in _WORD_RE.finditer(chunk)]
    return list(reversed(words))


# "U.S. Secretary of State", "John F. Kennedy", "Dr. Ann Lee": a full stop after initials or a form of
# address ends no sentence
_NO_STOP_BEFORE_RE = re.compile(r"(?:\b(?:[A-Z]\.)*[A-Z]|\b(?:Dr|Mr|Mrs|Ms|Prof|St|No|Gen|Sen|Rep|Jr|Sr))$")


def _last_sentence_stop(chunk: str) -> int:
    for m in reversed(list(re.finditer(r"\. ", chunk))):
        if not _NO_STOP_BEFORE_RE.search(chunk, 0, m.start()):
            return m.start()
    return -1


def _words_after(text: str, pos: int, limit: int = 120) -> list[tuple[int, int, str]]:
    chunk = text[pos : pos + limit]
    cut = len(chunk)
    for stop in ("\n", ", ", "; ", "(", '"', "“", "”"):
        i = chunk.find(stop)
        if i >= 0:
            cut = min(cut, i)
    for m in re.finditer(r"(\w*)\. ", chunk):
        if m.group(1) in _HONORIFICS or (len(m.group(1)) == 1 and m.group(1).isupper()):
            continue  # "Prof. Levent Akbulut", "John F. Kennedy"
        cut = min(cut, m.start() + len(m.group(1)))
        break
    chunk = chunk[:cut]
    return [(pos + m.start(), pos + m.end(), m.group()) for m in _WORD_RE.finditer(chunk)]


def find_titles(text: str, gaz: Gazetteer, org_spans: list[tuple[int, int, str]]) -> list[TitleMatch]:
    """org_spans: (start, end, canonical name) of organisation mentions already found."""
    comp = compiled_for(gaz)
    org_at_start = {s: (e, name) for s, e, name in org_spans}
    org_at_end = {e: (s, name) for s, e, name in org_spans}
    results: list[TitleMatch] = []
    for m in comp.head_re.finditer(text):
        head = m.group()
        t = TitleMatch(
            start=m.start(),
            end=m.end(),
            title=head,
            organization=None,
            country=None,
            head=head,
            head_start=m.start(),
        )
        is_ministry = head in MINISTRY_HEADS
        _read_of_after(t, text, gaz, comp, org_at_start, is_ministry)
        _read_country_tail(t, text, gaz)
        _read_province_or_city(t, text, gaz)
        _read_posted_city(t, text, gaz)
        _read_envoy_country(t, text, gaz)
        _read_remit_after(t, text, gaz, comp)
        before, i = _read_ministry_domain_before(t, text, gaz, comp, is_ministry)
        if i == 0 and t.title == t.head and _read_region_before(t, text):
            before = _words_before(text, t.start)
        if t.organization is None and (t.start - 1) in org_at_end:
            org_start, org_name = org_at_end[t.start - 1]  # "Huawei CEO"
            t.organization = org_name
            t.start = org_start
            before = _words_before(text, t.start)
            i = 0
        if i < len(before):
            _read_country_before(t, text, gaz, before[i])
        _read_rank_and_elect(t, text, gaz)
        results.append(t)
    results = _join_coordinated(text, results)
    _attach_names(text, results, comp, gaz)
    return results


# offices of state held together stay two titles ("Prime Minister and Finance Minister"); a company's
# combined post is one ("Chairman and CEO")
_PUBLIC_OFFICE_RE = re.compile(
    r"minister|premier|commissioner|secretary|governor|mayor|ambassador|senator|envoy|consul|king|queen",
    re.IGNORECASE,
)


def _join_coordinated(text: str, found: list[TitleMatch]) -> list[TitleMatch]:
    """ "co-founder and CEO", "Chairman & CEO of X", "president and chief operating officer": two company
    heads joined by "and" are one person's one title, read as one (the first head has nothing after it)."""
    joined: list[TitleMatch] = []
    for t in sorted(found, key=lambda t: t.start):
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.end == prev.head_start + len(prev.head)
            and prev.organization is None
            and text[prev.end : t.start] in {" and ", " & "}
            and not _PUBLIC_OFFICE_RE.search(f"{prev.title} {t.title}")
            # "the Vice President and President Marcos": one office inside the other, two people
            and not (prev.head in t.head or t.head in prev.head)
            and not re.search(r"\b[Tt]he\s+$", text[max(0, prev.start - 4) : prev.start])
        ):
            prev.title = f"{prev.title} and {t.title}"
            prev.end, prev.organization = t.end, t.organization
            prev.country = prev.country or t.country
            continue
        joined.append(t)
    return joined


def _read_of_after(t: TitleMatch, text: str, gaz: Gazetteer, comp, org_at_start, is_ministry: bool) -> None:
    """Right side: "of <domain>" / "of <org>" / "of <country>"."""
    head = t.head
    of = re.match(r" (of|for) (the )?", text[t.end : t.end + 160])
    if not of:
        return
    remit = _REMIT_THEN_BODY_RE.match(text, t.end)
    if remit is None:
        # "Vice President of Commercialization and Strategy of Kestrel Clean Technology": a second "of" before
        # a body the text names
        remit = _REMIT_OF_BODY_RE.match(text, t.end)
        if remit is not None and remit.end() not in org_at_start:
            remit = None
    if (
        remit
        and not is_ministry
        and of.group(1) == "of"
        and not _INSTITUTION_WORD_RE.search(remit.group("remit"))
    ):
        # "Head of Platform Solutions at Volta", "Co-Head of the Global Rates research team at Volta": the
        # capitalised remit is the post's, the body after it its organisation
        t.title = f"{head} of {remit.group('remit')}"
        t.end = remit.end("remit")
        body = org_at_start.get(remit.end())
        t.organization = body[1] if body else None
        return
    pos = t.end + of.end()
    domain = _domain_after(text, pos, comp.domain_words)
    country_name = _country_at(text, pos, gaz)
    org_here = org_at_start.get(pos)
    if is_ministry and domain and not (org_here and org_here[1].startswith("Ministry")):
        org_here = None  # "Minister of Industry and Technology Selim ..." is a domain, not an org
    if (
        org_here
        and domain
        and org_here[0] <= domain[0]
        and all(w in comp.domain_words or w in {"and", "&"} for w in org_here[1].split())
    ):
        org_here = None  # "Commissioner for Economy and Trade": a "body" of domain words only is a remit
    if org_here:
        org_end, org_name = org_here
        if is_ministry and org_name.startswith("Ministry"):
            t.title = head + org_name[len("Ministry") :]
        t.organization = org_name
        t.end = org_end
        t.name_after_body = not is_ministry
    elif country_name and (not domain or len(country_name[1]) >= len(domain[1])):
        t.country = country_name[0]
        t.end = pos + len(country_name[1])
    elif domain:
        dom_end, dom_text = domain
        t.title = f"{head} {of.group(1)} {of.group(2) or ''}{dom_text}"  # "Secretary of the Treasury"
        if is_ministry:
            t.organization = f"Ministry of {dom_text}"
        t.end = dom_end


_CAP = r"[A-Z][\w’'-]*"
# a body's own name is no remit: "President of the Kestrel Institute for Startups" heads the institute
_INSTITUTION_WORD_RE = re.compile(
    r"\b(?:Institutes?|Universit(?:y|ies)|College|School|Foundation|Council|Association|Agency|Ministry"
    r"|Bank|Corporation|Company|Inc|Ltd|Fund|Centre|Center|Academy|Society|Commission|Authority)\b"
)
_REMIT_THEN_BODY_RE = re.compile(
    rf" of (?P<remit>(?:the )?{_CAP}(?: (?:and |& )?(?:{_CAP}|[a-z]+)){{0,5}}) (?:at|for) (?:the )?(?=[A-Z])"
)
_REMIT_OF_BODY_RE = re.compile(
    rf" of (?P<remit>(?:the )?{_CAP}(?: (?:and |& )?(?!of\b)(?:{_CAP}|[a-z]+)){{0,5}}) of (?:the )?(?=[A-Z])"
)


# a rank or a state written before a title belongs to it: "former Secretary of State", "deputy CEO",
# "co-CEO", "Retired Air Vice Marshal", "Senior Additional Secretary"
_RANK_BEFORE_RE = re.compile(
    r"(?:(?<![\w-])(?P<rank>(?:(?:[Ff]ormer|[Dd]eputy|[Aa]cting|[Ii]nterim|[Rr]etired|[Ss]enior|[Aa]dditional"
    r"|First|Executive|Chief|Group)\s+)"
    r"{1,2})|(?<![\w-])(?P<co>[Cc]o-))$"
)
_ELECT_RE = re.compile(r"(?:-| )elect\b")


def _read_rank_and_elect(t: TitleMatch, text: str, gaz: Gazetteer) -> None:
    rank = _RANK_BEFORE_RE.search(text, max(0, t.head_start - 40), t.head_start)
    if rank is None:
        start = t.start
        country = re.search(r"(\S+) $", text[max(0, start - 30) : start])
        if country and (country.group(1) in gaz.demonyms or country.group(1) in gaz.country_names):
            start -= len(country.group(0))
        rank = _RANK_BEFORE_RE.search(text, max(0, start - 40), start)  # "former U.S. Secretary"
    if rank is not None and re.search(r"(?:^|\s)Group\s", rank.group()):
        before = re.search(r"([\w&.-]+)\s+$", text[max(0, rank.start() - 40) : rank.start()])
        if before and before.group(1)[:1].isupper():
            rank = None  # "Kestrel Group CEO": the group is the body, no rank ("Group Chief Executive")
    if rank is not None and not t.title.lower().startswith(rank.group().strip().lower()):
        written = rank.group("co") or re.sub(r"\s+", " ", rank.group("rank"))
        t.title = f"{written}{t.title}"
        t.start = min(t.start, rank.start())
    elect = _ELECT_RE.match(text, t.end)
    if elect and t.title == t.head:
        t.title += elect.group()  # "President-elect", "Secretary-General elect"
        t.end = elect.end()


def _read_country_tail(t: TitleMatch, text: str, gaz: Gazetteer) -> None:
    """ "of Türkiye" / "of the Republic of Türkiye" after a ministry domain."""
    end = t.end
    tail = re.match(r" of (?:the )?(?:Republic of |People['’]s Republic of )?", text[end : end + 40])
    if tail:
        c = _country_at(text, end + tail.end(), gaz)
        if c:
            t.country = c[0]
            t.end = end + tail.end() + len(c[1])


# a remit's words: a ministry's domain, a region, a country (several joined by "and" / "&", with "the")
_MULTIWORD_REGIONS = sorted((r for r in REGIONS if " " in r and r[:1].isupper()), key=len, reverse=True)
# regions a post may cover, written before its title ("Europe Director", "Middle East envoy"); a union or a
# bloc before a title is its body ("EU Commissioner"), and "World", "West" start other words' names
REMIT_REGIONS = frozenset(
    r
    for r in REGIONS
    if r[:1].isupper() and r not in {"EU", "West", "World", "Earth", "Belt and Road", "MENA"}
)


def _remit_word_end(text: str, pos: int, gaz: Gazetteer, comp) -> int | None:
    """The end of the remit word (or multi-word region or country) that starts at pos, else None."""
    for region in _MULTIWORD_REGIONS:
        if text.startswith(region, pos) and not text[pos + len(region) : pos + len(region) + 1].isalnum():
            return pos + len(region)
    country = _country_at(text, pos, gaz)
    if country:
        return pos + len(country[1])
    word = re.match(r"[A-Z][\w'’-]*", text[pos : pos + 40])
    if word and (word.group() in comp.domain_words or word.group() in REGIONS):
        return pos + word.end()
    return None


def _read_remit_after(t: TitleMatch, text: str, gaz: Gazetteer, comp) -> None:
    """ "Assistant Secretary of State for Europe Ann Lee", "Senior Minister of State for Sustainability and
    the Environment", "Executive Vice President for Japan and Asia Pacific Ann Lee": a remit of domain words,
    regions and countries after a title that has its own "of" (or whose "for" was read as a country) is the
    title's."""
    head_end = t.head_start + len(t.head)
    start = t.end
    if t.country and t.end > head_end and re.match(r" for ", text[head_end : head_end + 5]):
        start = head_end  # "Executive Vice President for Japan and Asia Pacific": Japan is part of a remit
    lead = re.match(r" (?:for|of) (?:the )?", text[start : start + 10])
    if not lead and re.search(r" (?:for|of) ", t.title):
        # "Minister of State for Sustainability and the Environment": the remit read so far goes on
        lead = re.match(r" (?:and|&) (?:the )?", text[start : start + 10])
    if not lead:
        return
    pos = start + lead.end()
    end = None
    while True:
        word_end = _remit_word_end(text, pos, gaz, comp)
        if word_end is None:
            break
        end = word_end
        joiner = re.match(r" (?:and|&) (?:the )?", text[end : end + 10])
        if not joiner:
            break
        pos = end + joiner.end()
    if end is None or end <= t.end:
        return
    if start == head_end and t.title == t.head:
        t.country = None  # the country is the post's remit, not its holder's
    elif start == head_end:
        return
    t.title = f"{t.title}{text[start:end]}"
    t.end = end


def _read_region_before(t: TitleMatch, text: str) -> bool:
    """ "Britain's Europe Director Ann Lee": a region right before a title is the post's remit."""
    for region in sorted(REMIT_REGIONS, key=len, reverse=True):
        start = t.start - 1 - len(region)
        if (
            start >= 0
            and text[t.start - 1] == " "
            and text.startswith(region, start)
            and (start == 0 or not (text[start - 1].isalnum() or text[start - 1] in "-'’"))
            # "Kestrel Europe Director": a region after a body's name is the body's unit
            and not re.search(
                r"(?<![\w'’-])(?!(?:The|A|An) )[A-Z][\w&.-]* $", text[max(0, start - 30) : start]
            )
        ):
            t.title = f"{region} {t.title}"
            t.start = start
            return True
    return False


def _read_province_or_city(t: TitleMatch, text: str, gaz: Gazetteer) -> None:
    """ "Vice Governor of Guangdong Province", "Mayor of Izmir": the place belongs to the title."""
    of_place = re.match(
        r" of ([A-ZÇŞĞÜÖİ][\w'’-]+)( [Pp]rovince| [Cc]ity| [Mm]unicipality)?", text[t.end : t.end + 60]
    )
    if (
        of_place
        and t.title == t.head
        and re.search(r"Governor|Mayor|Party Secretary|Ruler", t.head)
        and of_place.group(1) in gaz.places
    ):
        t.title = f"{t.head} of {of_place.group(1)}{of_place.group(2) or ''}"
        t.end = t.end + of_place.end()


def _read_posted_city(t: TitleMatch, text: str, gaz: Gazetteer) -> None:
    """ "Consul General in Istanbul Wei Haidong": the post's city belongs to the title."""
    posted = re.match(r" in ([A-ZÇŞĞÜÖİ][\w'’-]+)", text[t.end : t.end + 40])
    if (
        posted
        and t.head in {"Consul General", "Consul", "Ambassador", "Representative"}
        and (posted.group(1) in gaz.places or posted.group(1) in gaz.country_names)
    ):
        t.end = t.end + posted.end()


def _read_envoy_country(t: TitleMatch, text: str, gaz: Gazetteer) -> None:
    to = re.match(r" to (?:the )?", text[t.end : t.end + 10])
    if to and t.head in {"Ambassador", "Envoy", "Special Envoy", "Consul General", "High Commissioner"}:
        c = _country_at(text, t.end + to.end(), gaz)
        if c:
            t.title = f"{t.head} to {gaz.countries[c[0]].name}"
            t.end = t.end + to.end() + len(c[1])


def _read_ministry_domain_before(t: TitleMatch, text: str, gaz: Gazetteer, comp, is_ministry: bool):
    """Left side: the domain of a minister ("Trade Minister"); returns the words before the title and the
    index of the first one not read."""
    head = t.head
    before = _words_before(text, t.start)
    i = 0
    dom_words: list[str] = []
    # "EU Trade Commissioner", "Economy and Finance Commissioner": a commissioner's portfolio before the head
    # "Chief Economic Adviser": an adviser's field too
    if not ((is_ministry or head in {"Secretary", "Commissioner", "Adviser", "Advisor"}) and t.title == head):
        return before, i
    while i < len(before) and (
        _is_domain_word(before[i][2], comp.domain_words) or (before[i][2] in {"and", "&"} and dom_words)
    ):
        dom_words.insert(0, before[i][2])
        i += 1
    while dom_words and dom_words[0] in {"and", "&"}:
        dom_words.pop(0)
        i -= 1
    if dom_words:
        # the title as written ("Energy Minister", "Defense Secretary", "commerce Minister"); a minister's
        # domain names the ministry
        dom_text = " ".join(dom_words)
        special = gaz.domain_minister.get(dom_text)
        if special and head == "Minister":
            t.title = special["title"]
            t.organization = special.get("organization")
        else:
            t.title = f"{text[before[i - 1][0] : t.head_start]}{head}"
            if is_ministry and dom_text[:1].isupper():
                t.organization = f"Ministry of {dom_text}"
        t.start = before[i - 1][0]
        # "Deputy Foreign Minister", "Chief Investment Minister": the rank comes before the domain
        if is_ministry and i < len(before) and before[i][2] in _DOMAIN_RANKS:
            t.title = f"{text[before[i][0] : t.start]}{t.title}"
            t.start = before[i][0]
            i += 1
    elif is_ministry and before and _HYPHEN_RANK_RE.fullmatch(before[0][2]):
        rank_domain = _HYPHEN_RANK_RE.fullmatch(before[0][2])
        if rank_domain.group(2) in comp.domain_words:
            t.title = f"{text[before[0][0] : t.head_start]}{head}"  # "Vice-Foreign Minister"
            t.start = before[0][0]
            i = 1
    return before, i


_DOMAIN_RANKS = frozenset({"Deputy", "Vice", "Assistant", "Chief", "Senior", "First", "Coordinating"})
_HYPHEN_RANK_RE = re.compile(r"(Vice|Deputy|Assistant)-([A-Z][a-z]+)")


def _is_domain_word(word: str, domain_words: frozenset[str]) -> bool:
    """ "Trade" and the lower-case "trade" of "the commerce Minister"."""
    return word in domain_words or (word.islower() and word.capitalize() in domain_words)


def _read_country_before(t: TitleMatch, text: str, gaz: Gazetteer, word_before) -> None:
    """A demonym or "Country's" directly before the title."""
    start = t.start
    w_start, w_end, word = word_before
    two = re.search(r"(?<![\w-])[A-Z][a-z]+ $", text[max(0, w_start - 20) : w_start])
    if word not in gaz.demonyms and two and f"{two.group()}{word}" in gaz.demonyms:
        word = f"{two.group()}{word}"  # "Sri Lankan President", "South Korean Trade Minister"
        w_start -= len(two.group())
    elif word not in gaz.demonyms and re.fullmatch(r"(?:[A-Z]\.){2,3}|[A-Z]{2,3}", word):
        code = gaz.country_names.get(word)  # "US President", "UK Foreign Secretary", "UAE Minister"
        if code and text[w_end:start].strip() == "":
            t.country = t.country or code
            t.country_from_demonym = True
            t.start = w_start
            return
    if word in gaz.demonyms and text[w_end:start].strip() == "":
        t.country = t.country or gaz.demonyms[word]
        t.country_from_demonym = True
        t.start = w_start
        return
    poss = re.search(r"([^\W\d_][\w .'-]*?)['’]s $", text[max(0, start - 40) : start])
    if poss:
        name = poss.group(1)
        for k in range(len(name)):
            cand = name[k:]
            if cand in gaz.country_names and (k == 0 or name[k - 1] == " "):
                t.country = t.country or gaz.country_names[cand]
                t.country_from_demonym = True
                t.start = start - len(poss.group(0)) + k
                break


def _domain_after(text: str, pos: int, domain_words: frozenset[str]) -> tuple[int, str] | None:
    """The domain words from pos: "Industry and Technology"; a list of remits with commas counts when it
    ends in "and <domain>" ("Transport, Highways, Ports, and Civil Aviation")."""
    taken: list[tuple[int, int, str]] = []
    commas: list[int] = []  # how many words were taken when each comma was passed
    for m in _DOMAIN_STEP_RE.finditer(text, pos, min(len(text), pos + 160)):
        if m.start() != (taken[-1][1] if taken else pos):
            break
        word = m.group("word")
        sep = m.group("sep")
        joiner = word in {"and", "&"} or word.startswith("(")  # "Technology (ICT) and Innovation"
        if word in domain_words or (joiner and taken and taken[-1][2] not in {"and", "&"}):
            if sep and taken and taken[-1][2] in {"and", "&"}:
                break  # "and ," is no list
            if sep:
                commas.append(len(taken))
            taken.append((m.start("word"), m.end(), word))
        else:
            break
    while taken:
        while taken and (taken[-1][2] in {"and", "&"} or taken[-1][2].startswith("(")):
            taken.pop()
        # the words after the last comma must be "and ..." for the commas to belong to the domain
        last_comma = commas[-1] if commas else None
        if last_comma is None:
            break
        if any(w[2] in {"and", "&"} for w in taken[last_comma:]):
            break
        taken = taken[:last_comma]
        commas.pop()
    if not taken:
        return None
    return taken[-1][1], text[pos : taken[-1][1]]


_DOMAIN_STEP_RE = re.compile(r"(?P<sep>,)? ?(?P<word>[^\W\d_][\w'’.&-]*|&|\([A-Z]{2,6}\))")


def _country_at(text: str, pos: int, gaz: Gazetteer) -> tuple[str, str] | None:
    m = gaz.country_re.match(text, pos)
    if m:
        return gaz.country_names[m.group()], m.group()
    return None


_HONORIFICS = {"Prof", "Professor", "Dr", "Mr", "Mrs", "Ms", "Sir", "Madam", "H.E", "HE", "Assoc", "Assist"}
# Verbs of a title-case headline ("Minister Kacır Meets Wang Wentao"): a name never runs on into one. A title
# holder's name stops before them; the pipeline trims them off the end of the names NER found.
HEADLINE_VERBS = frozenset(
    {
        "Meets",
        "Met",
        "Says",
        "Said",
        "Visits",
        "Visited",
        "Holds",
        "Held",
        "Signs",
        "Signed",
        "Calls",
        "Opens",
        "Receives",
        "Received",
        "Discusses",
        "Attends",
        "Urges",
        "Hails",
        "Welcomes",
        "Talks",
        "Announces",
        "Launches",
        "Tours",
        "Inaugurates",
        "Praises",
        "Backs",
        "Hosts",
        "Eyes",
    }
)
_NOT_NAME = HEADLINE_VERBS | {
    "Will",
    "Vows",
    "Pledges",
    "Invites",
    "Addresses",
    "Stresses",
    "Expects",
    "Wants",
    "Seeks",
    "The",
    "A",
    "An",
    "And",
    "In",
    "On",
    "At",
    "He",
    "She",
    "They",
    "His",
    "Her",
    "It",
    "Its",
    "This",
    "That",
    "These",
    "Those",
    "Also",
    "However",
    "Meanwhile",
    "But",
    "With",
    "For",
    "Of",
    "To",
    "From",
    "By",
    "As",
    "After",
    "Before",
    "During",
    "While",
    "When",
    # "Founder Day", "President's Cup": an occasion named after a title
    *("Day", "Week", "Month", "Cup", "Prize", "Award", "Awards"),
    # "the CEO Forum", "a Leaders Summit": a meeting named after a title
    *("Forum", "Summit", "Council", "Conference", "Dialogue", "Roundtable", "Meeting"),
}


def _attach_names(text: str, titles: list[TitleMatch], comp: _Compiled, gaz: Gazetteer) -> None:
    for t in titles:
        start = t.end
        acronym = re.match(r" \([A-Z][A-Za-z&]{1,9}\)", text[start : start + 14])
        if acronym:
            start += acronym.end()  # "Governor of the State Bank of Vietnam (SBV) Le Duc Thuy"
        words = _words_after(text, start, 80)
        taken: list[tuple[int, int, str]] = []
        expected = start + 1
        while words and words[0][0] == expected and words[0][2].rstrip(".") in _HONORIFICS:
            expected = words[0][1] + 1
            words = words[1:]
        for i, w in enumerate(words):
            # "Vice Premier He Lifeng": a pronoun-like family name right after a title and before a
            # capitalised given name is a name
            pronoun_surname = (
                not taken
                and w[2] in {"He", "Li", "Ma", "Yu", "Hu"}
                and i + 1 < len(words)
                and words[i + 1][0] == w[1] + 1
                and _is_cap(words[i + 1][2])
            )
            if w[0] != expected or not _is_cap(w[2]) or (w[2] in _NOT_NAME and not pronoun_surname):
                break
            if w[2] in comp.domain_words or w[2] in comp.heads or w[2] in gaz.demonyms:
                break
            if taken and comp.head_re.match(text, w[0]):
                break  # "Minister Ann Lee Secretary to the President ...": a name never runs into a title
            taken.append(w)
            expected = w[1] + 1
            if w[2].endswith(("'s", "’s")):
                break
            if len(taken) == 4:
                break
        if t.name_after_body and len(taken) == 1:
            taken = []  # "CEO of GE Vernova": one word after the body is the rest of its name
        if taken:
            _last_start, last_end, last = taken[-1]
            if last.endswith(("'s", "’s")):
                last, last_end = last[:-2], last_end - 2  # "Recep Tayyip Erdoğan's office"
            while last.endswith((".", "’", "'")) and len(last) > 2:
                last = last[:-1]
                last_end -= 1
            t.name_span = (taken[0][0], last_end)


# Lower-case offices that vouch for the name after them ("South African president Thabo Mbeki", "Southcorp
# chairman Ann Lee", "influential senator Ole Berg"): NER may call such a name a place or miss it. Offices
# only, no occupations ("analyst", "manager"), whose lower-case form before a capitalised name is no
# company or place name ("the president Hotel" does not occur).
_LOWER_OFFICE = (
    r"(?:(?:deputy |vice |prime |foreign |finance |trade |defen[cs]e |interior |home |economy |economic "
    r"|industry |energy |health |justice |education |transport |agriculture |environment |labou?r "
    r"|commerce |culture |information |communications? )?(?:prime )?minister|vice[ -]president|president"
    r"|vice[ -]premier|premier|chancellor|senator|congressman|congresswoman|governor|mayor|ambassador"
    r"|envoy|spokesman|spokeswoman|spokesperson|(?:vice[ -]|deputy )?chairman|chairwoman|chief executive"
    r"(?: officer)?|(?:foreign|home|general|defen[cs]e|state) secretary|secretary[ -]general"
    r"|commissioner|judge|queen|king)"
)
_NAME_WORD = r"[A-ZÀ-ÞİÇŞĞÜÖ][a-zà-ÿıçşğüö'’]+(?:-[A-ZÀ-ÞİÇŞĞÜÖ]?[a-zà-ÿıçşğüö'’]+)?"
_LOWER_OFFICE_NAME_RE = re.compile(
    rf"(?<![\w-])(?:ex-)?{_LOWER_OFFICE} (?P<name>{_NAME_WORD}(?: {_NAME_WORD}){{1,3}})"
    r"(?=[,.;:)]|['’]s\b| [a-z(]|$)"
)
_NOT_NAME_WORDS = frozenset(
    {
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July", "August", "September"),
        *("October", "November", "December", "Mr", "Mrs", "Ms", "Dr", "Sir"),
    }
)


def lower_office_name_spans(text: str, gaz: Gazetteer, comp: _Compiled) -> list[tuple[int, int]]:
    """Spans of the names a lower-case office stands right before ("Ukraine's president Leonid Kuchma")."""
    spans = []
    for m in _LOWER_OFFICE_NAME_RE.finditer(text):
        words = m.group("name").split()
        if any(
            w in _NOT_NAME_WORDS
            or w in _NOT_NAME
            or w in comp.heads
            or w in comp.domain_words
            or w in gaz.demonyms
            or w in gaz.country_names
            or w in gaz.places
            or w in gaz.orgs
            for w in words
        ):
            continue
        spans.append((m.start("name"), m.end("name")))
    return spans


# ------------------------------------------------------------------------------------- joined posts

# The heads a post may be split into: "chairman and chief executive", "Founder & CEO", "President and COO",
# "Vice President and Prime Minister of the UAE and Ruler of Dubai", "Executive Director/CEO".
_PART_RANK = (
    r"(?:(?:former|then|co-|ex-|vice[- ]|deputy|executive|senior|assistant|associate|group|global|chief"
    r"|managing|general|acting|interim|founding|principal|lead|first|prime|non-executive|independent)\s*)"
)
_PART_HEAD = (
    r"(?:co-?founder|founder|chief executive officer|chief executive|chief(?: [a-z&-]+){1,4} officer|ceo|cfo"
    r"|coo|cto|cio|cmo|cso|cpo|cco|cro|evp|svp|vp|president|chairman|chairwoman|chairperson|chair|treasurer"
    r"|director(?:[- ]general)?|partner|general manager|manager|owner|publisher|editor(?:-in-chief)?|head"
    r"|secretary(?:[- ]general)?|minister|premier|ruler|governor|mayor|ambassador|commissioner"
    r"|spokes(?:man|woman|person)|general counsel|counsel|trustee|board member|advis[eo]r|professor|dean"
    r"|rector|principal|creator|inventor|investor|shareholder|member of the board)"
)
_PART_RE = re.compile(
    rf"{_PART_RANK}{{0,3}}{_PART_HEAD}(?P<remit>\s+(?:of|for|to|at|in|on)\s+\S.*)?", re.IGNORECASE
)
_JOIN_SPLIT_RE = re.compile(r"(\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)", re.IGNORECASE)


def split_joined_title(title: str) -> list[str]:
    """The posts a title joins ("chairman and chief executive" -> chairman, chief executive); the title
    itself when it is one post ("Minister of Agriculture and Cooperatives", "Research and Development
    Director", "G7/G20 Sherpa"). A word after "and" that is no post goes on with the remit before it."""
    pieces = _JOIN_SPLIT_RE.split(title)
    if len(pieces) < 3:
        return [title]
    parts: list[str] = []
    for k in range(0, len(pieces), 2):
        piece = pieces[k].strip()
        if piece and _PART_RE.fullmatch(piece):
            parts.append(piece)
        elif parts and _PART_RE.fullmatch(parts[-1]).group("remit"):
            parts[-1] = f"{parts[-1]}{pieces[k - 1]}{pieces[k]}"  # "Minister of Economy and Tourism"
        else:
            return [title]
    return parts if len(parts) > 1 else [title]


def split_joined_posts(people) -> None:
    """Every post of a joined title is a position of its own, with the title's organisation: the gold sets
    since unseen4 write "Chairman and CEO", "Founder & CEO", "President and COO" as two titles (the OpenAI
    newsroom sets keep them whole; giving both was measured equal on dev and shows officers a post twice)."""
    for p in people:
        if not any(len(split_joined_title(pos["title"])) > 1 for pos in p.positions):
            continue
        kept: list[dict] = []
        for pos in p.positions:
            parts = split_joined_title(pos["title"])
            for part in parts:
                same = next((q for q in kept if q["title"].lower() == part.lower()), None)
                if same is None:
                    kept.append({**pos, "title": part})
                elif not same.get("organization"):
                    same["organization"] = pos.get("organization")
        p.positions = kept


# "a company founded by A, B and C", "the startup co-founded in 2019 by A", "the founders of X, A and B"
_FOUNDED_BY_RE = re.compile(
    r"\b(?P<co>[Cc]o-?)?founded\s+(?:(?:in|on)\s+[\w ,]{4,20}?\s+)?by\s+(?:(?:its|their)\s+)?"
    r"|\b(?P<co2>[Cc]o-?)?[Ff]ounders\s+of\s+(?:the\s+)?[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3},\s+"
)
_LIST_JOIN_RE = re.compile(r",\s+and\s+|,\s+|\s+and\s+|\s+&\s+")


def founders_named(text: str, people) -> None:
    """The people a founding is credited to get "founder" ("co-founder" after "co-founded by")."""
    starts = {ms: p for p in people for ms, _me in p.mentions}
    ends = {ms: me for p in people for ms, me in p.mentions}
    for m in _FOUNDED_BY_RE.finditer(text):
        title = "co-founder" if (m.group("co") or m.group("co2")) else "founder"
        pos = m.end()
        while pos in starts:
            p = starts[pos]
            if not any(q["title"].lower() in {"founder", "co-founder"} for q in p.positions):
                p.positions.append({"title": title, "organization": None})
            join = _LIST_JOIN_RE.match(text, ends[pos])
            if join is None:
                break
            pos = join.end()
