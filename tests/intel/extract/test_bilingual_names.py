"""A bilingual page (an English paragraph, then its Chinese translation): names stop where the Latin script
stops. The English tagger runs a name on into the next script ("Harrison Chase，LangChain", "Vercel 和
Sitecore"); the span is cut to its first Latin stretch, and a name written only in Chinese stays whole."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.entities import clean_entity_text


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("Marlow Vence，Quillbase", "Marlow Vence"),
        ("Quillbase 和 Orvanta", "Quillbase"),
        ("Orvanta 集成，可将数据直接导入", "Orvanta"),
        ("集成 Marlow Vence", "Marlow Vence"),
        ("王芳", "王芳"),
        ("Quillbase Systems", "Quillbase Systems"),
    ],
)
def test_a_span_is_cut_to_its_first_latin_stretch(span, name):
    start, end = clean_entity_text(span, 0, len(span))
    assert span[start:end] == name


def test_a_bilingual_announcement_keeps_its_latin_names_whole_and_alone():
    text = (
        "Quillbase and Orvanta announce a partnership\n\n"
        "Quillbase, a software company, signed a partnership with Orvanta on Monday, said Marlow Vence, "
        "chief executive of Quillbase.\n\n"
        "Quillbase 和 Orvanta 宣布建立合作伙伴关系。"
        "Quillbase 首席执行官 Marlow Vence，Quillbase 表示，双方将共同开发新产品。"
    )
    result = extract_text(text)
    organisations = {org["name"] for org in result["organizations"]}
    people = {person["name"] for person in result["people"]}
    assert all(not any("\u4e00" <= ch <= "\u9fff" for ch in name) for name in organisations | people)
    assert {"Quillbase", "Orvanta"} <= organisations
    assert "Marlow Vence" in people
