"""A deal's audit log says which field changed, from what to what, as people name them (not ids or codes)."""

from __future__ import annotations

import pytest
from django.conf import settings

from tests.factories import DealFactory, default_stage, sector
from tests.matrix import client_as

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _history(client, deal) -> str:
    """The audit log's part of the deal page (after its heading)."""
    html = client.get(f"/invest/deals/{deal.pk}/").content.decode()
    return html.split("<h2>")[-1]


def test_the_audit_log_names_fields_stages_and_sectors(client, cast):
    deal = DealFactory()
    deal.sectors.set([sector("battery")])
    client = client_as(client, cast, "staff_a")
    client.post(f"/invest/deals/{deal.pk}/move/", {"stage": default_stage("contacted").pk})
    log = _history(client, deal)
    assert "Stage: Lead → Contacted" in log
    assert f"Sectors: — → {sector('battery')}" in log
    assert "{&#x27;deal&#x27;" not in log and "stage_since" not in log
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    log = _history(client, deal)
    assert "Aşama: Potansiyel → İletişime geçildi" in log
