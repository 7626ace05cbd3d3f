"""Organisation names compared the way people read them: case, accents and spacing do not matter."""

from __future__ import annotations

import re
import unicodedata

# letters that NFKD does not decompose into "base letter + accent" but that people write without marks
_UNDECOMPOSABLE = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})
_NON_WORD = re.compile(r"[^\w]+")


def normalize_name(name: str) -> str:
    """'Boğaziçi  Üniversitesi' and 'bogazici universitesi' give the same key."""
    lowered = name.casefold().translate(_UNDECOMPOSABLE)
    decomposed = unicodedata.normalize("NFKD", lowered)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", stripped).strip()
