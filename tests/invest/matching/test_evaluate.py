from __future__ import annotations

import pytest

from kopru.invest.matching.evaluate import check_judgements, evaluate
from kopru.invest.matching.index import MatchIndex
from kopru.invest.matching.loading import Judgements, load_companies, load_judgements, load_opportunities
from kopru.invest.matching.models import MatchingInputError
from kopru.invest.matching.weights import Weights

pytestmark = pytest.mark.unit


@pytest.fixture(scope="module")
def shipped():
    index = MatchIndex.build(load_companies(), load_opportunities())
    return index, load_judgements()


def test_hybrid_beats_lexical_only_on_the_shipped_judgements(shipped):
    index, judgements = shipped
    lexical = evaluate(index.with_weights(Weights.lexical_only()), judgements, "lexical")
    hybrid = evaluate(index, judgements, "hybrid")

    assert [row.queries for row in hybrid] == [34, 18]
    for lexical_row, hybrid_row in zip(lexical, hybrid, strict=True):
        assert hybrid_row.ndcg > lexical_row.ndcg
        assert hybrid_row.recall > lexical_row.recall


def test_judgements_with_unknown_ids_are_refused(shipped):
    index, _ = shipped
    typo = Judgements({"tr-manisa-battery-cells": {"cn-bat-ningtia": 3}}, {})

    with pytest.raises(MatchingInputError, match="unknown candidate id 'cn-bat-ningtia'"):
        check_judgements(index, typo)
