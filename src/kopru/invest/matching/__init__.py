"""Investment matchmaking: rank opportunities for a foreign company and companies for an opportunity.

Framework-free (no Django): plain dataclasses in, `Match(id, score, explanation)` out.
"""

from kopru.invest.matching.embeddings import Embedder, load_embedder
from kopru.invest.matching.index import CountryRules, MatchIndex
from kopru.invest.matching.models import (
    Capacity,
    Company,
    Contribution,
    Explanation,
    Match,
    MatchingInputError,
    Opportunity,
    UnknownRecordError,
)
from kopru.invest.matching.weights import Weights

__all__ = [
    "Capacity",
    "Company",
    "Contribution",
    "CountryRules",
    "Embedder",
    "Explanation",
    "Match",
    "MatchIndex",
    "MatchingInputError",
    "Opportunity",
    "UnknownRecordError",
    "Weights",
    "load_embedder",
]
