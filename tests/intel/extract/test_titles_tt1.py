"""Title rules of round tt1: the shapes of positions missed on real text. Every sentence is written for these
tests (fictional names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [x["title"] for x in p["positions"]] for p in extract_text(text)["people"]}


def test_a_combined_title_is_split_into_its_posts():
    # the gold sets disagree (most since unseen4 split, the OpenAI newsroom sets keep it whole); a post is
    # what an officer files, so the posts are given (round tt12, then split-only: dev 0.828 -> 0.829)
    text = (
        "Orla Brennick, the chairman and chief executive of Kestrel Foods, said sales rose. "
        "Kestrel Foods chairman, CEO and president Tamsin Hale said the plant opens in May."
    )
    titles = _titles(text)
    assert titles["Orla Brennick"] == ["chairman", "chief executive"]
    assert titles["Tamsin Hale"] == ["chairman", "CEO", "president"]


def test_a_remit_runs_on_past_its_and():
    text = (
        "The storm should pass by Friday, said Piet Marlowe, Kestrel Power's senior director of storm "
        "preparedness and response. Lina Osk, vice president for sales and customer strategy in Norway "
        "and Denmark, said demand held."
    )
    titles = _titles(text)
    assert "senior director of storm preparedness and response" in titles["Piet Marlowe"]
    assert "vice president for sales and customer strategy in Norway and Denmark" in titles["Lina Osk"]


def test_a_remit_does_not_run_into_the_next_person():
    text = "Piet Marlowe, director of sales and Lina Osk, a trader, said demand held."
    assert "director of sales" in _titles(text)["Piet Marlowe"]


def test_a_remit_does_not_run_into_an_addressed_name():
    text = "The talks were attended by Mr. Piet Marlowe, Director of Sales and Ms. Lina Osk, a trader."
    assert "Director of Sales and Ms" not in _titles(text).get("Piet Marlowe", [])


def test_a_unit_of_a_body_belongs_to_the_title():
    text = (
        "The talks were attended by Mr. Wu Tanfei, Director General of the Department of Coastal Affairs. "
        '"We are ready," said Lena Varga, Kestrel\u2019s associate administrator of the Lunar Science '
        "Directorate, on Monday. Ole Berg, a member of the Kestrel management board, agreed."
    )
    titles = _titles(text)
    assert "Director General of the Department of Coastal Affairs" in titles["Wu Tanfei"]
    assert "associate administrator of the Lunar Science Directorate" in titles["Lena Varga"]
    assert "member of the Kestrel management board" in titles["Ole Berg"]


def test_a_company_after_a_title_stays_its_body():
    text = "Lena Varga, chief executive of Kestrel Robotics, said the plant opens in May."
    assert _titles(text)["Lena Varga"] == ["chief executive"]


def test_a_body_named_with_its_committee_is_no_unit():
    text = "Li Wanfu, chairman of the Northland People's Congress Standing Committee, met the delegation."
    assert _titles(text)["Li Wanfu"] == ["chairman"]


def test_every_writer_of_a_byline_is_a_reporter():
    text = "By Mara Tullis; Oskar Fenwick\n\nKestrel Foods said on Monday that sales rose in May."
    titles = _titles(text)
    assert titles["Mara Tullis"] == ["reporter"]
    assert titles["Oskar Fenwick"] == ["reporter"]


def test_a_staff_writer_of_a_byline_is_a_reporter_too():
    text = "By Mara Tullis Staff Writer\n\nKestrel Foods said on Monday that sales rose in May."
    assert _titles(text)["Mara Tullis"] == ["reporter", "staff writer"]


def test_a_desk_after_a_byline_is_no_reporter():
    text = "By Mara Tullis; Kestrel Business\n\nKestrel Foods said on Monday that sales rose in May."
    assert "Kestrel Business" not in _titles(text)


def test_a_newly_appointed_head_is_a_head():
    text = "Talks were held with investors, said Oskar Fenwick, the newly appointed head of the Kestrel Fund."
    assert "head" in _titles(text)["Oskar Fenwick"]


def test_a_second_post_of_an_unknown_body_is_kept():
    text = (
        "Lin Haofei, chairman of Kestrel Robotics and president of the Northland Builders Guild in Bergen, "
        "said the line opens in May."
    )
    assert {"chairman", "president"} <= set(_titles(text)["Lin Haofei"])


def test_a_post_left_or_held_is_a_position():
    text = "Oskar Fenwick resigned Monday as president of Kestrel Oil, the state oil company said."
    assert "president" in _titles(text)["Oskar Fenwick"]


def test_group_and_chief_ranks_belong_to_the_title():
    text = (
        "Group Chief Executive Oskar Fenwick told reporters the deal was done. Northland's Chief Minister "
        "Lin Haofei agreed. Kestrel Group CEO Mara Tullis declined to comment."
    )
    titles = _titles(text)
    assert "Group Chief Executive" in titles["Oskar Fenwick"]
    assert "Chief Minister" in titles["Lin Haofei"]
    assert "CEO" in titles["Mara Tullis"]


def test_a_remit_naming_no_body_stays_in_the_title():
    text = (
        "Kestrel Motors will cut costs, Oskar Fenwick, Kestrel Motors' group vice president for Northern "
        "car operations, said on Monday."
    )
    assert "group vice president for Northern car operations" in _titles(text)["Oskar Fenwick"]
