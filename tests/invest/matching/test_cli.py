from __future__ import annotations

import json

import pytest

from kopru.invest.matching.cli import main

pytestmark = pytest.mark.unit


def test_companies_for_prints_ranked_reasons(capsys):
    assert main(["companies-for", "tr-manisa-battery-cells", "--k", "3"]) == 0

    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("  1. ")
    assert "       - same sector: battery" in lines
    assert sum(line[:5].strip().endswith(".") for line in lines) == 3


def test_opportunities_for_as_json(capsys):
    assert main(["opportunities-for", "cn-rail-tongda-signal", "--k", "2", "--format", "json"]) == 0

    result = json.loads(capsys.readouterr().out)
    assert len(result) == 2
    assert result[0]["id"] == "tr-etcs-signalling"
    assert {"lexical", "sector", "kind"} <= {item["feature"] for item in result[0]["contributions"]}


def test_explain_an_excluded_pair(capsys):
    assert main(["explain", "tr-bat-anadolu", "tr-manisa-battery-cells"]) == 0

    assert capsys.readouterr().out == (
        "  1. tr-bat-anadolu  score 0.000\n"
        "       - excluded: the headquarters are in TR, the host country;"
        " this programme seeks foreign investors\n"
    )


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["companies-for", "nope"], "error: unknown opportunity id 'nope'\n"),
        (["opportunities-for", "cn-bat-ningtai", "--k", "0"], "error: --k: 0 must be at least 1\n"),
        (
            ["companies-for", "tr-ingot-wafer", "--weights", "x=1"],
            "error: weights: 'x=1' is not FEATURE=NUMBER",
        ),
    ],
)
def test_bad_input_gives_a_message_and_status_2(capsys, argv, message):
    assert main(argv) == 2

    assert capsys.readouterr().err.startswith(message)


def test_bad_data_dir_names_the_file(capsys, tmp_path):
    assert main(["companies-for", "x", "--data-dir", str(tmp_path)]) == 2

    assert capsys.readouterr().err == f"error: {tmp_path / 'companies.yaml'}: file not found\n"


def test_evaluate_table_shows_both_configurations(capsys):
    assert main(["evaluate", "--embeddings", "off"]) == 0

    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["configuration", "direction", "queries", "nDCG@10", "recall@10"]
    assert [line[:26].strip() for line in out[2:]] == ["lexical only (BM25)"] * 2 + ["hybrid"] * 2
