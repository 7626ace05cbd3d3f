"""Entity rules of session 3, round 3 (issue 10): titles and organisations on the shapes of unseen text.
Every sentence is written for these tests (fictional names, no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text

pytestmark = pytest.mark.unit


def _titles(text: str) -> dict[str, list[str]]:
    return {p["name"]: [x["title"] for x in p["positions"]] for p in extract_text(text)["people"]}


def test_a_company_post_of_two_heads_after_the_name_is_one_title_and_its_posts():
    text = (
        '"We build," said Dana Whitlock, co-founder and CEO of Kestrel Robotics. "Good," said Mara Vance, '
        'chair and CEO, Volta Systems. "Fine," said Ole Berg, EVP, CFO and treasurer, Volta Systems.'
    )
    titles = _titles(text)
    assert titles["Dana Whitlock"] == ["co-founder", "CEO"]
    assert titles["Mara Vance"] == ["chair", "CEO"]
    assert titles["Ole Berg"] == ["EVP", "CFO", "treasurer"]


def test_a_company_post_of_two_heads_before_the_name_is_one_title_and_its_posts():
    text = "Kestrel Robotics co-founder and President Dana Whitlock said the plant opens in May."
    assert _titles(text)["Dana Whitlock"] == ["co-founder", "President"]


def test_a_further_post_of_another_body_stays_its_own():
    text = (
        '"We build," said Jim Varley, Kestrel\u2019s president and CEO and president of Kestrel Labs. "Yes."'
    )
    assert _titles(text)["Jim Varley"] == ["president", "CEO"]


def test_offices_of_state_are_not_joined():
    text = "Prime Minister and Finance Minister Ole Berg met Mara Vance, president of Kestrel Robotics."
    titles = _titles(text)
    assert titles["Mara Vance"] == ["president"]
    assert "and" not in " ".join(titles["Ole Berg"])


def test_a_capitalised_remit_before_the_body_belongs_to_the_title():
    text = (
        'Kestrel Robotics signed a deal with Volta Systems. "It helps," says Ann Neuer, Head of Platform '
        'Solutions for Kestrel Robotics. "Yes," said Ole Brand, General Manager of Life Care Solutions '
        "Europe at Volta Systems."
    )
    people = {p["name"]: p["positions"] for p in extract_text(text)["people"]}
    assert people["Ann Neuer"] == [
        {"title": "Head of Platform Solutions", "organization": "Kestrel Robotics"}
    ]
    assert people["Ole Brand"] == [
        {"title": "General Manager of Life Care Solutions Europe", "organization": "Volta Systems"}
    ]


def test_chief_officer_posts_by_their_shape():
    text = "Starting next week, Kestrel Robotics Chief Strategy Officer Ann Neuer will tour Asia."
    people = extract_text(text)["people"]
    assert [(p["name"], p["positions"]) for p in people] == [
        ("Ann Neuer", [{"title": "Chief Strategy Officer", "organization": "Kestrel Robotics"}])
    ]


def test_a_ministry_remit_listed_with_commas_and_titled_names_in_a_list():
    text = (
        "Accompanying the President were Minister of Foreign Affairs, Employment and Tourism Ravi Perera, "
        "Minister of Transport, Highways, Ports, and Civil Aviation, Nimal Silva, and others."
    )
    assert _titles(text) == {
        "Ravi Perera": ["Minister of Foreign Affairs, Employment and Tourism"],
        "Nimal Silva": ["Minister of Transport, Highways, Ports, and Civil Aviation"],
    }


def test_a_title_then_an_honorific_and_a_name_is_that_name_s():
    text = "The Minister of Commerce of the Republic of Korea, Mr. Park Jin-ho, met President Ravi Perera."
    assert _titles(text)["Park Jin-ho"] == ["Minister of Commerce"]


def test_a_name_does_not_run_into_the_next_title():
    text = (
        "Present were Minister of Trade Ravi Perera Secretary to the President Dr. Nimal Silva and "
        "officials of both sides."
    )
    assert _titles(text) == {
        "Ravi Perera": ["Minister of Trade"],
        "Nimal Silva": ["Secretary to the President"],
    }


def test_one_word_after_a_title_s_body_is_no_holder():
    text = '"We grow," said Tom Harlan, CEO of GE Vernova. "These jobs matter," Harlan continued.'
    people = extract_text(text)["people"]
    assert [p["name"] for p in people] == ["Tom Harlan"]
    assert [x["title"] for x in people[0]["positions"]] == ["CEO"]


def _orgs(text: str) -> set[str]:
    return {o["name"] for o in extract_text(text)["organizations"]}


def test_programmes_partnerships_indices_and_sites_are_no_organisations():
    text = (
        "Kestrel Robotics Inc. joined the Nordic Clean Energy Industry Dialogue and the Arctic Climate "
        "Partnership. The Harbour Composite fell 2% and the Velta Index rose. Kestrel Robotics Inc. will "
        "build the Tromsø Data Center at the Lyngen Energy Campus."
    )
    orgs = _orgs(text)
    assert "Kestrel Robotics Inc." in orgs or "Kestrel Robotics" in orgs
    assert not {o for o in orgs if o.endswith(("Dialogue", "Partnership", "Composite", "Index", "Campus"))}
    assert not {o for o in orgs if "Data Center" in o}


def test_a_metropolitan_area_taken_for_a_body_is_a_place():
    text = "Kestrel Robotics Inc. will open an office in the Bergen Metropolitan Area next year."
    result = extract_text(text)
    assert "Bergen Metropolitan Area" not in {o["name"] for o in result["organizations"]}
    assert "Bergen Metropolitan Area" in {p["name"] for p in result["places"]}


def test_a_title_case_headline_verb_ends_no_organisation():
    text = (
        "Norway Expresses Interest In Arctic Data Hubs\n\n"
        "Oslo officials said on Monday that Kestrel Robotics Inc. may build a site in Tromsø."
    )
    assert not {o for o in _orgs(text) if "Expresses" in o}


def test_a_name_tagged_as_a_body_with_a_title_beside_it_is_a_person():
    from kopru.intel.extract.entities import OrgRec
    from kopru.intel.extract.gazetteer import load
    from kopru.intel.extract.pipeline import _take_person_named_orgs

    text = (
        "The MoU was signed by Ann Lorimer, Minister of Development, and by Volta Systems. "
        "Harbour Lynch said it would advise, said Harbour Lynch chief executive Tom Hale."
    )

    def rec(name: str) -> OrgRec:
        s = text.index(name)
        return OrgRec(name, "other", None, mentions=[(s, s + len(name))])

    orgs = {n: rec(n) for n in ("Ann Lorimer", "Harbour Lynch", "Tom Hale")}
    taken = _take_person_named_orgs(text, orgs, load(), [])
    assert sorted(text[s:e] for s, e in taken) == ["Ann Lorimer", "Tom Hale"]
    assert set(orgs) == {"Harbour Lynch"}


def _people(text: str) -> list[str]:
    return [p["name"] for p in extract_text(text)["people"]]


def test_a_translation_or_a_verb_does_not_run_into_a_name():
    from kopru.intel.extract.gazetteer import load
    from kopru.intel.extract.pipeline import _clean_person
    from kopru.intel.extract.titles import compiled_for

    gaz = load()
    comp = compiled_for(gaz)
    text = "团队包括 Kiana Ahlgren、Luca Brandt 和 Ross Dale. Then Tom Hale said,“Small firms grow."
    s = text.index("Kiana")
    assert text[slice(*_clean_person(text, s, text.index("和") - 1, gaz, comp))] == "Kiana Ahlgren"
    s = text.index("Tom Hale")
    assert text[slice(*_clean_person(text, s, s + len("Tom Hale said,“Small"), gaz, comp))] == "Tom Hale"


def test_his_highness_is_no_part_of_a_name():
    text = (
        "Under the patronage of His Highness Sheikh Rashid bin Saeed Al Hamed, Vice President of the "
        "Federation, the ministry hosted the summit."
    )
    names = _people(text)
    assert names and not any(n.startswith(("Highness", "His")) for n in names)


def test_a_name_ending_in_a_company_word_is_a_company():
    from kopru.intel.extract.coref import Person
    from kopru.intel.extract.person_checks import drop_false_people

    text = "Kestrel Robotics will work with Sorvik AI, Lumen Health and Alba Investama; Ann Lorimer agreed."
    people = [
        Person(n, mentions=[(text.index(n), text.index(n) + len(n))])
        for n in ("Sorvik AI", "Lumen Health", "Alba Investama", "Ann Lorimer")
    ]
    orgs: dict = {}
    drop_false_people(text, people, orgs)
    assert [p.name for p in people] == ["Ann Lorimer"]
    assert set(orgs) == {"Sorvik AI", "Lumen Health", "Alba Investama"}


def test_a_name_in_a_run_of_known_places_is_a_place():
    from kopru.intel.extract.gazetteer import load
    from kopru.intel.extract.pipeline import _beside_a_place

    gaz = load()
    text = "a third line along the coast from Dong Vanh to Haiphong, and rail to Hanoi, Dong Vanh and Lang."
    s = text.index("Dong Vanh")
    assert _beside_a_place(text, s, s + len("Dong Vanh"), gaz)
    s = text.rindex("Dong Vanh")
    assert _beside_a_place(text, s, s + len("Dong Vanh"), gaz)
    other = "He met Ann Lorimer and Tom Hale."
    s = other.index("Ann Lorimer")
    assert not _beside_a_place(other, s, s + len("Ann Lorimer"), gaz)


def test_two_passing_mentions_of_ai_are_no_cloud_topic():
    from kopru.intel.extract.sectors import summarise

    text = "Harbour Daily signed a content deal. " + "x" * 400 + " AI summaries. More AI later."
    a, b = text.index("AI"), text.rindex("AI")
    hits = [(a, a + 2, "cloud"), (b, b + 2, "cloud")]
    assert summarise(hits, lead_end=400, text=text) == []
    c = text.index("content")
    assert [x["code"] for x in summarise([*hits, (c, c + 7, "cloud")], lead_end=400, text=text)] == ["cloud"]


def test_names_after_a_form_of_address_or_before_a_capitalised_title():
    text = (
        "The agreements were signed in the presence of H.E. Daeho Kim, Deputy Minister at the Ministry of "
        "Small Enterprises. The MoU was signed by Tomas Varga, Minister of Development; Petra Halvorsen, "
        "Managing Director of Endeavor Nordic; and Kestrel Robotics Inc."
    )
    titles = _titles(text)
    assert titles["Daeho Kim"] == ["Deputy Minister"]
    assert titles["Petra Halvorsen"] == ["Managing Director"]


def test_rank_words_and_elect_belong_to_the_title():
    assert _titles("The first official since former U.S. Secretary of State Tom Harlan visited in 1990.") == {
        "Tom Harlan": ["former Secretary of State"]
    }
    assert _titles("Also attending will be Harbour Bank deputy CEO Jiang Lirong, who will speak.") == {
        "Jiang Lirong": ["deputy CEO"]
    }
    assert _titles("Russian President-elect Ivan Sorokin returned to Moscow early Wednesday.") == {
        "Ivan Sorokin": ["President-elect"]
    }


def test_a_name_after_a_parenthesised_acronym_and_two_offices_before_one_name():
    text = "Signatures were Governor of the State Bank of Vietnam (SBV) Le Van Minh and officials."
    assert _titles(text)["Le Van Minh"] == ["Governor"]
    text = "Prime Minister and Finance Minister Ole Berg on Wednesday invited firms to invest."
    assert _titles(text)["Ole Berg"] == ["Prime Minister", "Finance Minister"]


def test_a_place_s_name_inside_a_name_is_a_middle_name():
    assert _titles("President Vo Van Thuong stressed the importance of peace.") == {
        "Vo Van Thuong": ["President"]
    }


def test_common_words_models_and_glued_residue_are_no_organisations():
    from kopru.intel.extract.entities import _LOWER_WORD_RE, _common_word_or_model

    text = "Telecoms is one of two areas; telecoms firms agreed. See www.telecoms.example for more."
    lower = set(_LOWER_WORD_RE.findall(text))
    assert _common_word_or_model("Telecoms", lower)
    assert not _common_word_or_model("Ascom", set(_LOWER_WORD_RE.findall("Visit www.ascom.com today.")))
    assert _common_word_or_model("Harbour S", set())
    assert _common_word_or_model("CAwww", set()) and _common_word_or_model("APIin", set())
    assert not _common_word_or_model("Kestrel Robotics", set())


def test_a_wire_release_dateline_names_its_distributor():
    result = extract_text(
        "Kestrel and Volta partner\n\nBERGEN, NO, May 14, 2025 /NordWire/ -- Kestrel Robotics Inc. and "
        "Volta Systems Inc. are partnering on a plant."
    )
    assert result["publisher"] == "NordWire"
    assert result["published"] == "2025-05-14"
    assert "NordWire" in {o["name"] for o in result["organizations"]}


def test_the_items_of_a_list_of_companies_are_companies():
    text = (
        "Harbour Labs works with companies in Norway, including Fjordline, Skarvik Data, Norcode24 and "
        "Trollvik. It also sells in its core markets: Spain, Latam and Portugal. European properties "
        "are next."
    )
    result = extract_text(text)
    orgs = {o["name"] for o in result["organizations"]}
    assert {"Fjordline", "Skarvik Data", "Norcode24", "Trollvik"} <= orgs
    assert not {"Latam", "European", "Spain"} & orgs


def test_a_site_named_by_its_place_is_a_place_not_a_body():
    from kopru.intel.extract.entities import OrgRec, drop_false_orgs
    from kopru.intel.extract.gazetteer import load

    text = (
        "It makes cars at its vast Holvik factory. The main factory in Brennmark closed. Kestrel Robotics "
        "said so."
    )
    orgs = {}
    for name in ("Holvik", "Brennmark", "Kestrel Robotics"):
        s = text.index(name)
        orgs[name] = OrgRec(name, "other", None, mentions=[(s, s + len(name))])
    things = drop_false_orgs(text, orgs, load())
    assert set(orgs) == {"Kestrel Robotics"}
    assert {name for name, _m, is_place in things if is_place} == {"Holvik", "Brennmark"}


def test_document_words_articles_and_bodies_named_by_a_place_are_no_places():
    text = (
        "A United Arab Emirates delegation signed a Memorandum of Understanding in Bergen. Changyu said in a "
        "statement to the Shenzhen stock exchange that it would pay."
    )
    places = {p["name"] for p in extract_text(text)["places"]}
    assert "Bergen" in places
    assert not {"Understanding", "Shenzhen", "A United Arab Emirates"} & places


def test_a_quoted_nickname_is_the_same_person():
    result = extract_text(
        "President Joko “Jokowi” Widodo met his counterpart Xi Jinping in Chengdu. Jokowi said it went well."
    )
    people = {p["name"]: p["aliases"] for p in result["people"]}
    assert "Jokowi" not in people
    assert "Jokowi" in people["Joko Widodo"]


def test_an_occasion_after_a_title_and_markdown_marks_are_no_names():
    people = _people("OpenAI is also launching an annual Founder Day in Oslo for young builders.")
    assert "Day" not in people
    from kopru.intel.extract.entities import clean_entity_text

    text = "with Le Monde and Prisa Media\\\\ and **Harbour Daily**"
    s = text.index("Prisa")
    assert text[slice(*clean_entity_text(text, s, s + len("Prisa Media\\\\")))] == "Prisa Media"
    s = text.index("**Harbour")
    assert text[slice(*clean_entity_text(text, s, len(text)))] == "Harbour Daily"


def test_a_body_cut_at_and_or_a_possessive_gets_its_whole_name():
    cases = {
        "The team worked closely with the Ministry of ICT and Innovation and partners in Kigali.": (
            "Ministry of ICT and Innovation"
        ),
        "He met Zhao Leji, Chairman of the Standing Committee of the National People’s Congress.": (
            "Standing Committee of the National People’s Congress"
        ),
        "The State Administration of Radio, Film and Television (SARFT), which regulates TV, agreed.": (
            "State Administration of Radio, Film and Television"
        ),
    }
    for text, name in cases.items():
        assert name in {o["name"] for o in extract_text(text)["organizations"]}


def test_a_short_name_between_the_comma_and_an_appositive_title():
    text = (
        "A delegation, led by Her Excellency Mira bint Saeed Al Hamed, UAE Minister of State for "
        "Entrepreneurship, took part."
    )
    assert _titles(text)["Mira bint Saeed Al Hamed"] == ["Minister of State for Entrepreneurship"]
    text = "U.S. Secretary of Energy Chris Walden recently met with Bulgaria’s Minister of Energy."
    assert _titles(text)["Chris Walden"] == ["Secretary of Energy"]


def test_an_exchange_named_only_in_a_ticker_is_no_party():
    text = "Kestrel Robotics Inc. (NYSE: KRB) will add 250 jobs at its plant in Bergen, the company said."
    assert "NYSE" not in _orgs(text)
    text = "Kestrel Robotics Inc. listed on the NYSE in May. Kestrel Robotics Inc. (NYSE: KRB) grew."
    assert "NYSE" in _orgs(text)


def test_former_in_lower_case_titles_and_envoys_of_one_country_to_another():
    assert _titles("The stake held by Harbour’s former chairman, Ole Brandt, was sold for $13 a share.") == {
        "Ole Brandt": ["former chairman"]
    }
    text = "The MoU was exchanged by H.E.Mr. Ravi Menon, High Commissioner of India to Sri Lanka."
    assert _titles(text)["Ravi Menon"] == ["High Commissioner to Sri Lanka"]
    text = "The Minister of Commerce of the People’s Republic of China, Mr. Wang Lirong, who is here, met."
    assert _titles(text)["Wang Lirong"] == ["Minister of Commerce"]


def test_a_title_taken_for_a_body_and_a_body_cut_at_its_start():
    from kopru.intel.extract.entities import OrgRec, _false_org_name, extend_cut_bodies

    assert _false_org_name("Head of Education and Government Sales")
    assert _false_org_name("Ruler of Dubai")
    assert not _false_org_name("Bank of Norway")
    text = "Partners:\nHolvik Academy of Higher Education\nUniversity of Petroleum and Energy Studies\n"
    orgs = {}
    for name in ("Academy of Higher Education", "Petroleum and Energy Studies"):
        s = text.index(name)
        orgs[name] = OrgRec(name, "other", None, mentions=[(s, s + len(name))])
    extend_cut_bodies(text, orgs, frozenset())
    assert set(orgs) == {"Holvik Academy of Higher Education", "University of Petroleum and Energy Studies"}


def test_one_plural_office_before_two_names():
    text = "Through this partnership, announced by Presidents Lula and Biden, both countries intend to act."
    assert _titles(text) == {"Lula": ["President"], "Biden": ["President"]}
    assert _titles("Prime Ministers Ann Lorimer and Ole Berg met in Oslo.") == {
        "Ann Lorimer": ["Prime Minister"],
        "Ole Berg": ["Prime Minister"],
    }
