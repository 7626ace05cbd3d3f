"""Tokenising descriptions for lexical matching.

Deliberately small: ASCII folding (so "İzmir" and "Izmir" meet), lower case, stop words out, and a light
plural stemmer. Heavier NLP would not pay for itself on short catalogue texts and would slow the build.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TOKEN = re.compile(r"[a-z0-9]+")

# Turkish letters that Unicode decomposition does not turn into ASCII.
_FOLD = str.maketrans({"ı": "i", "İ": "i", "ß": "ss", "ø": "o", "æ": "ae", "đ": "d", "ł": "l"})

STOP_WORDS: frozenset[str] = frozenset(
    str.split(
        """
    a about above after all also an and any are as at be been being both but by can could do does for from
    has have having he her his how i if in into is it its itself more most no nor not of on once only or
    other our out over own per same she should so some such than that the their them then there these they
    this those through to too under until up very was we were what when where which while who whom why will
    with within would you your yr year years new including include includes based across well via
    company companies group ltd co inc plc gmbh ag sa corp corporation limited holding holdings
        """
    )
)


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """Fold plurals only: 'batteries' -> 'battery', 'cells' -> 'cell'; keep 'process', 'bus', 'gas'."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as")):
        return word[:-1]
    return word


def fold(text: str) -> str:
    lowered = text.lower()
    if lowered.isascii():  # the common case; skips the per-character pass below
        return lowered
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD).lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokenize(text: str) -> list[str]:
    return [stem(word) for word in _TOKEN.findall(fold(text)) if len(word) > 1 and word not in STOP_WORDS]
