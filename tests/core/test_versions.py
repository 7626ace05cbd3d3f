"""Data versions (kopru.core.versions): every kind of write to a tracked table changes its version when it
commits, and only then; a value kept per version is computed again after any of them, never inside a
transaction, and never shared between keys.

These tests commit (transaction=True): on PostgreSQL a trigger deferred to the commit sets the version."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test import override_settings

from kopru.core import versions
from kopru.core.models import Country, DataVersion, Sector

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

TABLE = Sector._meta.db_table


@pytest.fixture(autouse=True)
def _reference():
    # an earlier committing test's flush empties the reference tables the session loaded
    if not Country.objects.exists():
        call_command("load_reference", verbosity=0)


def version() -> int:
    return versions.versions(connection.alias, [TABLE])[0]


def _new(code: str) -> Sector:
    return Sector.objects.create(code=code, name=f"Sector {code}")


def _raw_update():
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {TABLE} SET name = name || 'x' WHERE code = %s", ["t-one"])


WRITES = {
    "create": lambda: _new("t-two"),
    "save": lambda: Sector.objects.get(code="t-one").save(),
    "delete": lambda: Sector.objects.get(code="t-one").delete(),
    "queryset update": lambda: Sector.objects.filter(code="t-one").update(name="Renamed"),
    "queryset update of no row": lambda: Sector.objects.filter(code="none").update(name="Renamed"),
    "queryset delete": lambda: Sector.objects.filter(code="t-one").delete(),
    "bulk_create": lambda: Sector.objects.bulk_create(
        [Sector(code="t-bulk1", name="One"), Sector(code="t-bulk2", name="Two")]
    ),
    "bulk_update": lambda: Sector.objects.bulk_update([Sector.objects.get(code="t-one")], ["name"]),
    "raw SQL": _raw_update,
}


@pytest.mark.parametrize("write", sorted(WRITES))
def test_every_kind_of_write_changes_the_version_when_it_commits(write):
    _new("t-one")
    before = version()
    with transaction.atomic():
        WRITES[write]()
        if connection.vendor == "postgresql":
            assert version() == before  # deferred to the commit: no other reader could see it yet
    if write == "queryset update of no row":
        assert version() == before  # nothing was written
    else:
        assert version() != before


def test_a_rolled_back_write_leaves_the_version():
    _new("t-one")
    before = version()
    with pytest.raises(RuntimeError), transaction.atomic():
        Sector.objects.filter(code="t-one").update(name="Never")
        raise RuntimeError
    assert version() == before


def test_a_version_is_never_seen_twice_after_a_rollback_and_another_write():
    _new("t-one")
    seen = {version()}
    for name in ("A", "B", "C"):
        with pytest.raises(RuntimeError), transaction.atomic():
            Sector.objects.filter(code="t-one").update(name=f"Never {name}")
            raise RuntimeError
        Sector.objects.filter(code="t-one").update(name=name)
        assert version() not in seen
        seen.add(version())


def test_the_triggers_and_rows_come_back_after_a_flush():
    # the test database's own flush (and `migrate`) ends in post_migrate, which installs them
    assert DataVersion.objects.filter(name=TABLE).exists()
    DataVersion.objects.filter(name=TABLE).delete()
    assert versions.versions(connection.alias, [TABLE]) is None
    versions.install(connection.alias)
    before = version()
    _new("t-one")
    assert version() != before


def test_a_kept_value_is_computed_again_after_a_write_and_only_then():
    _new("t-one")
    calls = []

    def compute():
        calls.append(1)
        return sorted(Sector.objects.filter(code__startswith="t-").values_list("code", flat=True))

    def kept(key="k"):
        return versions.remembered("test", key, ["core.sector"], compute)

    assert kept() == ["t-one"]
    assert kept() == ["t-one"]
    assert len(calls) == 1
    _new("t-two")
    assert kept() == ["t-one", "t-two"]
    assert len(calls) == 2
    Sector.objects.filter(code="t-two").delete()
    assert kept() == ["t-one"]
    assert len(calls) == 3
    # another key (another reader's scope) never gets this one's value
    assert kept("other") == ["t-one"]
    assert len(calls) == 4


def test_nothing_is_kept_inside_a_transaction():
    calls = []

    def compute():
        calls.append(1)
        return Sector.objects.filter(code="t-one").exists()

    with transaction.atomic():
        _new("t-one")  # not committed: under the old version this must not be kept
        assert versions.remembered("test", "k", ["core.sector"], compute) is True
    assert versions.remembered("test", "k", ["core.sector"], compute) is True
    assert versions.remembered("test", "k", ["core.sector"], compute) is True
    assert len(calls) == 2  # inside: computed, not kept; outside: computed once, then kept


def test_a_rolled_back_transaction_leaves_nothing_kept():
    def compute():
        return Sector.objects.filter(code="t-one").exists()

    with pytest.raises(RuntimeError), transaction.atomic():
        _new("t-one")
        assert versions.remembered("test", "k", ["core.sector"], compute) is True
        raise RuntimeError
    assert versions.remembered("test", "k", ["core.sector"], compute) is False


def test_switched_off_every_value_is_computed():
    calls = []
    with override_settings(KOPRU_DATA_VERSIONS=False):
        for _ in range(2):
            versions.remembered("test", "k", ["core.sector"], lambda: calls.append(1))
    assert len(calls) == 2


def test_an_untracked_table_is_refused():
    with pytest.raises(ValueError, match="not tracked"):
        versions.remembered("test", "k", ["core.document"], lambda: None)


@pytest.mark.skipif("connection.vendor != 'postgresql'")
def test_writers_of_two_tables_in_opposite_orders_both_commit():
    # at commit each sets its tables' versions; without one lock taken first they would lock the two
    # version rows in opposite orders and one of them would be aborted as a deadlock
    import threading

    from kopru.core.models import Person

    _new("t-one")
    _new("t-two")
    first, second = Person.objects.create(name="First"), Person.objects.create(name="Second")
    ready = threading.Barrier(2)
    failures = []

    def write(steps):
        try:
            for _round in range(5):
                with transaction.atomic():
                    for step in steps:
                        step()
                    ready.wait(timeout=10)
        except Exception as error:
            failures.append(error)
        finally:
            connection.close()

    sector_then_person = [
        lambda: Sector.objects.filter(code="t-one").update(name="One"),
        lambda: Person.objects.filter(pk=first.pk).update(name="First again"),
    ]
    person_then_sector = [
        lambda: Person.objects.filter(pk=second.pk).update(name="Second again"),
        lambda: Sector.objects.filter(code="t-two").update(name="Two"),
    ]
    threads = [
        threading.Thread(target=write, args=(steps,)) for steps in (sector_then_person, person_then_sector)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert failures == []
