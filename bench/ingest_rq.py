"""Ingestion on PostgreSQL with RQ workers on Redis: 1 vs 2 vs 4 workers on the same 1,000 documents.

The claim (docs/operations.md): 2 workers extract at least 1.8 × as fast as 1 on a 2-core machine, and 4
are no slower than 2 (no lock contention collapse). The corpus is realistic text recombined from the
extraction gold sets: each document is a headline paragraph plus 2-5 paragraphs of other articles,
chosen by a seeded generator, so every document is distinct and reads like wire copy.

For each worker count: the document tables are emptied, `kopru ingest --workers 0 --no-wait` stores
the corpus and queues one RQ job per document, then N `kopru rqworker --burst` processes drain the
queue. The rate is documents ÷ (last item finished − first item started), read from the database, so
worker start-up (loading the language model) is not counted; the wall time including it is shown too.

    .venv/bin/python bench/ingest_rq.py                   # 1,000 documents, workers 1,2,4
    .venv/bin/python bench/ingest_rq.py --docs 300 --workers 1,2
Environment: PG_URL (server, default postgres://postgres@127.0.0.1:5432), KOPRU_BENCH_REDIS_URL
(default redis://127.0.0.1:6379/8). Uses its own database kopru_prod_bench, dropped at the end.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "data" / "gold" / "extraction"
KOPRU = [sys.executable, "-m", "kopru.cli"]
SERVER = os.environ.get("PG_URL", "postgres://postgres@127.0.0.1:5432").rstrip("/")
if SERVER.count("/") > 2:  # a full database URL: keep the server part
    SERVER = SERVER.rsplit("/", 1)[0]
DATABASE = "kopru_prod_bench"
REDIS_URL = os.environ.get("KOPRU_BENCH_REDIS_URL", "redis://127.0.0.1:6379/8")


def paragraphs() -> list[list[str]]:
    """Paragraphs of each gold article (txt files of the three gold sets)."""
    articles = []
    for path in sorted(GOLD.rglob("*.txt")):
        parts = [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40]
        if parts:
            articles.append(parts)
    return articles


def make_corpus(folder: Path, count: int, seed: int = 14) -> int:
    articles = paragraphs()
    pool = [p for article in articles for p in article[1:]] or [p for a in articles for p in a]
    generator = random.Random(seed)
    words = 0
    for index in range(count):
        lead = generator.choice(articles)
        body = [lead[0], *lead[1:3], *generator.sample(pool, generator.randint(2, 5))]
        text = "\n\n".join(body) + f"\n\n(Desk copy {index:05d})\n"
        words += len(text.split())
        (folder / f"article_{index:05d}.txt").write_text(text, encoding="utf-8")
    return words


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def environment(scratch: Path) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]),
        "KOPRU_DATABASE_URL": f"{SERVER}/{DATABASE}",
        "KOPRU_VAR_DIR": str(scratch),
        "KOPRU_TASKS_BACKEND": "django_tasks_rq.RQBackend",
        "KOPRU_REDIS_URL": REDIS_URL,
        "KOPRU_DB_CONN_MAX_AGE": "60",
    }


def empty_documents() -> None:
    with psycopg.connect(f"{SERVER}/{DATABASE}", autocommit=True) as connection:
        connection.execute(
            "TRUNCATE intel_suggestion, intel_ingestitem, intel_ingestbatch, core_evidence, core_document "
            "RESTART IDENTITY CASCADE"
        )


def run(corpus: Path, workers: int, scratch: Path, env: dict[str, str]) -> dict:
    empty_documents()
    redis.Redis.from_url(REDIS_URL).flushdb()
    stored = time.perf_counter()
    subprocess.run(
        [*KOPRU, "ingest", str(corpus), "--workers", "0", "--no-wait"],
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    stored = time.perf_counter() - stored
    started = time.perf_counter()
    logs = [scratch / f"worker-{workers}-{n}.log" for n in range(workers)]
    processes = [
        subprocess.Popen(
            [*KOPRU, "rqworker", "default", "--burst", "--name", f"bench-{workers}-{n}-{os.getpid()}"],
            env=env,
            stdout=log.open("w"),
            stderr=subprocess.STDOUT,
        )
        for n, log in enumerate(logs)
    ]
    for process in processes:
        process.wait()
    wall = time.perf_counter() - started
    with psycopg.connect(f"{SERVER}/{DATABASE}") as connection:
        first, last, done, failed, suggestions, duplicates = connection.execute(
            "SELECT MIN(started_at), MAX(finished_at), COUNT(*) FILTER (WHERE status = 'done'), "
            "COUNT(*) FILTER (WHERE status = 'failed'), (SELECT COUNT(*) FROM intel_suggestion), "
            "(SELECT COUNT(*) - COUNT(DISTINCT (document_id, fingerprint)) FROM intel_suggestion) "
            "FROM intel_ingestitem"
        ).fetchone()
    if not done:
        tail = logs[0].read_text(errors="replace")[-3000:]
        raise SystemExit(f"{workers} worker(s) extracted nothing; the first worker's log ends:\n{tail}")
    extraction = (last - first).total_seconds()
    return {
        "workers": workers,
        "stored": stored,
        "wall": wall,
        "extraction": extraction,
        "done": done,
        "failed": failed,
        "suggestions": suggestions,
        "duplicates": duplicates,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument(
        "--workers", default="1,2,4", help="comma-separated worker counts; the first is the baseline"
    )
    args = parser.parse_args()
    admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{DATABASE}"')
    try:
        with tempfile.TemporaryDirectory(prefix="kopru-bench-rq-") as tmp:
            scratch = Path(tmp)
            corpus = scratch / "corpus"
            corpus.mkdir()
            words = make_corpus(corpus, args.docs)
            env = environment(scratch)
            subprocess.run([*KOPRU, "migrate", "-v0"], env=env, check=True)
            subprocess.run([*KOPRU, "load_reference", "-v0"], env=env, check=True, stdout=subprocess.DEVNULL)
            print(
                f"corpus: {args.docs:,} documents, {words:,} words; PostgreSQL, RQ on {REDIS_URL}; "
                f"machine: {os.cpu_count()} cores\n"
            )
            results = [run(corpus, int(n), scratch, env) for n in args.workers.split(",")]
    finally:
        admin(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
        redis.Redis.from_url(REDIS_URL).flushdb()
    baseline = results[0]
    print(
        f"{'workers':>7} {'done':>6} {'failed':>6} {'store s':>8} {'extract s':>10} {'wall s':>7} "
        f"{'docs/s':>7} {'per worker':>10} {'speed-up':>9} {'dup sugg.':>9}"
    )
    for result in results:
        rate = result["done"] / result["extraction"]
        speedup = rate / (baseline["done"] / baseline["extraction"])
        per_worker = rate / result["workers"]
        print(
            f"{result['workers']:>7} {result['done']:>6} {result['failed']:>6} {result['stored']:>8.1f} "
            f"{result['extraction']:>10.1f} {result['wall']:>7.1f} {rate:>7.2f} {per_worker:>10.2f} "
            f"{speedup:>8.2f}x {result['duplicates']:>9}"
        )
    print("\n(docs/s: documents ÷ (last finished − first started); speed-up against the first row, this run)")
    return 0 if all(r["failed"] == 0 and r["duplicates"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
