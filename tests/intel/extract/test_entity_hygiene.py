"""Entity hygiene that generalises: markup residue, titles and stray words around names, company shapes,
places and lone words that are no people. Texts are written for these tests (no outside articles)."""

from __future__ import annotations

import pytest

from kopru.intel.extract import extract_text
from kopru.intel.extract.reading import normalise_text, strip_markup_residue

pytestmark = pytest.mark.unit


def _people(text: str) -> list[str]:
    return [p["name"] for p in extract_text(text)["people"]]


def _orgs(text: str) -> list[str]:
    return [o["name"] for o in extract_text(text)["organizations"]]


def test_markdown_links_images_and_link_leftovers_keep_only_their_text():
    raw = (
        "Home | World | Business | Tech\n"
        "## Battery deal\n"
        "The [press release](https://example.com/a?b=1) by **Volta Motors** ![logo](/img/logo.png) says "
        "Ursula von der Leyen](https://en.wikipedia.org/wiki/Ursula) welcomed it.\n"
        "Share this article\n"
        "https://example.com/related\n"
        "Belt &amp; Road, said Secretary Anand Rao.&nbsp;&nbsp;"
    )
    text = normalise_text(raw)
    assert text == (
        "Battery deal\n"
        "The press release by Volta Motors says Ursula von der Leyen welcomed it.\n\n"
        "Belt & Road, said Secretary Anand Rao."
    )
    assert normalise_text(text) == text  # idempotent: stored text re-normalised is the same
    assert (
        strip_markup_residue("a | b is a ratio of 3 | 4, not a menu.")
        == "a | b is a ratio of 3 | 4, not a menu."
    )


def test_offsets_index_the_text_without_residue():
    result = extract_text(
        "Analyst [Karim Haddad](https://x.org/k) of the Levant Institute said the talks went well."
    )
    (person,) = result["people"]
    s, e = person["mentions"][0]
    assert result["text"][s:e] == "Karim Haddad"


def test_titles_and_stray_words_before_a_name_are_trimmed():
    text = (
        "Space agency Administrator Joan Whitfield met Secretary of State Thomas R. Pickard in Washington. "
        "Trade Representative Robert Lindqvist said Volta Motors' Rick Wagner would attend."
    )
    people = _people(text)
    assert "Joan Whitfield" in people
    assert "Thomas R. Pickard" in people
    assert "Robert Lindqvist" in people
    assert not any(p.startswith(("Administrator", "State ", "Representative", "Secretary")) for p in people)


def test_name_particles_are_kept():
    text = "Ursula von der Leyen met Rodrigo de Rato and Mohammed bin Salman in Brussels on Monday."
    people = _people(text)
    assert "Ursula von der Leyen" in people
    assert "Rodrigo de Rato" in people


def test_company_shaped_names_are_organisations_not_people():
    text = (
        "Ganfeng Lithium and Hartford Courant reported on Monday that Tianqi Lithium would invest in Chile. "
        "Minister Ana Ruiz welcomed the news."
    )
    people = _people(text)
    assert people == ["Ana Ruiz"]


def test_a_lone_word_without_any_title_is_no_person_but_a_titled_one_is():
    text = (
        "Width: 1,850 mm. Curb weight: 1,600 kg.\n\n"
        "President Trump said on Friday that Whoosh trains would run faster. Trump added nothing."
    )
    people = _people(text)
    assert people == ["Trump"]


def test_a_name_used_as_a_place_is_no_person():
    text = (
        "The railway will run from the capital to Nong Khai province. Officials in Nong Khai said the "
        "line would open in 2028, Transport Minister Suriya Jungrungreangkit said."
    )
    assert "Nong Khai" not in _people(text)


def test_a_shouted_wire_headline_gives_no_person():
    text = (
        "MINISTER LIKELY TO VISIT ANKARA\n\n"
        "Chinese Commerce Minister Wang Wentao is likely to visit Ankara next month, officials said."
    )
    assert _people(text) == ["Wang Wentao"]


def test_governments_and_ministries_named_in_lower_case_are_organisations_and_parties():
    text = (
        "Volta Battery and the Portuguese government signed a memorandum on Monday. Later, Ostrava Rail "
        "signed an agreement with the Serbian ministry of transport and infrastructure to sell ten trains."
    )
    result = extract_text(text)
    orgs = {o["name"]: (o["kind"], o["country"]) for o in result["organizations"]}
    assert orgs["Portuguese government"] == ("government", "PT")
    assert orgs["ministry of transport and infrastructure"] == ("government", "RS")
    parties = [e["participants"] for e in result["events"] if e["type"] == "agreement"]
    assert ["Volta Battery", "Portuguese government"] in parties
    assert any("ministry of transport and infrastructure" in p for p in parties)


def test_an_acronym_and_a_last_word_name_the_same_organisation():
    text = "General Motors and MG Rover held talks in Detroit. GM said the talks went well, and Rover agreed."
    orgs = {o["name"]: o["aliases"] for o in extract_text(text)["organizations"]}
    assert "GM" in orgs["General Motors"] and "Rover" in orgs["MG Rover"]


def test_a_name_stuck_to_an_organisation_or_an_office_is_a_person():
    text = (
        "The Federation of Thai Industries Kriengkrai Thiennukul welcomed the deal. "
        "Indian National Security Advisor Ajit Doval met officials in Delhi."
    )
    result = extract_text(text)
    people = [p["name"] for p in result["people"]]
    orgs = [o["name"] for o in result["organizations"]]
    assert "Kriengkrai Thiennukul" in people and "Ajit Doval" in people
    assert "Federation of Thai Industries" in orgs
    assert not any(o.endswith("Advisor") for o in orgs)


def test_normalising_is_idempotent_on_double_escaped_residue():
    raw = "Belt &amp;amp; Road &amp;nbsp;[[Volta](https://a.example/v)](https://b.example) said."
    once = normalise_text(raw)
    assert normalise_text(once) == once
    assert "&" in once and "nbsp" not in once and "](" not in once
