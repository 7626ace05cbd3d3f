from __future__ import annotations

import math

import pytest

from kopru.invest.matching.metrics import dcg, ndcg_at_k, recall_at_k

pytestmark = pytest.mark.unit

JUDGED = {"a": 3, "b": 2, "c": 1, "d": 0}


def test_dcg_uses_exponential_gain_and_log_discount():
    assert dcg([3, 2, 0]) == 7 / math.log2(2) + 3 / math.log2(3) + 0


def test_ndcg_is_one_for_the_ideal_order():
    assert ndcg_at_k(["a", "b", "c", "d"], JUDGED, k=10) == 1.0


def test_ndcg_of_a_swapped_order():
    ideal = 7 + 3 / math.log2(3) + 1 / 2
    assert ndcg_at_k(["b", "a", "x", "c"], JUDGED, k=10) == (3 + 7 / math.log2(3) + 1 / math.log2(5)) / ideal


def test_ndcg_cut_off_compares_with_the_ideal_top_k():
    assert ndcg_at_k(["c", "a"], JUDGED, k=1) == 1 / 7


def test_ndcg_without_relevant_items_is_zero():
    assert ndcg_at_k(["a"], {"a": 0}, k=10) == 0.0


def test_recall_counts_relevant_items_in_the_top_k():
    assert recall_at_k(["a", "x", "c", "b"], JUDGED, k=3) == 2 / 3
    assert recall_at_k(["a", "x", "c", "b"], JUDGED, k=3, min_grade=2) == 1 / 2
    assert recall_at_k(["a"], {"a": 0}, k=3) == 0.0
