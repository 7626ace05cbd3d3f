"""From the seed press release to a sourced record: ingest, suggest, review, accept, re-ingest."""

from pathlib import Path

import pytest

from kopru.core.models import Document, Evidence, Person
from kopru.engage.models import Claim, CooperationArea, Engagement
from kopru.intel.domain.ingest import files_from_paths, ingest_files
from kopru.intel.domain.review import decide_many, reject_suggestion
from kopru.intel.enums import ItemStatus
from kopru.intel.models import IngestItem, Suggestion
from tests.factories import PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]

ORDER = {"person": 0, "organisation": 1, "event": 2, "sector": 3, "claim": 4, "investment": 5}


def ingest(paths, django_capture_on_commit_callbacks, user=None):
    with django_capture_on_commit_callbacks(execute=True):
        return ingest_files(files_from_paths(paths), user=user)


def accept_all(user, document=None):
    pending = Suggestion.objects.filter(status="pending")
    if document is not None:
        pending = pending.filter(document=document)
    suggestions = sorted(pending, key=lambda s: (ORDER[s.kind], s.pk))
    return decide_many(suggestions, user=user, accept=True)


def test_the_seed_article_becomes_a_sourced_record(
    cast, seed_paths, immediate_tasks, django_capture_on_commit_callbacks
):
    batch = ingest(seed_paths, django_capture_on_commit_callbacks, user=cast.staff_a)
    item = batch.items.get()
    assert (item.status, item.error, item.duplicate) == (ItemStatus.DONE, "", False), item.error
    decisions = accept_all(cast.staff_a)
    assert [d.message for d in decisions if not d.ok] == []

    meetings = Engagement.objects.filter(kind="meeting").order_by("pk")
    assert [(e.status, e.place, sorted(p.name for p in e.people.all())) for e in meetings] == [
        ("held", "Beijing", ["Mehmet Fatih Kacır", "Yin Hejun"]),
        ("held", "Beijing", ["Jin Zhuanglong", "Mehmet Fatih Kacır"]),
    ]
    visits = Engagement.objects.filter(kind="visit")
    described = {
        (
            e.status,
            e.place,
            tuple(sorted([p.name for p in e.people.all()] + [o.name for o in e.organisations.all()])),
        )
        for e in visits
    }
    assert ("ongoing", "China", ("Mehmet Fatih Kacır",)) in described
    assert ("planned", "Jiangxi", ("Farasis Energy", "Mehmet Fatih Kacır")) in described
    assert any(status == "planned" and "Huawei" in who for status, _, who in described)

    kacir = Person.objects.get(name="Mehmet Fatih Kacır")
    assert (kacir.country_id, sorted(kacir.aliases)) == ("TR", ["Kacir", "Kacır"])
    assert [(p.title, p.organisation.name) for p in kacir.positions.all()] == [
        ("Minister of Industry and Technology", "Ministry of Industry and Technology")
    ]
    assert {(c.metric, int(c.value), c.scope) for c in Claim.objects.filter(metric="rank")} == {
        ("rank", 1, "Europe"),
        ("rank", 4, "world"),
        ("rank", 5, "Europe"),
    }
    assert {"ev", "battery", "solar", "wind", "nuclear", "rail"} <= set(
        CooperationArea.objects.values_list("sector__code", flat=True)
    )
    # every engagement, claim and person carries evidence quoting the document exactly
    document = Document.objects.get()
    for record in [*Engagement.objects.all(), *Claim.objects.all(), kacir]:
        evidence = Evidence.objects.filter(object_id=record.pk, content_type__model=record._meta.model_name)
        assert evidence.exists()
        assert all(document.text[e.start : e.end] == e.quote for e in evidence)


def test_reingesting_the_same_document_stores_nothing_twice_and_remembers_decisions(
    cast, seed_paths, immediate_tasks, django_capture_on_commit_callbacks
):
    ingest(seed_paths, django_capture_on_commit_callbacks)
    rejected = Suggestion.objects.filter(kind="organisation", label__startswith="TRT World").get()
    reject_suggestion(rejected, user=cast.staff_a)
    accepted = Suggestion.objects.filter(kind="person").first()
    decide_many([accepted], user=cast.staff_a, accept=True)
    before = set(Suggestion.objects.values_list("fingerprint", "status"))

    again = ingest(seed_paths, django_capture_on_commit_callbacks)
    assert again.items.get().duplicate is True
    assert Document.objects.count() == 1
    assert set(Suggestion.objects.values_list("fingerprint", "status")) == before
    assert Suggestion.objects.filter(fingerprint=rejected.fingerprint).count() == 1


def test_bad_files_fail_alone_and_the_batch_goes_on(
    tmp_path, immediate_tasks, django_capture_on_commit_callbacks
):
    (tmp_path / "a_empty.txt").write_bytes(b"")
    (tmp_path / "b_junk.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "c_broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (tmp_path / "d_good.txt").write_text(
        "Minister Kacır met Chinese Minister Yin Hejun in Beijing.", encoding="utf-8"
    )
    (tmp_path / "e_latin1.txt").write_bytes("Bakan Kacır Pekin'de görüştü.".encode("latin-1", "replace"))
    batch = ingest([str(tmp_path)], django_capture_on_commit_callbacks)
    statuses = {Path(item.name).name: (item.status, bool(item.error)) for item in batch.items.all()}
    assert statuses == {
        "a_empty.txt": ("failed", True),
        "b_junk.txt": ("failed", True),
        "c_broken.pdf": ("failed", True),
        "d_good.txt": ("done", False),
        "e_latin1.txt": ("done", False),
    }
    assert Document.objects.count() == 2


def test_the_same_meeting_from_two_outlets_is_one_engagement_with_two_sources(
    cast, tmp_path, immediate_tasks, django_capture_on_commit_callbacks
):
    (tmp_path / "outlet_one.txt").write_text(
        "Turkish Minister of Industry and Technology Mehmet Fatih Kacır met Chinese Minister of Science and "
        "Technology Yin Hejun in Beijing on Monday to discuss electric vehicles.",
        encoding="utf-8",
    )
    (tmp_path / "outlet_two.txt").write_text(
        "Chinese Minister of Science and Technology Yin Hejun held talks with Turkish Minister Mehmet Fatih "
        "Kacir in Beijing, focusing on battery investments.",
        encoding="utf-8",
    )
    ingest([str(tmp_path)], django_capture_on_commit_callbacks)
    assert [d.message for d in accept_all(cast.staff_a) if not d.ok] == []
    meeting = Engagement.objects.get(kind="meeting")
    sources = {
        e.document.original_name
        for e in Evidence.objects.filter(object_id=meeting.pk, content_type__model="engagement")
    }
    assert sources == {"outlet_one.txt", "outlet_two.txt"}
    assert Person.objects.filter(name__startswith="Mehmet").count() == 1


def test_resolution_links_suggestions_to_existing_people(
    cast, tmp_path, immediate_tasks, django_capture_on_commit_callbacks
):
    existing = PersonFactory(name="Mehmet Fatih Kacır", aliases=[])
    (tmp_path / "note.txt").write_text("Minister Mehmet Fatih Kacir visited Beijing.", encoding="utf-8")
    ingest([str(tmp_path)], django_capture_on_commit_callbacks)
    suggestion = Suggestion.objects.get(kind="person")
    assert (suggestion.match, suggestion.match_note) == (existing, "same name or alias")


def test_a_worker_that_died_mid_document_is_retried(
    immediate_tasks, tmp_path, django_capture_on_commit_callbacks
):
    import datetime

    from django.utils import timezone

    from kopru.intel.domain.ingest import requeue_stale_items

    (tmp_path / "x.txt").write_text("Minister Kacır met Yin Hejun in Beijing.", encoding="utf-8")
    with django_capture_on_commit_callbacks(execute=False):
        batch = ingest_files(files_from_paths([str(tmp_path)]))
    item = batch.items.get()
    # as left by a killed worker: claimed, no suggestions written
    IngestItem.objects.filter(pk=item.pk).update(
        status="running", attempts=1, started_at=timezone.now() - datetime.timedelta(hours=1)
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert requeue_stale_items() == [item.pk]
    item.refresh_from_db()
    assert (item.status, item.attempts) == ("done", 2)
    assert Suggestion.objects.filter(document=item.document).exists()


def test_a_fuller_name_seen_later_becomes_the_canonical_name():
    from kopru.intel.domain.acceptance import ensure_person
    from tests.factories import DocumentFactory

    document = DocumentFactory(text="Mehmet Fatih Kacır spoke.")
    short = ensure_person({"name": "Mehmet Fatih", "country": "TR"}, document)
    full = ensure_person({"name": "Mehmet Fatih Kacır", "aliases": ["Kacır"], "country": "TR"}, document)
    assert full == short
    full.refresh_from_db()
    assert (full.name, sorted(full.aliases)) == ("Mehmet Fatih Kacır", ["Kacır", "Mehmet Fatih"])


def test_a_plain_text_document_gets_its_first_line_as_title_without_the_photo_credit(
    seed_paths, immediate_tasks, django_capture_on_commit_callbacks
):
    batch = ingest(seed_paths, django_capture_on_commit_callbacks)
    document = batch.items.get().document
    assert document.title == (
        "Türkiye offers opportunities to Chinese brands in terms of industrial investments, "
        "Minister Kacır says."
    )


def test_engagement_titles_name_the_host_of_a_visit():
    from kopru.engage.domain.engagements import engagement_title
    from kopru.engage.enums import EngagementKind
    from tests.factories import OrganisationFactory

    kacir, farasis = (
        PersonFactory.build(name="Mehmet Fatih Kacır"),
        OrganisationFactory.build(name="Farasis Energy"),
    )
    assert engagement_title(EngagementKind.VISIT, [kacir], [farasis], "Jiangxi") == (
        "Visit to Farasis Energy (Jiangxi): Mehmet Fatih Kacır"
    )
    assert (
        engagement_title(EngagementKind.MEETING, [kacir], [], "Beijing")
        == "Meeting in Beijing: Mehmet Fatih Kacır"
    )
    assert (
        engagement_title(EngagementKind.VISIT, [kacir], [], "China") == "Visit to China: Mehmet Fatih Kacır"
    )


def test_the_requeue_command_reports_what_it_did(db):
    import io

    from django.core.management import call_command

    output = io.StringIO()
    call_command("requeue_stale", stdout=output)
    assert output.getvalue() == "assignment runs: 0 queued again\ningest items: 0 queued again\n"
