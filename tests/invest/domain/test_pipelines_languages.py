"""A pipeline created with names the catalogue knows carries their Turkish and Chinese names."""

import pytest
from django.utils import translation

from kopru.invest.domain.pipelines import create_pipeline
from kopru.invest.enums import StagePhase

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_a_new_pipeline_and_its_stages_read_in_each_language():
    pipeline = create_pipeline(
        "Energy desk",
        stages=[
            ("feasibility", "Feasibility study", StagePhase.OPEN, 25),
            ("site_visit", "Walk the site with the mayor", StagePhase.OPEN, 40),
            ("lost", "Lost", StagePhase.LOST, 0),
        ],
    )
    stages = list(pipeline.stages.order_by("order"))
    with translation.override("tr"):
        assert [stage.label for stage in stages] == [
            "Fizibilite çalışması",
            "Walk the site with the mayor",
            "Kaybedildi",
        ]
    with translation.override("zh-hans"):
        assert stages[0].label == "可行性研究"
    assert (pipeline.name_tr, pipeline.name_zh) == ("Enerji masası", "能源组")
