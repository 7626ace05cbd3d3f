import itertools

import numpy as np
import pytest
from scipy.optimize import Bounds, LinearConstraint, milp

from kopru.calls.assignment import (
    AssignmentInstance,
    Proposal,
    Reviewer,
    check_assignment,
    detect_conflicts,
    parse_instance,
    solve_assignment,
)
from kopru.calls.assignment.solver import integer_scale

pytestmark = pytest.mark.unit


def _random_instance(rng: np.random.Generator, n_p: int, n_r: int, with_countries: bool) -> dict:
    orgs = ["Org A", "Org B", "Org C", "Org D"]
    proposals = [{"id": f"p{i}", "organizations": [str(rng.choice(orgs))]} for i in range(n_p)]
    reviewers = [
        {
            "id": f"r{j}",
            "organization": str(rng.choice(orgs + ["Elsewhere"] * 4)),
            "country": str(rng.choice(["TR", "CN", "DE"])),
            "max_load": int(rng.integers(0, 4)),
        }
        for j in range(n_r)
    ]
    affinity = {
        f"r{j}": {f"p{i}": round(float(rng.random()), 3) for i in range(n_p) if rng.random() < 0.8}
        for j in range(n_r)
    }
    data = {
        "reviews_per_proposal": int(rng.integers(1, 4)),
        "max_load": 2,
        "proposals": proposals,
        "reviewers": reviewers,
        "conflicts": [[f"r{int(rng.integers(n_r))}", f"p{int(rng.integers(n_p))}"]],
        "affinity": affinity,
    }
    if with_countries:
        data["require_each_country"] = ["TR", "CN"]
        data["reviews_per_proposal"] = max(2, data["reviews_per_proposal"])
    return data


def _milp_optimum(instance: AssignmentInstance) -> float | None:
    """Independent check: the plain 0/1 formulation x[p, r] solved by HiGHS' MILP, no flow modelling."""
    n_p, n_r = len(instance.proposals), len(instance.reviewers)
    mask = detect_conflicts(instance).mask
    score = np.zeros((n_p, n_r))
    for j, reviewer in enumerate(instance.reviewers):
        for i, proposal in enumerate(instance.proposals):
            score[i, j] = instance.affinity.get(reviewer.id, {}).get(proposal.id, 0.0)
    rows, lower, upper = [], [], []
    for i in range(n_p):
        row = np.zeros((n_p, n_r))
        row[i, :] = 1
        rows.append(row.ravel())
        lower.append(instance.reviews_per_proposal)
        upper.append(instance.reviews_per_proposal)
        for country in instance.require_each_country:
            row = np.zeros((n_p, n_r))
            row[i, [j for j, r in enumerate(instance.reviewers) if r.country == country]] = 1
            rows.append(row.ravel())
            lower.append(1)
            upper.append(np.inf)
    for j, reviewer in enumerate(instance.reviewers):
        row = np.zeros((n_p, n_r))
        row[:, j] = 1
        rows.append(row.ravel())
        lower.append(0)
        upper.append(instance.load_limit(reviewer))
    result = milp(
        -score.ravel(),
        constraints=LinearConstraint(np.array(rows), lower, upper),
        integrality=np.ones(n_p * n_r),
        bounds=Bounds(0, np.where(mask.ravel(), 0, 1)),
        options={"mip_rel_gap": 0},
    )
    return -result.fun if result.status == 0 else None


@pytest.mark.parametrize("with_countries", [False, True])
def test_optimum_matches_an_independent_milp_on_random_instances(with_countries):
    rng = np.random.default_rng(20261128)
    optimal = infeasible = 0
    for _ in range(40):
        instance = parse_instance(
            _random_instance(rng, int(rng.integers(1, 6)), 10 if with_countries else 7, with_countries)
        )
        result = solve_assignment(instance)
        expected = _milp_optimum(instance)
        if expected is None:
            assert result.status == "infeasible"
            assert result.explanation
            infeasible += 1
            continue
        assert result.status == "optimal"
        assert result.objective == pytest.approx(expected, abs=1e-9)
        pairs = [(a.proposal, a.reviewer) for a in result.assignments]
        assert check_assignment(instance, pairs) == []
        optimal += 1
    # the generator must exercise both outcomes, or the comparison above proves little
    assert optimal >= 10
    assert infeasible >= 3


def test_brute_force_agrees_on_a_tiny_instance_with_the_country_rule():
    data = {
        "reviews_per_proposal": 2,
        "max_load": 1,
        "require_each_country": ["TR", "CN"],
        "proposals": [{"id": "p1"}, {"id": "p2"}],
        "reviewers": [
            {"id": "t1", "country": "TR"},
            {"id": "t2", "country": "TR"},
            {"id": "c1", "country": "CN"},
            {"id": "c2", "country": "CN"},
        ],
        # without the country rule the best is p1 ← t1, t2 (1.8) and p2 ← c1, c2 (1.8)
        "affinity": {
            "t1": {"p1": 0.9, "p2": 0.1},
            "t2": {"p1": 0.9, "p2": 0.2},
            "c1": {"p1": 0.3, "p2": 0.9},
            "c2": {"p1": 0.1, "p2": 0.9},
        },
    }
    instance = parse_instance(data)
    result = solve_assignment(instance)
    best = max(
        sum(data["affinity"][r][p] for p, group in (("p1", pair), ("p2", rest)) for r in group)
        for pair in itertools.combinations(["t1", "t2", "c1", "c2"], 2)
        for rest in [[r for r in ["t1", "t2", "c1", "c2"] if r not in pair]]
        if {r[0] for r in pair} == {"t", "c"} and {r[0] for r in rest} == {"t", "c"}
    )
    assert result.status == "optimal"
    assert result.objective == pytest.approx(best)
    assert result.objective == pytest.approx(2.3)
    assert sorted((a.proposal, a.reviewer) for a in result.assignments) == [
        ("p1", "c1"),
        ("p1", "t1"),
        ("p2", "c2"),
        ("p2", "t2"),
    ]


def test_contract_example_shape_and_missing_affinity_scores_zero():
    instance = parse_instance(
        {
            "reviews_per_proposal": 1,
            "max_load": 6,
            "proposals": [{"id": "p1", "text": "...", "organizations": ["METU"], "countries": ["TR", "CN"]}],
            "reviewers": [
                {
                    "id": "r1",
                    "text": "...",
                    "organization": "Tsinghua University",
                    "country": "CN",
                    "max_load": 4,
                },
                {"id": "r2", "organization": "Other", "country": "TR"},
            ],
            "conflicts": [["r2", "p1"]],
            "affinity": {"r2": {"p1": 0.82}},
        }
    )
    result = solve_assignment(instance)
    assert result.to_dict() == {
        "status": "optimal",
        "objective": 0.0,
        "assignments": [{"proposal": "p1", "reviewer": "r1", "affinity": 0.0}],
        "conflicts_detected": 1,
        "explanation": None,
    }


def test_computed_affinity_prefers_the_reviewer_whose_text_matches():
    instance = AssignmentInstance(
        proposals=[
            Proposal("p1", text="lithium battery cells for electric vehicles"),
            Proposal("p2", text="high speed rail traction systems", sectors=("rail",)),
        ],
        reviewers=[
            Reviewer("r1", text="battery cells and electric vehicle powertrains"),
            Reviewer("r2", text="railway signalling", sectors=("rail",)),
        ],
        reviews_per_proposal=1,
        max_load=1,
    )
    result = solve_assignment(instance)
    assert [(a.proposal, a.reviewer) for a in result.assignments] == [("p1", "r1"), ("p2", "r2")]
    assert result.objective_tolerance == 0.0


def test_integer_scale_is_exact_for_decimal_scores_and_bounded_otherwise():
    assert integer_scale(np.array([0.82, 0.5, 1.0]), 100) == (100, True)
    assert integer_scale(np.array([0.123456, 2.0]), 100) == (10**6, True)
    assert integer_scale(np.array([1 / 3]), 100) == (10**9, False)


def test_sector_jaccard_matches_the_set_definition():
    from kopru.calls.assignment.affinity import sector_jaccard

    result = sector_jaccard([("Rail", "energy"), ()], [("rail",), ("energy", "health", "rail"), ()])
    assert result.tolist() == [[0.5, 2 / 3, 0.0], [0.0, 0.0, 0.0]]
