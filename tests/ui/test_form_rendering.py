"""The Python form renderer writes the same characters as Django's form templates."""

from __future__ import annotations

import pytest
from django import forms
from django.forms.renderers import get_default_renderer
from django.utils import translation

from kopru.invest.forms import MoveForm
from kopru.ui.form_rendering import python_renderer
from kopru.ui.forms import NoteForm
from tests.factories import DealFactory


def _both(make):
    fast = make(python_renderer)
    django = make(get_default_renderer())
    assert fast.renderer is python_renderer and django.renderer is not python_renderer
    return str(fast.as_p()), str(django.as_p())


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
@pytest.mark.parametrize("who", ["admin", "staff_a", "staff_b"])
def test_move_and_note_forms_render_as_django_does(cast, language, who):
    deal = DealFactory()
    user = getattr(cast, who)
    with translation.override(language):
        for initial in ({"stage": deal.stage_id}, {}):
            fast, django = _both(lambda r, i=initial: MoveForm(deal=deal, user=user, initial=i, renderer=r))
            assert fast == django
            assert 'id="id_stage"' in fast
        fast, django = _both(lambda r: NoteForm(renderer=r))
        assert fast == django


def test_bound_forms_with_errors_and_escaping_render_as_django_does(cast):
    deal = DealFactory()
    data = {"stage": "", "note": '<b>"quoted" & </textarea>', "position": "-1"}
    fast, django = _both(lambda r: MoveForm(data, deal=deal, user=cast.admin, renderer=r))
    assert fast == django and "errorlist" in fast and "&lt;/textarea&gt;" in fast

    class Odd(forms.Form):  # a group of options, a number and a check box: Django's templates draw them
        kind = forms.ChoiceField(choices=[("g", [("a", "<A>"), ("b", "B")])])
        count = forms.IntegerField(help_text="<em>how many</em>")
        agree = forms.BooleanField(required=False, label="Agree?")
        hidden = forms.CharField(widget=forms.HiddenInput, initial='x"y')

    fast, django = _both(lambda r: Odd(renderer=r))
    assert fast == django and "<optgroup" in fast
    fast, django = _both(lambda r: Odd({"count": "x"}, renderer=r))
    assert fast == django


def test_a_blank_form_drawn_once_per_language_is_the_forms_paragraphs():
    # kopru.ui.forms.blank_form: the note form's paragraphs, drawn once per language, are what a new
    # NoteForm draws in that language
    from kopru.ui.forms import blank_form

    for _ in range(2):
        for language in ("en", "tr", "zh-hans"):
            with translation.override(language):
                assert blank_form(NoteForm).as_p == NoteForm().as_p()
    with translation.override("tr"):
        turkish = blank_form(NoteForm).as_p
    with translation.override("en"):
        assert blank_form(NoteForm).as_p != turkish and "<textarea" in turkish
