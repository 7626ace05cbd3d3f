"""The dashboard's two tables (latest engagements, open actions due), drawn in Python.

The template's loops drew each row through a dozen nodes (a `{% url %}`-like lookup, date and default
filters, a `{% linked %}` tag): about a millisecond of the dashboard's seven on the bench database
(bench/load.py). These functions write the characters the loops wrote, whitespace between rows included:
every value escaped, dates as the `date:"Y-m-d"` filter wrote them, "—" where the template's `default`
put it (tests/engage/test_dashboard_rows.py compares the two)."""

from __future__ import annotations

import datetime

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from kopru.ui.display import linked_text
from kopru.ui.rows import escape

# the whitespace the template's `{% for %}` loop body had around each row
_BEFORE, _AFTER = "\n      ", "\n    "


def _day(value) -> str:
    """`value|date:"Y-m-d"`: "" for no date."""
    if not isinstance(value, datetime.date):
        return ""
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def latest_rows_html(engagements, user, participants=None) -> SafeString:
    """`participants`: engagement id -> its people as `engagement.people` lists them (read for all rows at
    once, `kopru.engage.domain.dashboard.participants_of`); without it each engagement's own."""
    rows = []
    for engagement in engagements:
        people = engagement.people if participants is None else participants[engagement.pk]
        people = escape(linked_text(people, user))
        href, title = escape(engagement.get_absolute_url()), escape(engagement.get_title_display())
        rows.append(
            f'{_BEFORE}<tr><td class="nowrap">{escape(_day(engagement.start_date) or "—")}</td>'
            f'<td><a href="{href}">{title}</a>'
            f'<br><span class="muted">{people}</span></td>'
            f"<td>{escape(engagement.get_status_display())}</td></tr>{_AFTER}"
        )
    return _rows_or_nothing(rows, gettext("No engagements yet."))


def action_rows_html(actions, user, today: datetime.date) -> SafeString:
    rows = []
    for action in actions:
        due = action.due_date
        overdue = due and due < today
        when = f"<strong>{escape(_day(due))}</strong> ⚠" if overdue else escape(_day(due) or "—")
        owner = linked_text(action.owner, user)
        rows.append(
            f'{_BEFORE}<tr><td class="nowrap">{when}</td>'
            f'<td><a href="{escape(action.get_absolute_url())}">{escape(action.title)}</a></td>'
            f"<td>{escape(owner or '—')}</td></tr>{_AFTER}"
        )
    return _rows_or_nothing(rows, gettext("No open actions."))


def _rows_or_nothing(rows: list[str], nothing: str) -> SafeString:
    if not rows:
        return mark_safe(f'<tr><td colspan="3" class="muted">{escape(nothing)}</td></tr>')
    return mark_safe("".join(rows))  # every value escaped by the caller
