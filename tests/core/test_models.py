import datetime

import pytest
from django.core.exceptions import ValidationError

from kopru.core.domain.documents import store_document
from kopru.core.domain.evidence import Span, attach_evidence, evidence_for, highlight
from kopru.core.enums import Visibility
from kopru.core.models import Document, Person
from tests.factories import DocumentFactory, PersonFactory

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def test_search_text_follows_name_and_aliases_on_every_save():
    person = PersonFactory(name="Mehmet Fatih Kacır", aliases=["Kacır"])
    assert Person.objects.get(pk=person.pk).search_text == "mehmet fatih kacir | kacir"
    person.aliases = ["M. F. Kacır"]
    person.save()
    assert Person.objects.get(pk=person.pk).search_text == "mehmet fatih kacir | m. f. kacir"


def test_bulk_created_people_are_searchable_too():
    Person.objects.bulk_create([Person(name="Yin Hejun"), Person(name="Jin Zhuanglong")])
    assert list(Person.objects.filter(search_text__contains="hejun").values_list("name", flat=True)) == [
        "Yin Hejun"
    ]


def test_internal_records_must_name_their_side():
    person = PersonFactory.build(visibility=Visibility.INTERNAL, owner_side="")
    with pytest.raises(ValidationError) as error:
        person.full_clean()
    assert list(error.value.message_dict) == ["owner_side"]


def test_a_document_is_stored_once_per_content():
    first = store_document(content=b"same bytes", text="same bytes", title="First")
    second = store_document(content=b"same bytes", text="same bytes", title="Second upload")
    assert (first.created, second.created) == (True, False)
    assert second.document == first.document
    assert Document.objects.count() == 1


def test_evidence_quotes_the_exact_span(cast):
    document = DocumentFactory(text="Kacır met Yin Hejun in Beijing.")
    person = PersonFactory(name="Yin Hejun")
    evidence = attach_evidence(person, document, 10, 19)
    assert evidence.quote == "Yin Hejun"
    assert list(evidence_for(person, cast.staff_a)) == [evidence]
    assert attach_evidence(person, document, 10, 19) == evidence


def test_evidence_with_a_span_past_the_text_is_refused():
    document = DocumentFactory(text="short")
    with pytest.raises(ValidationError):
        attach_evidence(PersonFactory(), document, 2, 50)


def test_highlight_escapes_html_and_merges_overlaps():
    html = highlight("<b>Kacır</b> met Yin", [Span(3, 8, "ev-1"), Span(5, 10), Span(13, 16)])
    assert html == '&lt;b&gt;<mark id="ev-1">Kacır&lt;/</mark>b&gt; <mark>met</mark> Yin'


def test_position_dates_must_be_in_order():
    from tests.factories import PositionFactory

    position = PositionFactory.build(
        person=PersonFactory(), start_date=datetime.date(2024, 1, 1), end_date=datetime.date(2023, 1, 1)
    )
    with pytest.raises(ValidationError) as error:
        position.full_clean()
    assert list(error.value.message_dict) == ["end_date"]
