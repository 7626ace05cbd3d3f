"""MatchIndex: rank opportunities for a company and companies for an opportunity, and say why.

Score of a pair = weighted mean of features in [0, 1] (see weights.py):
  lexical   BM25 of one side's text against the other's, divided by the best eligible candidate's BM25
  sector    share of the opportunity's sectors the company covers (related sectors count partly)
  capacity  log-ratio fit of the company's capacity to the opportunity's, same unit only
  export    share of the markets the opportunity pitches that the company already exports to
  kind      whether the company has done this kind of deal (JV, greenfield, ...)
  size      whether the capex is a plausible share of the company's revenue
  embedding cosine of sentence embeddings (only when built with an embedder)
Country rules are filters, not features: the host country's own companies, denied countries and
(when an allow list exists) everyone not on it never appear.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import numpy as np

from kopru.invest.economics.explanations import Explanation as Message
from kopru.invest.economics.explanations import explain
from kopru.invest.matching.embeddings import Embedder, normalise_rows
from kopru.invest.matching.explain import excluded, explain_pair
from kopru.invest.matching.features import (
    CompanyFeatures,
    CountryCodes,
    OpportunityFeatures,
    features_for_company,
    features_for_opportunity,
)
from kopru.invest.matching.lexical import SparseBM25
from kopru.invest.matching.models import (
    Company,
    Explanation,
    Match,
    MatchingInputError,
    Opportunity,
    UnknownRecordError,
)
from kopru.invest.matching.text import tokenize
from kopru.invest.matching.weights import Weights


@dataclass(frozen=True)
class CountryRules:
    """Index-wide rules on investors' HQ countries, on top of each opportunity's own lists."""

    allowed_countries: tuple[str, ...] = ()
    denied_countries: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("allowed_countries", "denied_countries"):
            codes = tuple(str(code).strip().upper() for code in getattr(self, name))
            for code in codes:
                if len(code) != 2 or not code.isalpha():
                    raise MatchingInputError(f"country rules: field '{name}': {code!r} is not an ISO2 code")
            object.__setattr__(self, name, codes)

    def admits(self, country: str) -> bool:
        if country in self.denied_countries:
            return False
        return not self.allowed_countries or country in self.allowed_countries


def _unique_positions(records: Sequence[Company] | Sequence[Opportunity], what: str) -> dict[str, int]:
    positions: dict[str, int] = {}
    for position, record in enumerate(records):
        if record.id in positions:
            raise MatchingInputError(f"{what} {record.id!r}: field 'id': duplicate id")
        positions[record.id] = position
    return positions


@dataclass
class MatchIndex:
    companies: list[Company]
    opportunities: list[Opportunity]
    company_position: dict[str, int]
    opportunity_position: dict[str, int]
    company_features: CompanyFeatures
    opportunity_features: OpportunityFeatures
    company_text: SparseBM25  # documents = companies; queried with an opportunity's text
    opportunity_text: SparseBM25  # documents = opportunities; queried with a company's text
    rules: CountryRules
    weights: Weights = field(default_factory=Weights)
    company_vectors: np.ndarray | None = None
    opportunity_vectors: np.ndarray | None = None
    embedder_name: str | None = None

    @classmethod
    def build(
        cls,
        companies: Sequence[Company],
        opportunities: Sequence[Opportunity],
        embedder: Embedder | None = None,
        weights: Weights | None = None,
        rules: CountryRules | None = None,
    ) -> MatchIndex:
        companies, opportunities = list(companies), list(opportunities)
        rules = rules or CountryRules()
        countries = CountryCodes()
        admitted = np.array([rules.admits(company.hq_country) for company in companies], dtype=bool)
        company_vectors = opportunity_vectors = None
        if embedder is not None:
            company_vectors = normalise_rows(embedder.embed([company.text for company in companies]))
            opportunity_vectors = normalise_rows(embedder.embed([o.text for o in opportunities]))
        return cls(
            companies=companies,
            opportunities=opportunities,
            company_position=_unique_positions(companies, "company"),
            opportunity_position=_unique_positions(opportunities, "opportunity"),
            company_features=CompanyFeatures.build(companies, countries, admitted),
            opportunity_features=OpportunityFeatures.build(opportunities, countries),
            company_text=SparseBM25.build(company.text for company in companies),
            opportunity_text=SparseBM25.build(opportunity.text for opportunity in opportunities),
            rules=rules,
            weights=weights or Weights(),
            company_vectors=company_vectors,
            opportunity_vectors=opportunity_vectors,
            embedder_name=getattr(embedder, "name", None) if embedder is not None else None,
        )

    def with_weights(self, weights: Weights) -> MatchIndex:
        """The same index (arrays shared, nothing rebuilt) scoring with other weights."""
        return replace(self, weights=weights)

    @property
    def active_weights(self) -> dict[str, float]:
        return self.weights.active(with_embedding=self.company_vectors is not None)

    # -- queries -------------------------------------------------------------------------------------

    def companies_for(self, opportunity_id: str, k: int = 20) -> list[Match]:
        row = self._opportunity_row(opportunity_id)
        opportunity = self.opportunities[row]
        features, eligible = features_for_opportunity(self.company_features, self.opportunity_features, row)
        terms = self.company_text.term_ids(tokenize(opportunity.text))
        features["lexical"] = _normalised(self.company_text.scores(terms), eligible)
        if self.company_vectors is not None and self.opportunity_vectors is not None:
            features["embedding"] = np.clip(self.company_vectors @ self.opportunity_vectors[row], 0.0, 1.0)
        weights = self.active_weights
        top, scores = self._top(features, eligible, k, weights)
        wanted = frozenset(terms.tolist())
        return [
            Match(
                self.companies[index].id,
                score,
                self._explain(index, row, features, index, self.company_text, wanted, weights),
            )
            for index, score in zip(top, scores, strict=True)
        ]

    def opportunities_for(self, company_id: str, k: int = 20) -> list[Match]:
        row = self._company_row(company_id)
        company = self.companies[row]
        features, eligible = features_for_company(self.company_features, self.opportunity_features, row)
        terms = self.opportunity_text.term_ids(tokenize(company.text))
        features["lexical"] = _normalised(self.opportunity_text.scores(terms), eligible)
        if self.company_vectors is not None and self.opportunity_vectors is not None:
            features["embedding"] = np.clip(self.opportunity_vectors @ self.company_vectors[row], 0.0, 1.0)
        weights = self.active_weights
        top, scores = self._top(features, eligible, k, weights)
        wanted = frozenset(terms.tolist())
        return [
            Match(
                self.opportunities[index].id,
                score,
                self._explain(row, index, features, index, self.opportunity_text, wanted, weights),
            )
            for index, score in zip(top, scores, strict=True)
        ]

    def explain(self, company_id: str, opportunity_id: str) -> Match:
        """One pair, scored as in companies_for(opportunity_id) (the lexical scale is that query's)."""
        row = self._opportunity_row(opportunity_id)
        company_row = self._company_row(company_id)
        company, opportunity = self.companies[company_row], self.opportunities[row]
        reason = self.exclusion_reason(company, opportunity)
        if reason:
            return Match(company.id, 0.0, excluded(reason))
        for match in self.companies_for(opportunity_id, k=len(self.companies)):
            if match.id == company_id:
                return match
        return Match(company.id, 0.0, excluded(explain("match.nothing_in_common")))

    def exclusion_reason(self, company: Company, opportunity: Opportunity) -> Message | None:
        country = company.hq_country
        if country == opportunity.host_country:
            return explain("match.excluded_host_country", country=country)
        if not self.rules.admits(country):
            return explain("match.excluded_not_admitted", country=country)
        if opportunity.allowed_countries and country not in opportunity.allowed_countries:
            return explain("match.excluded_only_from", countries=tuple(opportunity.allowed_countries))
        if country in opportunity.denied_countries:
            return explain("match.excluded_closed_to", country=country)
        return None

    # -- internals -----------------------------------------------------------------------------------

    def _company_row(self, company_id: str) -> int:
        try:
            return self.company_position[company_id]
        except KeyError:
            raise UnknownRecordError(f"unknown company id {company_id!r}") from None

    def _opportunity_row(self, opportunity_id: str) -> int:
        try:
            return self.opportunity_position[opportunity_id]
        except KeyError:
            raise UnknownRecordError(f"unknown opportunity id {opportunity_id!r}") from None

    def _top(
        self, features: dict[str, np.ndarray], eligible: np.ndarray, k: int, weights: dict[str, float]
    ) -> tuple[list[int], list[float]]:
        if k < 1:
            raise MatchingInputError(f"k: {k!r} must be at least 1")
        total = sum(weights.values())
        score = np.zeros(len(eligible))
        for feature, weight in weights.items():
            if weight > 0 and feature in features:
                score += (weight / total) * features[feature]
        # a candidate with nothing in common (score 0) is not a match, only noise at the end of the list
        candidates = np.flatnonzero(eligible & (score > 0))
        if len(candidates) > k:
            chosen = np.argpartition(-score[candidates], k - 1)[:k]
            candidates = candidates[chosen]
        # best score first; equal scores keep catalogue order so that results are reproducible
        ordered = candidates[np.lexsort((candidates, -score[candidates]))]
        return ordered.tolist(), [round(float(value), 6) for value in score[ordered]]

    def _explain(
        self,
        company_row: int,
        opportunity_row: int,
        features: dict[str, np.ndarray],
        candidate: int,
        bm25: SparseBM25,
        terms: frozenset[int],
        weights: dict[str, float],
    ) -> Explanation:
        """`candidate` is the ranked side's row: its index into `features` and its document in `bm25`."""
        values = {name: float(array[candidate]) for name, array in features.items()}
        shared = [term for term, _ in bm25.shared_terms(candidate, terms, limit=5)]
        return explain_pair(
            self.companies[company_row], self.opportunities[opportunity_row], values, weights, shared
        )


def _normalised(raw: np.ndarray, eligible: np.ndarray) -> np.ndarray:
    """BM25 has no fixed scale; dividing by the best eligible candidate puts it in [0, 1] per query."""
    best = float(raw[eligible].max()) if eligible.any() else 0.0
    return raw / best if best > 0 else np.zeros_like(raw)
