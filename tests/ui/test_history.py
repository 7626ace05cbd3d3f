"""The audit log pairs each historical record with the one before it, in one query."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.ui.history import history_pairs
from tests.factories import PersonFactory

pytestmark = pytest.mark.django_db


def _edit(person, names):
    for name in names:
        person.name = name
        person.save()


def test_each_entry_comes_with_its_predecessor_newest_first():
    person = PersonFactory(name="A")
    _edit(person, ["B", "C"])
    with CaptureQueriesContext(connection) as queries:
        pairs = history_pairs(person, 10)
    assert len(queries) == 1
    assert [(record.name, previous.name if previous else None) for record, previous in pairs] == [
        ("C", "B"),
        ("B", "A"),
        ("A", None),
    ]


def test_a_limited_log_still_knows_the_predecessor_of_its_oldest_entry():
    person = PersonFactory(name="A")
    _edit(person, ["B", "C", "D"])
    pairs = history_pairs(person, 2)
    assert [(record.name, previous.name) for record, previous in pairs] == [("D", "C"), ("C", "B")]
    assert [pair[0].diff_against(pair[1]).changes[0].new for pair in pairs] == ["D", "C"]
