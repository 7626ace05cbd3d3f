"""Materialise the real-text extraction dev set from local snapshots of public news corpora.

    python scripts/materialise_real_gold.py [--mirror /work/.mirror] [--out var/gold-real] [--set NAME]

Third-party article text is never committed. Each set under `data/gold/extraction/real/<set>/` holds only
our annotations (`<id>.gold.json`) and a `manifest.yaml` saying where each text lives in a public
repository snapshot (fetched with the search tool's `fetch` into the mirror folder):

    corpus: owner/name            # the GitHub repository
    commit: <40 hex>              # the snapshot commit the paths refer to
    source: "what the corpus is, its licence"
    documents:
      - id: bbc-business-012      # file stem of the materialised text and of the gold file
        split: dev                # dev (tuned on) | unseen (scored once, at the end)
        path: bbc/business/012.txt
        format: text              # text | json | jsonl | csv | sgml (a path ending in .gz is gunzipped first)
        record: 12                # jsonl line / json list index / csv row (0-based, header excluded)
                                  # / sgml: DOCNO or 0-based index of the <DOC> (default: the first)
        fields: {title: title, text: content}   # structured formats: keys of headline and body
        ext: txt                  # extension of the materialised file: txt | md | html (default txt)

With `--wrap 70` (and `--shout`) plain texts whose paragraphs are separated by blank lines are printed as
agency copy is: wrapped at 70 columns, first lines indented (in capitals): the same gold then scores the
reader's handling of wrapped and shouted wire copy (docs/extraction-evaluation.md, session 10).

The texts land in `<out>/<split>/<id>.<ext>` with each gold file beside them, so
`kopru extract <out>/dev > pred.jsonl && kopru evaluate <out>/dev pred.jsonl` scores the dev part.
For structured records the headline is written on the first line and the body after a blank line, the
way a wire story reads. `sgml` reads LDC/TREC newswire markup (<DOC><DOCNO><HEADLINE><TEXT><P>, as in
AQUAINT or the DUC/TAC document sets): the headline and the paragraphs of TEXT, entities such as &AMP;
decoded and layout codes such as &HT; dropped.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "data" / "gold" / "extraction" / "real"
FORMATS = ("text", "json", "jsonl", "csv", "sgml")


class MaterialiseError(Exception):
    """A manifest entry cannot be turned into a text; the message names the set and document."""


def git_dir(mirror: Path, corpus: str) -> Path:
    """The git directory of a fetched snapshot: `<mirror>/owner+name/...` (bare or with a .git inside)."""
    base = mirror / corpus.replace("/", "+")
    if not base.exists():
        raise MaterialiseError(f"{corpus}: no snapshot under {base}; fetch github:{corpus} first")
    for candidate in [base, *sorted(p for p in base.rglob("*") if p.is_dir())]:
        if (candidate / "HEAD").is_file() and (candidate / "objects").is_dir():
            return candidate
    raise MaterialiseError(f"{corpus}: {base} holds no git directory")


def read_blob(repo: Path, commit: str, path: str) -> str:
    result = subprocess.run(
        ["git", f"--git-dir={repo}", "show", f"{commit}:{path}"],
        capture_output=True,
        check=False,
    )
    if result.returncode != 0:
        raise MaterialiseError(f"{path}@{commit[:10]}: {result.stderr.decode(errors='replace').strip()}")
    data = result.stdout
    if path.endswith(".gz"):  # corpora that store pages gzip-compressed (e.g. html/<id>.html.gz)
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def select_record(raw: str, entry: dict) -> dict | str:
    fmt = entry.get("format", "text")
    record = entry.get("record")
    if fmt == "text":
        return raw
    if fmt == "jsonl":
        lines = [line for line in raw.splitlines() if line.strip()]
        return json.loads(lines[int(record)])
    if fmt == "json":
        data = json.loads(raw)
        return data[int(record)] if record is not None else data
    if fmt == "csv":
        csv.field_size_limit(sys.maxsize)
        return list(csv.DictReader(io.StringIO(raw)))[int(record)]
    if fmt == "sgml":
        return sgml_record(raw, record)
    raise MaterialiseError(f"format {fmt!r} is not one of {', '.join(FORMATS)}")


SGML_ENTITIES = {"&AMP;": "&", "&LT;": "<", "&GT;": ">", "&amp;": "&", "&lt;": "<", "&gt;": ">"}


def _sgml_text(fragment: str) -> str:
    for entity, char in SGML_ENTITIES.items():
        fragment = fragment.replace(entity, char)
    fragment = re.sub(r"&[A-Za-z]+;", " ", fragment)  # layout codes (&HT; &LR; &QC; ...)
    return " ".join(re.sub(r"<[^>]+>", " ", fragment).split())


# notes to editors in capitals between parentheses: "(STORY CAN END HERE. OPTIONAL MATERIAL FOLLOWS)"
_EDITORS_NOTE = re.compile(r"\([A-Z0-9 .,;:'-]+\)$")


def sgml_record(raw: str, record: int | str | None) -> dict:
    """One <DOC> of LDC/TREC newswire SGML as {"docno", "headline", "text"}, paragraphs split."""
    docs = re.findall(r"<DOC>(.*?)</DOC>", raw, re.S) or [raw]
    if record is None:
        doc = docs[0]
    elif isinstance(record, int) or str(record).isdigit():
        doc = docs[int(record)]
    else:
        wanted = [d for d in docs if re.search(rf"<DOCNO>\s*{re.escape(str(record))}\s*</DOCNO>", d)]
        if not wanted:
            raise MaterialiseError(f"no <DOC> with DOCNO {record}")
        doc = wanted[0]
    docno = re.search(r"<DOCNO>(.*?)</DOCNO>", doc, re.S)
    headline = re.search(r"<HEADLINE>(.*?)</HEADLINE>", doc, re.S)
    body = re.search(r"<TEXT>(.*?)</TEXT>", doc, re.S)
    body_raw = body.group(1) if body else ""
    # a story may open with text before its first <P> (a lead paragraph, a headline repeated): keep every
    # segment, in order, rather than only the <P> elements
    if re.search(r"</?P>", body_raw):
        paragraphs = re.split(r"\s*</?P>\s*", body_raw)
    else:
        paragraphs = re.split(r"\n\s*\n", body_raw)
    return {
        "docno": _sgml_text(docno.group(1)) if docno else "",
        "headline": _sgml_text(headline.group(1)) if headline else "",
        "text": "\n\n".join(p for p in map(_sgml_text, paragraphs) if p and not _EDITORS_NOTE.match(p)),
    }


def compose(record: dict | str, entry: dict) -> str:
    if isinstance(record, str):
        return record
    default_fields = {"title": "headline", "text": "text"} if entry.get("format") == "sgml" else {}
    fields = entry.get("fields") or default_fields
    body = str(record.get(fields.get("text", "text")) or "").strip()
    title_key = fields.get("title")
    title = str(record.get(title_key) or "").strip() if title_key else ""
    return f"{title}\n\n{body}\n" if title else f"{body}\n"


def as_wire_copy(text: str, width: int, *, shout: bool = False) -> str:
    """A plain text printed the way agency copy is: the headline on its own line, each paragraph after it
    wrapped at `width` columns with its first line indented by four spaces (and, with `shout`, all in
    capitals). Texts whose paragraphs are not separated by blank lines are returned as they are: their
    paragraphs cannot be told apart."""
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
    if len(paragraphs) < 2:
        return text
    body = [textwrap.fill(p, width=width, initial_indent="    ") for p in paragraphs[1:]]
    printed = paragraphs[0] + "\n" + "\n".join(body) + "\n"
    return printed.upper() if shout else printed


def materialise_set(
    manifest_path: Path, mirror: Path, out: Path, *, wrap: int | None = None, shout: bool = False
) -> tuple[int, list[str]]:
    manifest = yaml.safe_load(manifest_path.read_text(encoding="utf-8"))
    set_dir = manifest_path.parent
    repo = git_dir(mirror, manifest["corpus"])
    written, errors = 0, []
    for entry in manifest.get("documents", []):
        doc_id = entry["id"]
        try:
            split = entry.get("split", "dev")
            if split not in ("dev", "unseen"):
                raise MaterialiseError(f"split {split!r} is neither dev nor unseen")
            raw = read_blob(repo, manifest["commit"], entry["path"])
            text = compose(select_record(raw, entry), entry)
            if wrap and entry.get("ext", "txt") == "txt":
                text = as_wire_copy(text, wrap, shout=shout)
            target = out / split / f"{doc_id}.{entry.get('ext', 'txt')}"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
            gold = set_dir / f"{doc_id}.gold.json"
            if gold.exists():
                shutil.copyfile(gold, target.parent / gold.name)
            written += 1
        except (MaterialiseError, KeyError, IndexError, ValueError) as exc:
            errors.append(f"{set_dir.name}/{doc_id}: {exc}")
    return written, errors


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    parser.add_argument("--out", type=Path, default=ROOT / "var" / "gold-real")
    parser.add_argument("--set", dest="only", help="materialise one set only")
    parser.add_argument(
        "--wrap",
        type=int,
        metavar="COLUMNS",
        help="print plain texts as wire copy: paragraphs wrapped at COLUMNS with indented first lines",
    )
    parser.add_argument("--shout", action="store_true", help="with --wrap: the wrapped texts in capitals")
    args = parser.parse_args(argv)
    if args.shout and not args.wrap:
        parser.error("--shout needs --wrap")
    total, failures = 0, []
    for manifest in sorted(SETS.glob("*/manifest.yaml")):
        if args.only and manifest.parent.name != args.only:
            continue
        try:
            written, errors = materialise_set(
                manifest, args.mirror, args.out, wrap=args.wrap, shout=args.shout
            )
        except MaterialiseError as exc:
            written, errors = 0, [f"{manifest.parent.name}: {exc}"]
        total += written
        failures += errors
        print(f"{manifest.parent.name}: {written} texts", file=sys.stderr)
    for failure in failures:
        print(f"error: {failure}", file=sys.stderr)
    print(f"{total} texts in {args.out}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
