"""What the event-rule tests ask of an extraction: its events as (type, status, participants), and whether one
of them has a type, at least some parties and (optionally) a status."""

from __future__ import annotations

from kopru.intel.extract import extract_text


def events_of(text: str) -> list[tuple[str, str, set[str]]]:
    return [(e["type"], e["status"], set(e["participants"])) for e in extract_text(text)["events"]]


def has_event(text: str, etype: str, parties: set[str], status: str | None = None) -> bool:
    return any(t == etype and parties <= p and (status is None or s == status) for t, s, p in events_of(text))


def assert_probe(text: str, etype: str, parties: set[str]) -> None:
    """An event of the type with at least these parties; with none given, one event of the type with no
    participant at all (countries only)."""
    found = [p for t, _s, p in events_of(text) if t == etype]
    if parties:
        assert any(parties <= p for p in found), events_of(text)
    else:
        assert set() in found, events_of(text)
