import json
from pathlib import Path

import pytest

from kopru.intel.extract.evaluate import (
    FieldScore,
    fold,
    load_gold_dir,
    main,
    match_one_to_one,
    name_key,
    score,
)

pytestmark = pytest.mark.unit

GOLD_DIR = Path(__file__).resolve().parents[3] / "data" / "gold" / "extraction"


def kacir_gold() -> dict:
    return {
        "title": "Kacır visits China",
        "published": "2026-01-05",
        "publisher": "Anadolu Agency",
        "people": [
            {
                "name": "Mehmet Fatih Kacır",
                "aliases": ["Kacır"],
                "country": "TR",
                "positions": [{"title": "Minister of Industry and Technology", "organization": None}],
            },
            {
                "name": "Yin Hejun",
                "aliases": [],
                "country": "CN",
                "positions": [{"title": "Minister of Science and Technology", "organization": None}],
            },
        ],
        "organizations": [
            {"name": "Anadolu Agency", "aliases": ["AA"], "kind": "media", "country": "TR"},
            {"name": "Farasis Energy", "aliases": [], "kind": "company", "country": "CN"},
        ],
        "countries": ["TR", "CN"],
        "places": [{"name": "Beijing", "country": "CN"}, {"name": "Jiangxi", "country": "CN"}],
        "sectors": [{"code": "ev"}, {"code": "battery"}],
        "events": [
            {"type": "meeting", "status": "held", "participants": ["Mehmet Fatih Kacır", "Yin Hejun"]},
            {"type": "visit", "status": "planned", "participants": ["Mehmet Fatih Kacır", "Farasis Energy"]},
        ],
        "claims": [
            {"subject": "Türkiye", "metric": "rank", "value": 1},
            {"subject": "Türkiye", "metric": "rank", "value": 4},
        ],
    }


def test_fold_ignores_case_diacritics_and_dotless_i():
    assert fold("KACIR") == "kacir"
    assert fold("Kacır") == "kacir"
    assert fold("İlknur Doğan") == "ilknur dogan"
    assert fold("Şükrü  Güneş") == "sukru gunes"
    assert fold("Çağrı Öztürk") == fold("Cagri Ozturk")


def test_name_key_drops_honorifics_but_not_a_lone_word():
    assert name_key("Prof. Dr. Levent Akbulut") == "levent akbulut"
    assert name_key("Dr.") == "dr"


def test_name_key_ignores_a_leading_article_and_a_trailing_possessive():
    assert name_key("the Ministry of Trade") == "ministry of trade"
    assert name_key("Ilknur Dogan's") == name_key("İlknur Doğan") == "ilknur dogan"


def test_field_score_with_empty_denominators_is_zero():
    assert (FieldScore().precision, FieldScore().recall, FieldScore().f1) == (0.0, 0.0, 0.0)
    assert FieldScore(tp=1, fp=1, fn=3).as_dict() == {
        "precision": 0.5,
        "recall": 0.25,
        "f1": 0.3333,
        "tp": 1,
        "fp": 1,
        "fn": 3,
    }


def test_matching_finds_the_maximum_not_the_greedy_pairing():
    # greedy would give prediction 0 to gold 0, leaving prediction 1 (compatible only with gold 0) alone
    compatible = {(0, 0), (1, 0), (0, 1)}
    pairs = match_one_to_one([0, 1], [0, 1], lambda g, p: (p, g) in compatible)
    assert pairs == {0: 1, 1: 0}


def test_perfect_prediction_scores_one_everywhere():
    gold = kacir_gold()
    report = score({"a.txt": gold}, [{**gold, "source": "/some/where/a.txt"}])
    assert {name: (s.tp, s.fp, s.fn) for name, s in report.fields.items()} == {
        "people": (2, 0, 0),
        "organizations": (2, 0, 0),
        "countries": (2, 0, 0),
        "places": (2, 0, 0),
        "sectors": (2, 0, 0),
        "titles": (2, 0, 0),
        "person_country": (2, 0, 0),
        "events": (2, 0, 0),
        "events_lenient": (2, 0, 0),
        "events_type_only": (2, 0, 0),
        "claims": (2, 0, 0),
        "metadata": (3, 0, 0),
    }


def test_people_match_through_diacritics_and_aliases_on_either_side():
    gold = kacir_gold()
    pred = {
        "source": "a.txt",
        "people": [
            # only the ASCII-folded surname, which is a gold alias after folding
            {
                "name": "KACIR",
                "aliases": [],
                "country": "TR",
                "positions": [{"title": "the minister of industry and technology"}],
            },
            # the prediction's alias carries the gold name
            {"name": "Minister Yin", "aliases": ["Yin Hejun"], "country": "TR", "positions": []},
            {"name": "Jin Zhuanglong", "aliases": [], "country": "CN", "positions": []},
        ],
    }
    report = score({"a.txt": gold}, [pred])
    fields = report.fields
    assert (fields["people"].tp, fields["people"].fp, fields["people"].fn) == (2, 1, 0)
    # title compared after folding case and a leading "the"; Yin's title is missing
    assert (fields["titles"].tp, fields["titles"].fp, fields["titles"].fn) == (1, 0, 1)
    # Yin predicted as TR: one wrong pair (fp) and one missed pair (fn); Jin's CN pair is spurious
    assert (fields["person_country"].tp, fields["person_country"].fp, fields["person_country"].fn) == (
        1,
        2,
        1,
    )
    assert report.documents[0].fields["people"].spurious == ["Jin Zhuanglong"]


def test_one_prediction_cannot_match_two_gold_people():
    gold = {
        "people": [
            {"name": "Ayşe Kaplan", "aliases": ["Kaplan"]},
            {"name": "Kemal Kaplan", "aliases": ["Kaplan"]},
        ]
    }
    pred = {"source": "a.txt", "people": [{"name": "Kaplan", "aliases": []}]}
    people = score({"a.txt": gold}, [pred]).fields["people"]
    assert (people.tp, people.fp, people.fn) == (1, 0, 1)


def test_events_need_type_status_and_a_shared_participant():
    gold = kacir_gold()
    pred = {
        "source": "a.txt",
        "people": [{"name": "Kacir", "aliases": ["Mehmet Fatih Kacir"]}],
        "events": [
            # participant only known through the prediction's own alias table -> matches the meeting
            {"type": "meeting", "status": "held", "participants": ["Kacir", "Someone Else"]},
            # right type and participant, wrong status -> only counts for events_type_only
            {"type": "visit", "status": "held", "participants": ["Farasis Energy"]},
            {"type": "agreement", "status": "held", "participants": ["Mehmet Fatih Kacır"]},
        ],
    }
    fields = score({"a.txt": gold}, [pred]).fields
    assert (fields["events"].tp, fields["events"].fp, fields["events"].fn) == (1, 2, 1)
    assert (fields["events_type_only"].tp, fields["events_type_only"].fp, fields["events_type_only"].fn) == (
        2,
        1,
        0,
    )


def test_lenient_events_need_the_type_and_every_gold_party_but_not_the_status():
    gold = {
        "people": [{"name": "Mehmet Fatih Kacır"}],
        "organizations": [{"name": "Farasis Energy"}, {"name": "Huawei"}],
        "events": [
            {"type": "agreement", "status": "held", "participants": ["Farasis Energy", "Huawei"]},
            {"type": "visit", "status": "planned", "participants": ["Mehmet Fatih Kacır", "Huawei"]},
        ],
    }
    pred = {
        "source": "a.txt",
        "events": [
            # one party of two: wrong under the lenient rule (right under the strict one)
            {"type": "agreement", "status": "held", "participants": ["Farasis Energy"]},
            # every gold party, another status and one extra participant: right
            {"type": "visit", "status": "held", "participants": ["Mehmet Fatih Kacir", "Huawei", "Someone"]},
        ],
    }
    fields = score({"a.txt": gold}, [pred]).fields
    assert (fields["events_lenient"].tp, fields["events_lenient"].fp, fields["events_lenient"].fn) == (
        1,
        1,
        1,
    )
    assert (fields["events"].tp, fields["events"].fp, fields["events"].fn) == (1, 1, 1)
    both = {
        "source": "a.txt",
        "events": [{"type": "agreement", "status": "planned", "participants": ["Huawei", "Farasis Energy"]}],
    }
    assert score({"a.txt": gold}, [both]).fields["events_lenient"].tp == 1


def test_events_without_participants_match_only_each_other():
    gold = {"events": [{"type": "meeting", "status": "planned", "participants": []}]}
    empty = {"source": "a.txt", "events": [{"type": "meeting", "status": "planned", "participants": []}]}
    named = {"source": "a.txt", "events": [{"type": "meeting", "status": "planned", "participants": ["X"]}]}
    assert score({"a.txt": gold}, [empty]).fields["events"].tp == 1
    assert score({"a.txt": gold}, [named]).fields["events"].tp == 0
    assert score({"a.txt": gold}, [empty]).fields["events_lenient"].tp == 1
    assert score({"a.txt": gold}, [named]).fields["events_lenient"].tp == 0


def test_claims_match_on_metric_and_numeric_value():
    gold = kacir_gold()
    pred = {
        "source": "a.txt",
        "claims": [
            {"metric": "Rank", "value": "1"},  # string number and other case still match
            {"metric": "rank", "value": 4.0},
            {"metric": "rank", "value": 4},  # a second rank-4 claim has no gold partner left
            {"metric": "speed", "value": 1},
        ],
    }
    claims = score({"a.txt": gold}, [pred]).fields["claims"]
    assert (claims.tp, claims.fp, claims.fn) == (2, 2, 0)


def test_sets_countries_sectors_places_and_metadata():
    gold = kacir_gold()
    pred = {
        "source": "a.txt",
        "title": "KACIR visits China",
        "published": "2026-01-05T10:00:00+03:00",
        "publisher": "AA",  # alias of the gold organisation Anadolu Agency
        "countries": ["tr", "RU"],
        "sectors": ["ev", {"code": "solar"}],
        "places": [{"name": "beijing"}, {"name": "Pekin"}],
    }
    fields = score({"a.txt": gold}, [pred]).fields
    assert (fields["countries"].tp, fields["countries"].fp, fields["countries"].fn) == (1, 1, 1)
    assert (fields["sectors"].tp, fields["sectors"].fp, fields["sectors"].fn) == (1, 1, 1)
    assert (fields["places"].tp, fields["places"].fp, fields["places"].fn) == (1, 1, 1)
    assert (fields["metadata"].tp, fields["metadata"].fp, fields["metadata"].fn) == (3, 0, 0)


def test_metadata_misses_are_shown_as_written():
    pred = {"source": "a.txt", "publisher": "Reuters", "published": "2026-01-06"}
    result = score({"a.txt": kacir_gold()}, [pred]).documents[0].fields["metadata"]
    assert result.missed == ["published=2026-01-05", "publisher=Anadolu Agency", "title=Kacır visits China"]
    assert result.spurious == ["published=2026-01-06", "publisher=Reuters"]


def test_malformed_inner_values_are_ignored_not_spelled_out():
    gold = {"people": [{"name": "K"}], "events": [{"type": "visit", "status": "held", "participants": []}]}
    # a string where a list belongs must not be read character by character ("K" would then match)
    pred = {
        "source": "a.txt",
        "people": [{"name": "Kacır", "aliases": "K"}],
        "events": [{"type": "visit", "status": "held", "participants": "K"}],
    }
    fields = score({"a.txt": gold}, [pred]).fields
    assert (fields["people"].tp, fields["people"].fp, fields["people"].fn) == (0, 1, 1)
    assert fields["events"].tp == 1  # both sides name nobody


def test_missing_prediction_counts_every_gold_item_as_missed():
    gold = kacir_gold()
    report = score({"a.txt": gold, "b.txt": gold}, [{**gold, "source": "a.txt"}, {"source": "zzz.txt"}])
    assert report.missing_predictions == ["b.txt"]
    assert report.unmatched_predictions == ["zzz.txt"]
    people = report.fields["people"]
    assert (people.tp, people.fp, people.fn) == (2, 0, 2)
    assert report.fields["people"].recall == 0.5


def test_failed_prediction_is_scored_empty_and_listed():
    report = score({"a.txt": kacir_gold()}, [{"source": "x/a.txt", "error": "cannot read PDF"}])
    assert report.failed_predictions == ["x/a.txt: cannot read PDF"]
    assert report.fields["countries"].fn == 2


def test_prediction_matches_gold_by_stem_when_extension_differs():
    report = score({"page.html": kacir_gold()}, [{**kacir_gold(), "source": "out/page.txt"}])
    assert report.missing_predictions == []
    assert report.fields["people"].tp == 2


@pytest.mark.parametrize(("folder", "at_least"), [(GOLD_DIR, 9), (GOLD_DIR / "heldout", 2)])
def test_gold_set_on_disk_scores_perfectly_against_itself(folder, at_least):
    gold_docs = load_gold_dir(folder)
    assert len(gold_docs) >= at_least
    assert all((folder / name).is_file() for name in gold_docs)
    predictions = [{**doc, "source": f"somewhere/{name}"} for name, doc in gold_docs.items()]
    report = score(gold_docs, predictions)
    assert all(s.f1 == 1.0 for s in report.fields.values()), report.fields


def test_cli_prints_table_and_json(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("text", encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps(kacir_gold()), encoding="utf-8")
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps({"source": "a.txt", "countries": ["TR"]}) + "\n", encoding="utf-8")

    assert main([str(tmp_path), str(pred_path)]) == 0
    table = capsys.readouterr().out
    assert "countries           1.000  0.500  0.667     1     0     1" in table

    assert main([str(tmp_path), str(pred_path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["fields"]["countries"] == {
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
        "tp": 1,
        "fp": 0,
        "fn": 1,
    }
    assert data["documents"][0]["fields"]["countries"]["missed"] == ["CN"]


def test_cli_details_lists_misses(tmp_path, capsys):
    (tmp_path / "a.gold.json").write_text(json.dumps({"document": "a.txt", **kacir_gold()}), encoding="utf-8")
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(json.dumps({"source": "a.txt"}) + "\n", encoding="utf-8")
    assert main([str(tmp_path), str(pred_path), "--details"]) == 0
    assert "  people             missed    Yin Hejun" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("not json", "line 1: not valid JSON"),
        ('{"title": "x"}', "line 1: field 'source' is missing or not a string"),
        ('{"source": "a.txt", "people": "Kacır"}', "line 1: field 'people' must be a list"),
    ],
)
def test_cli_names_the_bad_field(tmp_path, capsys, line, message):
    (tmp_path / "a.gold.json").write_text(json.dumps({"document": "a.txt"}), encoding="utf-8")
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text(line + "\n", encoding="utf-8")
    assert main([str(tmp_path), str(pred_path)]) == 2
    assert message in capsys.readouterr().err


def test_cli_rejects_a_gold_dir_without_gold_files(tmp_path, capsys):
    assert main([str(tmp_path), str(tmp_path / "nothing.jsonl")]) == 2
    assert "holds no *.gold.json files" in capsys.readouterr().err
