"""Pages of the calls app. Thin: fetch through `access_*` (404 / 403 / login), call the domain, render."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.calls.domain import panel as panel_domain
from kopru.calls.domain import proposals as proposal_domain
from kopru.calls.domain import reviewing
from kopru.calls.domain.calls import (
    advance_call,
    call_rules,
    deadline_in_zones,
    parse_rubric,
    status_options,
)
from kopru.calls.enums import CallStatus, ProposalStatus
from kopru.calls.forms import (
    AdvanceCallForm,
    AttachmentForm,
    BudgetLineForm,
    CallForm,
    ConflictForm,
    ManualAssignmentForm,
    OverrideForm,
    PartnerForm,
    ProposalForm,
    ReviewerProfileForm,
    ReviewForm,
)
from kopru.calls.models import (
    Attachment,
    BudgetLine,
    Call,
    Partner,
    Proposal,
    ReviewAssignment,
    ReviewerProfile,
)
from kopru.calls.rules import (
    identities_hidden,
    may_export_side,
    visible_calls,
    visible_proposals,
)
from kopru.core import access
from kopru.ui.errors import add_form_messages, add_messages, add_to_form, attempt
from kopru.ui.views.access import access_object, has_perm, require_login, require_perm
from kopru.ui.views.exports import csv_response, xlsx_response

# --- fetch-and-check helpers ---------------------------------------------------------------------------


def access_call(request, pk, perm: str = "calls.view_call") -> Call:
    return access_object(
        request, Call.objects.select_related("agency_a", "agency_b"), pk, view="calls.view_call", perm=perm
    )


def access_proposal(request, pk, perm: str = "calls.view_proposal") -> Proposal:
    queryset = Proposal.objects.select_related("call", "organisation", "topic")
    return access_object(request, queryset, pk, view="calls.view_proposal", perm=perm, login_first=True)


def require_officer(request):
    require_perm(request, "calls.manage_call")


# --- calls ---------------------------------------------------------------------------------------------


def home(request):
    calls = (
        visible_calls(Call.objects.all(), request.user)
        .select_related("agency_a", "agency_b")
        .prefetch_related("topics")
        .order_by("-deadline", "pk")
    )
    context = {
        "calls": calls,
        "can_create": has_perm(request.user, "calls.manage_call"),
        "is_reviewer": has_perm(request.user, "calls.act_as_reviewer"),
    }
    return render(request, "calls/home.html", context)


def call_create(request):
    require_officer(request)
    form = CallForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            call = form.save()
        messages.success(request, _("The call was created as a draft."))
        return redirect(call)
    return render(request, "calls/form.html", {"form": form, "title": _("New call")})


def call_detail(request, pk):
    call = access_call(request, pk)
    officer = has_perm(request.user, "calls.manage_call")
    mine = visible_proposals(call.proposals.all(), request.user).select_related("topic")
    options = status_options(call) if officer else []
    context = {
        "call": call,
        "officer": officer,
        "zones": deadline_in_zones(call.deadline),
        "rules": call_rules(call),
        "criteria": parse_rubric(call.rubric),
        "transitions": call.transitions.select_related("by"),
        "status_options": options,
        "advance_form": AdvanceCallForm(options=options) if any(o.allowed for o in options) else None,
        "proposals": mine if not officer else None,
        "counts": _counts(call) if officer else None,
        "can_apply": has_perm(request.user, "calls.apply", call),
        "sides": [
            (side, call.agency_of(side), call.budget_of(side), call.currency_of(side)) for side in call.sides
        ],
    }
    return render(request, "calls/call_detail.html", context)


def _counts(call):
    from django.db.models import Count

    counts = dict(call.proposals.values_list("status").annotate(n=Count("pk")))
    labels = dict(ProposalStatus.choices)
    return {str(labels.get(status, status)): n for status, n in counts.items()}


def call_edit(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    if call.status not in (CallStatus.DRAFT, CallStatus.OPEN):
        messages.error(request, _("A call can be edited while it is a draft or open."))
        return redirect(call)
    form = CallForm(request.POST or None, instance=call, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            form.save()
        messages.success(request, _("Saved."))
        return redirect(call)
    return render(request, "calls/form.html", {"form": form, "title": _("Edit %(call)s") % {"call": call}})


@require_POST
def call_advance(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    form = AdvanceCallForm(request.POST)
    if form.is_valid():
        attempt(
            request,
            lambda: advance_call(
                call,
                to_status=form.cleaned_data["to_status"],
                by=request.user,
                note=form.cleaned_data["note"],
            ),
            _("The call moved on."),
        )
    else:
        messages.error(request, _("Choose a valid status."))
    return redirect(call)


def proposal_list(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    proposals = proposal_domain.with_consortium(
        visible_proposals(call.proposals.all(), request.user)
    ).order_by("pk")
    rows = [(p, proposal_domain.budget_by_side(p), proposal_domain.check_eligibility(p)) for p in proposals]
    return render(request, "calls/proposal_list.html", {"call": call, "rows": rows})


# --- proposals -----------------------------------------------------------------------------------------


def proposal_create(request, pk):
    require_login(request)
    call = access_call(request, pk, "calls.apply")
    form = ProposalForm(request.POST or None, call=call, instance=Proposal(call=call))
    if request.method == "POST" and form.is_valid():
        organisation = access.profile_of(request.user).organisation
        data = {name: form.cleaned_data[name] for name in form.Meta.fields}
        try:
            proposal = proposal_domain.start_proposal(
                call,
                user=request.user,
                organisation=organisation,
                principal_investigator=form.cleaned_data["principal_investigator"],
                **data,
            )
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request, _("Draft saved. Add your partners, budget and attachments, then submit.")
            )
            return redirect(proposal)
    return render(
        request, "calls/form.html", {"form": form, "title": _("Apply to %(call)s") % {"call": call}}
    )


def proposal_detail(request, pk):
    proposal = access_proposal(request, pk)
    proposal = proposal_domain.with_consortium(Proposal.objects.filter(pk=proposal.pk)).get()
    user = request.user
    editable = has_perm(user, "calls.edit_proposal", proposal) and proposal.call.status == CallStatus.OPEN
    officer = has_perm(user, "calls.manage_call")
    assignment = ReviewAssignment.objects.filter(proposal=proposal, reviewer=user).first()
    context = {
        "proposal": proposal,
        "call": proposal.call,
        "blind": identities_hidden(user, proposal),
        "officer": officer,
        "applicant": has_perm(user, "calls.withdraw_proposal", proposal),
        "editable": editable,
        "budget": proposal_domain.budget_by_side(proposal),
        "partner_budgets": {p.pk: proposal_domain.partner_budget(p) for p in proposal.partners.all()},
        "eligibility": proposal_domain.check_eligibility(proposal)
        if (editable or officer or has_perm(user, "calls.withdraw_proposal", proposal))
        else None,
        "reviews": reviewing.visible_reviews(user, proposal),
        "anonymise_reviews": not officer,
        "panel_comments": officer or assignment is not None,
        "criteria": parse_rubric(proposal.call.rubric),
        "assignment": assignment,
        "assignments": proposal.assignments.select_related("reviewer") if officer else None,
        "decision": getattr(proposal, "decision", None)
        if (officer or proposal.call.status in (CallStatus.DECIDED, CallStatus.ARCHIVED))
        else None,
        "partner_form": PartnerForm(user=user) if editable else None,
        "budget_form": BudgetLineForm(proposal=proposal) if editable else None,
        "attachment_form": AttachmentForm() if editable else None,
        "conflict_form": ConflictForm() if assignment else None,
        "can_withdraw": has_perm(user, "calls.withdraw_proposal", proposal)
        and proposal.status in (ProposalStatus.DRAFT, ProposalStatus.SUBMITTED)
        and proposal.call.status not in (CallStatus.DECIDED, CallStatus.ARCHIVED),
    }
    return render(request, "calls/proposal_detail.html", context)


def proposal_edit(request, pk):
    proposal = access_proposal(request, pk, "calls.edit_proposal")
    form = ProposalForm(request.POST or None, instance=proposal)
    if request.method == "POST" and form.is_valid():
        try:
            proposal_domain.update_proposal(
                form.instance, principal_investigator=form.cleaned_data["principal_investigator"]
            )
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Draft saved."))
            return redirect(proposal)
    return render(request, "calls/form.html", {"form": form, "title": _("Edit %(p)s") % {"p": proposal}})


def proposal_print(request, pk):
    proposal = access_proposal(request, pk)
    proposal = proposal_domain.with_consortium(Proposal.objects.filter(pk=proposal.pk)).get()
    context = {
        "proposal": proposal,
        "call": proposal.call,
        "blind": identities_hidden(request.user, proposal),
        "budget": proposal_domain.budget_by_side(proposal),
        "partner_budgets": {p.pk: proposal_domain.partner_budget(p) for p in proposal.partners.all()},
    }
    return render(request, "calls/proposal_print.html", context)


def _form_post(request, proposal, form, action, success):
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, success)
            return redirect(proposal)
    add_form_messages(request, form, labelled=True)
    return redirect(proposal)


@require_POST
def partner_add(request, pk):
    proposal = access_proposal(request, pk, "calls.edit_proposal")
    form = PartnerForm(request.POST, user=request.user)
    return _form_post(
        request,
        proposal,
        form,
        lambda data: proposal_domain.add_partner(proposal, **data),
        _("Partner added."),
    )


@require_POST
def partner_remove(request, pk):
    partner = Partner.objects.select_related("proposal__call").filter(pk=pk).first()
    proposal = access_proposal(request, partner.proposal_id if partner else 0, "calls.edit_proposal")
    attempt(request, lambda: proposal_domain.remove_partner(partner), _("Partner removed."))
    return redirect(proposal)


@require_POST
def budget_line_add(request, pk):
    proposal = access_proposal(request, pk, "calls.edit_proposal")
    form = BudgetLineForm(request.POST, proposal=proposal)
    return _form_post(
        request,
        proposal,
        form,
        lambda data: proposal_domain.add_budget_line(
            data["partner"], category=data["category"], amount=data["amount"], description=data["description"]
        ),
        _("Budget line added."),
    )


@require_POST
def budget_line_remove(request, pk):
    line = BudgetLine.objects.select_related("partner__proposal__call").filter(pk=pk).first()
    proposal = access_proposal(request, line.partner.proposal_id if line else 0, "calls.edit_proposal")
    attempt(request, lambda: proposal_domain.remove_budget_line(line), _("Budget line removed."))
    return redirect(proposal)


@require_POST
def attachment_upload(request, pk):
    proposal = access_proposal(request, pk, "calls.edit_proposal")
    form = AttachmentForm(request.POST, request.FILES)

    def upload(data):
        upload = data["file"]
        proposal_domain.check_size(upload.size)  # before reading a huge file into memory
        proposal_domain.attach_file(
            proposal, kind=data["kind"], name=upload.name, content=upload.read(), user=request.user
        )

    return _form_post(request, proposal, form, upload, _("File attached."))


def attachment_download(request, pk):
    attachment = Attachment.objects.filter(pk=pk).first()
    access_proposal(request, attachment.proposal_id if attachment else 0)
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name
        if attachment.original_name.lower().endswith(".pdf")
        else "attachment.pdf",
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


@require_POST
def attachment_remove(request, pk):
    attachment = Attachment.objects.select_related("proposal__call").filter(pk=pk).first()
    proposal = access_proposal(request, attachment.proposal_id if attachment else 0, "calls.edit_proposal")
    attempt(request, lambda: proposal_domain.remove_attachment(attachment), _("Attachment removed."))
    return redirect(proposal)


@require_POST
def proposal_submit(request, pk):
    proposal = access_proposal(request, pk, "calls.edit_proposal")
    attempt(
        request,
        lambda: proposal_domain.submit_proposal(proposal, by=request.user),
        _("Submitted. You can withdraw it until the call is decided."),
    )
    return redirect(proposal)


@require_POST
def proposal_withdraw(request, pk):
    proposal = access_proposal(request, pk, "calls.withdraw_proposal")
    attempt(
        request,
        lambda: proposal_domain.withdraw_proposal(proposal, by=request.user),
        _("The proposal was withdrawn."),
    )
    return redirect(proposal)


# --- reviewers and assignment --------------------------------------------------------------------------


def reviewer_pool(request):
    require_officer(request)
    pool = reviewing.reviewer_pool()
    return render(request, "calls/reviewer_pool.html", {"pool": pool})


def reviewer_profile(request):
    require_perm(request, "calls.act_as_reviewer")
    instance = ReviewerProfile.objects.filter(user=request.user).first() or ReviewerProfile(user=request.user)
    form = ReviewerProfileForm(request.POST or None, instance=instance, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your expertise profile was saved."))
        return redirect("calls:my-reviews")
    return render(request, "calls/form.html", {"form": form, "title": _("My expertise profile")})


def assignments(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    pairs = (
        ReviewAssignment.objects.filter(proposal__call=call)
        .select_related("proposal", "reviewer__reviewer_profile__country", "review")
        .order_by("proposal__pk", "reviewer__username")
    )
    context = {
        "call": call,
        "assignments": pairs,
        "runs": call.assignment_runs.select_related("requested_by")[:5],
        "problems": reviewing.assignment_problems(call) if pairs else [],
        "form": ManualAssignmentForm(call=call),
        "can_assign": call.status in reviewing.ASSIGNABLE_STATUSES,
    }
    return render(request, "calls/assignments.html", context)


@require_POST
def assignment_run(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    attempt(
        request,
        lambda: reviewing.request_assignment_run(call, by=request.user),
        _("The optimal assignment is being computed; refresh in a moment."),
    )
    return redirect("calls:assignments", pk=call.pk)


@require_POST
def assignment_add(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    form = ManualAssignmentForm(request.POST, call=call)
    if form.is_valid():
        attempt(
            request,
            lambda: reviewing.assign_manually(call, by=request.user, **form.cleaned_data),
            _("Reviewer assigned."),
        )
    else:
        add_form_messages(request, form)
    return redirect("calls:assignments", pk=call.pk)


@require_POST
def assignment_remove(request, pk):
    require_officer(request)
    assignment = ReviewAssignment.objects.select_related("proposal__call").filter(pk=pk).first()
    if assignment is None:
        raise Http404("No such assignment")
    attempt(request, lambda: reviewing.remove_assignment(assignment), _("Assignment removed."))
    return redirect("calls:assignments", pk=assignment.proposal.call_id)


# --- reviewing ------------------------------------------------------------------------------------------


def my_reviews(request):
    require_perm(request, "calls.act_as_reviewer")
    context = {
        "assignments": reviewing.my_assignments(request.user),
        "profile": ReviewerProfile.objects.filter(user=request.user).first(),
    }
    return render(request, "calls/my_reviews.html", context)


def review_edit(request, pk):
    proposal = access_proposal(request, pk, "calls.review_proposal")
    assignment = ReviewAssignment.objects.get(proposal=proposal, reviewer=request.user)
    review = getattr(assignment, "review", None)
    if review is not None and review.submitted_at:
        return _submitted_review(request, proposal, review)
    initial = {}
    if review is not None:
        initial = {f"score_{k}": v for k, v in review.scores.items()}
        initial |= {
            "comment_to_applicant": review.comment_to_applicant,
            "comment_to_panel": review.comment_to_panel,
        }
    form = ReviewForm(request.POST or None, call=proposal.call, initial=initial)
    if request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        scores = {k: (float(v) if v is not None else None) for k, v in form.scores().items()}
        try:
            reviewing.save_review(
                assignment,
                scores=scores,
                comment_to_applicant=form.cleaned_data["comment_to_applicant"],
                comment_to_panel=form.cleaned_data["comment_to_panel"],
                submit=submit,
            )
        except ValidationError as error:
            add_to_form(form, error, field_for=lambda key: f"score_{key}")
        else:
            messages.success(request, _("Review submitted.") if submit else _("Draft review saved."))
            return redirect(proposal)
    return render(
        request,
        "calls/review_form.html",
        {
            "form": form,
            "proposal": proposal,
            "review": review,
            "blind": identities_hidden(request.user, proposal),
        },
    )


def _submitted_review(request, proposal, review):
    """A submitted review is final: its page shows it read-only, and a form posted again (a stale tab, the
    back button) is refused once, then the review is shown as it stands."""
    if request.method == "POST":
        messages.error(request, _("This review has been submitted and can no longer be changed."))
        return redirect("calls:review-edit", pk=proposal.pk)
    criteria = parse_rubric(proposal.call.rubric)
    context = {
        "proposal": proposal,
        "review": review,
        "scores": [(c, review.scores.get(c.key)) for c in criteria],
        "blind": identities_hidden(request.user, proposal),
    }
    return render(request, "calls/review_submitted.html", context)


@require_POST
def conflict_declare(request, pk):
    proposal = access_proposal(request, pk, "calls.declare_conflict")
    form = ConflictForm(request.POST)
    if form.is_valid():
        try:
            reviewing.declare_conflict(proposal, reviewer=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            add_messages(request, error)
            return redirect(proposal)
        messages.success(request, _("Conflict declared; the proposal was removed from your list."))
        return redirect("calls:my-reviews")
    messages.error(request, _("Say briefly what the conflict is."))
    return redirect(proposal)


# --- panel, decisions, exports --------------------------------------------------------------------------


def panel(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    context = {
        "call": call,
        "panel": panel_domain.build_panel(call),
        "override_form": OverrideForm(call=call) if call.status == CallStatus.PANEL else None,
        "export_sides": [side for side in call.sides if may_export_side(request.user, side)],
    }
    return render(request, "calls/panel.html", context)


@require_POST
def funding_override(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    form = OverrideForm(request.POST, call=call)
    if form.is_valid():
        attempt(
            request,
            lambda: panel_domain.override_funding(
                call,
                proposal=form.cleaned_data["proposal"],
                fund=form.fund(),
                reason=form.cleaned_data["reason"],
                by=request.user,
            ),
            _("Override recorded; the funding proposal was recomputed."),
        )
    else:
        add_form_messages(request, form)
    return redirect("calls:panel", pk=call.pk)


@require_POST
def call_decide(request, pk):
    call = access_call(request, pk, "calls.manage_call")
    try:
        decisions = panel_domain.decide_call(call, by=request.user)
        messages.success(
            request,
            _("Decided: %(funded)s funded of %(total)s; letters are being sent.")
            % {"funded": sum(d.funded for d in decisions), "total": len(decisions)},
        )
    except ValidationError as error:
        add_messages(request, error)
    return redirect("calls:panel", pk=call.pk)


def _export_rows(request, pk, side):
    call = access_call(request, pk, "calls.manage_call")
    side = side.upper()
    if side not in call.sides:
        raise Http404("No such side")
    if not may_export_side(request.user, side):
        raise PermissionDenied
    return call, side, panel_domain.funded_partner_rows(call, side)


def export_csv(request, pk, side):
    call, side, rows = _export_rows(request, pk, side)
    return csv_response(f"call-{call.pk}-funded-{side}.csv", panel_domain.EXPORT_COLUMNS, rows)


def export_xlsx(request, pk, side):
    call, side, rows = _export_rows(request, pk, side)
    columns = panel_domain.EXPORT_COLUMNS
    typed = ([float(v) if k == "amount" else v for k, v in zip(columns, row, strict=True)] for row in rows)
    return xlsx_response(f"call-{call.pk}-funded-{side}.xlsx", f"funded {side}", columns, typed)
