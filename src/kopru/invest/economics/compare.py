"""Helper (outside the CLI contract): "make in China" vs "make in Türkiye" for the EU market, as a table.

    PYTHONPATH=src python -m kopru.invest.economics.compare [--product bev] [--ex-works 30000 --currency EUR]
        [--producers BYD,SAIC,other-cooperating] [--dates 2024-06-01,2024-08-01,2025-01-01]
        [--freight-cn 0 --freight-tr 0] [--local-value-share 0.7] [--low-local-value-share 0.3]

Freight defaults to 0 so that the table isolates duties; pass freight to get a true landed cost.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import TextIO

from kopru.invest.economics.cli import EXIT_BAD_INPUT, EXIT_OK, _ArgumentParser
from kopru.invest.economics.errors import InputError
from kopru.invest.economics.fx import Money, validate_currency
from kopru.invest.economics.landed_cost import landed_cost
from kopru.invest.economics.market_access import assess_market_access
from kopru.invest.economics.rule_tables import Rules, load_rules
from kopru.invest.economics.sources import parse_date


@dataclass(frozen=True)
class ComparisonRow:
    date: str
    producer: str
    route: str
    ad_valorem_total: float
    landed_cost: float
    currency: str
    row_ids: tuple[str, ...]
    origin_risk: str | None


def compare_routes(
    rules: Rules,
    product: str,
    producers: list[str],
    dates: list[str],
    ex_works: Money,
    freight_cn: float,
    freight_tr: float,
    local_value_share: float,
    low_local_value_share: float,
) -> list[ComparisonRow]:
    rows = []
    routes = (
        ("CN->EU", "CN", None, freight_cn),
        (f"TR->EU (LVS {local_value_share:g})", "TR", local_value_share, freight_tr),
        (f"TR->EU (LVS {low_local_value_share:g})", "TR", low_local_value_share, freight_tr),
    )
    for date_text in dates:
        on = parse_date(date_text, "dates")
        for producer in producers:
            for label, made_in, share, freight in routes:
                access = assess_market_access(rules, product, made_in, "EU", on, producer, share)
                cost = landed_cost(access, ex_works, Money(freight, ex_works.currency))
                rows.append(
                    ComparisonRow(
                        date=on.isoformat(),
                        producer=producer,
                        route=label,
                        ad_valorem_total=access.ad_valorem_total,
                        landed_cost=cost.total,
                        currency=cost.currency,
                        row_ids=tuple(line.ref.row_id for line in access.duties),
                        origin_risk=access.origin.risk.level if access.origin.risk else None,
                    )
                )
    return rows


def print_table(rows: list[ComparisonRow], out: TextIO) -> None:
    print(
        f"| date | producer | route | ad valorem total | landed cost ({rows[0].currency})"
        " | origin risk | rows |",
        file=out,
    )
    print("|---|---|---|---|---|---|---|", file=out)
    for row in rows:
        print(
            f"| {row.date} | {row.producer} | {row.route} | {row.ad_valorem_total:.1%}"
            f" | {row.landed_cost:,.0f} | {row.origin_risk or '-'} | {', '.join(row.row_ids)} |",
            file=out,
        )


def main(argv: list[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    out, err = out or sys.stdout, err or sys.stderr
    parser = _ArgumentParser(
        prog="compare", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--product", default="bev")
    parser.add_argument("--producers", default="BYD,SAIC,other-cooperating")
    parser.add_argument("--dates", default="2024-06-01,2024-08-01,2025-01-01")
    parser.add_argument("--ex-works", type=float, default=30000.0)
    parser.add_argument("--currency", default="EUR")
    parser.add_argument("--freight-cn", type=float, default=0.0)
    parser.add_argument("--freight-tr", type=float, default=0.0)
    parser.add_argument("--local-value-share", type=float, default=0.7)
    parser.add_argument("--low-local-value-share", type=float, default=0.3)
    try:
        args = parser.parse_args(argv)
        rows = compare_routes(
            load_rules(),
            args.product,
            [p.strip() for p in args.producers.split(",") if p.strip()],
            [d.strip() for d in args.dates.split(",") if d.strip()],
            Money(args.ex_works, validate_currency(args.currency, "currency")),
            args.freight_cn,
            args.freight_tr,
            args.local_value_share,
            args.low_local_value_share,
        )
    except InputError as error:
        print(f"error: {error}", file=err)
        return EXIT_BAD_INPUT
    print_table(rows, out)
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
