"""A detail page asks in one statement which of its lists (related records, evidence, notes) have rows, and
reads only those (issue 14): each list that has rows the viewer may read costs one query more, an empty one
or one the viewer may not read none, and what is shown is what reading every list showed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kopru.core.domain.evidence import attach_evidence
from kopru.core.domain.notes import add_note
from kopru.core.enums import Visibility
from kopru.core.models import Document, Note
from kopru.engage.models import Agreement
from kopru.ui.related import related_querysets, related_sections, which_have_rows
from tests.factories import ActionFactory, AgreementFactory, DocumentFactory, EngagementFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _page(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries]


def test_which_have_rows_answers_each_queryset_in_one_statement(cast):
    shared = AgreementFactory(visibility=Visibility.SHARED)
    AgreementFactory(visibility=Visibility.INTERNAL, owner_side="CN")
    querysets = [
        Agreement.objects.filter(pk=shared.pk),
        Agreement.objects.filter(owner_side="CN"),
        Agreement.objects.filter(owner_side="TR"),
        Agreement.objects.none(),
        Agreement.objects.filter(pk__in=[]),
        Document.objects.all(),
    ]
    with CaptureQueriesContext(connection) as queries:
        assert which_have_rows(querysets) == [True, True, False, False, False, False]
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries:
        assert which_have_rows([Agreement.objects.none()]) == [False]
        assert which_have_rows([]) == []
    assert len(queries) == 0


def test_related_sections_read_only_the_lists_said_to_have_rows(cast):
    engagement = EngagementFactory()
    agreement = AgreementFactory(engagement=engagement)
    action = ActionFactory(engagement=engagement)
    listed = related_querysets(engagement, cast.staff_a)
    assert [str(label) for label, _queryset in listed] == [
        "Agreements signed here",
        "Claims made here",
        "Cooperation areas",
        "Follow-up actions",
    ]
    every = related_sections(engagement, cast.staff_a)
    assert [section.items for section in every] == [[agreement], [], [], [action]]
    with CaptureQueriesContext(connection) as queries:
        probed = related_sections(engagement, cast.staff_a, listed, [True, False, False, False])
    assert len(queries) == 1
    assert [section.items for section in probed] == [[agreement], [], [], []]


def test_each_list_with_readable_rows_costs_one_query_more(client, cast):
    engagement = EngagementFactory()
    client.force_login(cast.staff_a)
    url = engagement.get_absolute_url()
    client.get(url)  # the first request of a session reads more than the page
    page, bare = _page(client, url)
    assert "Agreements signed here" not in page and "No notes." in page

    # the other side's internal records are not read: the page costs what it cost and shows nothing more
    AgreementFactory(engagement=engagement, title="Their memorandum", visibility="internal", owner_side="CN")
    add_note(engagement, author=cast.staff_b, text="Their note", visibility=Visibility.INTERNAL)
    page, hidden = _page(client, url)
    assert len(hidden) == len(bare)
    assert "Their memorandum" not in page and "Their note" not in page and "No notes." in page

    AgreementFactory(engagement=engagement, title="Our memorandum")
    page, with_agreement = _page(client, url)
    assert len(with_agreement) == len(bare) + 1
    assert "Agreements signed here" in page and "Our memorandum" in page and "Their memorandum" not in page

    add_note(engagement, author=cast.staff_a, text="Our note", visibility=Visibility.INTERNAL)
    page, with_note = _page(client, url)
    assert len(with_note) == len(bare) + 2
    assert "Our note" in page and "Their note" not in page and "No notes." not in page
    # a note reads its author's name with it, not the whole user row
    (notes_sql,) = [sql for sql in with_note if sql.startswith('SELECT "core_note"')]
    assert '"auth_user"."username"' in notes_sql and '"auth_user"."password"' not in notes_sql

    document = DocumentFactory(text="Minister Kacır met his counterpart in Beijing.")
    evidence = attach_evidence(engagement, document, 9, 14)
    page, with_evidence = _page(client, url)
    assert len(with_evidence) == len(bare) + 3
    assert f'href="/documents/{document.pk}/#ev-{evidence.pk}">{document.title}</a>' in page
    assert "Minister <mark>Kacır</mark> met his counterpart in Beijing." in page


def test_a_document_page_reads_its_evidence_spans_and_no_empty_list(client, cast):
    document = DocumentFactory(text="Minister Kacır met his counterpart in Beijing.")
    engagement = EngagementFactory()
    first = attach_evidence(engagement, document, 0, 8)
    second = attach_evidence(engagement, document, 23, 30)
    client.force_login(cast.staff_a)
    client.get(document.get_absolute_url())
    page, queries = _page(client, document.get_absolute_url())
    # the record, the session, the user, the one statement on its lists, the spans
    assert len(queries) == 5
    assert (
        f'<mark id="ev-{first.pk}">Minister</mark> Kacır met his <mark id="ev-{second.pk}">counter</mark>part'
        in page
    )
    assert Note.objects.count() == 0 and "No notes." in page


# the detail page's evidence loop as it was before it was drawn in Python (`{% evidence_rows %}`)
EVIDENCE_LOOP = """{% for item, snippet in evidence %}
  <div class="evidence"><a href="{% url 'record-detail' 'documents' item.document_id %}#ev-{{ item.pk }}">{{ item.document }}</a> <span class="muted">[{{ item.start }}–{{ item.end }}]</span><br>{{ snippet }}</div>
{% endfor %}"""  # noqa: E501


def test_the_evidence_rows_are_the_templates(cast):
    from django.template import engines

    from kopru.core.domain.evidence import context_snippet, evidence_for

    engagement = EngagementFactory()
    text = 'Minister <Kacır> & "Yin" met in Beijing; it\'s 12,345 km. ' * 40
    for title, start, end in [("Talks & <tariffs>", 0, 8), ("O'Neill's notes", 1500, 1520), ("Plain", 9, 16)]:
        attach_evidence(engagement, DocumentFactory(title=title, text=text), start, end)
    evidence = [(item, context_snippet(item)) for item in evidence_for(engagement, cast.staff_a)]
    assert len(evidence) == 3
    django = engines["django"]
    drawn = django.from_string(EVIDENCE_LOOP).render({"evidence": evidence})
    assert (
        django.from_string("{% load kopru %}{% evidence_rows evidence %}").render({"evidence": evidence})
        == drawn
    )
    assert django.from_string("{% load kopru %}{% evidence_rows evidence %}").render({"evidence": []}) == ""


def test_linked_rows_are_the_managers_rows(cast):
    # `linked_rows` keeps each many-to-many field's statement (kopru.core.statements.KeptRows, keyed by the
    # record): for every engagement it reads what `engagement.<field>.all()` reads, in the same order
    from kopru.core.models import Sector
    from kopru.ui.related import linked_rows
    from tests.factories import OrganisationFactory, PersonFactory

    people = [PersonFactory(name=name) for name in ("Zeynep", "Ayla", "Mehmet")]
    organisations = [OrganisationFactory(name=name) for name in ("Beta", "Alpha")]
    sectors = list(Sector.objects.order_by("-code")[:3])
    engagements = []
    for index in range(4):
        engagement = EngagementFactory()
        engagement.people.set(people[index % 3 :])
        engagement.organisations.set(organisations[: index % 3])
        engagement.sectors.set(sectors[index % 2 :])
        engagements.append(engagement)
    for engagement in engagements * 2:
        found = linked_rows(engagement, {"people", "organisations", "sectors", "title"})
        assert set(found) == {"people", "organisations", "sectors"}
        for name, rows in found.items():
            expected = list(getattr(engagement, name).all())
            assert rows == expected
            assert [_fields(row) for row in rows] == [_fields(row) for row in expected]
            assert {row._state.db for row in rows} <= {"default"}


def _fields(row) -> dict:
    return {name: value for name, value in vars(row).items() if name != "_state"}


@pytest.mark.parametrize("role", ["staff_a", "staff_b", "company", "admin", None])
def test_the_kept_statement_answers_as_the_pages_querysets(cast, role):
    # `which_have_rows_kept` writes the page's EXISTS statement once per model and reader scope for a
    # stand-in record: for each record and reader it answers what the record's own querysets answer
    from django.contrib.auth.models import AnonymousUser

    from kopru.ui.registry import record_type_for
    from kopru.ui.related import which_have_rows_kept
    from kopru.ui.views.records import _page_lists

    record_type = record_type_for("engagements")
    engagements = [EngagementFactory() for _ in range(4)]
    AgreementFactory(engagement=engagements[0], visibility=Visibility.SHARED)
    AgreementFactory(engagement=engagements[1], visibility=Visibility.INTERNAL, owner_side="CN")
    ActionFactory(engagement=engagements[2], visibility=Visibility.INTERNAL, owner_side="TR")
    document = DocumentFactory(visibility=Visibility.PUBLIC)
    attach_evidence(engagements[3], document, 0, 4)
    add_note(engagements[1], author=cast.staff_b, text="theirs", visibility=Visibility.INTERNAL)
    add_note(engagements[2], author=cast.staff_a, text="shared", visibility=Visibility.SHARED)
    user = getattr(cast, role) if role else AnonymousUser()
    lists = _page_lists(record_type, user)
    for engagement in engagements * 2:
        expected = which_have_rows([make() for make in lists(engagement)])
        with CaptureQueriesContext(connection) as queries:
            assert which_have_rows_kept("test", engagement, user, lists) == expected
        assert len(queries) == 1


@pytest.mark.parametrize("role", ["staff_a", "staff_b", "company", "admin", None])
def test_the_kept_lists_read_what_the_querysets_read(cast, role):
    # `rows_kept` and `related_sections_kept`: each list's statement written once per model and reader
    # scope for a stand-in record reads, for each record, the rows its own queryset reads (a reverse
    # foreign key's rows knowing their record, as the manager's do)
    from django.contrib.auth.models import AnonymousUser

    from kopru.ui.related import related_sections_kept, rows_kept
    from kopru.ui.views.records import _evidence, _notes

    engagements = [EngagementFactory() for _ in range(3)]
    for index, engagement in enumerate(engagements):
        AgreementFactory(engagement=engagement, visibility=Visibility.SHARED, title=f"Shared {index}")
        AgreementFactory(engagement=engagement, visibility=Visibility.INTERNAL, owner_side="CN")
        ActionFactory(engagement=engagement, visibility=Visibility.PUBLIC)
        attach_evidence(engagement, DocumentFactory(visibility=Visibility.PUBLIC), 0, 4 + index)
        attach_evidence(engagement, DocumentFactory(visibility=Visibility.INTERNAL, owner_side="TR"), 1, 3)
        add_note(engagement, author=cast.staff_b, text=f"theirs {index}", visibility=Visibility.INTERNAL)
        add_note(engagement, author=cast.staff_a, text=f"shared {index}", visibility=Visibility.SHARED)
    user = getattr(cast, role) if role else AnonymousUser()
    for engagement in engagements * 2:
        expected = related_sections(engagement, user)
        found = related_sections_kept(engagement, user, [True] * len(expected))
        assert [(s.label, s.items) for s in found] == [(s.label, s.items) for s in expected]
        for section in found:
            for item in section.items:
                if hasattr(type(item), "engagement"):
                    with CaptureQueriesContext(connection) as queries:
                        assert item.engagement is engagement
                    assert len(queries) == 0
        for name, make in (("evidence", _evidence), ("notes", _notes)):
            rows = rows_kept(name, engagement, user, lambda r, make=make: make(r, user))
            reference = list(make(engagement, user))
            assert rows == reference
            assert [vars(r).keys() for r in rows] == [vars(r).keys() for r in reference]
            if name == "evidence":
                assert [(r.document.title, r.start, r.end) for r in rows] == [
                    (r.document.title, r.start, r.end) for r in reference
                ]
            else:
                assert [(r.author.username, r.text) for r in rows] == [
                    (r.author.username, r.text) for r in reference
                ]
