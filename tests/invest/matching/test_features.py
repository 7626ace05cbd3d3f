from __future__ import annotations

import math

import numpy as np
import pytest

from kopru.invest.matching.features import capacity_fit, export_fit, region_mask, size_fit
from kopru.invest.matching.lexical import SparseBM25
from kopru.invest.matching.models import Capacity
from kopru.invest.matching.text import tokenize

pytestmark = pytest.mark.unit


def test_tokenize_folds_turkish_letters_drops_stop_words_and_plurals():
    assert tokenize("İzmir'de Batteries and cells for the Çanakkale ports") == [
        "izmir",
        "de",
        "battery",
        "cell",
        "canakkale",
        "port",
    ]
    assert tokenize("bus gas process axis") == ["bus", "gas", "process", "axis"]


def test_capacity_fit_is_gentle_above_and_steep_below():
    company = np.array([20.0, 200.0, 20000.0, 2.0, 10.0, np.nan])
    fit = capacity_fit(company, np.array(20.0))

    assert fit.round(4).tolist() == [1.0, round(1 - 1 / 3, 4), 0.0, 0.0, round(1 - math.log10(2), 4), 0.0]


def test_size_fit_accepts_routine_capex_and_fades_past_it():
    revenue = np.array([10000.0, 1000.0, 100.0, np.nan])
    fit = size_fit(revenue, np.array(300.0))

    assert fit.round(4).tolist() == [1.0, 1.0, 0.0, 0.0]  # 3%, 30%: fine; 300% = 10x routine: no


def test_export_fit_is_the_share_of_targets_reached():
    targets = region_mask(["EU", "MENA"])
    companies = np.array([region_mask(["EU"]), region_mask(["EU", "MENA", "CIS"]), 0], dtype=np.int64)

    assert export_fit(companies, np.int64(targets)).tolist() == [0.5, 1.0, 0.0]
    assert export_fit(companies, np.int64(0)).tolist() == [0.0, 0.0, 0.0]


def test_capacity_units_convert_to_a_canonical_unit():
    assert Capacity(2, "GW").canonical == ("MW", 2000.0)
    assert Capacity(500, "MWh/yr").canonical == ("GWh/yr", 0.5)
    assert str(Capacity(150000, "vehicles/yr")) == "150,000 vehicles/yr"


def test_bm25_matches_the_textbook_formula():
    index = SparseBM25.build(["battery cell", "battery", "solar"])
    scores = index.scores(index.term_ids(["battery"]))

    idf = math.log(1 + (3 - 2 + 0.5) / (2 + 0.5))
    average_length = 4 / 3
    expected = [
        idf * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 2 / average_length)),
        idf * 2.2 / (1 + 1.2 * (0.25 + 0.75 * 1 / average_length)),
        0.0,
    ]
    assert scores.tolist() == pytest.approx(expected, rel=1e-6)


def test_bm25_counts_each_query_term_once_and_ignores_unknown_terms():
    index = SparseBM25.build(["battery cell", "battery", "solar"])

    assert index.term_ids(["battery", "battery", "wind"]).tolist() == [index.vocabulary["battery"]]
    assert index.scores(index.term_ids(["wind"])).tolist() == [0.0, 0.0, 0.0]


def test_bm25_shared_terms_are_ordered_by_contribution():
    index = SparseBM25.build(["battery cell cathode", "battery", "battery solar"])
    terms = index.term_ids(["cathode", "battery", "wind"])

    assert [term for term, _ in index.shared_terms(0, terms)] == ["cathode", "battery"]


def test_empty_collection_scores_nothing():
    index = SparseBM25.build([])

    assert index.scores(index.term_ids(["battery"])).tolist() == []
