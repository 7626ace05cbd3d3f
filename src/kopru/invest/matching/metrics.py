"""Ranking metrics over graded judgements (grades 0-3; an unjudged candidate counts as 0)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence


def dcg(grades: Sequence[int]) -> float:
    """Discounted cumulative gain with exponential gain: sum (2^grade - 1) / log2(rank + 1)."""
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg_at_k(ranking: Sequence[str], judgements: Mapping[str, int], k: int) -> float:
    """DCG of the top k divided by the DCG of the best possible top k; 0.0 when nothing is relevant."""
    ideal = dcg(sorted(judgements.values(), reverse=True)[:k])
    if ideal == 0:
        return 0.0
    return dcg([judgements.get(item, 0) for item in ranking[:k]]) / ideal


def recall_at_k(ranking: Sequence[str], judgements: Mapping[str, int], k: int, min_grade: int = 1) -> float:
    """Share of the candidates graded at least min_grade that appear in the top k; 0.0 if there are none."""
    relevant = {item for item, grade in judgements.items() if grade >= min_grade}
    if not relevant:
        return 0.0
    return len(relevant.intersection(ranking[:k])) / len(relevant)
