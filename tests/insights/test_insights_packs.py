"""Briefing packs obey visibility: side B's staff never see side A's internal facts; a company user gets
the public pack. The PDF is rendered from the same HTML, Chinese glyphs included."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kopru.core.enums import Visibility
from tests.insights.builders import activity

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def person():
    person, _made = activity(1, code="battery", visibility=Visibility.SHARED)
    activity(1, code="battery", visibility=Visibility.INTERNAL, owner_side="TR", person=person)
    activity(1, code="battery", visibility=Visibility.PUBLIC, person=person)
    return person


def _pack(client, user, person):
    client.force_login(user)
    response = client.get(f"/insights/packs/person/{person.pk}/")
    assert response.status_code == 200
    return response.content.decode(), response.context["pack"]


def test_side_a_staff_see_their_internal_facts(client, cast, person):
    html, pack = _pack(client, cast.staff_a, person)
    assert "battery meeting 0 internal" in html
    assert "battery action 0 internal" in html
    assert len(pack.timeline) == 3


def test_side_b_staff_never_see_side_as_internal_facts(client, cast, person):
    html, pack = _pack(client, cast.staff_b, person)
    assert "internal" not in html.replace("internal to", "")
    assert {line.text for line in pack.timeline} == {"battery meeting 0 shared", "battery meeting 0 public"}
    assert {item.title for item in pack.commitments} == {"battery action 0 shared", "battery action 0 public"}
    assert all("internal" not in line.text for line in pack.deals + pack.claims + pack.documents)


def test_a_company_user_gets_the_public_pack(client, cast, person):
    html, pack = _pack(client, cast.company, person)
    assert pack.public is True
    assert [line.text for line in pack.timeline] == ["battery meeting 0 public"]
    assert [item.title for item in pack.commitments] == ["battery action 0 public"]
    assert [line.text for line in pack.deals] == ["battery deal 0 public"]
    assert "shared" not in html.replace("shared by", "")


def test_the_pdf_is_the_same_page_with_chinese_glyphs(client, cast, person):
    person.name = "Ayşe 王芳"
    person.save()
    client.force_login(cast.staff_a)
    response = client.get(f"/insights/packs/person/{person.pk}/pdf/", HTTP_ACCEPT_LANGUAGE="zh-hans")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "王芳" in text
    assert "battery meeting 0 internal" in text
