import pytest

from kopru.calls.eligibility import (
    EligibilityDataError,
    RuleResult,
    evaluate,
    load_rules,
    proposal_from_dict,
    rules_from_dict,
)

pytestmark = pytest.mark.unit

RULES = {
    "countries": ["TR", "CN"],
    "allowed_kinds": ["company", "research", "agency"],
    "max_duration_months": 36,
    "max_budget_per_side": {
        "TR": {"max_amount": 2000000, "currency": "TRY"},
        "CN": {"max_amount": 1500000, "currency": "CNY"},
    },
    "required_documents": ["work_plan", "budget_table", "consortium_agreement"],
}


def _partner(name, country, kind="research", pi="Dr. A", budget=0, currency=None):
    return {
        "name": name,
        "country": country,
        "kind": kind,
        "principal_investigator": pi,
        "budget": budget,
        "currency": currency,
    }


def test_eligible_proposal_passes_every_rule_with_reasons():
    proposal = proposal_from_dict(
        {
            "id": "p1",
            "duration_months": 24,
            "documents": ["work_plan", "budget_table", "consortium_agreement", "cv"],
            "partners": [
                _partner("Boğaziçi Üniversitesi", "TR", budget=1200000, currency="TRY"),
                _partner("Aselsan", "TR", kind="company", budget=800000, currency="TRY"),
                _partner("Tsinghua University", "CN", budget=1500000, currency="CNY"),
            ],
        }
    )
    report = evaluate(proposal, rules_from_dict(RULES))
    assert report.eligible is True
    assert report.results == [
        RuleResult("partner_countries", True, "Partners from every call country: TR (2), CN (1)"),
        RuleResult("partners_in_call_countries", True, "Every partner is from a call country"),
        RuleResult(
            "organisation_kinds", True, "Every partner is of an allowed kind (company, research, agency)"
        ),
        RuleResult("duration", True, "Duration 24 months is within 36 months"),
        RuleResult("budget_TR", True, "The TR side asks 2,000,000 TRY, within the maximum of 2,000,000 TRY"),
        RuleResult("budget_CN", True, "The CN side asks 1,500,000 CNY, within the maximum of 1,500,000 CNY"),
        RuleResult(
            "documents", True, "All required documents present: work plan, budget table, consortium agreement"
        ),
        RuleResult("principal_investigators", True, "Every partner names a principal investigator"),
    ]


def test_every_failing_rule_is_reported_at_once():
    proposal = proposal_from_dict(
        {
            "id": "p2",
            "duration_months": 48,
            "documents": ["work_plan"],
            "partners": [
                _partner("METU", "TR", budget=1500000),
                _partner("TRT", "TR", kind="media", pi=" ", budget=600000, currency="TRY"),
                _partner("Fraunhofer", "DE", pi=None),
            ],
        }
    )
    report = evaluate(proposal, rules_from_dict(RULES))
    assert report.eligible is False
    assert report.failures == [
        RuleResult(
            "partner_countries", False, "No partner from CN: the consortium has partners from TR and DE only"
        ),
        RuleResult(
            "partners_in_call_countries",
            False,
            "Partners from outside the call countries (TR, CN): Fraunhofer (DE)",
        ),
        RuleResult(
            "organisation_kinds",
            False,
            "Organisation kind not allowed: TRT is 'media' (allowed: company, research, agency)",
        ),
        RuleResult("duration", False, "Duration 48 months exceeds the maximum of 36 months"),
        RuleResult(
            "budget_TR", False, "The TR side asks 2,100,000 TRY, more than the maximum of 2,000,000 TRY"
        ),
        RuleResult("documents", False, "Missing required documents: budget table, consortium agreement"),
        RuleResult(
            "principal_investigators", False, "No principal investigator named for TRT and Fraunhofer"
        ),
    ]
    # the CN side asks nothing, which is within its limit: still evaluated and reported
    assert [r.rule for r in report.results if r.passed] == ["budget_CN"]


def test_minimum_partners_and_currency_mismatch():
    rules = rules_from_dict({**RULES, "min_partners_per_country": 2, "allowed_kinds": None})
    proposal = proposal_from_dict(
        {
            "id": "p3",
            "duration_months": 12,
            "documents": RULES["required_documents"],
            "partners": [
                _partner("ITU", "TR"),
                _partner("Sabancı", "TR"),
                _partner("CAS", "CN", budget=100, currency="USD"),
            ],
        }
    )
    failures = evaluate(proposal, rules).failures
    assert failures == [
        RuleResult(
            "partner_countries", False, "Too few partners: 1 from CN; the call needs at least 2 per country"
        ),
        RuleResult(
            "budget_CN",
            False,
            "The CN side is funded in CNY, but budgets are given in another currency: CAS (USD)",
        ),
    ]


def test_missing_duration_and_no_partners():
    rules = rules_from_dict({"countries": ["TR", "CN"], "max_duration_months": 36})
    report = evaluate(proposal_from_dict({"id": "p4", "partners": []}), rules)
    assert report.failures == [
        RuleResult("partner_countries", False, "No partner from TR or CN: the consortium has no partners"),
        RuleResult("duration", False, "Duration not given; the call allows at most 36 months"),
    ]


@pytest.mark.parametrize(
    ("loader", "data", "message"),
    [
        (rules_from_dict, {"countries": []}, "countries: the call needs at least one country"),
        (
            rules_from_dict,
            {"countries": ["TR"], "max_duration_months": "3 years"},
            "max_duration_months: must be a whole number ≥ 0, got '3 years'",
        ),
        (
            rules_from_dict,
            {"countries": ["TR"], "allowed_kinds": ["bank"]},
            "allowed_kinds[0]: unknown kind 'bank' (one of government, company, agency, research, media, "
            "international, other)",
        ),
        (
            rules_from_dict,
            {"countries": ["TR"], "max_budget_per_side": {"TR": {"max_amount": 5}}},
            "max_budget_per_side.TR.currency: must be a non-empty string, got None",
        ),
        (
            proposal_from_dict,
            {"id": "p", "partners": [{"name": "X", "country": "TR", "kind": "firm"}]},
            "partners[0].kind: unknown kind 'firm' (one of government, company, agency, research, media, "
            "international, other)",
        ),
        (
            proposal_from_dict,
            {"id": "p", "partners": [{"name": "X", "country": "TR", "kind": "other", "budget": -1}]},
            "partners[0].budget: must be a number ≥ 0, got -1",
        ),
        (proposal_from_dict, {"id": "p"}, "partners: must be a list, got None"),
    ],
)
def test_bad_data_names_the_field(loader, data, message):
    with pytest.raises(EligibilityDataError) as error:
        loader(data)
    assert str(error.value) == message


def test_rules_load_from_yaml(tmp_path):
    path = tmp_path / "call.yaml"
    path.write_text(
        "countries: [TR, CN]\nmax_duration_months: 36\nmax_budget_per_side:\n"
        "  TR: {max_amount: 2000000, currency: TRY}\n",
        encoding="utf-8",
    )
    rules = load_rules(path)
    assert rules.countries == ("TR", "CN")
    assert rules.max_duration_months == 36
    assert rules.max_budget_per_side["TR"].max_amount == 2000000
    assert rules.max_budget_per_side["TR"].currency == "TRY"
