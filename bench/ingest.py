"""Ingestion throughput with 1 vs 2 task workers (the claim: 2 workers ≥ 1.7 × faster on 10,000 documents).

Each run gets a fresh SQLite database, the same synthetic corpus (the extraction gold documents, each copy
made unique so that it is stored and extracted as its own document), and `kopru ingest --workers N`, which
stores the documents and starts N database-queue workers. Prints a table; the 1-worker run is the baseline.

    .venv/bin/python bench/ingest.py                 # 10,000 documents (about 10 minutes on 2 cores)
    .venv/bin/python bench/ingest.py --docs 1000     # a quicker look
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from kopru.env import data_dir  # noqa: E402

GOLD = data_dir() / "gold" / "extraction"
KOPRU = [sys.executable, "-m", "kopru.cli"]


def make_corpus(folder: Path, count: int) -> int:
    texts = [path.read_text(encoding="utf-8") for path in sorted(GOLD.glob("*.txt"))]
    words = 0
    for index in range(count):
        text = texts[index % len(texts)]
        words += len(text.split())
        (folder / f"doc_{index:05d}.txt").write_text(f"{text}\n\n(Archive copy {index})\n", encoding="utf-8")
    return words


def run(corpus: Path, workers: int, scratch: Path) -> dict:
    database = scratch / f"bench-{workers}.sqlite3"
    env = {**os.environ, "KOPRU_DATABASE_URL": f"sqlite:///{database}", "KOPRU_VAR_DIR": str(scratch)}
    subprocess.run([*KOPRU, "migrate", "-v0"], env=env, check=True)
    subprocess.run([*KOPRU, "load_reference", "-v0"], env=env, check=True, stdout=subprocess.DEVNULL)
    started = time.perf_counter()
    subprocess.run(
        [*KOPRU, "ingest", str(corpus), "--workers", str(workers)],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    total = time.perf_counter() - started
    with sqlite3.connect(database) as connection:
        first, last, done = connection.execute(
            "SELECT MIN(started_at), MAX(finished_at), SUM(status = 'done') FROM intel_ingestitem"
        ).fetchone()
    extraction = (datetime.fromisoformat(last) - datetime.fromisoformat(first)).total_seconds()
    return {"workers": workers, "total": total, "extraction": extraction, "done": done}


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument(
        "--workers", default="1,2", help="comma-separated worker counts; the first is the baseline"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kopru-bench-") as tmp:
        scratch = Path(tmp)
        corpus = scratch / "corpus"
        corpus.mkdir()
        words = make_corpus(corpus, args.docs)
        print(f"corpus: {args.docs:,} documents, {words:,} words; machine: {os.cpu_count()} cores\n")
        results = [run(corpus, int(n), scratch) for n in args.workers.split(",")]
    baseline = results[0]
    print(
        f"{'workers':>7} {'extracted':>10} {'total s':>9} {'extraction s':>13} {'docs/s':>8} {'speed-up':>9}"
    )
    for result in results:
        speedup = baseline["total"] / result["total"]
        rate = result["done"] / result["total"]
        print(
            f"{result['workers']:>7} {result['done']:>10,} {result['total']:>9.1f} "
            f"{result['extraction']:>13.1f} {rate:>8.1f} {speedup:>8.2f}x"
        )
    print("\n(speed-up: total wall time of `kopru ingest` against the first row, measured in this run)")


if __name__ == "__main__":
    main()
