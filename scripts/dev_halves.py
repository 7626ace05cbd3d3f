"""Split a materialised dev folder into a studied half and a held-back half, the same way every time.

    python scripts/dev_halves.py /tmp/real/dev --out /tmp/halves    # writes /tmp/halves/A and /tmp/halves/B

Half A holds the documents whose `zlib.crc32(stem) % 2 == 0`, half B the rest (links to the texts and their
gold files). Study and tune on A only; score B as totals, before and after a change, to see whether a rule
found on A carries to text nobody studied (docs/extraction-evaluation.md, "Session 8").
"""

from __future__ import annotations

import argparse
import sys
import zlib
from pathlib import Path


def half_of(stem: str) -> str:
    return "A" if zlib.crc32(stem.encode()) % 2 == 0 else "B"


def split(dev: Path, out: Path) -> dict[str, int]:
    counts = {"A": 0, "B": 0}
    for half in counts:
        (out / half).mkdir(parents=True, exist_ok=True)
    for gold in sorted(dev.glob("*.gold.json")):
        stem = gold.name.removesuffix(".gold.json")
        half = half_of(stem)
        for path in [gold, *(p for p in dev.glob(f"{stem}.*") if p != gold)]:
            link = out / half / path.name
            if link.is_symlink() or link.exists():
                link.unlink()
            link.symlink_to(path.resolve())
        counts[half] += 1
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dev", type=Path, help="a materialised dev folder (texts beside their .gold.json)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if not args.dev.is_dir():
        print(f"{args.dev}: no such folder", file=sys.stderr)
        return 2
    counts = split(args.dev, args.out)
    print(f"half A: {counts['A']} documents in {args.out / 'A'}; half B: {counts['B']} in {args.out / 'B'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
