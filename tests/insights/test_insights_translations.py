"""Every string of the insights app is translated into Turkish and Simplified Chinese."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from django.utils import translation

pytestmark = [pytest.mark.integration]

LOCALE = Path(__file__).resolve().parents[2] / "src" / "kopru" / "locale"


@pytest.mark.parametrize("language", ["tr", "zh_Hans"])
def test_the_catalogue_has_no_untranslated_insights_strings(language):
    po = LOCALE / language / "LC_MESSAGES" / "django.po"
    result = subprocess.run(
        ["msgattrib", "--untranslated", "--no-obsolete", str(po)], capture_output=True, text=True, check=True
    )
    assert "insights/" not in result.stdout


@pytest.mark.parametrize(("language", "expected"), [("tr", "Taahhüt takibi"), ("zh-hans", "承诺跟踪")])
def test_pages_speak_the_language(client, cast, language, expected):
    client.force_login(cast.staff_a)
    with translation.override(language):
        response = client.get("/insights/commitments/", HTTP_ACCEPT_LANGUAGE=language)
    assert expected in response.content.decode()
