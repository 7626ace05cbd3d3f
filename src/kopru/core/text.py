"""Name folding for diacritic-insensitive lookup ("Kacir" finds "Kacır")."""

from __future__ import annotations

import re
import unicodedata

# Letters that NFKD does not decompose into base + combining mark.
_SPECIAL = str.maketrans(
    {
        "ı": "i",
        "İ": "i",
        "ø": "o",
        "Ø": "o",
        "ß": "ss",
        "æ": "ae",
        "Æ": "ae",
        "œ": "oe",
        "Œ": "oe",
        "đ": "d",
        "Đ": "d",
        "ł": "l",
        "Ł": "l",
        "þ": "th",
    }
)
_SPACES = re.compile(r"\s+")


def fold(text: str) -> str:
    """Lower-case, strip diacritics and collapse whitespace; CJK characters pass through unchanged."""
    text = (text or "").translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACES.sub(" ", stripped.casefold()).strip()


def capfirst_localised(text: str, language: str | None) -> str:
    """Capitalise the first letter the way the language does: Turkish "iş" → "İş", not "Iş"."""
    text = str(text or "")
    if not text:
        return text
    first = text[0]
    if (language or "").startswith("tr"):
        first = {"i": "İ", "ı": "I"}.get(first, first.upper())
    else:
        first = first.upper()
    return first + text[1:]


# Bidirectional overrides and isolates (U+202A–202E, U+2066–2069), marks, zero-width and other format
# characters (category Cf) and control characters (Cc) can make a title read differently from what it is
# ("‮fdp.exe" shows as "exe.pdf"); single-line metadata keeps none of them.
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"}


def single_line(text: str) -> str:
    """`text` for a one-line field: control, format (bidi) and separator characters removed or made spaces,
    whitespace collapsed."""
    cleaned = "".join(
        " " if ch in "\t\n\r\v\f\u2028\u2029\x85" else ch
        for ch in (text or "")
        if ch in "\t\n\r\v\f\u2028\u2029\x85" or unicodedata.category(ch) not in _INVISIBLE_CATEGORIES
    )
    return _SPACES.sub(" ", cleaned).strip()
