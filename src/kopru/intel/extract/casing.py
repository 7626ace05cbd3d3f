"""Case normalisation of shouted lines (ALL-CAPS wire headlines, slugs, whole capitalised paragraphs).

NER reads capitals as names: "MINISTER LIKELY TO VISIT CHINA" gives a person "MINISTER LIKELY". Before
any rule or model sees the text, every line that is (nearly) all capitals is re-cased word by word:

* the document itself is the dictionary: a word written elsewhere in mixed-case text takes its usual form
  there ("ERDOGAN" -> "Erdogan" when the body says "Erdogan"; "TALKS" -> "talks");
* otherwise a name from the gazetteers keeps its form ("CHINA" -> "China", "CRRC" stays "CRRC");
* otherwise the word is lower-cased, and the first word of the line or of a sentence is capitalised.

The result has exactly the same length as the input, character for character, so every offset found on it
indexes the original text too (the contract's ``text`` stays the document's own).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

_WORD_RE = re.compile(r"[^\W\d_][\w'’&.-]*[^\W_]|[^\W\d_]")
_LETTER_RE = re.compile(r"[^\W\d_]")


def _lower(word: str) -> str:
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in word.replace("İ", "i"))


def _capitalise(word: str) -> str:
    low = _lower(word)
    first = low[:1].upper()
    return (first if len(first) == 1 else low[:1]) + low[1:]


def _shouting(line: str) -> bool:
    upper = sum(map(str.isupper, line))
    if upper < 6 or upper < 0.85 * (upper + sum(map(str.islower, line))):
        return False  # most lines, at C speed
    letters = _LETTER_RE.findall(line)
    if len(letters) < 6:
        return False
    upper = sum(1 for c in letters if c.isupper())
    if upper < 0.85 * len(letters):
        return False
    # at least two words of capitals: a lone acronym line ("CRRC") or a dateline word is not shouting
    return sum(1 for w in _WORD_RE.findall(line) if len(w) >= 2 and w.isupper()) >= 2


_HEADLINE_VERBS = frozenset(
    {
        *("Meets", "Signs", "Visits", "Opens", "Holds", "Says", "Launches", "Receives", "Hosts", "Welcomes"),
        *(
            "Discusses",
            "Announces",
            "Agrees",
            "Eyes",
            "Plans",
            "Builds",
            "Invests",
            "Inks",
            "Unveils",
            "Seeks",
        ),
        *("Wraps", "Urges", "Calls", "Vows", "Pledges", "Backs", "Buys", "Sells", "Wins", "Ends", "Starts"),
        *("Acquires", "Completes", "Selects", "Raises", "Secures", "Expands", "Strikes", "Deploys", "Forms"),
        *(
            "Licenses",
            "Appoints",
            "Taps",
            "Approves",
            "Reaches",
            "Breaks",
            "Establishes",
            "Extends",
            "Enters",
        ),
    }
)
# verbs that are also the last word of many names ("Capital Partners", "Bellamy Teams"): read as verbs only
# before the particle or preposition that makes them one ("Partners With", "Teams Up", "Joins Forces")
_HEADLINE_PHRASAL = {
    "Partners": ("With", "To"),
    "Teams": ("Up", "With"),
    "Joins": ("Forces", "Hands", "With"),
    "Collaborates": ("With", "On"),
    "Merges": ("With",),
    "Ties": ("Up",),
}
# a headline verb in its base form after two parties ("Dorrin Group, Halvex Agree on Merger", "Acme and Beta
# Sign MOU"): a name NER ran across it ends before it (plural_headline_verb) only when a comma, "and" or "&"
# before it says the subject is more than one party, so a name ending in such a word ("Partner") keeps it
_PLURAL_HEADLINE_VERBS = frozenset(
    {
        *("Agree", "Sign", "Ink", "Seal", "Forge", "Partner", "Team", "Join", "Unite", "Collaborate"),
        *("Cooperate", "Launch", "Unveil", "Announce", "Form", "Explore", "Discuss", "Complete", "Finalize"),
        *("Finalise", "Establish", "Extend", "Renew", "Strengthen", "Deepen", "Merge", "Pledge", "Vow"),
    }
)
_PARTIES_BEFORE_RE = re.compile(r"\S(?:,| and| &) \S")


def _name_like(word: str, is_word: Callable[[str], bool]) -> bool:
    """A shouted word that is no English word and no wire abbreviation: most likely part of a name."""
    low = _lower(word)
    stem = re.sub(r"['’]s$", "", low)
    return (
        len(stem) >= 3
        and stem.isalpha()
        and stem not in _WIRE_ABBREVIATIONS
        and stem not in _FUNCTION_WORDS
        and not is_word(stem)
    )


@dataclass(frozen=True)
class _GazetteerWords:
    """The gazetteer names (countries, places, organisations) as the re-casing of shouted lines asks them."""

    forms: dict[str, str]  # UPPER form -> written form of every word of a name
    single: frozenset[str]  # UPPER forms of the names that are one word ("CHINA", "CRRC", "SIEMENS")
    pairs: frozenset[str]  # two words in a row of a name, UPPER ("UNITED STATES", "NEW YORK", "WALL STREET")


@cache
def _gazetteer_words() -> _GazetteerWords:
    from .gazetteer import load

    gaz = load()
    surfaces = [*gaz.country_names, *gaz.demonyms, *gaz.places, *gaz.orgs, *gaz.credit_orgs]
    forms: dict[str, str] = {}
    pairs: set[str] = set()
    for surface in surfaces:
        words = surface.split()
        for word in words:
            if _LETTER_RE.search(word) and len(word) >= 2:
                forms.setdefault(word.upper(), word)
        pairs.update(f"{a} {b}".upper() for a, b in itertools.pairwise(words))
    single = frozenset(s.upper() for s in surfaces if " " not in s.strip())
    return _GazetteerWords(forms, single, frozenset(pairs))


_CALENDAR = frozenset(
    {
        *("JANUARY", "FEBRUARY", "MARCH", "APRIL", "JUNE", "JULY", "AUGUST", "SEPTEMBER", "OCTOBER"),
        *("NOVEMBER", "DECEMBER", "JAN", "FEB", "MAR", "APR", "JUN", "JUL", "AUG", "SEPT", "SEP", "OCT"),
        *("NOV", "DEC", "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
    }
)
# "U.S.", "U.N." as the word pattern reads them (the last full stop left out)
_INITIALISM_RE = re.compile(r"(?:[A-Z]\.)+[A-Z]")
# abbreviations whose full stop ends no sentence ("DELCO CORP. SAID", "MR. SMITH")
_ABBREVIATIONS = frozenset(
    {"CORP", "INC", "CO", "LTD", "MR", "MRS", "MS", "DR", "ST", "JR", "SR", "NO", "GEN"}
)
# closed-class words (the lemmatizer's dictionary has none of them) and the commonest wire verbs
_FUNCTION_WORDS = frozenset(
    {"with", "said", "says", "to", "and", "of", "the", "for", "in", "on", "at", "by", "as", "from", "will"}
    | {"its", "it", "a", "an", "is", "was", "are", "be", "has", "have", "had", "that", "this", "or", "but"}
    | {"were", "been", "would", "could", "should", "into", "onto", "upon", "over", "under", "about", "after"}
    | {"before", "between", "against", "during", "without", "within", "among", "their", "they", "them"}
    | {"these", "those", "which", "who", "whom", "whose", "what", "when", "where", "while", "than", "then"}
    | {"there", "here", "his", "her", "him", "she", "our", "we", "you", "your", "not", "nor", "also"}
)
# given names that are also dictionary words: before a surname in a shouted story they are names
_GIVEN_NAME_WORDS = frozenset(
    {
        *("john", "bill", "mark", "frank", "grant", "jack", "ray", "rose", "guy", "bob", "dick", "victor"),
        *("don", "gene", "pat", "sue", "art", "joy", "hope", "carol", "jean", "dean", "drew", "miles"),
        *("wade", "jay", "rich", "chase", "hunter", "cliff", "glen", "harry", "sally", "robin", "peter"),
        *("norman", "herb", "sandy", "dawn", "iris", "ivy", "lily", "ted", "tom", "tim", "ken", "lee"),
        *("jerry", "jim", "joe", "sam", "max", "nick", "rob", "ron", "russell", "walter", "warren"),
    }
)


# cheap pre-checks: two words in capitals close together; a line of six capitalised words without a full stop
_MAYBE_SHOUTING_RE = re.compile(r"[A-Z]{2,}[^a-z\n]{0,40}?[A-Z]{2,}")
_MAYBE_TITLE_RE = re.compile(
    r"(?:[A-Z][\w'’&.-]*,?[ \t]+(?:(?:of|and|the|for|in|on|to|a|with)[ \t]+)?){4,}[A-Z]"
)


def _title_case(line: str) -> bool:
    """ "Thailand Wraps Up Talks With China On Railway": a headline with every word capitalised."""
    if len(line) > 200 or line.rstrip().endswith((".", "!", "?", ":", ";", ",")):
        return False
    words = [w for w in _WORD_RE.findall(line) if len(w) >= 2]
    if len(words) < 6:
        return False  # a short line in capitals is more often a name ("Press and Public Relations Office")
    capitalised = sum(1 for w in words if w[0].isupper() and not w.isupper())
    return capitalised >= 0.8 * len(words)


# wire-service abbreviations of results tables and money ("SHR 42 CTS VS 31 CTS", "120 MLN DLRS")
_WIRE_ABBREVIATIONS = frozenset(
    {
        "shr",
        "shrs",
        "cts",
        "vs",
        "mln",
        "bln",
        "dlrs",
        "pct",
        "qtr",
        "revs",
        "oper",
        "avg",
        "stg",
        "yr",
        "mths",
    }
)


def truecase(text: str, is_word: Callable[[str], bool] | None = None) -> str:
    """The text with shouted lines re-cased (same length); unchanged when nothing shouts.

    `is_word` (a lower-case word -> whether it is an English dictionary word) lets a word the document never
    writes in lower case elsewhere and no gazetteer knows keep a capital when it is no English word: in a
    story all in capitals, "SATOSHI SUMITA" is a name ("Satoshi Sumita"), "GOVERNOR" is not.

    Title-case headlines ("Minister Wraps Up Visit To China") are re-cased more gently: only words the
    document itself writes in lower case elsewhere ("wraps", "visit") lose their capital.
    """
    if not _MAYBE_SHOUTING_RE.search(text) and not _MAYBE_TITLE_RE.search(text):
        return text  # most documents: one scan
    lines = text.split("\n")
    shouted = [i for i, line in enumerate(lines) if _shouting(line)]
    titled = [i for i, line in enumerate(lines) if i not in set(shouted) and _title_case(line)]
    if not shouted and not titled:
        return text
    shouted_set = set(shouted) | set(titled)
    usage: dict[str, Counter] = {}
    for i, line in enumerate(lines):
        if i in shouted_set:
            continue
        for m in _WORD_RE.finditer(line):
            word = m.group()
            before = line[: m.start()].rstrip()
            if word[:1].isupper() and (not before or before.endswith((".", "!", "?", ":", '"', "“", "”"))):
                continue  # a capital at the start of a sentence says nothing
            usage.setdefault(word.upper(), Counter())[word] += 1
    gazetteer = _gazetteer_words()
    forms, single_forms, pairs = gazetteer.forms, gazetteer.single, gazetteer.pairs
    initials = _body_initials(lines, shouted_set)
    out = list(lines)
    for i in titled:
        line = lines[i]
        pieces = []
        last = 0
        verb = None  # a phrasal verb just lowered: its particle follows ("Teams Up With")
        for k, m in enumerate(_WORD_RE.finditer(line)):
            word = m.group()
            new = word
            seen = usage.get(word.upper())
            follows = line[m.end() :].split()[:1]
            if k > 0 and word in _HEADLINE_VERBS:
                new = _lower(word)  # "Minister Meets ...": a verb, whatever the body says
            elif (
                k > 0
                and word in _HEADLINE_PHRASAL
                and follows
                and _capitalise(follows[0]) in _HEADLINE_PHRASAL[word]
            ):
                new = _lower(word)  # "X Partners With Y", "X Teams Up With Y", "X Partners with Y"
            elif verb and word in _HEADLINE_PHRASAL[verb]:
                new = _lower(word)
            elif k > 0 and seen and word[0].isupper() and not word.isupper():
                lower = sum(n for form, n in seen.items() if form[:1].islower())
                if lower > sum(seen.values()) - lower:
                    new = _lower(word)
            verb = word if word in _HEADLINE_PHRASAL and new != word else None
            pieces.append(line[last : m.start()])
            pieces.append(new if len(new) == len(word) else word)
            last = m.end()
        pieces.append(line[last:])
        out[i] = "".join(pieces)
    for i in shouted:
        line = lines[i]
        pieces = []
        last = 0
        sentence_start = True
        matches = list(_WORD_RE.finditer(line))
        named = _words_of_company_names(matches)
        for k, m in enumerate(matches):
            word = m.group()
            nxt = matches[k + 1].group() if k + 1 < len(matches) else ""
            prv = matches[k - 1].group() if k else ""
            gap = line[last : m.start()]
            abbreviation = _INITIALISM_RE.fullmatch(prv) or prv.upper() in _ABBREVIATIONS
            if (re.search(r"[.!?:]\s*$", gap) and not (abbreviation and gap.startswith(". "))) or (
                last == 0 and not gap.strip(" \"“‘'(-–—")
            ):
                sentence_start = True
            seen = usage.get(word.upper())
            if k in named and not (seen and seen.most_common(1)[0][0][:1].isupper()):
                # "AMERICAN WIDGET CO": a word of a company's name, whatever it means elsewhere
                new = word if _INITIALISM_RE.fullmatch(word) else _capitalise(word)
            elif seen:
                best = seen.most_common(1)[0][0]
                new = best if len(best) == len(word) else word
            elif _INITIALISM_RE.fullmatch(word):
                new = word  # "U.S.", "U.N.": an initialism
            elif word.upper() in _CALENDAR:
                new = _capitalise(word)  # "APRIL 7", "ON MONDAY"
            elif (
                _lower(word) in _GIVEN_NAME_WORDS
                and nxt
                and is_word is not None
                and (_name_like(nxt, is_word) or nxt.upper() in forms)
            ):
                new = _capitalise(word)  # "CHAIRMAN JOHN PATTERSON": a given name that is also a word
            elif (
                word.upper() in forms
                and len(forms[word.upper()]) == len(word)
                and (
                    word.upper() in single_forms
                    or (
                        _lower(word) not in _FUNCTION_WORDS
                        and (
                            is_word is None
                            or not is_word(_lower(word))
                            or f"{prv} {word}".upper() in pairs
                            or f"{word} {nxt}".upper() in pairs
                            or nxt.upper() in _LEGAL_FORMS
                            or _name_like(nxt, is_word)
                        )
                    )
                )
            ):
                # a word of a longer gazetteer name keeps its capital when it is no English word or goes on
                # into a name ("DELCO SYSTEMS CORP"); "SAID" is "said", not the "Said" of Port Said
                new = forms[word.upper()]
            elif word.isupper() and word in initials:
                new = word  # "EC FARM MINISTERS MEET" over "European Community farm ministers": an acronym
            elif (
                word.isupper()
                and line[m.start() - 1 : m.start()] == "("
                and line[m.end() : m.end() + 1] == ")"
                and line[: m.start() - 1].rstrip().rsplit(" ", 1)[-1] in _LEGAL_FORMS
            ):
                new = word  # "CALDER CORP (CDR) 4TH QTR NET": a company's ticker in brackets
            elif word in _LEGAL_FORMS and not sentence_start:
                new = _LEGAL_FORMS[word]  # "CALDER CORP" -> "Calder Corp": a company's form keeps its capital
            elif is_word is not None and _name_like(word, is_word):
                new = _capitalise(word)
            else:
                new = _lower(word)
            if sentence_start and new[:1].islower():
                new = _capitalise(new)
            if len(new) != len(word):
                new = word
            pieces.append(gap)
            pieces.append(new)
            last = m.end()
            sentence_start = False
        pieces.append(line[last:])
        out[i] = "".join(pieces)
    result = "\n".join(out)
    return result if len(result) == len(text) else text


_LEGAL_FORMS = {
    w.upper(): w
    for w in ("Corp", "Inc", "Co", "Ltd", "Plc", "LLC", "AG", "NV", "SA", "SpA", "AB", "GmbH", "PLC")
}
_NAME_RUN_MAX = 3
# headline verbs in their base form ("TO BUY ACME CORP", "MAY SELL ACME INC"): they end a company's name
_BASE_VERBS = frozenset(
    {
        *("Buy", "Sell", "Acquire", "Merge", "Sue", "Bid", "Cut", "Raise", "Close", "Open", "Form", "Join"),
        *("Take", "Make", "Build", "Sign", "Hold", "Seek", "Keep", "Get", "Set", "Pay", "Offer", "Tender"),
        *("Buys", "Bids", "Offers", "Sees", "Sets", "Gets", "Pays", "Sues", "Cuts", "Takes", "Makes"),
    }
)


def _words_of_company_names(matches: list[re.Match]) -> set[int]:
    """Indexes of the shouted words that name a company: up to three words before its legal form ("AMERICAN
    WIDGET CO <AWC> 1ST QTR NET"), back to a function word or a headline verb ("UNIT OF", "SAYS")."""
    named: set[int] = set()
    for k, m in enumerate(matches):
        if m.group() not in _LEGAL_FORMS or not k:
            continue
        j = k - 1
        while j >= 0 and k - j <= _NAME_RUN_MAX:
            word = matches[j].group()
            low = _lower(word)
            verb = _capitalise(word) in _HEADLINE_VERBS or _capitalise(word) in _BASE_VERBS
            if low in _FUNCTION_WORDS or low in _WIRE_ABBREVIATIONS or verb:
                break
            if not word.isupper() or word in _LEGAL_FORMS:
                break
            named.add(j)
            j -= 1
    return named


_CAP_RUN_RE = re.compile(r"[A-Z][a-z]+(?:(?: of| and| for| the)* [A-Z][a-z]+)+")
_INITIAL_SKIP = frozenset({"of", "and", "for", "the"})


def _body_initials(lines: list[str], shouted: set[int]) -> frozenset[str]:
    """The initials of the capitalised names the text writes in mixed case ("European Community" -> "EC",
    "Bank of Japan" -> "BJ", "BOJ"): in a shouted line, that acronym stays in capitals."""
    found: set[str] = set()
    for i, line in enumerate(lines):
        if i in shouted:
            continue
        for m in _CAP_RUN_RE.finditer(line):
            words = m.group().split()
            found.add("".join(w[0] for w in words if w not in _INITIAL_SKIP))
            found.add("".join(w[0].upper() for w in words if w != "the"))
    return frozenset(x for x in found if 2 <= len(x) <= 5)


# a wire's dateline ends in a single hyphen: "TOKYO, March 3 - Japan Air Lines said"; the model reads "March
# 3 - Japan Air Lines" as one date (a range), and the story's first name is lost. A dash of another shape
# (same length) ends the date for it.
_DATELINE_HYPHEN_RE = re.compile(
    r"^([^\S\n]*[A-Z][A-Z'’.-]*(?: [A-Z][A-Z'’.-]*){0,3}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){0,2})?"
    r"(?:,? (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? \d{1,2}(?:, \d{4})?)?"
    r"(?: \([A-Z][^)\n]{1,40}\))?) -(?= [A-Z\"“‘'(])",
    re.MULTILINE,
)


def dateline_dashes(text: str) -> str:
    """ "TOKYO, March 3 - Japan ..." -> "TOKYO, March 3 — Japan ..." (same length)."""
    if " - " not in text:
        return text
    return _DATELINE_HYPHEN_RE.sub(r"\1 —", text)


def plural_headline_verb(line: str, start: int, end: int) -> bool:
    """Whether the word at line[start:end] is a headline's verb in its base form after two parties ("Dorrin
    Group, Halvex Agree on Merger"): a word of the lexicon, words after it, no comma right after it (a post in
    a list: "Chairman and Managing Partner, Acme"), a comma, "and" or "&" before it, no full stop ending the
    line. The re-casing leaves it capitalised (the release-headline rules read it so)."""
    return (
        line[start:end] in _PLURAL_HEADLINE_VERBS
        and bool(line[end:].strip())
        and not line.startswith(",", end)
        and not line.rstrip().endswith((".", "!", "?"))
        and _PARTIES_BEFORE_RE.search(line, 0, start) is not None
    )


def headline_verb(word: str, third_person: bool = False) -> bool:
    """Whether a capitalised word is one the re-casing of title-case headlines reads as their verb
    (`third_person`: only the verbs read so wherever they stand, "Signs", "Enters")."""
    if third_person:
        return word in _HEADLINE_VERBS
    return word in _HEADLINE_VERBS or word in _HEADLINE_PHRASAL or word in _PLURAL_HEADLINE_VERBS
