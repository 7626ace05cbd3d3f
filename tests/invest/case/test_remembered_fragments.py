"""The calculator page's remembered fragments (issue 14): the suggestion lists and the new case form's
fields are the HTML their templates draw, for each kind of reader and language, and a remembered entry is
only reused where every input of it is the same."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string
from django.utils import translation

from kopru.invest.case import rendered
from kopru.invest.case.domain.rulebook import datalists
from kopru.invest.case.forms import CaseForm
from kopru.invest.rule_data import economic_rules
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
def test_the_remembered_suggestion_lists_are_the_templates_html(client, language):
    rules = economic_rules()
    with translation.override(language):
        expected = render_to_string("invest_case/_datalists.html", {"lists": datalists(rules)})
    html = client.get("/invest/case/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in html
    with translation.override(language):
        assert rendered.remembered_datalists(rules, lambda: "not drawn again") == expected


@pytest.mark.parametrize("language", ["en", "tr"])
@pytest.mark.parametrize("role", ["admin", "staff_a", "staff_b"])
def test_the_remembered_case_fields_are_the_forms_own_html_for_each_reader(client, cast, role, language):
    user = cast.by_role()[role]
    with translation.override(language):
        expected = render_to_string("invest_case/_case_fields.html", {"case_form": CaseForm(user=user)})
    # another kind of reader first: its entry must not be served to this one
    for other in ("admin", "staff_a", "staff_b"):
        client_as(client, cast, other).get("/invest/case/", HTTP_ACCEPT_LANGUAGE=language)
    html = client_as(client, cast, role).get("/invest/case/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert expected in html


def test_a_bound_or_saved_case_form_is_drawn_every_time(cast):
    drawn = []

    def draw():
        drawn.append(1)
        return "drawn"

    bound = CaseForm({"name": "x"}, user=cast.staff_a)
    rendered.remembered_case_fields(bound, cast.staff_a, draw)
    rendered.remembered_case_fields(bound, cast.staff_a, draw)
    assert len(drawn) == 2
    fresh = CaseForm(user=cast.staff_a)
    rendered.remembered_case_fields(fresh, cast.staff_a, draw)
    rendered.remembered_case_fields(fresh, cast.staff_a, draw)
    assert len(drawn) == 3
