"""A claim's measure and word unit read in the reader's language; symbols and unknown values stay as typed."""

from __future__ import annotations

import pytest
from django.utils import translation

from kopru.engage.models import Claim


@pytest.mark.parametrize(
    ("language", "metric", "unit"),
    [("en", "jobs", "jobs"), ("tr", "istihdam", "kişi"), ("zh-hans", "就业岗位", "个岗位")],
)
def test_the_measure_and_a_word_unit_are_translated(language, metric, unit):
    claim = Claim(subject="ESBAŞ", text="about 1,200 people", metric="jobs", unit="jobs")
    with translation.override(language):
        assert (claim.metric_label, claim.unit_label) == (metric, unit)
        assert (claim.get_metric_display(), claim.get_unit_display()) == (metric, unit)


def test_symbols_and_measures_the_extraction_does_not_know_stay_as_typed():
    claim = Claim(subject="Türkiye", text="5.5 gigawatts", metric="output", unit="GW")
    with translation.override("tr"):
        assert (claim.metric_label, claim.unit_label) == ("output", "GW")
