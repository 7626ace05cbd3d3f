import pytest

from kopru.calls.assignment import Violation, check_assignment, detect_conflicts, parse_instance
from kopru.calls.assignment.names import normalize_name

pytestmark = pytest.mark.unit


def test_names_compare_without_case_accents_or_extra_spaces():
    assert normalize_name("Boğaziçi  Üniversitesi") == "bogazici universitesi"
    assert normalize_name("bogazici universitesi") == "bogazici universitesi"
    assert normalize_name("ISTANBUL TEKNİK ÜNİVERSİTESİ") == "istanbul teknik universitesi"
    assert normalize_name("Işık University") == "isik university"


INSTANCE = {
    "reviews_per_proposal": 2,
    "max_load": 1,
    "require_each_country": ["TR", "CN"],
    "proposals": [
        {"id": "p1", "organizations": ["Boğaziçi Üniversitesi", "Tsinghua University"]},
        {"id": "p2", "organizations": ["Zhejiang University"]},
    ],
    "reviewers": [
        {"id": "r1", "organization": "bogazici universitesi", "country": "TR"},
        {"id": "r2", "organization": "METU", "country": "TR", "prior_coapplicants": ["ZHEJIANG UNIVERSITY"]},
        {"id": "r3", "organization": "CAS", "country": "CN"},
        {"id": "r4", "organization": "Fudan", "country": "CN", "max_load": 2},
    ],
    "conflicts": [["r3", "p2"]],
}


def test_conflicts_detected_by_organisation_coapplication_and_declaration():
    conflicts = detect_conflicts(parse_instance(INSTANCE))
    assert conflicts.reasons == {
        (0, 0): "same organisation (Boğaziçi Üniversitesi)",
        (1, 1): "prior co-application with Zhejiang University",
        (1, 2): "declared conflict",
    }
    assert conflicts.count == 3


def test_manual_assignment_violations_each_with_a_reason():
    instance = parse_instance(INSTANCE)
    manual = [("p1", "r1"), ("p1", "r4"), ("p1", "r4"), ("p2", "r3"), ("p2", "r4"), ("p9", "r1")]
    assert check_assignment(instance, manual) == [
        Violation(
            "conflict",
            "reviewer r1 has a conflict with proposal p1: same organisation (Boğaziçi Üniversitesi)",
            "p1",
            "r1",
        ),
        Violation("duplicate", "reviewer r4 is assigned to proposal p1 more than once", "p1", "r4"),
        Violation("conflict", "reviewer r3 has a conflict with proposal p2: declared conflict", "p2", "r3"),
        Violation("unknown", "unknown proposal p9", "p9", "r1"),
        Violation("country", "proposal p2 has no reviewer from TR", "p2"),
    ]


def test_partial_assignment_reports_overload_but_not_missing_reviews():
    instance = parse_instance(INSTANCE)
    partial = [("p1", "r2"), ("p2", "r2")]
    assert check_assignment(instance, partial, complete=False) == [
        Violation(
            "conflict",
            "reviewer r2 has a conflict with proposal p2: prior co-application with Zhejiang University",
            "p2",
            "r2",
        ),
        Violation("overload", "reviewer r2 has 2 reviews, limit 1", reviewer="r2"),
    ]
