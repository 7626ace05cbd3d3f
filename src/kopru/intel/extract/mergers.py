"""Mergers in business wire: an agreed or completed merger is a deal between two companies and also one taking
over (or absorbing) the other, so the gold of wire and newspaper copy gives it as an investment as well as,
or instead of, an agreement ("X said it would merge with Y", "X and Y have agreed plans to merge", "the merger
of X and Y was completed", "X and Y signed a merger agreement"). The cue rules read the merger as an agreement
only; this module tells which of those agreements are mergers and the status of the investment they carry.

Framework-free: works on the text and an event's cue offset, nothing else."""

from __future__ import annotations

import re

# the merger word is the cue itself or among the three words after it ("agreed plans to merge", "signed a
# merger agreement"); "combine" only as the cue ("X and Y said they would combine": the syntax step already
# leaves out "combine forces" and "combined sales")
_MERGER_AT_CUE_RE = re.compile(
    r"(?:\S+\s+){0,3}?merg(?:e|es|ed|er|ers|ing)\b|combin(?:e|es|ed|ing)\b", re.IGNORECASE
)

# a merger that did not happen or was only attempted: no deal to carry
_NO_MERGER_RE = re.compile(
    r"\b(?:tried to|attempted to|failed|called off|abandon(?:ed|s)?|scrapp(?:ed|ing)|rejected|collapsed"
    r"|walked away|no plans? to|drop(?:ped|s)? (?:its |their |the )?plans?|denied|den(?:y|ies))\b",
    re.IGNORECASE,
)

# done: "completed its merger", "the merger ... became final / closed"; "X and Y merged in 1998"
_DONE_RE = re.compile(
    r"\b(?:complet(?:ed|es|ion)|closed|became (?:final|effective)|finali[sz]ed|took effect)\b", re.IGNORECASE
)
_PAST_MERGED_RE = re.compile(
    r"(?<!\bbe )(?<!\bbeen )(?<!\bto )(?<!\bwould )(?<!\bwill )\bmerged\b", re.IGNORECASE
)


def is_merger_cue(text: str, cue: int) -> bool:
    """The event's cue (its offset in the text) is a merger word, or an agreeing verb just before one."""
    if cue < 0:
        return False
    return bool(_MERGER_AT_CUE_RE.match(text, cue, min(len(text), cue + 60)))


def merger_status(text: str, sentence: tuple[int, int], cue: int) -> str | None:
    """The investment a merger told in the sentence carries: "held" when done, "planned" when agreed or to
    come, None when the merger was only tried, called off or denied."""
    span = text[sentence[0] : sentence[1]]
    if _NO_MERGER_RE.search(span):
        return None
    if _DONE_RE.search(span):
        return "held"
    window = text[max(sentence[0], cue - 12) : min(sentence[1], cue + 40)]
    if _PAST_MERGED_RE.search(window) and not re.search(r"\b(?:will|would|to be|plans?)\b", window):
        return "held"
    return "planned"


# a merger agreed as a noun phrase the syntax step reads no pact in: "X agreed to a $6bn merger with Y",
# "X's board approved a merger with Y"
_AGREED_MERGER_RE = re.compile(
    r"\b(?:agreed|agrees|agree|approved|approves|approve)\s+(?:to\s+)?(?:an?|the)\s+(?:[\w$£€.,%-]+\s+){0,3}?"
    r"merger\s+with\b",
    re.IGNORECASE,
)
# an offer accepted, with an amount or an adjective before "offer" ("accepted a $6.75bn offer from Y",
# "accepted a sweetened bid from Y"): the target's planned sale to the bidder
_ACCEPTED_OFFER_RE = re.compile(
    r"\baccept(?:ed|s)?\s+(?:an?|the|its)\s+(?:[\w$£€.,%-]+\s+){0,4}?(?:offer|bid)\s+from\b", re.IGNORECASE
)


def agreed_mergers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "agreed to a merger with" in the sentence text[start:end]."""
    return [(m.start(), m.end()) for m in _AGREED_MERGER_RE.finditer(text, start, end)]


def accepted_offers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of "accepted a $Xbn offer from" in the sentence text[start:end]."""
    return [(m.start(), m.end()) for m in _ACCEPTED_OFFER_RE.finditer(text, start, end)]
