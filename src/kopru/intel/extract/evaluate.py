"""Score `kopru extract` output against the hand-annotated gold set (`kopru evaluate`).

    kopru evaluate GOLD_DIR PRED.jsonl [--format table|json] [--details]

GOLD_DIR holds `DOC.gold.json` files (see docs/extraction-evaluation.md); PRED.jsonl holds one contract
object per line (docs/…/contracts/extraction.md). A prediction belongs to the gold document whose name
equals the basename of its `source`. Counts are micro-averaged: true positives, false positives and false
negatives of every document are summed per field before precision and recall are computed, so a
document with many entities weighs more than a short one.

Framework-free on purpose: no Django import, so it runs anywhere the pipeline runs.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any

FIELDS: tuple[str, ...] = (
    "people",
    "organizations",
    "countries",
    "places",
    "sectors",
    "titles",
    "person_country",
    "events",
    "events_lenient",
    "events_type_only",
    "claims",
    "metadata",
)

GOLD_SUFFIX = ".gold.json"

# Honorifics say nothing about identity; "Prof. Levent Akbulut" and "Levent Akbulut" are one person.
HONORIFICS = frozenset({"dr", "prof", "professor", "mr", "mrs", "ms"})

# Characters that NFKD does not decompose into a base letter plus a combining mark.
FOLDING = str.maketrans({"ı": "i", "ø": "o", "đ": "d", "ł": "l", "ß": "ss", "æ": "ae", "œ": "oe"})

POSSESSIVE_RE = re.compile(r"['’]s$")

PUNCTUATION_TO_SPACE = str.maketrans(dict.fromkeys(".,;:!?'’‘\"“”()[]/\\-–—_&", " "))


class EvaluationInputError(ValueError):
    """A gold file or prediction line is malformed; the message names the file/line and the field."""


# ---------------------------------------------------------------------------------------------------------
# normalisation


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form: 'Kacır' and 'KACIR' and 'Kacir' all give 'kacir'."""
    decomposed = unicodedata.normalize("NFKD", text.translate(FOLDING))
    without_marks = "".join(c for c in decomposed if not unicodedata.combining(c))
    # casefold after stripping marks: 'İ' decomposes to 'I' + dot above, which we just dropped
    spaced = without_marks.casefold().translate(FOLDING).translate(PUNCTUATION_TO_SPACE)
    return " ".join(spaced.split())


def name_key(name: str) -> str:
    """Identity of a name: folded, without honorifics, a leading "the" or a trailing possessive.

    Offsets are not scored, so "the Ministry of Trade" and "Ministry of Trade" name the same body.
    """
    words = fold(POSSESSIVE_RE.sub("", name.strip())).split()
    while len(words) > 1 and (words[0] in HONORIFICS or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def title_key(title: str) -> str:
    words = fold(title).split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


def entity_keys(entity: dict[str, Any]) -> frozenset[str]:
    aliases = entity.get("aliases")
    names = [entity.get("name"), *(aliases if isinstance(aliases, list) else [])]
    return frozenset(key for key in (name_key(n) for n in names if isinstance(n, str)) if key)


# ---------------------------------------------------------------------------------------------------------
# scores


@dataclass
class FieldScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: FieldScore) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    # An empty denominator gives 0.0 rather than an exception: a system that predicts nothing for a field
    # has precision 0 there by convention; tp/fp/fn are always reported so nothing is hidden.
    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


@dataclass
class FieldResult:
    score: FieldScore
    missed: list[str] = field(default_factory=list)  # gold items without a matching prediction (fn)
    spurious: list[str] = field(default_factory=list)  # predicted items without a gold match (fp)


@dataclass
class DocumentReport:
    name: str
    predicted: bool
    fields: dict[str, FieldResult]


@dataclass
class Report:
    fields: dict[str, FieldScore]
    documents: list[DocumentReport]
    missing_predictions: list[str]  # gold documents that no prediction line covered (all fn)
    unmatched_predictions: list[str]  # prediction sources that name no gold document (ignored)
    failed_predictions: list[str]  # predictions carrying "error" (scored as empty)

    def as_dict(self) -> dict[str, Any]:
        return {
            "fields": {name: score.as_dict() for name, score in self.fields.items()},
            "documents": [
                {
                    "name": doc.name,
                    "predicted": doc.predicted,
                    "fields": {
                        name: {**result.score.as_dict(), "missed": result.missed, "spurious": result.spurious}
                        for name, result in doc.fields.items()
                    },
                }
                for doc in self.documents
            ],
            "missing_predictions": self.missing_predictions,
            "unmatched_predictions": self.unmatched_predictions,
            "failed_predictions": self.failed_predictions,
        }


# ---------------------------------------------------------------------------------------------------------
# matching


def match_one_to_one(
    gold: Sequence[Any], pred: Sequence[Any], compatible: Callable[[Any, Any], bool]
) -> dict[int, int]:
    """Maximum bipartite matching (Kuhn's augmenting paths) -> {pred index: gold index}.

    Greedy matching can pair a prediction with the 'wrong' gold item and leave a later prediction
    unmatched; augmenting paths give the largest possible number of pairs, which is what tp should count.
    Inputs are a few dozen items per document, so O(V*E) is nothing.
    """
    candidates = [[g for g in range(len(gold)) if compatible(gold[g], p)] for p in pred]
    gold_owner: dict[int, int] = {}

    def augment(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in gold_owner or augment(gold_owner[g], seen):
                gold_owner[g] = p
                return True
        return False

    for p in range(len(pred)):
        augment(p, set())
    return {p: g for g, p in gold_owner.items()}


def _matched_result(
    gold: Sequence[Any], pred: Sequence[Any], pairs: dict[int, int], describe: Callable[[Any], str]
) -> FieldResult:
    matched_gold = set(pairs.values())
    return FieldResult(
        score=FieldScore(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs)),
        missed=[describe(g) for i, g in enumerate(gold) if i not in matched_gold],
        spurious=[describe(p) for i, p in enumerate(pred) if i not in pairs],
    )


def _set_result(gold: set[Any], pred: set[Any], describe: Callable[[Any], str] = str) -> FieldResult:
    both = gold & pred
    return FieldResult(
        score=FieldScore(tp=len(both), fp=len(pred - both), fn=len(gold - both)),
        missed=sorted(describe(item) for item in gold - both),
        spurious=sorted(describe(item) for item in pred - both),
    )


# ---------------------------------------------------------------------------------------------------------
# per-document scoring


def _items(doc: dict[str, Any], name: str) -> list[Any]:
    value = doc.get(name)
    return list(value) if isinstance(value, list) else []


def _dicts(doc: dict[str, Any], name: str) -> list[dict[str, Any]]:
    return [item for item in _items(doc, name) if isinstance(item, dict)]


def _codes(doc: dict[str, Any], name: str, key: str = "code") -> set[str]:
    # accept both ["ev", ...] and [{"code": "ev"}, ...]
    codes = set()
    for item in _items(doc, name):
        code = item.get(key) if isinstance(item, dict) else item
        if isinstance(code, str) and code.strip():
            codes.add(code.strip().upper() if name == "countries" else code.strip().lower())
    return codes


class EntityResolver:
    """Maps a participant/publisher string to a gold entity id, through aliases on either side."""

    def __init__(self, gold: dict[str, Any], pred: dict[str, Any]) -> None:
        self.gold_ids: dict[str, str] = {}
        for kind in ("people", "organizations"):
            for index, entity in enumerate(_dicts(gold, kind)):
                for key in entity_keys(entity):
                    self.gold_ids.setdefault(key, f"{kind}:{index}")
        self.pred_keys: dict[str, frozenset[str]] = {}
        for kind in ("people", "organizations"):
            for entity in _dicts(pred, kind):
                keys = entity_keys(entity)
                for key in keys:
                    self.pred_keys.setdefault(key, keys)

    def gold_id(self, name: str) -> str:
        key = name_key(name)
        if key in self.gold_ids:
            return self.gold_ids[key]
        for alias in sorted(self.pred_keys.get(key, ())):
            if alias in self.gold_ids:
                return self.gold_ids[alias]
        return f"unknown:{key}"


def _score_entities(
    gold: dict[str, Any], pred: dict[str, Any], kind: str
) -> tuple[FieldResult, dict[int, int]]:
    gold_items, pred_items = _dicts(gold, kind), _dicts(pred, kind)
    gold_keys = [entity_keys(e) for e in gold_items]
    pred_keys = [entity_keys(e) for e in pred_items]
    pairs = match_one_to_one(
        range(len(gold_items)), range(len(pred_items)), lambda g, p: bool(gold_keys[g] & pred_keys[p])
    )
    result = _matched_result(gold_items, pred_items, pairs, lambda e: str(e.get("name")))
    return result, pairs


def _person_pairs(
    people: list[dict[str, Any]],
    owner: Callable[[int], Any],
    values: Callable[[dict[str, Any]], Iterable[str]],
) -> dict[tuple[Any, str], str]:
    pairs: dict[tuple[Any, str], str] = {}
    for index, person in enumerate(people):
        for value in values(person):
            pairs[(owner(index), value)] = f"{person.get('name')} — {value}"
    return pairs


def _titles_of(person: dict[str, Any]) -> Iterable[str]:
    for position in person.get("positions") or []:
        if (
            isinstance(position, dict)
            and isinstance(position.get("title"), str)
            and position["title"].strip()
        ):
            yield title_key(position["title"])


def _country_of(person: dict[str, Any]) -> Iterable[str]:
    country = person.get("country")
    if isinstance(country, str) and country.strip():
        yield country.strip().upper()


def _score_person_pairs(
    gold: dict[str, Any],
    pred: dict[str, Any],
    people_pairs: dict[int, int],
    values: Callable[[dict[str, Any]], Iterable[str]],
) -> FieldResult:
    # A predicted person stands for the gold person it was matched to (alias-aware), so a title attached
    # to "Kacır" counts for "Mehmet Fatih Kacır"; unmatched predicted people keep a private identity.
    gold_pairs = _person_pairs(_dicts(gold, "people"), lambda g: ("gold", g), values)
    pred_pairs = _person_pairs(
        _dicts(pred, "people"),
        lambda p: ("gold", people_pairs[p]) if p in people_pairs else ("pred", p),
        values,
    )
    both = gold_pairs.keys() & pred_pairs.keys()
    return FieldResult(
        score=FieldScore(tp=len(both), fp=len(pred_pairs) - len(both), fn=len(gold_pairs) - len(both)),
        missed=sorted(text for key, text in gold_pairs.items() if key not in both),
        spurious=sorted(text for key, text in pred_pairs.items() if key not in both),
    )


def _describe_event(event: dict[str, Any]) -> str:
    participants = ", ".join(str(p) for p in event.get("participants") or [])
    return f"{event.get('type')}/{event.get('status')} @ {event.get('place')} [{participants}]"


def _score_events(
    gold: dict[str, Any], pred: dict[str, Any], strict: bool, lenient: bool = False
) -> FieldResult:
    """strict: type, status and a common participant; lenient (the real-text rule): type, and every party of
    the gold event among the predicted participants (status not required; a predicted event with no
    participants matches only a gold event with none); neither: type alone."""
    resolver = EntityResolver(gold, pred)
    gold_events, pred_events = _dicts(gold, "events"), _dicts(pred, "events")

    def participant_ids(event: dict[str, Any]) -> frozenset[str]:
        participants = event.get("participants")
        if not isinstance(participants, list):
            return frozenset()
        return frozenset(resolver.gold_id(p) for p in participants if isinstance(p, str))

    gold_ids = [participant_ids(e) for e in gold_events]
    pred_ids = [participant_ids(e) for e in pred_events]

    def compatible(g: int, p: int) -> bool:
        if gold_events[g].get("type") != pred_events[p].get("type"):
            return False
        if lenient:
            if not gold_ids[g]:
                return not pred_ids[p]
            return gold_ids[g] <= pred_ids[p]
        if not strict:
            return True
        if gold_events[g].get("status") != pred_events[p].get("status"):
            return False
        # an event nobody is named for (e.g. "the next meeting is planned for Almaty") matches on type and
        # status alone, but only with a prediction that also names nobody
        if not gold_ids[g] and not pred_ids[p]:
            return True
        return bool(gold_ids[g] & pred_ids[p])

    pairs = match_one_to_one(range(len(gold_events)), range(len(pred_events)), compatible)
    return _matched_result(gold_events, pred_events, pairs, _describe_event)


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    if isinstance(value, str):
        try:
            return float(value.replace(",", "").strip())
        except ValueError:
            return None
    return None


def _claim_matches(gold: dict[str, Any], pred: dict[str, Any]) -> bool:
    if fold(str(gold.get("metric") or "")) != fold(str(pred.get("metric") or "")):
        return False
    gold_value, pred_value = _number(gold.get("value")), _number(pred.get("value"))
    if gold_value is None or pred_value is None:
        return (
            gold_value is None
            and pred_value is None
            and fold(str(gold.get("value"))) == fold(str(pred.get("value")))
        )
    return math.isclose(gold_value, pred_value, rel_tol=1e-9, abs_tol=1e-9)


def _score_claims(gold: dict[str, Any], pred: dict[str, Any]) -> FieldResult:
    gold_claims, pred_claims = _dicts(gold, "claims"), _dicts(pred, "claims")
    pairs = match_one_to_one(gold_claims, pred_claims, _claim_matches)
    return _matched_result(
        gold_claims,
        pred_claims,
        pairs,
        lambda c: f"{c.get('subject')}: {c.get('metric')}={c.get('value')} {c.get('unit') or ''}".strip(),
    )


def _metadata_items(doc: dict[str, Any], publisher_key: Callable[[str], str]) -> dict[tuple[str, str], str]:
    """{comparable item: what to show for it} for title, published and publisher."""
    items: dict[tuple[str, str], str] = {}
    if isinstance(doc.get("title"), str) and fold(doc["title"]):
        items[("title", fold(doc["title"]))] = f"title={doc['title']}"
    if isinstance(doc.get("published"), str) and doc["published"].strip():
        items[("published", doc["published"].strip()[:10])] = f"published={doc['published'].strip()[:10]}"
    if isinstance(doc.get("publisher"), str) and fold(doc["publisher"]):
        items[("publisher", publisher_key(doc["publisher"]))] = f"publisher={doc['publisher']}"
    return items


def _score_metadata(gold: dict[str, Any], pred: dict[str, Any]) -> FieldResult:
    resolver = EntityResolver(gold, pred)

    # a publisher that is a gold organisation matches through its aliases ("AA" = "Anadolu Agency")
    def publisher_key(name: str) -> str:
        resolved = resolver.gold_id(name)
        return name_key(name) if resolved.startswith("unknown:") else resolved

    gold_items = _metadata_items(gold, publisher_key)
    pred_items = _metadata_items(pred, publisher_key)
    both = gold_items.keys() & pred_items.keys()
    return FieldResult(
        score=FieldScore(tp=len(both), fp=len(pred_items) - len(both), fn=len(gold_items) - len(both)),
        missed=sorted(text for key, text in gold_items.items() if key not in both),
        spurious=sorted(text for key, text in pred_items.items() if key not in both),
    )


def score_document(gold: dict[str, Any], pred: dict[str, Any]) -> dict[str, FieldResult]:
    people, people_pairs = _score_entities(gold, pred, "people")
    organizations, _ = _score_entities(gold, pred, "organizations")
    gold_places = _dicts(gold, "places")
    pred_places = _dicts(pred, "places")
    place_keys_gold = [entity_keys(p) for p in gold_places]
    place_keys_pred = [entity_keys(p) for p in pred_places]
    place_pairs = match_one_to_one(
        range(len(gold_places)),
        range(len(pred_places)),
        lambda g, p: bool(place_keys_gold[g] & place_keys_pred[p]),
    )
    return {
        "people": people,
        "organizations": organizations,
        "countries": _set_result(_codes(gold, "countries"), _codes(pred, "countries")),
        "places": _matched_result(gold_places, pred_places, place_pairs, lambda p: str(p.get("name"))),
        "sectors": _set_result(_codes(gold, "sectors"), _codes(pred, "sectors")),
        "titles": _score_person_pairs(gold, pred, people_pairs, _titles_of),
        "person_country": _score_person_pairs(gold, pred, people_pairs, _country_of),
        "events": _score_events(gold, pred, strict=True),
        "events_lenient": _score_events(gold, pred, strict=False, lenient=True),
        "events_type_only": _score_events(gold, pred, strict=False),
        "claims": _score_claims(gold, pred),
        "metadata": _score_metadata(gold, pred),
    }


# ---------------------------------------------------------------------------------------------------------
# corpus scoring


def _source_names(source: str) -> tuple[str, str]:
    path = PurePath(source.replace("\\", "/"))
    return path.name, path.stem


def score(gold_docs: dict[str, dict[str, Any]], pred_docs: Sequence[dict[str, Any]]) -> Report:
    """Score predictions against gold documents keyed by document file name (e.g. 'seed.txt').

    A prediction is assigned to the gold document whose name equals its source's basename (or, failing
    that, whose stem equals the source's stem: 'seed.html' converted to 'seed.txt' still counts). A gold
    document nobody predicted is scored against an empty prediction, so all its items are false negatives.
    """
    by_stem = {PurePath(name).stem: name for name in gold_docs}
    assigned: dict[str, dict[str, Any]] = {}
    unmatched: list[str] = []
    failed: list[str] = []
    for pred in pred_docs:
        source = str(pred.get("source", ""))
        basename, stem = _source_names(source)
        name = basename if basename in gold_docs else by_stem.get(stem)
        if name is None or name in assigned:
            unmatched.append(source)
            continue
        if pred.get("error"):
            failed.append(f"{source}: {pred['error']}")
        assigned[name] = pred

    totals = {name: FieldScore() for name in FIELDS}
    documents: list[DocumentReport] = []
    for name in sorted(gold_docs):
        pred = assigned.get(name, {})
        results = score_document(gold_docs[name], pred)
        for field_name, result in results.items():
            totals[field_name].add(result.score)
        documents.append(DocumentReport(name=name, predicted=name in assigned, fields=results))
    return Report(
        fields=totals,
        documents=documents,
        missing_predictions=[doc.name for doc in documents if not doc.predicted],
        unmatched_predictions=unmatched,
        failed_predictions=failed,
    )


# ---------------------------------------------------------------------------------------------------------
# reading inputs


def load_gold_dir(directory: Path) -> dict[str, dict[str, Any]]:
    if not directory.is_dir():
        raise EvaluationInputError(f"GOLD_DIR {directory} is not a directory")
    gold_docs: dict[str, dict[str, Any]] = {}
    for path in sorted(directory.glob(f"*{GOLD_SUFFIX}")):
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            raise EvaluationInputError(f"{path}: not valid UTF-8 JSON ({error})") from error
        if not isinstance(data, dict):
            raise EvaluationInputError(f"{path}: must hold a JSON object")
        _check_shape(data, str(path))
        name = data.get("document") or _document_for(path)
        if not isinstance(name, str):
            raise EvaluationInputError(f"{path}: field 'document' must be the document's file name")
        gold_docs[name] = data
    if not gold_docs:
        raise EvaluationInputError(f"GOLD_DIR {directory} holds no *{GOLD_SUFFIX} files")
    return gold_docs


def _document_for(gold_path: Path) -> str | None:
    stem = gold_path.name[: -len(GOLD_SUFFIX)]
    for candidate in sorted(gold_path.parent.glob(f"{stem}.*")):
        if not candidate.name.endswith(GOLD_SUFFIX):
            return candidate.name
    return None


def _check_shape(doc: dict[str, Any], where: str) -> None:
    for list_field in ("people", "organizations", "countries", "places", "sectors", "events", "claims"):
        if list_field in doc and doc[list_field] is not None and not isinstance(doc[list_field], list):
            raise EvaluationInputError(f"{where}: field '{list_field}' must be a list")
    for text_field in ("title", "published", "publisher"):
        if doc.get(text_field) is not None and not isinstance(doc[text_field], str):
            raise EvaluationInputError(f"{where}: field '{text_field}' must be a string or null")


def load_predictions(lines: Iterable[str], origin: str) -> list[dict[str, Any]]:
    predictions = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{origin} line {number}"
        try:
            doc = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationInputError(f"{where}: not valid JSON ({error.msg})") from error
        if not isinstance(doc, dict):
            raise EvaluationInputError(f"{where}: must be a JSON object")
        if not isinstance(doc.get("source"), str) or not doc["source"].strip():
            raise EvaluationInputError(f"{where}: field 'source' is missing or not a string")
        _check_shape(doc, where)
        predictions.append(doc)
    return predictions


# ---------------------------------------------------------------------------------------------------------
# output


def format_table(report: Report, details: bool = False) -> str:
    lines = [f"{'field':<18} {'P':>6} {'R':>6} {'F1':>6} {'tp':>5} {'fp':>5} {'fn':>5}"]
    for name, s in report.fields.items():
        lines.append(
            f"{name:<18} {s.precision:>6.3f} {s.recall:>6.3f} {s.f1:>6.3f} {s.tp:>5} {s.fp:>5} {s.fn:>5}"
        )
    for label, names in (
        ("gold documents without a prediction (scored as all misses)", report.missing_predictions),
        ("predictions matching no gold document (ignored)", report.unmatched_predictions),
        ("predictions that failed (scored as empty)", report.failed_predictions),
    ):
        if names:
            lines.append(f"\n{label}:")
            lines.extend(f"  {name}" for name in names)
    if details:
        for doc in report.documents:
            lines.append(f"\n== {doc.name}{'' if doc.predicted else ' (no prediction)'}")
            for name, result in doc.fields.items():
                for item in result.missed:
                    lines.append(f"  {name:<18} missed    {item}")
                for item in result.spurious:
                    lines.append(f"  {name:<18} spurious  {item}")
    return "\n".join(lines)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kopru evaluate", description="Score extraction output against a gold set."
    )
    parser.add_argument("gold_dir", metavar="GOLD_DIR", type=Path, help="folder with DOC.gold.json files")
    parser.add_argument("predictions", metavar="PRED.jsonl", help="`kopru extract` output; '-' reads stdin")
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument(
        "--details", action="store_true", help="list each document's missed and spurious items"
    )
    return parser


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exit_:  # argparse already printed the reason
        return int(exit_.code or 0)
    try:
        gold_docs = load_gold_dir(args.gold_dir)
        if args.predictions == "-":
            predictions = load_predictions(sys.stdin, "stdin")
        else:
            path = Path(args.predictions)
            if not path.is_file():
                raise EvaluationInputError(f"PRED.jsonl {path} does not exist or is not a file")
            with path.open(encoding="utf-8") as handle:
                predictions = load_predictions(handle, str(path))
    except (EvaluationInputError, UnicodeDecodeError, OSError) as error:
        print(f"kopru evaluate: error: {error}", file=sys.stderr)
        return 2
    report = score(gold_docs, predictions)
    output = (
        json.dumps(report.as_dict(), ensure_ascii=False, indent=2)
        if args.format == "json"
        else format_table(report, details=args.details)
    )
    try:
        print(output)
        sys.stdout.flush()
    except BrokenPipeError:  # `kopru evaluate ... | head`: the reader left, which is not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
