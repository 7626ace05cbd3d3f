import pytest

from kopru.calls.assignment import parse_instance, solve_assignment

pytestmark = pytest.mark.unit


def _reviewers(*specs: tuple[str, str, str]) -> list[dict]:
    return [{"id": rid, "organization": org, "country": country} for rid, org, country in specs]


def test_too_few_non_conflicted_reviewers_names_the_proposal():
    instance = parse_instance(
        {
            "reviews_per_proposal": 3,
            "max_load": 5,
            "proposals": [{"id": "p1", "organizations": ["METU"]}, {"id": "p7", "organizations": ["ITU"]}],
            "reviewers": _reviewers(("r1", "ITU", "TR"), ("r2", "X", "TR"), ("r3", "Y", "CN")),
        }
    )
    result = solve_assignment(instance)
    assert result.status == "infeasible"
    assert result.explanation == "proposal p7 has only 2 non-conflicted reviewers, needs 3"
    assert result.assignments == []
    assert result.objective is None


def test_total_capacity_below_demand():
    instance = parse_instance(
        {
            "reviews_per_proposal": 2,
            "max_load": 1,
            "proposals": [{"id": f"p{i}"} for i in range(3)],
            "reviewers": _reviewers(("r1", "", ""), ("r2", "", ""), ("r3", "", ""), ("r4", "", "")),
        }
    )
    result = solve_assignment(instance)
    assert result.explanation == (
        "total capacity 4 < demand 6 (3 proposals × 2 reviews; capacity = sum of reviewer load limits)"
    )


def test_no_reviewer_from_a_required_country_after_conflicts():
    instance = parse_instance(
        {
            "reviews_per_proposal": 2,
            "max_load": 3,
            "require_each_country": ["TR", "CN"],
            "proposals": [{"id": "p1"}, {"id": "p3", "organizations": ["Tsinghua University"]}],
            "reviewers": _reviewers(
                ("t1", "A", "TR"), ("t2", "B", "TR"), ("c1", "tsinghua  university", "CN")
            ),
        }
    )
    result = solve_assignment(instance)
    assert result.explanation == "no non-conflicted reviewer from CN for p3"


def test_hall_bottleneck_found_by_max_flow_names_the_proposals():
    # every proposal has 2 non-conflicted reviewers and capacity suffices overall, but p1 and p2 both
    # can only use r1 and r2 (load 1 each): 4 reviews needed, 2 available
    instance = parse_instance(
        {
            "reviews_per_proposal": 2,
            "max_load": 1,
            "proposals": [
                {"id": "p1", "organizations": ["A"]},
                {"id": "p2", "organizations": ["A"]},
                {"id": "p3", "organizations": ["Z"]},
            ],
            "reviewers": _reviewers(
                ("r1", "", ""),
                ("r2", "", ""),
                ("r3", "A", ""),
                ("r4", "A", ""),
                ("r5", "A", ""),
                ("r6", "A", ""),
            ),
        }
    )
    result = solve_assignment(instance)
    assert result.status == "infeasible"
    assert result.explanation == (
        "load limits: proposals p1, p2 need 4 reviews together, but the only reviewers they may have "
        "(r1, r2) can give them at most 2 (load limits); at most 4 of the 6 required reviews can be placed"
    )


def test_country_bottleneck_found_by_max_flow():
    # CN reviewers c1 (load 1) and c2 (conflicted with p2, p3) cannot give p1..p3 one CN review each
    instance = parse_instance(
        {
            "reviews_per_proposal": 2,
            "max_load": 3,
            "require_each_country": ["TR", "CN"],
            "proposals": [
                {"id": "p1"},
                {"id": "p2", "organizations": ["CAS"]},
                {"id": "p3", "organizations": ["CAS"]},
            ],
            "reviewers": [
                {"id": "t1", "country": "TR"},
                {"id": "t2", "country": "TR"},
                {"id": "c1", "country": "CN", "max_load": 1},
                {"id": "c2", "country": "CN", "organization": "CAS"},
                {"id": "c3", "country": "CN", "max_load": 0},
            ],
        }
    )
    result = solve_assignment(instance)
    assert result.explanation == (
        "country requirement CN: proposals p2, p3 need 2 reviews together, but the only reviewers they "
        "may have (c1, c3) can give them at most 1 (load limits); at most 2 of the 3 required reviews "
        "can be placed"
    )
