"""`python -m kopru.invest.matching.evaluate`: nDCG@k and recall@k of the matcher on data/matching.

Compares lexical-only BM25 with the hybrid score, and the hybrid with embeddings when an embedding model
can be loaded here (see embeddings.py); prints a table, or JSON with --format json.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from kopru.invest.matching.embeddings import EmbeddingUnavailableError, load_embedder
from kopru.invest.matching.index import MatchIndex
from kopru.invest.matching.loading import (
    Judgements,
    default_data_dir,
    load_companies,
    load_judgements,
    load_opportunities,
)
from kopru.invest.matching.metrics import ndcg_at_k, recall_at_k
from kopru.invest.matching.models import MatchingInputError
from kopru.invest.matching.weights import Weights


@dataclass(frozen=True)
class Row:
    configuration: str
    direction: str
    queries: int
    ndcg: float
    recall: float


def check_judgements(index: MatchIndex, judgements: Judgements) -> None:
    """Every id in the judgements must exist, or a typo would silently count as a miss."""
    sections = (
        (
            "companies_for_opportunity",
            judgements.companies_for_opportunity,
            index.opportunity_position,
            index.company_position,
        ),
        (
            "opportunities_for_company",
            judgements.opportunities_for_company,
            index.company_position,
            index.opportunity_position,
        ),
    )
    for section, grades, queries, candidates in sections:
        for query, graded in grades.items():
            if query not in queries:
                raise MatchingInputError(f"judgements: {section}: unknown query id {query!r}")
            for candidate in graded:
                if candidate not in candidates:
                    raise MatchingInputError(
                        f"judgements: {section}.{query}: unknown candidate id {candidate!r}"
                    )


def evaluate(index: MatchIndex, judgements: Judgements, configuration: str, k: int = 10) -> list[Row]:
    rows = []
    for direction, grades, rank in (
        ("opportunity -> companies", judgements.companies_for_opportunity, index.companies_for),
        ("company -> opportunities", judgements.opportunities_for_company, index.opportunities_for),
    ):
        ndcgs, recalls = [], []
        for query, graded in grades.items():
            ranking = [match.id for match in rank(query, k=k)]
            ndcgs.append(ndcg_at_k(ranking, graded, k))
            recalls.append(recall_at_k(ranking, graded, k))
        count = len(ndcgs)
        rows.append(
            Row(configuration, direction, count, sum(ndcgs) / max(count, 1), sum(recalls) / max(count, 1))
        )
    return rows


def format_table(rows: list[Row], k: int) -> str:
    header = f"{'configuration':<26} {'direction':<26} {'queries':>7} {f'nDCG@{k}':>8} {f'recall@{k}':>10}"
    lines = [header, "-" * len(header)]
    for row in rows:
        name = f"{row.configuration:<26} {row.direction:<26}"
        lines.append(f"{name} {row.queries:>7} {row.ndcg:>8.3f} {row.recall:>10.3f}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m kopru.invest.matching.evaluate", description=__doc__)
    parser.add_argument(
        "--data-dir", type=Path, default=default_data_dir(), help="folder with the three YAML files"
    )
    parser.add_argument("--k", type=int, default=10, help="cut-off rank (default 10)")
    parser.add_argument("--weights", default="", help="override hybrid weights, e.g. lexical=0.4,kind=0.1")
    parser.add_argument(
        "--embeddings",
        choices=("auto", "off", "on"),
        default="auto",
        help="auto: add a hybrid+embeddings row when the model loads; on: fail if it does not",
    )
    parser.add_argument("--format", choices=("table", "json"), default="table")
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.k < 1:
        parser.error(f"--k: {args.k} must be at least 1")
    try:
        companies = load_companies(args.data_dir / "companies.yaml")
        opportunities = load_opportunities(args.data_dir / "opportunities.yaml")
        judgements = load_judgements(args.data_dir / "judgements.yaml")
        hybrid = Weights.parse(args.weights)
        index = MatchIndex.build(companies, opportunities, weights=hybrid)
        check_judgements(index, judgements)
        rows = evaluate(index.with_weights(Weights.lexical_only()), judgements, "lexical only (BM25)", args.k)
        rows += evaluate(index, judgements, "hybrid", args.k)
        notes = []
        if args.embeddings != "off":
            try:
                embedder = load_embedder()
            except EmbeddingUnavailableError as error:
                if args.embeddings == "on":
                    raise
                notes.append(f"hybrid+embeddings skipped: {error}")
            else:
                with_vectors = MatchIndex.build(companies, opportunities, embedder=embedder, weights=hybrid)
                rows += evaluate(with_vectors, judgements, f"hybrid+{embedder.name}", args.k)
    except (MatchingInputError, EmbeddingUnavailableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps({"k": args.k, "rows": [row.__dict__ for row in rows], "notes": notes}, indent=2))
    else:
        print(format_table(rows, args.k))
        for note in notes:
            print(f"note: {note}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
