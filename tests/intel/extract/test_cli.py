"""`kopru extract`: JSON lines in order, errors per file, exit status at the end."""

from __future__ import annotations

import json

import pytest

from kopru.cli import main as kopru_main
from kopru.intel.extract.cli import main

pytestmark = pytest.mark.unit


def _lines(capsys):
    out = capsys.readouterr().out
    return [json.loads(line) for line in out.splitlines()]


def test_it_writes_one_object_per_document_and_exits_0(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("Huawei will open a data centre in Istanbul, Turkish officials said.", encoding="utf-8")
    b = tmp_path / "b.md"
    b.write_text("# Note\n\nBYD met Togg in Ankara.", encoding="utf-8")
    assert main([str(b), str(a)]) == 0
    rows = _lines(capsys)
    assert [r["source"] for r in rows] == [str(b), str(a)]
    first = rows[1]
    assert set(first) >= {
        "source",
        "title",
        "published",
        "publisher",
        "language",
        "text",
        "people",
        "organizations",
        "countries",
        "places",
        "sectors",
        "events",
        "claims",
    }
    assert [o["name"] for o in first["organizations"]] == ["Huawei"]
    assert first["countries"] == ["TR"]
    assert [s["code"] for s in first["sectors"]] == ["cloud"]


def test_a_bad_file_gives_an_error_object_and_exit_1_after_the_rest(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text("Xinhua reported from Beijing.", encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert main([str(empty), str(good)]) == 1
    rows = _lines(capsys)
    assert rows[0] == {"source": str(empty), "error": "empty file"}
    assert rows[1]["source"] == str(good)
    assert "error" not in rows[1]


def test_a_directory_is_read_in_name_order(tmp_path, capsys):
    (tmp_path / "2.txt").write_text("TÜBİTAK signed a deal.", encoding="utf-8")
    (tmp_path / "1.txt").write_text("CATL met BYD.", encoding="utf-8")
    assert main(["--format", "jsonl", str(tmp_path)]) == 0
    assert [r["source"].rsplit("/", 1)[-1] for r in _lines(capsys)] == ["1.txt", "2.txt"]


def test_the_console_entry_point_dispatches_without_django(tmp_path, capsys):
    a = tmp_path / "a.txt"
    a.write_text("Ministry of Trade of Türkiye.", encoding="utf-8")
    assert kopru_main(["extract", str(a)]) == 0
    assert _lines(capsys)[0]["countries"] == ["TR"]


def test_output_is_utf8_json_not_ascii_escaped(tmp_path, capsysbinary):
    a = tmp_path / "a.txt"
    a.write_text("Türkiye.", encoding="utf-8")
    main([str(a)])
    assert "Türkiye".encode() in capsysbinary.readouterr().out


def test_a_document_whose_analysis_fails_gives_an_error_object_and_the_rest_go_on(
    tmp_path, capsys, monkeypatch
):
    from kopru.intel.extract import pipeline

    real = pipeline.analyse

    def analyse(document, doc, corrections=None):
        if "Kestrel" in document.text:
            raise TypeError("'<' not supported between instances of 'OrgRec' and 'OrgRec'")
        return real(document, doc, corrections)

    monkeypatch.setattr(pipeline, "analyse", analyse)
    bad = tmp_path / "a.txt"
    bad.write_text("Kestrel Robotics met Volta Systems in Oslo.", encoding="utf-8")
    good = tmp_path / "b.txt"
    good.write_text("Xinhua reported from Beijing.", encoding="utf-8")
    assert main([str(bad), str(good)]) == 1
    rows = _lines(capsys)
    assert rows[0] == {
        "source": str(bad),
        "error": "extraction failed: TypeError: '<' not supported between instances of 'OrgRec' and 'OrgRec'",
    }
    assert rows[1]["source"] == str(good) and "error" not in rows[1]


def test_names_read_twice_at_the_same_offsets_sort_by_offsets_alone():
    from kopru.intel.extract.coref import span_key

    class Unordered:
        pass

    items = [(7, 9, Unordered()), (1, 4, Unordered()), (7, 9, Unordered())]
    assert [item[:2] for item in sorted(items, key=span_key)] == [(1, 4), (7, 9), (7, 9)]


def test_usage_errors_exit_2():
    with pytest.raises(SystemExit) as exc:
        main([])
    assert exc.value.code == 2
