"""`kopru calls assign --instance FILE.json [--format json]` — see contracts/reviewer-assignment.md.

Exit status: 0 optimal, 3 infeasible (with the explanation), 2 malformed instance or bad arguments.
"""

from __future__ import annotations

import argparse
import json
import sys

from kopru.calls.assignment.parsing import InstanceError, parse_instance
from kopru.calls.assignment.solver import solve_assignment

EXIT_OPTIMAL = 0
EXIT_MALFORMED = 2
EXIT_INFEASIBLE = 3


class _ArgumentParser(argparse.ArgumentParser):
    # argparse exits by itself on bad arguments; raising lets main() return 2 instead of exiting
    def error(self, message: str):
        raise InstanceError("arguments", message)


def _parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(prog="kopru calls assign", description="Solve one reviewer-assignment problem.")
    parser.add_argument("--instance", required=True, help="instance JSON file (see the contract)")
    parser.add_argument("--format", choices=["json"], default="json", help="output format (only json)")
    return parser


def _load(path: str) -> object:
    try:
        with open(path, encoding="utf-8") as handle:
            return json.load(handle)
    except OSError as error:
        raise InstanceError("--instance", f"cannot read {path}: {error.strerror}") from error
    except UnicodeDecodeError as error:
        raise InstanceError("--instance", f"{path} is not UTF-8 text") from error
    except json.JSONDecodeError as error:
        raise InstanceError(
            "--instance", f"{path} is not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error


def main(argv: list[str]) -> int:
    try:
        arguments = _parser().parse_args(argv)
        instance = parse_instance(_load(arguments.instance))
    except InstanceError as error:
        print(f"error: {error}", file=sys.stderr)
        return EXIT_MALFORMED
    result = solve_assignment(instance)
    json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
    if result.status == "infeasible":
        print(f"infeasible: {result.explanation}", file=sys.stderr)
        return EXIT_INFEASIBLE
    return EXIT_OPTIMAL
