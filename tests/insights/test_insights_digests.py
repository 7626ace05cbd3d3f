"""Follow and digest: a weekly e-mail of what changed, sent once per period; saved filters' Atom feeds."""

from __future__ import annotations

import pytest
from django.core import mail
from django.core.management import call_command

from kopru.core.enums import Visibility
from kopru.insights.domain.digests import send_digests
from kopru.insights.models import Follow, SavedFilter, SentDigest
from tests.factories import PersonFactory
from tests.insights.builders import activity, days

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_following_a_sector_sends_one_digest_per_week(client, cast):
    cast.staff_b.email = "b@example.org"
    cast.staff_b.save()
    client.force_login(cast.staff_b)
    assert client.post("/insights/follow/", {"kind": "sector", "target": "battery"}).status_code == 302
    activity(1, code="battery")
    activity(1, code="battery", visibility=Visibility.INTERNAL, owner_side="TR")
    today = days(1)
    assert send_digests(today=today) == {"sent": 1, "empty": 0, "already": 0, "no_address": 0}
    assert send_digests(today=today) == {"sent": 0, "empty": 0, "already": 1, "no_address": 0}
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "battery meeting 0 shared" in body
    assert "battery action 0 shared (overdue)" in body
    assert "internal" not in body
    assert SentDigest.objects.get(user=cast.staff_b).items == 3  # engagement, stage move, action


def test_the_command_reports_and_is_idempotent(cast, capsys):
    Follow.objects.create(user=cast.staff_a, kind="sector", target="battery")
    call_command("send_digests")
    call_command("send_digests")
    out = capsys.readouterr().out.splitlines()
    assert out[0].endswith("no e-mail address 1")
    assert mail.outbox == []


def test_following_something_you_cannot_read_is_refused(client, cast):
    hidden = PersonFactory(visibility=Visibility.INTERNAL, owner_side="TR")
    client.force_login(cast.staff_b)
    response = client.post("/insights/follow/", {"kind": "person", "target": str(hidden.pk)})
    assert response.status_code == 404
    assert Follow.objects.count() == 0


def test_saving_a_filter_gives_an_atom_feed_of_what_its_owner_may_read(client, cast):
    activity(1, code="battery")
    activity(1, code="battery", visibility=Visibility.INTERNAL, owner_side="TR")
    client.force_login(cast.staff_b)
    response = client.post(
        "/insights/following/",
        {"name": "Battery meetings", "slug": "engagements", "query": "?sectors=battery"},
    )
    assert response.status_code == 302
    saved = SavedFilter.objects.get()
    assert saved.query == "sectors=battery"
    client.logout()
    feed = client.get(f"/insights/feeds/{saved.token}.atom")
    assert feed.status_code == 200
    assert feed["Content-Type"].startswith("application/atom+xml")
    text = feed.content.decode()
    assert text.count("<entry>") == 1
    assert "battery meeting 0 shared" in text
    assert client.get("/insights/feeds/wrong-token.atom").status_code == 404


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
def test_the_filter_example_reaches_the_browser_escaped(client, cast, language):
    # Unescaped, "&sectors" is read by browsers as the entity "&sect" and shows "status=held§ors=battery".
    client.force_login(cast.staff_b)
    page = client.get("/insights/following/", HTTP_ACCEPT_LANGUAGE=language).content.decode()
    assert "status=held&amp;sectors=battery" in page
    assert "status=held&sectors" not in page
