"""Settlements in business wire: a company that pays to settle charges, a claim or a lawsuit, or reaches a
settlement with a regulator, has an agreement with the body it settles with ("X agreed to pay $10m to settle
charges brought by the SEC", "X paid the FTC $250m to settle charges that ...", "X reached a settlement with
the SEC", "X settled with Y for $40m"). The cue and syntax rules read none of these: "pay" and "settle" are no
pact words. This module finds the shapes in a sentence; events.py names the parties from the organisations
the entity step found there.

Framework-free: regular expressions over the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# "pays / paid / paying / agreed to pay [the SEC] $250m [in October] to settle ..."
_PAY_TO_SETTLE_RE = re.compile(
    r"\bpa(?:y|ys|id|ying)\b(?:[^.;:]|\.(?=\d)){0,90}?\bto settle\b", re.IGNORECASE
)
# "reached / agreed / struck / signed a [$40m] settlement with Y", "settled with Y"
_SETTLEMENT_WITH_RE = re.compile(
    r"\b(?:settled|(?:reached|agreed|struck|signed|negotiated)\s+(?:an?\s+|the\s+)?(?:[\w$£€.,-]+\s+){0,3}?"
    r"settlements?)\s+with\b",
    re.IGNORECASE,
)
# where, after "to settle", the other party is named: "charges brought by Y", "a suit filed by Y", "with Y"
_COUNTERPARTY_RE = re.compile(r"\b(?:brought by|filed by|with|by)\b", re.IGNORECASE)
# still to come: "will pay", "is to pay", "offered to pay"
_PLANNED_RE = re.compile(
    r"\b(?:will|would|is to|are to|plans? to|expects? to|expected to|offered to|proposed to)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)
# a settlement refused or only talked about: no agreement ("rejected a settlement", "settlement talks")
_NO_SETTLEMENT_RE = re.compile(
    r"\b(?:refused|rejected|declined|talks?|negotiat\w*|barring|inadequate)\b", re.IGNORECASE
)


@dataclass(frozen=True)
class Settlement:
    cue: int  # where the shape starts ("pay", "reached", "settled")
    end: int  # where it ends
    counter: tuple[int, int]  # the span where the other party may be named
    status: str  # held | planned


def settlement_shapes(text: str, start: int, end: int) -> list[Settlement]:
    """The settlement shapes of the sentence text[start:end], in text order."""
    if _NO_SETTLEMENT_RE.search(text, start, end):
        return []
    found: list[Settlement] = []
    for m in _PAY_TO_SETTLE_RE.finditer(text, start, end):
        after = _COUNTERPARTY_RE.search(text, m.end(), min(end, m.end() + 80))
        # the payee named between "pay" and "to settle" ("paid the SEC $250m"), or after "brought by" / "with"
        counter = (m.start(), after.end() + 80 if after else m.end())
        found.append(
            Settlement(
                m.start(), m.end(), (counter[0], min(end, counter[1])), _status(text, start, m.start())
            )
        )
    for m in _SETTLEMENT_WITH_RE.finditer(text, start, end):
        found.append(
            Settlement(m.start(), m.end(), (m.end(), min(end, m.end() + 80)), _status(text, start, m.start()))
        )
    return sorted(found, key=lambda s: s.cue)


def _status(text: str, start: int, cue: int) -> str:
    before = text[max(start, cue - 40) : cue]
    return "planned" if _PLANNED_RE.search(before) else "held"


# "Five X subsidiaries agreed to pay ...", "three X executives settled with Y": the name modifies the payers,
# who are not the named body itself (their settlements name them one by one)
_MODIFIED_PAYER_RE = re.compile(
    r"\s*(?:'s\s+)?(?:subsidiaries|units|affiliates|executives|officials|managers|employees|directors|traders"
    r"|brokers|funds)\b",
    re.IGNORECASE,
)


def names_the_payer(text: str, name_end: int) -> bool:
    """The organisation named up to name_end is the payer itself, not a modifier of other payers."""
    return not _MODIFIED_PAYER_RE.match(text, name_end)
