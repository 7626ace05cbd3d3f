"""Every eligibility rule, each returning a pass/fail with a precise reason. No rule stops the others:
an applicant sees everything to fix at once."""

from __future__ import annotations

from collections import Counter

from kopru.calls.eligibility.model import EligibilityReport, EligibilityRules, ProposalSubmission, RuleResult


def _money(amount: float, currency: str) -> str:
    shown = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{shown} {currency}"


def _and_list(items: list[str], word: str = "and") -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {word} {items[-1]}"


def check_partner_countries(proposal: ProposalSubmission, rules: EligibilityRules) -> RuleResult:
    counts = Counter(partner.country for partner in proposal.partners)
    present = list(dict.fromkeys(p.country for p in proposal.partners))
    missing = [c for c in rules.countries if counts[c] == 0]
    if missing:
        having = f"partners from {_and_list(present)} only" if present else "no partners"
        return RuleResult(
            "partner_countries",
            False,
            f"No partner from {_and_list(missing, 'or')}: the consortium has {having}",
        )
    short = [c for c in rules.countries if counts[c] < rules.min_partners_per_country]
    if short:
        details = _and_list([f"{counts[c]} from {c}" for c in short])
        return RuleResult(
            "partner_countries",
            False,
            f"Too few partners: {details}; the call needs at least {rules.min_partners_per_country} "
            "per country",
        )
    found = ", ".join(f"{c} ({counts[c]})" for c in rules.countries)
    return RuleResult("partner_countries", True, f"Partners from every call country: {found}")


def check_only_call_countries(proposal: ProposalSubmission, rules: EligibilityRules) -> RuleResult:
    outsiders = [p for p in proposal.partners if p.country not in rules.countries]
    if outsiders:
        named = _and_list([f"{p.name} ({p.country})" for p in outsiders])
        return RuleResult(
            "partners_in_call_countries",
            False,
            f"Partners from outside the call countries ({', '.join(rules.countries)}): {named}",
        )
    return RuleResult("partners_in_call_countries", True, "Every partner is from a call country")


def check_kinds(proposal: ProposalSubmission, rules: EligibilityRules) -> RuleResult:
    allowed = rules.allowed_kinds or ()
    wrong = [p for p in proposal.partners if p.kind not in allowed]
    if wrong:
        named = _and_list([f"{p.name} is '{p.kind}'" for p in wrong])
        return RuleResult(
            "organisation_kinds",
            False,
            f"Organisation kind not allowed: {named} (allowed: {', '.join(allowed)})",
        )
    return RuleResult(
        "organisation_kinds", True, f"Every partner is of an allowed kind ({', '.join(allowed)})"
    )


def check_duration(proposal: ProposalSubmission, rules: EligibilityRules) -> RuleResult:
    limit = rules.max_duration_months
    if proposal.duration_months is None:
        return RuleResult("duration", False, f"Duration not given; the call allows at most {limit} months")
    if proposal.duration_months > limit:
        return RuleResult(
            "duration",
            False,
            f"Duration {proposal.duration_months} months exceeds the maximum of {limit} months",
        )
    return RuleResult(
        "duration", True, f"Duration {proposal.duration_months} months is within {limit} months"
    )


def check_side_budget(proposal: ProposalSubmission, rules: EligibilityRules, side: str) -> RuleResult:
    rule = f"budget_{side}"
    limit = rules.max_budget_per_side[side]
    partners = [p for p in proposal.partners if p.country == side]
    foreign = [p for p in partners if p.currency is not None and p.currency != limit.currency]
    if foreign:
        named = _and_list([f"{p.name} ({p.currency})" for p in foreign])
        return RuleResult(
            rule,
            False,
            f"The {side} side is funded in {limit.currency}, but budgets are given in another currency: "
            f"{named}",
        )
    total = sum(p.budget for p in partners)
    asked = _money(total, limit.currency)
    maximum = _money(limit.max_amount, limit.currency)
    if total > limit.max_amount:
        return RuleResult(rule, False, f"The {side} side asks {asked}, more than the maximum of {maximum}")
    return RuleResult(rule, True, f"The {side} side asks {asked}, within the maximum of {maximum}")


def _document_names(kinds) -> str:
    """Attachment kinds as words ("work_plan" → "work plan"), never as codes."""
    return ", ".join(kind.replace("_", " ") for kind in kinds)


def check_documents(proposal: ProposalSubmission, rules: EligibilityRules) -> RuleResult:
    present = set(proposal.documents)
    missing = [kind for kind in rules.required_documents if kind not in present]
    if missing:
        return RuleResult("documents", False, f"Missing required documents: {_document_names(missing)}")
    return RuleResult(
        "documents", True, f"All required documents present: {_document_names(rules.required_documents)}"
    )


def check_principal_investigators(proposal: ProposalSubmission, rules: EligibilityRules) -> RuleResult:
    unnamed = [p.name for p in proposal.partners if not (p.principal_investigator or "").strip()]
    if unnamed:
        return RuleResult(
            "principal_investigators", False, f"No principal investigator named for {_and_list(unnamed)}"
        )
    return RuleResult("principal_investigators", True, "Every partner names a principal investigator")


def evaluate(proposal: ProposalSubmission, rules: EligibilityRules) -> EligibilityReport:
    """Evaluate every rule the call sets; rules the call leaves unset are not reported."""
    results = [check_partner_countries(proposal, rules)]
    if rules.only_call_countries:
        results.append(check_only_call_countries(proposal, rules))
    if rules.allowed_kinds is not None:
        results.append(check_kinds(proposal, rules))
    if rules.max_duration_months is not None:
        results.append(check_duration(proposal, rules))
    results.extend(check_side_budget(proposal, rules, side) for side in rules.max_budget_per_side)
    if rules.required_documents:
        results.append(check_documents(proposal, rules))
    if rules.principal_investigator_required:
        results.append(check_principal_investigators(proposal, rules))
    return EligibilityReport(proposal.id, results)
