"""Thin views: fetch through the permission helpers, call the domain, render.

The calculator (public rule data) is open to everyone, anonymous included; saved cases follow the
core visibility rules (kopru.core.access via the django-rules permissions in `rules.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kopru.core.access import visible_to
from kopru.invest.case.domain.cases import delete_case, input_changes, save_case, update_case
from kopru.invest.case.domain.charts import chart_data
from kopru.invest.case.domain.defaults import reference_inputs
from kopru.invest.case.domain.evaluate import CaseResult
from kopru.invest.case.domain.inputs import parse_inputs
from kopru.invest.case.domain.remembered import evaluate_remembered
from kopru.invest.case.domain.rulebook import (
    TABLE_LABELS,
    cited_rows,
    datalists,
    region_row_id,
    rows_by_table,
    rule_row_or_none,
)
from kopru.invest.case.forms import (
    CaseForm,
    CaseInputsForm,
    field_message,
    form_data_from,
    form_field_for,
    input_label,
)
from kopru.invest.case.models import InvestmentCase
from kopru.invest.case.printing import render_report_pdf
from kopru.invest.case.rendered import remembered_case_fields, remembered_datalists, remembered_panels
from kopru.invest.case.templatetags.invest_case_tags import input_value
from kopru.invest.economics.errors import InputError
from kopru.invest.rule_data import economic_rules
from kopru.ui.views.access import access_object, has_perm, require_perm
from kopru.ui.views.records import readable_change

REFERENCE_CASE = "BYD Manisa plant"


def access_case(request, pk, *, perm: str = "invest_case.view_case") -> InvestmentCase:
    """404 for an unknown or unreadable case (login first for anonymous visitors), 403 when readable
    but not changeable."""
    queryset = InvestmentCase.objects.select_related("owner")
    return access_object(request, queryset, pk, view="invest_case.view_case", perm=perm)


def require_case_creator(request) -> None:
    require_perm(request, "invest_case.add_case")


def _has_params(data: QueryDict) -> bool:
    return any(key in data for key in ("product", "date", "made_in"))


# the fields without which nothing can be evaluated; a mistake elsewhere still lets the rest show
ESSENTIAL_FIELDS = ("product", "made_in", "date", "currency", "ex_works_currency", "destinations")


def calculate(form: CaseInputsForm) -> tuple[dict | None, CaseResult | None]:
    """Validate the form, then the canonical inputs, then evaluate each section on its own; every problem
    lands on its field, once, and the sections it does not touch (landed costs without the plant) still
    show."""
    form.is_valid()
    if any(name in form.errors for name in ESSENTIAL_FIELDS):
        return None, None
    inputs = form.to_inputs()
    try:
        parsed = parse_inputs(inputs)
    except InputError as error:
        _attach(form, error)
        return inputs, None
    result = evaluate_remembered(economic_rules(), parsed, inputs)
    for error in result.errors:
        _attach(form, error)
    return inputs, result


def _attach(form: CaseInputsForm, error: InputError) -> None:
    field = form_field_for(error.field)
    message = field_message(error)
    if field in form.fields:
        if field not in form.errors:  # the form's own message already names the problem
            form.add_error(field, message)
    else:
        form.add_error(None, f"{error.field}: {message}")


def _result_context(form, inputs, result) -> dict:
    rules = economic_rules()
    context = {"form": form, "inputs": inputs, "result": result, "lists": datalists(rules)}
    if result is not None:
        context["charts"] = chart_data(result)
        context["cited"] = cited_rows(rules, result)
        context["region_row"] = region_row_id(rules, result)
    return context


def _bound_form(data) -> CaseInputsForm:
    return CaseInputsForm(data, rules=economic_rules())


def home(request):
    if "csrfmiddlewaretoken" in request.GET:
        # the form's "Calculate" without JavaScript submits by GET: keep the token out of the address
        query = request.GET.copy()
        del query["csrfmiddlewaretoken"]
        return redirect(f"{reverse('invest_case:home')}?{query.urlencode()}")
    case = None
    rules = economic_rules()
    if _has_params(request.GET):
        data = request.GET
    else:
        inputs = reference_inputs()
        if request.GET.get("case"):
            case = access_case(request, request.GET["case"])
            inputs = case.inputs
        data = form_data_from(inputs, rules)
    query = request.GET.urlencode() if _has_params(request.GET) else ""

    def draw() -> tuple[str, str]:
        form = _bound_form(data)
        context = _result_context(form, *calculate(form))
        context["query"] = query
        return (
            render_to_string("invest_case/_inputs.html", context, request),
            render_to_string("invest_case/_results.html", context, request),
        )

    inputs_html, results_html = remembered_panels(rules, data, query, draw)
    case_form = CaseForm(user=request.user) if has_perm(request.user, "invest_case.add_case") else None
    context = {
        "inputs_html": mark_safe(inputs_html),
        "results_html": mark_safe(results_html),
        "datalists_html": mark_safe(
            remembered_datalists(
                rules, lambda: render_to_string("invest_case/_datalists.html", {"lists": datalists(rules)})
            )
        ),
        "case": case,
        "case_form": case_form,
        "case_fields_html": mark_safe(
            remembered_case_fields(
                case_form,
                request.user,
                lambda: render_to_string("invest_case/_case_fields.html", {"case_form": case_form}),
            )
        )
        if case_form
        else "",
        "reference": visible_to(InvestmentCase.objects.filter(name=REFERENCE_CASE), request.user).first(),
        "query": query,
    }
    return render(request, "invest_case/calculator.html", context)


def results(request):
    """The live results panel (htmx): the same calculation for the form's current values."""
    form = _bound_form(request.GET)
    inputs, result = calculate(form)
    context = _result_context(form, inputs, result)
    context["query"] = request.GET.urlencode()
    response = render(request, "invest_case/_results.html", context)
    # the address bar follows the inputs, so a calculation can be bookmarked or shared
    response["HX-Replace-Url"] = f"{reverse('invest_case:home')}?{context['query']}"
    return response


def report(request):
    """A printable report of the calculator's current inputs (not saved)."""
    data = request.GET if _has_params(request.GET) else form_data_from(reference_inputs(), economic_rules())
    form = _bound_form(data)
    inputs, result = calculate(form)
    context = _result_context(form, inputs, result)
    context["title"] = _("Investment case report")
    return render(request, "invest_case/report.html", context)


@require_POST
def save(request):
    require_case_creator(request)
    form = _bound_form(request.POST)
    case_form = CaseForm(request.POST, user=request.user)
    inputs, result = calculate(form)
    if case_form.is_valid() and result is not None and result.ok and not form.errors:
        case = save_case(case_form, inputs, owner=request.user)
        messages.success(request, _("Saved “%(name)s”.") % {"name": case.name})
        return redirect(case.get_absolute_url())
    context = _result_context(form, inputs, result)
    context.update(case=None, case_form=case_form, query="")
    return render(request, "invest_case/calculator.html", context, status=400)


def case_list(request):
    queryset = visible_to(InvestmentCase.objects.select_related("owner"), request.user)
    page = Paginator(queryset, settings.KOPRU_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "invest_case/case_list.html",
        {"page": page, "can_create": has_perm(request.user, "invest_case.add_case")},
    )


def _evaluate_saved(case: InvestmentCase):
    form = _bound_form(form_data_from(case.inputs, economic_rules()))
    inputs, result = calculate(form)
    return form, inputs, result


def case_detail(request, pk):
    case = access_case(request, pk)
    form, inputs, result = _evaluate_saved(case)
    context = _result_context(form, inputs, result)
    context.update(
        case=case,
        can_change=has_perm(request.user, "invest_case.change_case", case),
        can_delete=has_perm(request.user, "invest_case.delete_case", case),
        query="",
    )
    return render(request, "invest_case/case_detail.html", context)


def case_edit(request, pk):
    case = access_case(request, pk, perm="invest_case.change_case")
    if request.method == "POST":
        form = _bound_form(request.POST)
        case_form = CaseForm(request.POST, instance=case, user=request.user)
        inputs, result = calculate(form)
        if case_form.is_valid() and result is not None and result.ok and not form.errors:
            update_case(case, case_form, inputs)
            messages.success(request, _("Saved “%(name)s”.") % {"name": case.name})
            return redirect(case.get_absolute_url())
        status = 400
    else:
        form = _bound_form(form_data_from(case.inputs, economic_rules()))
        case_form = CaseForm(instance=case, user=request.user)
        inputs, result = calculate(form)
        status = 200
    context = _result_context(form, inputs, result)
    context.update(case=case, case_form=case_form, editing=True, query="")
    return render(request, "invest_case/calculator.html", context, status=status)


def case_history(request, pk):
    case = access_case(request, pk)
    entries = []
    records = list(case.history.select_related("history_user").order_by("-history_date", "-history_id")[:100])
    for index, record in enumerate(records):
        previous = records[index + 1] if index + 1 < len(records) else None
        changes = []
        if previous is not None:
            for change in record.diff_against(previous, excluded_fields=["inputs", "updated_at"]).changes:
                shown = readable_change(InvestmentCase, change, request.user)
                changes.append((shown["field"], shown["old"], shown["new"]))
            changes.extend(
                (input_label(path), input_value(old), input_value(new))
                for path, old, new in input_changes(previous.inputs, record.inputs)
            )
        entries.append({"record": record, "changes": changes})
    return render(request, "invest_case/case_history.html", {"case": case, "entries": entries})


def case_report(request, pk):
    case = access_case(request, pk)
    form, inputs, result = _evaluate_saved(case)
    context = _result_context(form, inputs, result)
    context.update(case=case, title=case.name)
    return render(request, "invest_case/report.html", context)


def _pdf_response(request, form, context: dict, filename: str, html_report: str):
    """The PDF of the report page (same template, same language); with input errors, the HTML report
    that names them instead."""
    result = context.get("result")
    if result is None or result.errors or form.errors:
        return redirect(html_report)
    response = HttpResponse(render_report_pdf(request, context), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


def report_pdf(request):
    data = request.GET if _has_params(request.GET) else form_data_from(reference_inputs(), economic_rules())
    form = _bound_form(data)
    inputs, result = calculate(form)
    context = _result_context(form, inputs, result)
    context["title"] = _("Investment case report")
    html_report = f"{reverse('invest_case:report')}?{request.GET.urlencode()}"
    return _pdf_response(request, form, context, "investment-case.pdf", html_report)


def case_report_pdf(request, pk):
    case = access_case(request, pk)
    form, inputs, result = _evaluate_saved(case)
    context = _result_context(form, inputs, result)
    context.update(case=case, title=case.name)
    html_report = reverse("invest_case:case-report", args=[case.pk])
    return _pdf_response(request, form, context, f"investment-case-{case.pk}.pdf", html_report)


@require_POST
def case_delete(request, pk):
    case = access_case(request, pk, perm="invest_case.delete_case")
    name = case.name
    delete_case(case)
    messages.success(request, _("Deleted “%(name)s”.") % {"name": name})
    return redirect("invest_case:case-list")


def rule_list(request):
    return render(
        request,
        "invest_case/rule_list.html",
        {"tables": rows_by_table(economic_rules()), "labels": TABLE_LABELS},
    )


def rule_detail(request, row_id):
    rules = economic_rules()
    row = rule_row_or_none(rules, row_id)
    if row is None:
        raise Http404("No such rule row")
    related = [r for r in (rule_row_or_none(rules, i) for i in (row.parent, *row.children) if i) if r]
    return render(
        request,
        "invest_case/rule_detail.html",
        {"row": row, "related": related, "table_label": TABLE_LABELS.get(row.table, row.table)},
    )
