"""Rubric criteria carry Turkish and Chinese labels beside the English one, shown in the reader's language."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation

from kopru.calls.domain.calls import parse_rubric
from kopru.calls.models import Call
from tests.factories import CallFactory


@pytest.fixture(autouse=True)
def _no_language_left_active():
    """A request in another language leaves that language active in this thread; later tests expect none."""
    yield
    translation.deactivate()


TRANSLATED = [
    {"key": "impact", "label": "Impact", "label_tr": "Etki", "label_zh": "影响", "weight": 1, "max": 5},
    {"key": "team", "label": "Team", "weight": 1, "min": 0, "max": 5},
]


@pytest.mark.parametrize(
    ("language", "labels"),
    [("en", ["Impact", "Team"]), ("tr", ["Etki", "Team"]), ("zh-hans", ["影响", "Team"])],
)
def test_a_criterion_reads_in_the_active_language_and_falls_back_to_english(language, labels):
    criteria = parse_rubric(TRANSLATED)
    with translation.override(language):
        assert [criterion.label for criterion in criteria] == labels


def test_a_translated_label_that_is_not_text_is_refused_with_the_criterion_named():
    with pytest.raises(ValidationError) as error, translation.override("en"):
        parse_rubric([{"key": "impact", "label": "Impact", "label_tr": 3}])
    assert error.value.messages == ["criterion 1: label_tr must be text."]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected", "absent"),
    [("en", "Impact", "Etki"), ("tr", "Etki", "Impact"), ("zh-hans", "影响", "Impact")],
)
def test_the_call_page_shows_the_rubric_in_the_readers_language(client, cast, language, expected, absent):
    call = CallFactory(rubric=TRANSLATED[:1])
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/calls/{call.pk}/").content.decode()
    assert f"<td>{expected}</td>" in page
    assert f"<td>{absent}</td>" not in page


@pytest.mark.django_db
def test_the_migration_translates_the_reference_criteria_and_keeps_an_officers_own_translation():
    migration = importlib.import_module("kopru.calls.migrations.0006_rubric_criteria_turkish_chinese_labels")
    call = CallFactory(
        rubric=[
            {"key": "excellence", "label": "Scientific excellence", "weight": 1},
            {"key": "impact", "label": "Impact", "label_tr": "Etkisi", "weight": 1},
            {"key": "team", "label": "Team", "weight": 1},
        ]
    )
    migration.add_labels(apps, None)
    call = Call.objects.get(pk=call.pk)
    assert call.rubric == [
        {"key": "excellence", "label": "Scientific excellence", "label_tr": "Bilimsel mükemmellik",
         "label_zh": "科学卓越性", "weight": 1},
        {"key": "impact", "label": "Impact", "label_tr": "Etkisi", "label_zh": "影响", "weight": 1},
        {"key": "team", "label": "Team", "weight": 1},
    ]  # fmt: skip
