"""A suggestion's title and note read in the reader's language: sector names and enum labels, not codes."""

from __future__ import annotations

import pytest
from django.utils import translation

from kopru.intel.domain.labels import label_suggestions, match_note_label
from kopru.intel.models import Suggestion


def labelled(kind: str, payload: dict, label: str = "stored", note: str = "") -> Suggestion:
    suggestion = Suggestion(kind=kind, label=label, payload=payload, match_note=note)
    label_suggestions([suggestion])
    return suggestion


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Solar power and photovoltaics"),
        ("tr", "Güneş enerjisi ve fotovoltaik"),
        ("zh-hans", "太阳能与光伏"),
    ],
)
def test_a_sector_suggestion_shows_the_sectors_name_not_its_code(language, expected):
    with translation.override(language):
        assert labelled("sector", {"code": "solar"}, label="solar").shown_label == expected


@pytest.mark.django_db
def test_an_unknown_sector_code_keeps_the_stored_label():
    assert (
        labelled("sector", {"code": "no_such_sector"}, label="no_such_sector").shown_label == "no_such_sector"
    )


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Energy Market Regulatory Authority (Agency, TR)"),
        ("tr", "Energy Market Regulatory Authority (Kamu kuruluşu, TR)"),
        ("zh-hans", "Energy Market Regulatory Authority（公共机构、TR）"),
    ],
)
def test_an_organisation_suggestion_names_its_kind_in_the_readers_language(language, expected):
    payload = {"name": "Energy Market Regulatory Authority", "kind": "agency", "country": "TR"}
    with translation.override(language):
        assert labelled("organisation", payload).shown_label == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "Meeting (held) in İzmir on 2027-01-11: Liu Yang, Murat Kılıç"),
        ("tr", "Toplantı (gerçekleştirildi), İzmir, 2027-01-11: Liu Yang, Murat Kılıç"),
        ("zh-hans", "会谈（已举行），İzmir，2027-01-11：Liu Yang、Murat Kılıç"),
    ],
)
def test_an_event_suggestion_reads_in_the_readers_language(language, expected):
    payload = {
        "type": "meeting",
        "status": "held",
        "place": "İzmir",
        "date": "2027-01-11",
        "participants": ["Liu Yang", "Murat Kılıç"],
    }
    with translation.override(language):
        assert labelled("event", payload).shown_label == expected


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "ESBAŞ: about 1,200 people (jobs, 1,200, jobs)"),
        ("tr", "ESBAŞ: about 1,200 people (istihdam, 1.200, kişi)"),
        ("zh-hans", "ESBAŞ: about 1,200 people (就业岗位, 1,200, 个岗位)"),
    ],
)
def test_a_claim_names_its_measure_and_formats_its_number(language, expected):
    payload = {
        "subject": "ESBAŞ",
        "text": "about 1,200 people",
        "metric": "jobs",
        "value": 1200,
        "unit": "jobs",
    }
    with translation.override(language):
        assert labelled("claim", payload).shown_label == expected


@pytest.mark.parametrize(
    ("note", "language", "expected"),
    [
        ("new", "tr", "yeni"),
        ("new", "zh-hans", "新建"),
        ("same name or alias", "tr", "aynı ad veya takma ad"),
        ("similar name (87%)", "en", "similar name (87 %)"),
        ("similar name (87%)", "tr", "benzer ad (%87)"),
        ("similar name (87%)", "zh-hans", "名称相似（87%）"),
        ("", "tr", ""),
    ],
)
def test_the_resolution_note_is_translated(note, language, expected):
    with translation.override(language):
        assert match_note_label(note) == expected
