import json

import pytest

from kopru.calls.assignment.cli import main

pytestmark = pytest.mark.unit


def _write(tmp_path, data) -> str:
    path = tmp_path / "instance.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def test_optimal_prints_the_contract_json_and_exits_0(tmp_path, capsys):
    path = _write(
        tmp_path,
        {
            "reviews_per_proposal": 1,
            "max_load": 1,
            "proposals": [{"id": "p1"}, {"id": "p2"}],
            "reviewers": [{"id": "r1"}, {"id": "r2"}],
            "affinity": {"r1": {"p1": 0.5, "p2": 0.9}, "r2": {"p1": 0.6, "p2": 0.7}},
        },
    )
    assert main(["--instance", path, "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "status": "optimal",
        "objective": 1.5,
        "assignments": [
            {"proposal": "p1", "reviewer": "r2", "affinity": 0.6},
            {"proposal": "p2", "reviewer": "r1", "affinity": 0.9},
        ],
        "conflicts_detected": 0,
        "explanation": None,
    }


def test_infeasible_exits_3_with_explanation(tmp_path, capsys):
    path = _write(
        tmp_path,
        {"reviews_per_proposal": 2, "max_load": 1, "proposals": [{"id": "p1"}], "reviewers": [{"id": "r1"}]},
    )
    assert main(["--instance", path]) == 3
    output = json.loads(capsys.readouterr().out)
    assert output == {
        "status": "infeasible",
        "objective": None,
        "assignments": [],
        "conflicts_detected": 0,
        "explanation": "proposal p1 has only 1 non-conflicted reviewer, needs 2; total capacity 1 < "
        "demand 2 (1 proposal × 2 reviews; capacity = sum of reviewer load limits)",
    }


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            "{not json",
            "error: --instance: {path} is not valid JSON (line 1, column 2: Expecting property name "
            "enclosed in double quotes)",
        ),
        ([], "error: instance: must be an object, got []"),
        ({"max_load": 1, "proposals": [], "reviewers": []}, "error: reviews_per_proposal: is required"),
        (
            {"reviews_per_proposal": True, "proposals": [], "reviewers": []},
            "error: reviews_per_proposal: must be an integer, got True",
        ),
        (
            {"reviews_per_proposal": 1, "max_loads": 3, "proposals": [], "reviewers": []},
            "error: max_loads: unknown field (expected one of affinity, conflicts, max_load, proposals, "
            "require_each_country, reviewers, reviews_per_proposal)",
        ),
        (
            {"reviews_per_proposal": 1, "proposals": [], "reviewers": [{"id": "r1"}]},
            "error: reviewers[0].max_load: is required when the instance has no default max_load",
        ),
        (
            {
                "reviews_per_proposal": 1,
                "max_load": 1,
                "proposals": [{"id": "p1"}, {"id": "p1"}],
                "reviewers": [],
            },
            "error: proposals[1].id: duplicate id 'p1'",
        ),
        (
            {
                "reviews_per_proposal": 1,
                "max_load": 1,
                "proposals": [{"id": "p1"}],
                "reviewers": [{"id": "r1"}],
                "conflicts": [["r2", "p1"]],
            },
            "error: conflicts[0]: unknown reviewer 'r2'",
        ),
        (
            {
                "reviews_per_proposal": 1,
                "max_load": 1,
                "proposals": [{"id": "p1"}],
                "reviewers": [{"id": "r1"}],
                "affinity": {"r1": {"p1": "high"}},
            },
            "error: affinity.r1.p1: must be a finite number, got 'high'",
        ),
        (
            {
                "reviews_per_proposal": 1,
                "max_load": 1,
                "proposals": [{"id": "p1", "organizations": "METU"}],
                "reviewers": [],
            },
            "error: proposals[0].organizations: must be a list of strings, got 'METU'",
        ),
    ],
)
def test_malformed_instances_exit_2_naming_the_field(tmp_path, capsys, data, message):
    path = _write(tmp_path, data)
    assert main(["--instance", path]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip() == message.format(path=path)


def test_missing_file_and_missing_argument_exit_2(tmp_path, capsys):
    assert main(["--instance", str(tmp_path / "nope.json")]) == 2
    assert capsys.readouterr().err.strip() == (
        f"error: --instance: cannot read {tmp_path / 'nope.json'}: No such file or directory"
    )
    assert main([]) == 2
    assert (
        capsys.readouterr().err.strip()
        == "error: arguments: the following arguments are required: --instance"
    )


def test_the_kopru_command_dispatches_here_and_rejects_huge_scores(tmp_path, capsys):
    from kopru.cli import main as kopru_main

    path = _write(
        tmp_path,
        {
            "reviews_per_proposal": 1,
            "max_load": 1,
            "proposals": [{"id": "p1"}],
            "reviewers": [{"id": "r1"}],
            "affinity": {"r1": {"p1": 1e9}},
        },
    )
    assert kopru_main(["calls", "assign", "--instance", path]) == 2
    assert capsys.readouterr().err.strip() == (
        "error: affinity.r1.p1: must be between -1,000,000 and 1,000,000, got 1000000000.0"
    )


def test_no_proposals_is_trivially_optimal(tmp_path, capsys):
    path = _write(tmp_path, {"reviews_per_proposal": 3, "max_load": 2, "proposals": [], "reviewers": []})
    assert main(["--instance", path]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "status": "optimal",
        "objective": 0.0,
        "assignments": [],
        "conflicts_detected": 0,
        "explanation": None,
    }
