import json

import pytest
import spacy

from kopru.intel.extract.baseline import country_code, extract_with_ner, main

pytestmark = pytest.mark.unit

PATTERNS = [
    {"label": "PERSON", "pattern": "Mehmet Fatih Kacır"},
    {"label": "PERSON", "pattern": "Kacır"},
    {"label": "ORG", "pattern": "Farasis Energy"},
    {"label": "GPE", "pattern": "Türkiye"},
    {"label": "GPE", "pattern": "China"},
    {"label": "GPE", "pattern": "Jiangxi"},
    {"label": "NORP", "pattern": "Turkish"},
]


def rule_based_nlp():
    # a real spaCy pipeline whose entities are fixed by rules, so the mapping is tested exactly
    nlp = spacy.blank("en")
    nlp.add_pipe("entity_ruler").add_patterns(PATTERNS)
    return nlp


TEXT = (
    "Turkish minister Mehmet Fatih Kacır left Türkiye for China. "
    "Kacır visits Farasis Energy in Jiangxi. Kacır"
)


def test_country_names_map_but_demonyms_do_not():
    assert country_code("Türkiye") == "TR"
    assert country_code("the United States") == "US"
    assert country_code("  people's   Republic of China ") == "CN"
    assert country_code("Turkish") is None
    assert country_code("Beijing") is None


def test_entities_map_to_contract_fields_without_merging_aliases():
    result = extract_with_ner(TEXT, rule_based_nlp())
    assert result == {
        "people": [
            {
                "name": "Mehmet Fatih Kacır",
                "aliases": [],
                "country": None,
                "positions": [],
                "mentions": [[17, 35]],
            },
            {
                "name": "Kacır",
                "aliases": [],
                "country": None,
                "positions": [],
                "mentions": [[60, 65], [100, 105]],
            },
        ],
        "organizations": [
            {
                "name": "Farasis Energy",
                "aliases": [],
                "kind": "other",
                "country": None,
                "mentions": [[73, 87]],
            }
        ],
        "countries": ["TR", "CN"],
        "places": [{"name": "Jiangxi", "country": None, "mentions": [[91, 98]]}],
        "sectors": [],
        "events": [],
        "claims": [],
    }
    assert (TEXT[60:65], TEXT[100:105], TEXT[91:98]) == ("Kacır", "Kacır", "Jiangxi")


def test_main_prints_one_line_per_document_and_reports_unreadable_ones(tmp_path, monkeypatch, capsys):
    model_dir = tmp_path / "model"
    rule_based_nlp().to_disk(model_dir)
    monkeypatch.setenv("KOPRU_SPACY_MODEL", str(model_dir))
    doc = tmp_path / "docs" / "a.txt"
    doc.parent.mkdir()
    doc.write_text("Kacır went to China.", encoding="utf-8")
    missing = tmp_path / "missing.txt"

    assert main([str(doc.parent), str(missing)]) == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["source"] for line in lines] == [str(doc), str(missing)]
    assert lines[0]["countries"] == ["CN"]
    assert lines[0]["people"][0]["name"] == "Kacır"
    assert lines[0]["text"] == "Kacır went to China."
    assert "error" in lines[1] and "people" not in lines[1]


def test_main_names_a_missing_model(monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("KOPRU_SPACY_MODEL", "no_such_model_xyz")
    assert main([str(tmp_path)]) == 2
    assert "spaCy model 'no_such_model_xyz' (KOPRU_SPACY_MODEL) is not installed" in capsys.readouterr().err
