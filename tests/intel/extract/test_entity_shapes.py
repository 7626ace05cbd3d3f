"""Entity rules of session 3, round 2 (issue 10): document shapes of static-site posts, newsroom pages,
government releases and wire press releases. Every sentence is written for these tests (no outside
articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_path, extract_text
from kopru.intel.extract.reading import read_bytes

pytestmark = pytest.mark.unit

_POST = """---
title: "Harbour Labs opens a compute campus in Tromsø | Harbour Labs"
source: "Harbour Labs Blog"
url: "https://example.org/news/tromso-campus"
date: "2025-03-14"
language: "en-US"
---
{% raw %}

March 14, 2025

[Global Affairs](https://example.org/news/global-affairs/) [Company](https://example.org/news/company/)

![""](images/campus/img_001.png)

Loading…

Harbour Labs will open a compute campus in Tromsø with Fjordkraft Data, the companies said on Friday.
"""


def test_front_matter_gives_title_date_and_site_but_no_text():
    doc = read_bytes(_POST.encode(), source="post.md", suffix=".md")
    assert doc.title == "Harbour Labs opens a compute campus in Tromsø"
    assert doc.published == "2025-03-14"
    assert doc.publisher == "Harbour Labs"
    assert "en-US" not in doc.text and "example.org" not in doc.text
    # template markers, loading placeholders, category links and image alt text are residue
    for residue in ("raw %", "Loading", "Global Affairs", '""'):
        assert residue not in doc.text


def test_front_matter_language_code_names_no_country(tmp_path):
    path = tmp_path / "post.md"
    path.write_text(_POST, encoding="utf-8")
    result = extract_path(str(path))
    assert "US" not in result["countries"]
    assert "Global Affairs" not in {o["name"] for o in result["organizations"]}


def test_acronyms_and_postal_codes_are_no_places():
    text = (
        "Kestrel Robotics opened a plant in Bergen. AI is a foundational technology that can boost "
        "productivity. We deliver the benefits of AI to everyone in Bergen."
    )
    assert [p["name"] for p in extract_text(text)["places"]] == ["Bergen"]
    text = "The summit in Houston, TX drew 300 firms. Kestrel Robotics is based in Quebec City, QC."
    assert [p["name"] for p in extract_text(text)["places"]] == ["Houston", "Quebec"]


def test_a_province_or_city_alone_names_no_country():
    text = "Kestrel Robotics will build a battery plant in Guangdong province and an office in Izmir."
    result = extract_text(text)
    assert [p["name"] for p in result["places"]] == ["Guangdong", "İzmir"]
    assert result["countries"] == []


def test_products_and_computing_acronyms_are_no_organisations():
    text = (
        "Kestrel Robotics Inc. will offer ChatGPT Edu and Microsoft Azure to universities in Oslo. "
        "The GPU cluster serves AGI research and STEM courses, Kestrel Robotics said."
    )
    orgs = {o["name"] for o in extract_text(text)["organizations"]}
    assert not {"ChatGPT Edu", "Microsoft Azure", "GPU", "AGI", "STEM"} & orgs
    assert "Kestrel Robotics" in orgs


def test_a_company_post_of_two_heads_is_one_title_and_its_two_posts():
    text = "Dana Whitlock, President and CEO of Kestrel Robotics Inc., said the plant opens in May."
    people = extract_text(text)["people"]
    assert [(p["name"], [x["title"] for x in p["positions"]]) for p in people] == [
        ("Dana Whitlock", ["President", "CEO"])
    ]


def test_names_of_treaties_and_gatherings_are_no_places():
    text = (
        "Kestrel Robotics Inc. will build a plant in Bergen. The firm backs the Paris Agreement and "
        "joined the G7 talks at the East Asia Summit."
    )
    assert [p["name"] for p in extract_text(text)["places"]] == ["Bergen"]


def test_departments_and_contact_heads_are_no_organisations():
    text = (
        "Kestrel Robotics Inc. will hire staff for Global Affairs and Operations in Oslo.\n\n"
        "Media Inquiries: Kestrel Robotics Inc., Corporate Services, press@example.org"
    )
    orgs = {o["name"] for o in extract_text(text)["organizations"]}
    assert not {"Global Affairs", "Operations", "Media Inquiries", "Corporate Services"} & orgs
    assert "Kestrel Robotics" in orgs
