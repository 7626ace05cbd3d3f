"""The seed article (TRT World, Minister Kacır in China): every fact the pipeline must get, exactly."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.unit


def _spans(result, spans):
    return [result["text"][s:e] for s, e in spans]


def test_it_finds_the_three_ministers_with_titles_and_countries(seed_result):
    people = [(p["name"], p["country"], p["positions"]) for p in seed_result["people"]]
    assert people == [
        (
            "Mehmet Fatih Kacır",
            "TR",
            [
                {
                    "title": "Minister of Industry and Technology",
                    "organization": "Ministry of Industry and Technology",
                }
            ],
        ),
        (
            "Yin Hejun",
            "CN",
            [
                {
                    "title": "Minister of Science and Technology",
                    "organization": "Ministry of Science and Technology",
                }
            ],
        ),
        (
            "Jin Zhuanglong",
            "CN",
            [
                {
                    "title": "Minister of Industry and Information Technology",
                    "organization": "Ministry of Industry and Information Technology",
                }
            ],
        ),
    ]


def test_it_resolves_surnames_and_diacritic_variants_to_kacir(seed_result):
    kacir = seed_result["people"][0]
    assert kacir["aliases"] == ["Kacır", "Kacir"]
    surfaces = _spans(seed_result, kacir["mentions"])
    # the headline's "Minister Kacır", the full name, every "Kacır" and the one "Kacir"
    assert surfaces.count("Mehmet Fatih Kacır") == 1
    assert surfaces.count("Kacir") == 1
    assert surfaces.count("Kacır") == 7


def test_mentions_index_the_normalised_text(seed_result):
    for kind in ("people", "organizations", "places"):
        for entity in seed_result[kind]:
            for s, e in entity["mentions"]:
                assert 0 <= s < e <= len(seed_result["text"])
    assert _spans(seed_result, seed_result["places"][0]["mentions"]) == ["Beijing"]


def test_it_finds_organisations_with_kinds_and_countries(seed_result):
    orgs = [(o["name"], o["kind"], o["country"]) for o in seed_result["organizations"]]
    assert orgs == [
        ("Anadolu Agency", "media", "TR"),
        ("Togg", "company", "TR"),
        ("European Union", "international", None),
        ("Farasis Energy", "company", "CN"),
        ("Huawei", "company", "CN"),
        ("TRT World", "media", "TR"),
    ]
    anadolu = seed_result["organizations"][0]
    assert anadolu["aliases"] == ["AA"]  # named in the photo credit


def test_countries_places_and_metadata(seed_result):
    assert seed_result["countries"] == ["TR", "CN", "RU"]
    assert [(p["name"], p["country"]) for p in seed_result["places"]] == [
        ("Beijing", "CN"),
        ("Akkuyu", "TR"),
        ("Mersin", "TR"),
        ("Jiangxi", "CN"),
    ]
    assert seed_result["title"] is None  # the first line is a photo caption, not a headline
    assert seed_result["published"] is None
    assert seed_result["publisher"] == "TRT World"  # the closing source line
    assert seed_result["language"] == "en"


def test_sectors_each_have_evidence(seed_result):
    codes = [s["code"] for s in seed_result["sectors"]]
    assert sorted(codes) == sorted(
        [
            "investment",
            "ev",
            "battery",
            "automotive",
            "solar",
            "wind",
            "nuclear",
            "rail",
            "vaccines",
            "medicines",
            "medical_devices",
            "trade",
            "research",
            "telecom",
            "cloud",
        ]
    )
    by_code = {s["code"]: _spans(seed_result, s["evidence"]) for s in seed_result["sectors"]}
    assert by_code["wind"] == ["wind energy"]
    assert by_code["trade"] == ["Customs Union"]
    assert by_code["cloud"] == ["cloud computing"]
    assert "medical devices" in by_code["medical_devices"]


def test_the_five_events(seed_result):
    events = [(e["type"], e["status"], e["place"], e["participants"]) for e in seed_result["events"]]
    assert events == [
        ("visit", "ongoing", "China", ["Mehmet Fatih Kacır"]),
        ("meeting", "held", "Beijing", ["Mehmet Fatih Kacır", "Yin Hejun"]),
        ("meeting", "held", "Beijing", ["Mehmet Fatih Kacır", "Jin Zhuanglong"]),
        ("visit", "planned", "Jiangxi", ["Mehmet Fatih Kacır", "Farasis Energy"]),
        ("visit", "planned", None, ["Mehmet Fatih Kacır", "Huawei"]),
    ]
    meeting = seed_result["events"][1]
    assert meeting["sectors"][:2] == ["ev", "battery"]
    evidence = seed_result["text"][meeting["evidence"][0] : meeting["evidence"][1]]
    assert evidence.startswith("Kacır told Anadolu Agency") and evidence.endswith("Jin Zhuanglong.")
    assert seed_result["events"][4]["sectors"] == ["telecom", "cloud", "automotive"]


def test_the_photo_credit_creates_no_facts(seed_result):
    credit_start = seed_result["text"].index("/ Photo: AA")
    credit = (credit_start, credit_start + len("/ Photo: AA"))
    for event in seed_result["events"]:
        assert not (event["evidence"][0] <= credit[0] < event["evidence"][1])
    for claim in seed_result["claims"]:
        assert not (claim["evidence"][0] <= credit[0] < claim["evidence"][1])
    for sector in seed_result["sectors"]:
        assert all(not (s <= credit[0] < e) for s, e in sector["evidence"])


def test_the_claims(seed_result):
    claims = [
        (c["subject"], c["metric"], c["value"], c["unit"], c["scope"], c["sector"], c["text"])
        for c in seed_result["claims"]
    ]
    ranks = "ranks first in Europe, fourth in the world in solar energy"
    assert claims == [
        ("Türkiye", "rank", 1, None, "Europe", "solar", ranks),
        ("Türkiye", "rank", 4, None, "world", "solar", ranks),
        ("Türkiye", "rank", 5, None, "Europe", "wind", "scores in the top five in Europe in wind energy"),
        ("Türkiye", "speed", 160, "km/h", None, "rail", "160 kilometres per hour"),
    ]
    for claim in seed_result["claims"]:
        s, e = claim["evidence"]
        assert seed_result["text"][s:e] == claim["text"]
