"""Every string of the insights app is translated into Turkish and Simplified Chinese."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.utils import translation

pytestmark = [pytest.mark.integration]

LOCALE = Path(__file__).resolve().parents[2] / "src" / "kopru" / "locale"


def _insights_entries(po: Path) -> list[str]:
    """The catalogue's entries used by the insights app (by their source references)."""
    entries = po.read_text(encoding="utf-8").split("\n\n")
    return [entry for entry in entries if re.search(r"^#: .*insights/", entry, re.M)]


@pytest.mark.parametrize("language", ["tr", "zh_Hans"])
def test_the_catalogue_has_no_untranslated_insights_strings(language):
    entries = _insights_entries(LOCALE / language / "LC_MESSAGES" / "django.po")
    assert len(entries) > 100
    untranslated = [entry for entry in entries if re.search(r'^msgstr(\[0\])? ""\Z', entry, re.M)]
    assert untranslated == []


@pytest.mark.parametrize(("language", "expected"), [("tr", "Taahhüt takibi"), ("zh-hans", "承诺跟踪")])
def test_pages_speak_the_language(client, cast, language, expected):
    client.force_login(cast.staff_a)
    with translation.override(language):
        response = client.get("/insights/commitments/", HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()
