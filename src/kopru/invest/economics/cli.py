"""`kopru market-access` (contract: shared/contracts/market-access.md) and `plant-case` entry functions.

Both return an exit status instead of raising: 0 with a result, 2 with a one-line message naming the
bad field. No database, server or network is needed.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from kopru.invest.economics.errors import InputError, bad_input
from kopru.invest.economics.market_access import MarketAccessResult, assess_market_access
from kopru.invest.economics.messages import english, with_text
from kopru.invest.economics.montecarlo import run_monte_carlo
from kopru.invest.economics.plant import evaluate_plant
from kopru.invest.economics.rule_tables import load_rules
from kopru.invest.economics.scenario import load_scenario
from kopru.invest.economics.sources import parse_date

EXIT_OK, EXIT_BAD_INPUT = 0, 2


class _ArgumentParser(argparse.ArgumentParser):
    """argparse that raises instead of printing usage and exiting, so we control message and status."""

    def error(self, message: str) -> None:  # type: ignore[override]
        raise InputError("arguments", message)


def _market_access_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="kopru market-access", description="Duties on a product by origin and date."
    )
    parser.add_argument("--product", help="HS code (4-10 digits) or product key (see --list-products)")
    parser.add_argument("--made-in", help="ISO 3166-1 alpha-2 country of manufacture")
    parser.add_argument("--destination", help="EU (or an EU member state) or TR")
    parser.add_argument("--date", help="YYYY-MM-DD: the rules in force on that day are applied")
    parser.add_argument(
        "--producer", help="producer name as the measures name it, or other-cooperating / non-cooperating"
    )
    parser.add_argument(
        "--local-value-share", help="0..1: Turkish share of ex-works value (goods made in TR)"
    )
    parser.add_argument(
        "--incentive-certificate",
        action="store_true",
        help="import under an investment incentive certificate",
    )
    parser.add_argument("--model", help="model name, for price-undertaking exemptions")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--list-products", action="store_true", help="print the product keys and exit")
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    return parser


def _float_arg(value: str | None, field: str) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError as error:
        raise bad_input(field, "error.not_a_number", value=repr(value)) from error


def _require(args: argparse.Namespace, *names: str) -> None:
    for name in names:
        if getattr(args, name) in (None, ""):
            raise bad_input(name, "error.option_required", option=name.replace("_", "-"))


def _print_text(result: MarketAccessResult, out: TextIO) -> None:
    product = result.product.key or "-"
    print(
        f"{product} (HS {result.product.hs}) made in {result.made_in} -> {result.destination}"
        f" on {result.date}{' producer ' + result.producer if result.producer else ''}",
        file=out,
    )
    origin = result.origin
    print(f"origin: {origin.assessed} ({english(origin.basis)})", file=out)
    if origin.risk:
        print(f"origin risk: {origin.risk.level} — {english(origin.risk.explanation)}", file=out)
    for line in result.duties:
        group = f" [{line.producer_group}]" if line.producer_group else ""
        specific = ""
        if line.specific:
            part = line.specific
            specific = f" ({part.basis} {part.per_unit:g} {part.currency}/{part.unit})"
        print(
            f"  {line.kind:<16}{line.rate:>8.1%}{specific}{group}  {line.ref.reference}  [{line.ref.row_id}]",
            file=out,
        )
    for line in result.exemptions:
        print(f"  exempt: {line.kind} {line.rate:.1%} [{line.ref.row_id}]", file=out)
    print(f"ad valorem total: {result.ad_valorem_total:.1%}", file=out)
    for note in result.notes:
        print(f"note: {english(note)}", file=out)


def _run_market_access(argv: list[str], out: TextIO) -> int:
    args = _market_access_parser().parse_args(argv)
    rules = load_rules(args.data_dir)
    if args.list_products:
        for product in rules.products.values():
            print(f"{product.key:<22}{product.hs:<8}{product.description}", file=out)
        return EXIT_OK
    _require(args, "product", "made_in", "destination", "date")
    result = assess_market_access(
        rules,
        product=args.product,
        made_in=args.made_in,
        destination=args.destination,
        on=parse_date(args.date, "date"),
        producer=args.producer,
        local_value_share=_float_arg(args.local_value_share, "local_value_share"),
        incentive_certificate=args.incentive_certificate,
        model=args.model,
    )
    if args.format == "json":
        print(json.dumps(with_text(result.to_dict()), ensure_ascii=False, indent=2), file=out)
    else:
        _print_text(result, out)
    return EXIT_OK


def _guarded(run: Any, argv: list[str], out: TextIO, err: TextIO) -> int:
    try:
        return run(argv, out)
    except InputError as error:
        print(f"error: {error}", file=err)
        return EXIT_BAD_INPUT


def main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """`kopru market-access ...`: 0 with a result, 2 with a message naming the bad field."""
    return _guarded(_run_market_access, list(argv), out or sys.stdout, err or sys.stderr)


def _plant_parser() -> argparse.ArgumentParser:
    parser = _ArgumentParser(
        prog="kopru plant-case", description="Plant cash flows, NPV/IRR/payback, Monte Carlo."
    )
    parser.add_argument("scenario", help="scenario YAML (a path, or the name of a shipped scenario)")
    parser.add_argument("--draws", default="10000", help="Monte Carlo draws (0 = deterministic only)")
    parser.add_argument("--seed", default="1", help="random seed (same seed, same result)")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("--data-dir", help=argparse.SUPPRESS)
    return parser


def _int_arg(value: str, field: str) -> int:
    try:
        return int(value)
    except ValueError as error:
        raise bad_input(field, "error.not_an_integer", value=repr(value)) from error


def _run_plant(argv: list[str], out: TextIO) -> int:
    args = _plant_parser().parse_args(argv)
    draws, seed = _int_arg(args.draws, "draws"), _int_arg(args.seed, "seed")
    if draws < 0:
        raise bad_input("draws", "error.not_negative", value=f"{draws}")
    scenario = load_scenario(args.scenario, load_rules(args.data_dir))
    deterministic = evaluate_plant(scenario.inputs)
    monte_carlo = run_monte_carlo(scenario.inputs, scenario.ranges, draws, seed) if draws else None
    if args.format == "json":
        payload = {
            "scenario": {"id": scenario.id, "title": scenario.title, "facts": list(scenario.facts)},
            "incentives": scenario.incentives.to_dict() if scenario.incentives else None,
            "notes": [note.to_dict() for note in scenario.notes],
            "deterministic": deterministic.to_dict(),
            "monte_carlo": monte_carlo.to_dict() if monte_carlo else None,
        }
        print(json.dumps(with_text(payload), ensure_ascii=False, indent=2, default=str), file=out)
        return EXIT_OK
    ccy = scenario.inputs.currency
    print(f"{scenario.title}", file=out)
    irr_text = "n/a" if deterministic.irr is None else f"{deterministic.irr:.2%}"
    payback = "never" if deterministic.payback_years is None else f"{deterministic.payback_years:.2f} years"
    print(f"NPV {deterministic.npv:,.0f} {ccy}  IRR {irr_text}  payback {payback}", file=out)
    for note in scenario.notes:
        print(f"note: {english(note)}", file=out)
    if monte_carlo:
        pct = monte_carlo.percentiles
        print(f"Monte Carlo: {draws} draws, seed {seed}", file=out)
        print(
            f"  NPV  P10 {pct['npv']['p10']:,.0f}  P50 {pct['npv']['p50']:,.0f}"
            f"  P90 {pct['npv']['p90']:,.0f} {ccy}",
            file=out,
        )
        irr = pct["irr"]
        if irr["p50"] is not None:
            print(f"  IRR  P10 {irr['p10']:.2%}  P50 {irr['p50']:.2%}  P90 {irr['p90']:.2%}", file=out)
        print(f"  P(NPV < 0) = {monte_carlo.probability_npv_negative:.1%}", file=out)
        print("Tornado (NPV at min / max of each range, others at base):", file=out)
        for bar in monte_carlo.tornado:
            print(
                f"  {bar.parameter:<28}{bar.npv_at_low:>18,.0f}{bar.npv_at_high:>18,.0f}"
                f"  swing {bar.swing:,.0f}",
                file=out,
            )
    return EXIT_OK


def plant_main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """`kopru plant-case SCENARIO.yaml [--draws N --seed S --format json]`."""
    return _guarded(_run_plant, list(argv), out or sys.stdout, err or sys.stderr)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
