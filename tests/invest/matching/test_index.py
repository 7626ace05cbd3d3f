from __future__ import annotations

import numpy as np
import pytest

from kopru.invest.economics.explanations import Explanation as M
from kopru.invest.matching import (
    Capacity,
    Company,
    CountryRules,
    MatchIndex,
    MatchingInputError,
    Opportunity,
    UnknownRecordError,
    Weights,
)

pytestmark = pytest.mark.unit


def company(id: str, country: str, sectors: tuple[str, ...], description: str, **extra) -> Company:
    return Company(
        id=id, name=id.upper(), hq_country=country, sectors=sectors, description=description, **extra
    )


CELL_MAKER = company(
    "a-cells",
    "CN",
    ("battery",),
    "LFP battery cell maker",
    investment_modes=("greenfield",),
    capacities=(Capacity(40, "GWh/yr"),),
    revenue_musd=10000,
    export_markets=("EU",),
)
SMALL_CELL_MAKER = company(
    "b-small-cells",
    "CN",
    ("battery",),
    "LFP battery cell maker",
    investment_modes=("jv_partner",),
    capacities=(Capacity(2, "GWh/yr"),),
    revenue_musd=500,
)
SOLAR_MAKER = company(
    "c-solar",
    "KR",
    ("solar",),
    "solar module maker",
    investment_modes=("greenfield",),
    revenue_musd=10000,
    export_markets=("DE",),  # a country code counts as its region (EU)
)
DOMESTIC_CELL_MAKER = company(
    "d-domestic",
    "TR",
    ("battery",),
    "LFP battery cell maker",
    investment_modes=("greenfield",),
    capacities=(Capacity(40, "GWh/yr"),),
    revenue_musd=10000,
    export_markets=("EU",),
)
RAIL_MAKER = company("e-rail", "CN", ("rail",), "rolling stock and locomotives")

CELL_PLANT = Opportunity(
    id="o-cells",
    title="Battery cell site",
    sectors=("battery",),
    kind="greenfield",
    capex_musd=1000,
    capacity=Capacity(20, "GWh/yr"),
    description="LFP battery cell gigafactory",
    target_markets=("EU",),
)
SOLAR_PLANT = Opportunity(
    id="o-solar", title="Solar module plant", sectors=("solar",), kind="greenfield", target_markets=("EU",)
)
PACK_EXPANSION = Opportunity(
    id="o-packs", title="Battery pack line expansion", sectors=("battery",), kind="expansion"
)

COMPANIES = [CELL_MAKER, SMALL_CELL_MAKER, SOLAR_MAKER, DOMESTIC_CELL_MAKER, RAIL_MAKER]
OPPORTUNITIES = [CELL_PLANT, SOLAR_PLANT, PACK_EXPANSION]


@pytest.fixture
def index() -> MatchIndex:
    return MatchIndex.build(COMPANIES, OPPORTUNITIES)


def test_companies_for_ranks_by_hybrid_score_and_drops_domestic_and_unrelated(index):
    matches = index.companies_for("o-cells")

    assert [(match.id, match.score) for match in matches] == [
        ("a-cells", 0.989966),  # every feature fits; capacity 40 vs 20 GWh/yr = 1 - log10(2)/3
        ("b-small-cells", 0.618609),  # same words and sector, but too small, JV-only, no exports
        ("c-solar", 0.425),  # no shared words; related sector, right kind, exports to the EU
    ]


def test_k_cuts_the_list_after_the_best(index):
    assert [match.id for match in index.companies_for("o-cells", k=2)] == ["a-cells", "b-small-cells"]


def test_opportunities_for_ranks_the_company_own_sector_first(index):
    assert [match.id for match in index.opportunities_for("a-cells")] == ["o-cells", "o-packs", "o-solar"]


def test_explanation_lists_features_strongest_first_with_sentences(index):
    best = index.companies_for("o-cells")[0]

    assert best.explanation.messages == [
        M("match.shared_terms", {"terms": ("battery", "cell", "lfp")}),
        M("match.sector_match", {"sectors": ("battery",)}),
        M("match.kind_fit", {"done": ("greenfield",), "seeks": "greenfield"}),
        M("match.size_share", {"share": 0.1, "capex": 1000.0, "revenue": 10000.0}),
        M("match.capacity_fits", {"company": "40 GWh/yr", "opportunity": "20 GWh/yr"}),
        M("match.exports_to", {"regions": ("EU",)}),
    ]
    assert [(item.feature, item.value) for item in best.explanation.contributions] == [
        ("lexical", 1.0),
        ("sector", 1.0),
        ("kind", 1.0),
        ("size", 1.0),
        ("capacity", 0.8997),
        ("export", 1.0),
    ]


def test_explanation_of_a_weak_candidate_names_the_gaps(index):
    small = index.companies_for("o-cells")[1].explanation

    assert small.value("capacity") == 0.0
    assert M("match.capacity_gap", {"company": "2 GWh/yr", "opportunity": "20 GWh/yr"}) in small.messages
    assert M("match.kind_related", {"done": ("jv_partner",), "seeks": "greenfield"}) in small.messages
    assert M("match.no_exports", {"regions": ("EU",)}) in small.messages


def test_expansion_fits_a_company_with_a_plant_in_the_host_country():
    present = company(
        "p", "DE", ("battery",), "battery packs", plants=("TR",), investment_modes=("supplier",)
    )
    absent = company("q", "DE", ("battery",), "battery packs", investment_modes=("supplier",))
    index = MatchIndex.build([absent, present], [PACK_EXPANSION])

    matches = index.companies_for("o-packs")

    assert [match.id for match in matches] == ["p", "q"]
    assert matches[0].explanation.value("kind") == 1.0
    assert (
        M("match.kind_has_plant", {"country": "TR", "seeks": "expansion"}) in matches[0].explanation.messages
    )
    assert index.opportunities_for("p")[0].explanation.value("kind") == 1.0


def test_a_company_from_the_host_country_is_never_offered(index):
    assert "d-domestic" not in [match.id for match in index.companies_for("o-cells", k=10)]
    assert index.opportunities_for("d-domestic") == []
    excluded = index.explain("d-domestic", "o-cells")
    assert excluded.score == 0.0
    assert excluded.explanation.messages == [M("match.excluded_host_country", {"country": "TR"})]


def test_opportunity_allow_and_deny_lists():
    only_korea = Opportunity(
        id="kr-only", title="cells", sectors=("battery",), kind="greenfield", allowed_countries=("KR",)
    )
    not_china = Opportunity(
        id="no-cn", title="cells", sectors=("battery",), kind="greenfield", denied_countries=("CN",)
    )
    korean = company("k", "KR", ("battery",), "cells")
    index = MatchIndex.build([CELL_MAKER, korean], [only_korea, not_china])

    assert [match.id for match in index.companies_for("kr-only")] == ["k"]
    assert [match.id for match in index.companies_for("no-cn")] == ["k"]
    assert index.opportunities_for("a-cells") == []
    assert [match.id for match in index.opportunities_for("k")] == ["kr-only", "no-cn"]
    assert index.explain("a-cells", "kr-only").explanation.messages == [
        M("match.excluded_only_from", {"countries": ("KR",)})
    ]
    assert index.explain("a-cells", "no-cn").explanation.messages == [
        M("match.excluded_closed_to", {"country": "CN"})
    ]


def test_index_wide_country_rules():
    index = MatchIndex.build(COMPANIES, OPPORTUNITIES, rules=CountryRules(denied_countries=("kr",)))

    assert [match.id for match in index.companies_for("o-cells")] == ["a-cells", "b-small-cells"]
    assert index.explain("c-solar", "o-cells").explanation.messages == [
        M("match.excluded_not_admitted", {"country": "KR"})
    ]


def test_lexical_only_weights_rank_by_words_alone(index):
    lexical = index.with_weights(Weights.lexical_only())

    matches = lexical.companies_for("o-cells")

    # two companies share the same words: equal scores keep catalogue order
    assert [(match.id, match.score) for match in matches] == [("a-cells", 1.0), ("b-small-cells", 1.0)]
    assert [item.feature for item in matches[0].explanation.contributions] == ["lexical"]


def test_unknown_ids_and_bad_k_fail_clearly(index):
    with pytest.raises(UnknownRecordError, match="unknown opportunity id 'nope'"):
        index.companies_for("nope")
    with pytest.raises(UnknownRecordError, match="unknown company id 'nope'"):
        index.opportunities_for("nope")
    with pytest.raises(MatchingInputError, match="k: 0 must be at least 1"):
        index.companies_for("o-cells", k=0)


def test_duplicate_ids_are_refused():
    with pytest.raises(MatchingInputError, match="company 'a-cells': field 'id': duplicate id"):
        MatchIndex.build([CELL_MAKER, CELL_MAKER], OPPORTUNITIES)


class KeywordEmbedder:
    """Deterministic stand-in for a sentence model: counts a few keywords (one dimension each)."""

    name = "keyword-fake"
    KEYWORDS = ("battery", "solar", "rail")

    def embed(self, texts):
        return np.array([[text.lower().count(word) for word in self.KEYWORDS] for text in texts], dtype=float)


def test_hybrid_with_an_embedder_adds_a_semantic_feature():
    index = MatchIndex.build(COMPANIES, OPPORTUNITIES, embedder=KeywordEmbedder())

    best = index.companies_for("o-cells")[0]

    assert best.id == "a-cells"
    assert best.explanation.value("embedding") == 1.0
    assert M("match.semantic", {"similarity": 1.0}) in best.explanation.messages
    # the embedding weight (0.25) joins the others (1.0); scores stay in [0, 1]
    assert best.score == round((0.989966 * 1.0 + 0.25 * 1.0) / 1.25, 6)


def test_embedding_alone_ranks_by_cosine():
    weights = Weights(lexical=0, sector=0, capacity=0, export=0, kind=0, size=0, embedding=1)
    index = MatchIndex.build(COMPANIES, OPPORTUNITIES, embedder=KeywordEmbedder(), weights=weights)

    assert [(match.id, match.score) for match in index.opportunities_for("c-solar")] == [("o-solar", 1.0)]
    assert [match.id for match in index.companies_for("o-cells")] == ["a-cells", "b-small-cells"]


def test_without_an_embedder_the_embedding_weight_is_ignored(index):
    assert index.active_weights["embedding"] == 0.0
    assert index.companies_for("o-cells")[0].score == 0.989966


def test_expansion_without_a_plant_in_the_host_country_is_capped():
    elsewhere = company(
        "r", "DE", ("battery",), "battery packs", plants=("PL",), investment_modes=("expansion",)
    )
    index = MatchIndex.build([elsewhere], [PACK_EXPANSION])

    explanation = index.companies_for("o-packs")[0].explanation

    assert explanation.value("kind") == 0.3
    assert M("match.kind_no_plant", {"country": "TR", "seeks": "expansion"}) in explanation.messages


def test_cross_cutting_sectors_do_not_count_when_the_opportunity_names_an_industry():
    battery_lab = Opportunity(id="lab", title="lab", sectors=("research", "battery"), kind="rd_centre")
    biotech = company("bio", "CN", ("research", "vaccines"), "mRNA laboratory")
    cells = company("cells", "CN", ("battery",), "cell maker")
    pure_research = Opportunity(id="pure", title="lab", sectors=("research",), kind="rd_centre")
    index = MatchIndex.build([biotech, cells], [battery_lab, pure_research])

    assert [(m.id, m.explanation.value("sector")) for m in index.companies_for("lab")] == [("cells", 1.0)]
    assert [(m.id, m.explanation.value("sector")) for m in index.companies_for("pure")] == [("bio", 1.0)]
