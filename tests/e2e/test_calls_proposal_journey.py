"""One proposal from submission to decision in the browser: the applicant drafts and submits it, an officer
closes the call and runs the optimal assignment, a reviewer scores it blind, the panel decides, and the
applicant reads the decision with the anonymised reviews."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from kopru.calls.domain.reviewing import save_review
from kopru.calls.models import Call, ReviewAssignment
from tests.conftest import PASSWORD
from tests.factories import PDF, CallFactory, organisation, reviewer

pytestmark = [pytest.mark.e2e]


def log_in(page, base, username):
    page.context.clear_cookies()
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("form.record button[type=submit]")
    expect(page.locator("header.top")).to_contain_text(username)


def test_a_proposal_from_submission_to_decision(live_server, page, reference_data, cast, settings, tmp_path):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}
    }
    settings.MEDIA_ROOT = tmp_path
    base = live_server.url
    owner = cast.company_organisation
    owner.country_id = "TR"
    owner.save()
    organisation("Shenzhen Battery Lab", "CN")
    call = CallFactory(title="Joint call on batteries", reviews_per_proposal=2)
    ada, chen = reviewer("ada", "TR"), reviewer("chen", "CN")

    # The applicant drafts, builds the consortium and budget, attaches the work plan and submits.
    log_in(page, base, cast.company.username)
    page.goto(f"{base}/calls/")
    page.click("text=Joint call on batteries")
    expect(page.locator("table.zones")).to_contain_text("Istanbul")
    expect(page.locator("table.zones")).to_contain_text("Beijing")
    page.click("#apply")
    page.fill("#id_title", "Solid electrolytes for safer cells")
    page.fill("#id_acronym", "SOLID")
    page.select_option("#id_topic", label="Batteries and cells")
    page.fill("#id_keywords", "battery, electrolyte")
    page.fill("#id_duration_months", "24")
    page.fill("#id_abstract", "Solid electrolytes for lithium cells.")
    page.fill("#id_work_plan", "WP1 materials; WP2 cells.")
    page.fill("#id_principal_investigator", "Dr. Ayşe Yılmaz")
    page.click("form.record button[type=submit]")
    expect(page.locator("#proposal-status")).to_have_text("Draft")
    expect(page.locator("ul.eligibility")).to_contain_text("No partner from CN")

    page.click("text=Add a partner")
    page.select_option("#partner-form #id_organisation", label="Shenzhen Battery Lab")
    page.select_option("#partner-form #id_country", "CN")
    page.fill("#partner-form #id_principal_investigator", "Dr. Li Wei")
    page.click("#partner-form button[type=submit]")
    for index, amount in [(1, "500000"), (2, "400000")]:  # the coordinator, then the CN partner
        page.click("text=Add a budget line")
        page.select_option("#budget-form #id_partner", index=index)
        page.select_option("#budget-form #id_category", "personnel")
        page.fill("#budget-form #id_amount", amount)
        page.click("#budget-form button[type=submit]")
    page.set_input_files("#attachment-form input[type=file]", files=[
        {"name": "plan.pdf", "mimeType": "application/pdf", "buffer": PDF}
    ])  # fmt: skip
    page.select_option("#attachment-form #id_kind", "work_plan")
    page.click("#attachment-form button[type=submit]")
    expect(page.locator("main")).to_contain_text("File attached.")
    proposal = call.proposals.get()
    expect(page.locator("ul.eligibility li.failed")).to_have_count(0)
    page.click("#submit-proposal")
    expect(page.locator("#proposal-status")).to_have_text("Submitted")

    # The deadline passes; an officer closes the call and runs the solver.
    Call.objects.filter(pk=call.pk).update(deadline=timezone.now() - datetime.timedelta(minutes=1))
    log_in(page, base, cast.staff_a.username)
    page.goto(f"{base}/calls/{call.pk}/")
    page.select_option("#advance-form #id_to_status", "closed")
    page.click("#advance-form button[type=submit]")
    expect(page.locator("#call-status")).to_have_text("Closed")
    page.goto(f"{base}/calls/{call.pk}/assignments/")
    page.click("#run-solver")
    expect(page.locator("main")).to_contain_text("Optimal")
    assert set(ReviewAssignment.objects.values_list("reviewer__username", flat=True)) == {"ada", "chen"}
    page.goto(f"{base}/calls/{call.pk}/")
    page.select_option("#advance-form #id_to_status", "in_review")
    page.click("#advance-form button[type=submit]")
    expect(page.locator("#call-status")).to_have_text("In review")

    # A reviewer scores it without seeing who applied; the other review comes in through the domain.
    save_review(
        ReviewAssignment.objects.get(reviewer=chen),
        scores={"excellence": 4, "impact": 4, "implementation": 4},
        comment_to_applicant="Convincing.",
        submit=True,
    )
    log_in(page, base, ada.username)
    page.goto(f"{base}/calls/reviews/")
    page.click("text=Solid electrolytes for safer cells")
    expect(page.locator("main")).not_to_contain_text("Anatolia Cell Works")
    expect(page.locator("main")).not_to_contain_text("Convincing.")
    page.click("#write-review")
    page.fill("#id_score_excellence", "5")
    page.fill("#id_score_impact", "4")
    page.fill("#id_score_implementation", "4.5")
    page.fill("#id_comment_to_applicant", "Excellent materials work.")
    page.click("#submit-review")
    expect(page.locator("main")).to_contain_text("Convincing.")

    # The panel sees the ranking and the funding proposal, and decides.
    log_in(page, base, cast.staff_b.username)
    page.goto(f"{base}/calls/{call.pk}/")
    page.select_option("#advance-form #id_to_status", "panel")
    page.click("#advance-form button[type=submit]")
    page.goto(f"{base}/calls/{call.pk}/panel/")
    expect(page.locator("#ranking")).to_contain_text("Solid electrolytes for safer cells")
    expect(page.locator("#ranking")).to_contain_text("part of the best set within the budgets")
    page.once("dialog", lambda dialog: dialog.accept())
    page.click("#decide")
    expect(page.locator("main")).to_contain_text("Decided: 1 funded of 1")

    # The applicant reads the decision and the anonymised reviews.
    log_in(page, base, cast.company.username)
    page.goto(f"{base}/calls/proposals/{proposal.pk}/")
    expect(page.locator("#proposal-status")).to_have_text("Funded")
    expect(page.locator("#decision")).to_contain_text("Funded")
    expect(page.locator("main")).to_contain_text("Excellent materials work.")
    expect(page.locator("main")).to_contain_text("Reviewer 1")
    expect(page.locator("main")).not_to_contain_text("Ada")
