"""The committed real-text gold sets (issue 10) agree with their manifests and score 1.0 against themselves.

Only manifests and gold JSON are committed (the texts are materialised locally), so these checks need no
corpus snapshot: they guard the annotations themselves, above all that no document is annotated twice and
that a new unseen part never reuses a text already in dev.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kopru.intel.extract.evaluate import load_gold_dir, score

REAL_DIR = Path(__file__).resolve().parents[3] / "data" / "gold" / "extraction" / "real"
SETS = sorted(path.parent for path in REAL_DIR.glob("*/manifest.yaml"))
# Reserved for an independent evaluation: no set may draw on them.
FORBIDDEN_CORPORA = {"mihaibogdan10/json-reuters-21578", "zhigehe/bulwark", "HuangRunHua/economist-database"}


def manifest(set_dir: Path) -> dict:
    return yaml.safe_load((set_dir / "manifest.yaml").read_text(encoding="utf-8"))


def test_every_document_is_dev_or_unseen_and_the_dev_part_is_large_enough():
    # An unseen part is scored once and then joins dev; between parts there may be none.
    splits = [entry["split"] for set_dir in SETS for entry in manifest(set_dir)["documents"]]
    assert set(splits) <= {"dev", "unseen"}
    assert splits.count("dev") >= 60


@pytest.mark.parametrize("set_dir", SETS, ids=lambda path: path.name)
def test_manifest_and_gold_files_name_the_same_documents(set_dir):
    data = manifest(set_dir)
    assert data["corpus"] not in FORBIDDEN_CORPORA
    assert "reuters" not in data["corpus"].lower()
    assert len(data["commit"]) == 40
    entries = data["documents"]
    assert all(entry["split"] in ("dev", "unseen") for entry in entries)
    expected = {f"{entry['id']}.{entry.get('ext', 'txt')}" for entry in entries}
    gold_docs = load_gold_dir(set_dir)
    assert set(gold_docs) == expected
    on_disk = {path.name for path in set_dir.glob("*.gold.json")}
    assert on_disk == {f"{entry['id']}.gold.json" for entry in entries}


@pytest.mark.parametrize("set_dir", SETS, ids=lambda path: path.name)
def test_gold_scores_perfectly_against_itself_and_events_name_gold_parties(set_dir):
    gold_docs = load_gold_dir(set_dir)
    report = score(gold_docs, [{**doc, "source": f"somewhere/{name}"} for name, doc in gold_docs.items()])
    # a field a set never fills has no true positives and an F1 of 0, so count the misses instead
    assert all(result.fp == 0 and result.fn == 0 for result in report.fields.values()), report.fields
    assert report.fields["people"].tp + report.fields["organizations"].tp > 0
    for name, doc in gold_docs.items():
        names = {entity["name"] for entity in doc["people"] + doc["organizations"]}
        for event in doc["events"]:
            assert set(event["participants"]) <= names, (name, event)
        assert all(isinstance(code, str) and len(code) == 2 for code in doc["countries"]), name


def test_no_text_is_annotated_twice_across_sets():
    seen: dict[tuple, str] = {}
    ids: set[str] = set()
    for set_dir in SETS:
        data = manifest(set_dir)
        for entry in data["documents"]:
            assert entry["id"] not in ids, entry["id"]
            ids.add(entry["id"])
            source = (data["corpus"], entry["path"], str(entry.get("record")))
            assert source not in seen, f"{set_dir.name}/{entry['id']} repeats {seen.get(source)}"
            seen[source] = f"{set_dir.name}/{entry['id']}"
