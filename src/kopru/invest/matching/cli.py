"""Command line for matchmaking: `main(argv)` is what `kopru match ...` dispatches to.

  companies-for OPPORTUNITY_ID      best companies for an opportunity, with reasons
  opportunities-for COMPANY_ID      best opportunities for a company, with reasons
  explain COMPANY_ID OPPORTUNITY_ID one pair in full (also says why a pair is excluded)
  evaluate [...]                    nDCG / recall on data/matching (see evaluate.py)
Exit status 0 with a result, 2 with a one-line message on bad input.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kopru.invest.economics.messages import english
from kopru.invest.matching import evaluate as evaluation
from kopru.invest.matching.embeddings import EmbeddingUnavailableError, load_embedder
from kopru.invest.matching.index import MatchIndex
from kopru.invest.matching.loading import default_data_dir, load_companies, load_opportunities
from kopru.invest.matching.models import Match, MatchingInputError, UnknownRecordError
from kopru.invest.matching.weights import Weights


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--data-dir",
        type=Path,
        default=default_data_dir(),
        help="folder with companies.yaml, opportunities.yaml",
    )
    parser.add_argument("--weights", default="", help="override weights, e.g. lexical=0.4,sector=0.3")
    parser.add_argument(
        "--embeddings", action="store_true", help="add sentence embeddings ($KOPRU_EMBEDDING_MODEL)"
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kopru match", description="Investment matchmaking.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, argument in (("companies-for", "opportunity_id"), ("opportunities-for", "company_id")):
        command = commands.add_parser(name)
        command.add_argument(argument)
        command.add_argument("--k", type=int, default=20, help="how many results (default 20)")
        _common(command)
    explain = commands.add_parser("explain")
    explain.add_argument("company_id")
    explain.add_argument("opportunity_id")
    _common(explain)
    commands.add_parser("evaluate", add_help=False)
    return parser


def _as_dict(match: Match) -> dict:
    excluded = match.explanation.excluded_because
    return {
        "id": match.id,
        "score": match.score,
        "excluded_because": english(excluded) if excluded else None,
        "excluded_because_message": excluded.to_dict() if excluded else None,
        "contributions": [
            {
                "feature": item.feature,
                "value": item.value,
                "weight": item.weight,
                "sentence": english(item.message),
                "message": item.message.to_dict() if item.message else None,
            }
            for item in match.explanation.contributions
        ],
    }


def _as_text(matches: list[Match]) -> str:
    lines = []
    for rank, match in enumerate(matches, start=1):
        lines.append(f"{rank:>3}. {match.id}  score {match.score:.3f}")
        lines.extend(f"       - {english(message)}" for message in match.explanation.messages)
    return "\n".join(lines) if lines else "(no eligible candidates)"


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["evaluate"]:
        return evaluation.main(argv[1:])
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if getattr(args, "k", 1) < 1:
            raise MatchingInputError(f"--k: {args.k} must be at least 1")
        embedder = load_embedder() if args.embeddings else None
        index = MatchIndex.build(
            load_companies(args.data_dir / "companies.yaml"),
            load_opportunities(args.data_dir / "opportunities.yaml"),
            embedder=embedder,
            weights=Weights.parse(args.weights),
        )
        if args.command == "companies-for":
            matches = index.companies_for(args.opportunity_id, k=args.k)
        elif args.command == "opportunities-for":
            matches = index.opportunities_for(args.company_id, k=args.k)
        else:
            matches = [index.explain(args.company_id, args.opportunity_id)]
    except (MatchingInputError, UnknownRecordError, EmbeddingUnavailableError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.format == "json":
        print(json.dumps([_as_dict(match) for match in matches], indent=2, ensure_ascii=False))
    else:
        print(_as_text(matches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
