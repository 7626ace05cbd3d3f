"""The dashboard's tables drawn in Python (kopru.engage.dashboard_rows) are the characters the template's
loops drew: compared with those loops, kept here, for readers of every kind and in every language."""

from __future__ import annotations

import datetime

import pytest
from django.conf import settings
from django.template import engines
from django.test import RequestFactory
from django.utils import timezone, translation

from kopru.core.enums import Visibility
from kopru.engage.dashboard_rows import action_rows_html, latest_rows_html
from kopru.engage.enums import OPEN_ACTION_STATUSES
from kopru.engage.models import Action, Engagement
from tests.factories import ActionFactory, EngagementFactory, PersonFactory

pytestmark = pytest.mark.django_db

# the dashboard's loops as they were before they were drawn in Python
LOOPS = """{% load i18n kopru %}
    {% for engagement in latest %}
      <tr><td class="nowrap">{{ engagement.start_date|date:"Y-m-d"|default:"—" }}</td><td><a href="{{ engagement.get_absolute_url }}">{{ engagement.get_title_display }}</a><br><span class="muted">{% linked engagement.people %}</span></td><td>{{ engagement.get_status_display }}</td></tr>
    {% empty %}<tr><td colspan="3" class="muted">{% translate "No engagements yet." %}</td></tr>{% endfor %}
|
    {% for action in open_actions %}
      <tr><td class="nowrap">{% if action.due_date and action.due_date < today %}<strong>{{ action.due_date|date:"Y-m-d" }}</strong> ⚠{% else %}{{ action.due_date|date:"Y-m-d"|default:"—" }}{% endif %}</td><td><a href="{{ action.get_absolute_url }}">{{ action.title }}</a></td><td>{% linked action.owner as owner %}{{ owner|default:"—" }}</td></tr>
    {% empty %}<tr><td colspan="3" class="muted">{% translate "No open actions." %}</td></tr>{% endfor %}
"""  # noqa: E501


def _both(user, today):
    from kopru.core.access import visible_to

    latest = list(visible_to(Engagement.objects.prefetch_related("people"), user)[:8])
    actions = list(
        visible_to(
            Action.objects.filter(status__in=OPEN_ACTION_STATUSES).select_related("owner"), user
        ).order_by("due_date")[:10]
    )
    request = RequestFactory().get("/")
    request.user = user
    template = engines["django"].from_string(LOOPS)
    drawn = template.render({"latest": latest, "open_actions": actions, "today": today}, request)
    python = f"{latest_rows_html(latest, user)}\n|\n    {action_rows_html(actions, user, today)}\n"
    return drawn.removeprefix("\n    "), python


@pytest.mark.parametrize("language", ["en", "tr", "zh-hans"])
@pytest.mark.parametrize("role", ["admin", "staff_a", "staff_b", "company", None])
def test_the_rows_are_the_templates(cast, role, language):
    from django.contrib.auth.models import AnonymousUser

    today = timezone.localdate()
    hidden = PersonFactory(
        name="Their <advisor>", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B
    )
    seen = PersonFactory(name="O'Neill & Yıldız")
    dated = EngagementFactory(title='Talks on <batteries> & "EVs"', visibility=Visibility.PUBLIC)
    dated.people.add(hidden, seen)
    EngagementFactory(start_date=None, status="planned", title="Visit", visibility=Visibility.PUBLIC)
    EngagementFactory(title="Ours", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_A)
    ActionFactory(title="Late <letter>", due_date=today - datetime.timedelta(days=3), owner=cast.staff_a)
    ActionFactory(title="Today's call", due_date=today, visibility=Visibility.PUBLIC)
    ActionFactory(title="Whenever", due_date=None, visibility=Visibility.PUBLIC)
    user = getattr(cast, role) if role else AnonymousUser()
    with translation.override(language):
        drawn, python = _both(user, today)
    assert python == drawn
    assert "<tr>" in python


def test_no_rows_read_as_the_templates_empty_rows(cast):
    Engagement.objects.all().delete()
    with translation.override("tr"):
        drawn, python = _both(cast.staff_a, timezone.localdate())
    assert python == drawn
    assert python.count('colspan="3" class="muted"') == 2


@pytest.mark.parametrize("role", ["admin", "staff_a", "staff_b", "company", None])
def test_the_dashboards_reads_draw_the_same_rows(cast, role):
    # kopru.engage.domain.dashboard: the latest engagements from a statement kept per reader scope, their
    # participants in one statement, against the queryset and its prefetch
    from django.contrib.auth.models import AnonymousUser

    from kopru.core.access import visible_to
    from kopru.engage.domain import dashboard

    people = [
        PersonFactory(name="Zeynep", visibility=Visibility.PUBLIC),
        PersonFactory(name="Ayla & <co>", visibility=Visibility.SHARED),
        PersonFactory(name="Theirs", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_B),
        PersonFactory(name="Ours", visibility=Visibility.INTERNAL, owner_side=settings.KOPRU_SIDE_A),
    ]
    for index in range(10):
        engagement = EngagementFactory(
            visibility=[Visibility.PUBLIC, Visibility.SHARED, Visibility.INTERNAL][index % 3],
            owner_side=settings.KOPRU_SIDE_A if index % 3 == 2 else "",
            start_date=datetime.date(2026, 1, 1) + datetime.timedelta(days=index % 4),
        )
        engagement.people.add(*people[: index % 5])
        ActionFactory(
            title=f"Action <{index}>",
            due_date=None if index == 3 else datetime.date(2026, 2, 1) + datetime.timedelta(days=index % 3),
            owner=[cast.staff_a, None, cast.staff_b][index % 3],
            visibility=[Visibility.PUBLIC, Visibility.SHARED, Visibility.INTERNAL][index % 3],
            owner_side=settings.KOPRU_SIDE_B if index % 3 == 2 else "",
        )
    user = getattr(cast, role) if role else AnonymousUser()
    expected = list(visible_to(Engagement.objects.prefetch_related("people"), user)[:8])
    for _ in range(2):  # the statement built, then kept
        latest = dashboard.latest_engagements(user)
        assert [e.pk for e in latest] == [e.pk for e in expected]
        participants = dashboard.participants_of(latest)
        assert {pk: [p.pk for p in found] for pk, found in participants.items()} == {
            e.pk: [p.pk for p in e.people.all()] for e in expected
        }
        assert latest_rows_html(latest, user, participants) == latest_rows_html(expected, user)
        actions = dashboard.open_actions(user)
        expected_actions = list(
            visible_to(
                Action.objects.filter(status__in=OPEN_ACTION_STATUSES).select_related("owner"), user
            ).order_by("due_date")[:10]
        )
        assert [a.pk for a in actions] == [a.pk for a in expected_actions]
        assert [(a.due_date, a.title, a.owner) for a in actions] == [
            (a.due_date, a.title, a.owner) for a in expected_actions
        ]
        today = timezone.localdate()
        assert action_rows_html(actions, user, today) == action_rows_html(expected_actions, user, today)


def test_the_cards_of_each_scope_in_one_process(client, cast):
    # the statements are kept per reader scope: readers of different scopes, one after the other, each get
    # their own counts (kopru.core.statements)
    from kopru.core.access import visible_to
    from kopru.engage.domain import dashboard
    from kopru.engage.models import Agreement

    for visibility, side in [
        (Visibility.PUBLIC, ""),
        (Visibility.SHARED, ""),
        (Visibility.INTERNAL, settings.KOPRU_SIDE_A),
        (Visibility.INTERNAL, settings.KOPRU_SIDE_B),
        (Visibility.INTERNAL, settings.KOPRU_SIDE_B),
    ]:
        engagement = EngagementFactory(visibility=visibility, owner_side=side)
        if visibility != Visibility.INTERNAL:
            engagement.organisations.add(cast.company_organisation)
    from django.contrib.auth.models import AnonymousUser

    for _ in range(2):
        for user in (cast.staff_a, cast.staff_b, cast.company, cast.admin, AnonymousUser(), cast.staff_a):
            counts = dict(dashboard.card_counts(user))
            assert counts["engagements"] == visible_to(Engagement.objects.all(), user).count()
            assert counts["agreements"] == visible_to(Agreement.objects.all(), user).count()
            assert list(counts) == [slug for slug, _model in dashboard.CARDS]
