"""Feature weights of the hybrid score, and how to read them from text ("lexical=0.5,sector=0.2")."""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, replace

from kopru.invest.matching.models import MatchingInputError

FEATURES: tuple[str, ...] = ("lexical", "sector", "capacity", "export", "kind", "size", "embedding")


@dataclass(frozen=True)
class Weights:
    """Each feature is in [0, 1]; the score is the weighted mean over the features that are active.

    `embedding` is active only when the index was built with an embedder, so a missing model does not
    shift the scale of scores. Defaults are set by judgement, not fitted (see docs/matchmaking.md):
    words and sector carry most of the signal, the structured fits separate candidates within a sector.
    """

    lexical: float = 0.30
    sector: float = 0.25
    capacity: float = 0.10
    export: float = 0.08
    kind: float = 0.17
    size: float = 0.10
    embedding: float = 0.25

    def __post_init__(self) -> None:
        for name, value in asdict(self).items():
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise MatchingInputError(f"weights: field '{name}': {value!r} is not a number")
            if value < 0:
                raise MatchingInputError(f"weights: field '{name}': {value!r} must not be negative")

    @classmethod
    def lexical_only(cls) -> Weights:
        return cls(lexical=1.0, sector=0.0, capacity=0.0, export=0.0, kind=0.0, size=0.0, embedding=0.0)

    @classmethod
    def parse(cls, text: str, base: Weights | None = None) -> Weights:
        """'lexical=0.5,sector=0.2' -> the base weights with those two replaced."""
        changes: dict[str, float] = {}
        for item in filter(None, (part.strip() for part in text.split(","))):
            name, separator, value = item.partition("=")
            name = name.strip()
            if not separator or name not in FEATURES:
                raise MatchingInputError(
                    f"weights: {item!r} is not FEATURE=NUMBER with FEATURE one of {', '.join(FEATURES)}"
                )
            try:
                changes[name] = float(value)
            except ValueError:
                raise MatchingInputError(
                    f"weights: field '{name}': {value.strip()!r} is not a number"
                ) from None
        return replace(base or cls(), **changes)

    def active(self, with_embedding: bool) -> dict[str, float]:
        weights = {name: float(getattr(self, name)) for name in FEATURES}  # asdict() is slow per query
        if not with_embedding:
            weights["embedding"] = 0.0
        if sum(weights.values()) <= 0:
            raise MatchingInputError("weights: at least one active feature needs a positive weight")
        return weights
