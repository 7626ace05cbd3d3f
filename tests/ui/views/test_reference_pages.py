"""The sector and country pages show names in the reader's language, not the taxonomy's codes."""

from __future__ import annotations

import re

import pytest
from django.conf import settings

from kopru.core.models import Sector

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Cross-cutting"), ("tr", "Yatay alanlar"), ("zh-hans", "综合领域")]
)
def test_the_sectors_page_names_sectors_in_the_readers_language(client, cast, language, name):
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/sectors/").content.decode()
    visible = re.sub(r"<[^>]*>", " ", page)  # option values may keep the code; the reader sees none
    assert f">{name}<" in page
    assert "cross_cutting" not in visible


@pytest.mark.parametrize(
    ("language", "name"), [("en", "Albania"), ("tr", "Arnavutluk"), ("zh-hans", "阿尔巴尼亚")]
)
def test_the_countries_page_names_countries_in_the_readers_language(client, cast, language, name):
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get("/countries/").content.decode()  # by English name: Albania is on the first page
    assert f">{name}<" in page


@pytest.mark.parametrize("language", ["tr", "zh-hans"])
def test_a_sector_page_hides_the_taxonomy_code_and_shows_the_three_names(client, cast, language):
    sector = Sector.objects.get(code="research")
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    page = client.get(f"/sectors/{sector.pk}/").content.decode()
    assert "<td>research</td>" not in page
    for name in ("Science and R&amp;D cooperation", "Bilim ve Ar-Ge iş birliği", "科技与研发合作"):
        assert f"<td>{name}</td>" in page


def _first_column(page: str) -> list[str]:
    body = page.split("<tbody", 1)[1].split("</tbody>", 1)[0]
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)
    cells = [re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)[0] for row in rows]
    return [re.sub(r"<[^>]*>", "", cell).strip() for cell in cells]


def test_sectors_sort_by_the_name_the_reader_sees(client, cast):
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    ascending = _first_column(client.get("/sectors/?sort=localised_name").content.decode())
    descending = _first_column(client.get("/sectors/?sort=-localised_name").content.decode())
    turkish = {sector.name_tr or sector.name for sector in Sector.objects.all()}
    assert (set(ascending), len(ascending)) == (turkish, Sector.objects.count())
    assert descending == ascending[::-1]
    assert ascending != sorted(ascending, key=lambda name: Sector.objects.get(name_tr=name).code)


def test_reference_lists_search_codes_and_names_in_every_language(client, cast):
    client.force_login(cast.staff_a)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "tr"
    assert _first_column(client.get("/countries/?q=Arnavut").content.decode()) == ["AL"]
    assert _first_column(client.get("/countries/?q=阿尔巴尼亚").content.decode()) == ["AL"]
    assert "Yatay alanlar" in _first_column(client.get("/sectors/?q=cross").content.decode())
