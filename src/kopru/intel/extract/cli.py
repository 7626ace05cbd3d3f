"""`kopru extract [--format jsonl] PATH...` — one JSON object per document per line on standard output.

Exit status 0 when every document was read, 1 when any failed (its line carries ``"error"``), 2 for a
usage error.
"""

from __future__ import annotations

import argparse
import json
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kopru extract",
        description="Extract people, organisations, countries, places, sectors, events and claims from "
        "documents (.txt .md .html .htm .pdf, or directories of them) as JSON lines.",
    )
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (jsonl)")
    parser.add_argument("paths", nargs="+", metavar="PATH", help="a file or a directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    from . import extract_documents

    failed = False
    out = sys.stdout
    for result in extract_documents(args.paths):
        if not result.ok:
            failed = True
            print(f"kopru extract: {result.source}: {result.error}", file=sys.stderr)
        out.write(json.dumps(result.to_dict(), ensure_ascii=False) + "\n")
        out.flush()
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
