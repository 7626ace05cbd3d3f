"""Cell values of list pages and exports: choice labels in the reader's language, models' own labels kept."""

import pytest
from django.utils import translation

from kopru.ui.display import cell_text
from tests.factories.engage import EngagementFactory

pytestmark = pytest.mark.django_db


def test_a_choice_is_shown_by_its_label_in_the_readers_language(cast):
    engagement = EngagementFactory(kind="visit", status="planned")

    labels = {}
    for language in ("en", "tr", "en"):
        with translation.override(language):
            labels.setdefault(language, []).append(
                (cell_text(engagement, "kind", cast.admin), cell_text(engagement, "status", cast.admin))
            )

    assert labels["en"] == [("Visit", "Planned"), ("Visit", "Planned")]
    with translation.override("tr"):
        expected_tr = (engagement.get_kind_display(), engagement.get_status_display())
    assert labels["tr"] == [expected_tr]
    assert expected_tr != ("Visit", "Planned")


def test_a_model_that_draws_its_own_label_keeps_it_and_an_unknown_value_is_shown_as_stored(cast):
    engagement = EngagementFactory(title="Typed title", title_parts={})
    engagement.kind = "not-a-kind"

    assert cell_text(engagement, "title", cast.admin) == engagement.get_title_display() == "Typed title"
    assert cell_text(engagement, "kind", cast.admin) == "not-a-kind"
